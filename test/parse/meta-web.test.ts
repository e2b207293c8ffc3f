// Issuing body and year from the title and the 落款, never from crawler headers, breadcrumbs, page
// footers or publish dates; the report body found inside real-looking government web pages.
import { readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../../src-main/engine/ingest/read.ts'
import { htmlToResult } from '../../src-main/engine/ingest/readers/html.ts'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { townshipKey } from '../../src-main/engine/parse/meta.ts'
import type { ParsedReport, ReadResult } from '../../src-main/engine/model.ts'
import { FIXTURES, ROOT, SEEDS, SEED_DIR } from '../helpers/seeds.ts'

const REAL_PDF = join(ROOT, 'test', 'accuracy', 'real')
const WEB = join(FIXTURES, 'web')

function parse(text: string): ParsedReport {
  return parseReport(readText(new TextEncoder().encode(text)))
}

async function readFile(path: string): Promise<{ read: ReadResult; r: ParsedReport }> {
  const read = await readDocument(extname(path), new Uint8Array(readFileSync(path)))
  return { read, r: parseReport(read) }
}

function seed(prefix: string): string {
  return readFileSync(join(SEED_DIR, SEEDS.find((s) => s.startsWith(prefix))!), 'utf8')
}

function expectSix(r: ParsedReport): void {
  expect(r.sections.map((s) => s.found)).toEqual([true, true, true, true, true, true])
  const starts = r.sections.map((s) => s.titleSpan!.start)
  expect([...starts].sort((a, b) => a - b)).toEqual(starts)
}

describe('real PDFs (../shared/real-pdf): county and city bodies, years', () => {
  const cases = [
    // the 2023 title writes the body without its city: the body is taken as written, the key pairs the years
    { file: 'hzq2023_working.pdf', body: '洪泽区人民政府', township: '洪泽区', year: 2023 },
    { file: 'hzq2024_working.pdf', body: '淮安市洪泽区人民政府', township: '洪泽区', year: 2024 },
    { file: 'szfgs2024.pdf', body: '淮安市人民政府', township: '淮安市', year: 2024 }
  ]
  for (const c of cases) {
    it(c.file, async () => {
      const { r, read } = await readFile(join(REAL_PDF, c.file))
      expect(r.body?.name).toBe(c.body)
      expect(r.body?.township).toBe(c.township)
      expect(r.year).toBe(c.year)
      expect(read.text.slice(r.yearSpan!.start, r.yearSpan!.end)).toBe(String(c.year))
      expectSix(r)
    }, 30_000)
  }

  it('the two years of 洪泽区 pair up although the 2023 title omits 淮安市', () => {
    expect(townshipKey('洪泽区人民政府')).toBe(townshipKey('淮安市洪泽区人民政府'))
    expect(townshipKey('云阳县平安镇人民政府')).toBe('平安镇')
    expect(townshipKey('某某区某某街道办事处')).toBe('某某街道')
  })
})

describe('web pages (test/fixtures/web, made by scripts/make-web-fixtures.py)', () => {
  const cases = [
    { file: '000-nested.html', body: '郾城区裴城镇', township: '裴城镇', year: 2023 },
    { file: '001-one-paragraph.html', body: '三门峡市陕州区官前乡人民政府', township: '官前乡', year: 2021 },
    { file: '002-gbk.html', body: '云阳县平安镇人民政府', township: '平安镇', year: 2023 },
    { file: '003-crawler.html', body: '原州区头营镇', township: '头营镇', year: 2023 },
    { file: '004-crawl.md.txt', body: '宿城区王官集镇人民政府', township: '王官集镇', year: 2020 }
  ]
  for (const c of cases) {
    it(`${c.file}: body, township, year and the six sections`, async () => {
      const { r } = await readFile(join(WEB, c.file))
      expect(r.body?.name).toBe(c.body)
      expect(r.body?.township).toBe(c.township)
      expect(r.year).toBe(c.year)
      expectSix(r)
      // the body's span points at the body in the original
      expect(r.norm.slice(r.body!.span.start, r.body!.span.end).replace(/\s+/g, '')).toBe(c.body)
      expect(r.title!.text).toMatch(/政府信息(公开|公開)工作年度(报告|報告)$/)
    }, 30_000)
  }

  it('the page around the report is not read: navigation, info bar, sidebar, share links, footer, scripts', async () => {
    for (const f of ['000-nested.html', '001-one-paragraph.html', '002-gbk.html']) {
      const { read } = await readFile(join(WEB, f))
      for (const chrome of ['当前位置', '浏览次数', '版权所有', 'ICP备', '打印本页', '某镇2019年', '无障碍浏览', '相关链接', '_hmt', '2017年政府信息公开']) {
        expect(read.text.includes(chrome), `${f}: ${chrome}`).toBe(false)
      }
      expect(read.warnings.join()).toContain('未读取')
    }
  })

  it('the report itself is kept whole: tables, 落款, last section', async () => {
    const { read, r } = await readFile(join(WEB, '000-nested.html'))
    expect(read.lines.some((l) => l.table !== undefined)).toBe(true)
    expect(r.tables.T3.found).toBe(true)
    expect(read.text.trimEnd().endsWith('无')).toBe(true)
  })

  it('a GBK page is decoded and its title above the container is read', async () => {
    const { read } = await readFile(join(WEB, '002-gbk.html'))
    expect(read.encoding).toMatch(/gb/)
    expect(read.text.startsWith('云阳县平安镇人民政府2023年政府信息公开工作年度报告')).toBe(true)
  })

  it('a saved report without a page around it is read whole (the seed HTML fixtures)', async () => {
    const { read } = await readFile(join(FIXTURES, 'seeds', '000_b657cdc2b6fa0bce.html'))
    expect(read.warnings.join()).not.toContain('未读取')
    expect(read.text.startsWith('郾城区裴城镇')).toBe(true)
  })
})

describe('report containers of other shapes', () => {
  const paras = (t: string): string => t.split('\n').filter((l) => l.trim()).map((l) => `<p>${l.replace(/\t/g, ' ')}</p>`).join('')
  const s003 = seed('003')

  it('an old layout-table page: the report in a <td>, navigation in the cells around it', () => {
    const nav = '<td width="200"><a href="/">首页</a><br><a href="/a">机构概况</a><br>当前位置：首页 &gt; 年报<br>某镇2019年政府信息公开工作年度报告</td>'
    const html = `<html><body><table><tr><td colspan="2">欢迎访问固原市原州区人民政府网站 2025年3月1日</td></tr><tr>${nav}<td>${paras(s003)}</td></tr><tr><td colspan="2">版权所有 2019-2025 ICP备00000000号</td></tr></table></body></html>`
    const read = htmlToResult(html, 'html')
    expect(read.text).not.toContain('当前位置')
    expect(read.text).not.toContain('版权所有')
    const r = parseReport(read)
    expect(r.body?.name).toBe('原州区头营镇')
    expect(r.year).toBe(2023)
    expectSix(r)
  })

  it('a report alone in its div is read as it is, without a warning', () => {
    const read = htmlToResult(`<html><body><div class="content"><div id="zoom">${paras(s003)}</div></div></body></html>`, 'html')
    expect(read.warnings).toEqual([])
    expect(read.text.startsWith('原州区头营镇')).toBe(true)
  })

  it('a page where the report is not most of the text is read whole rather than cut', () => {
    const side = `<div class="side">${'政务服务事项办理指南说明文字。'.repeat(200)}</div>`
    const read = htmlToResult(`<html><body>${side}<div class="content">${paras(s003)}</div></body></html>`, 'html')
    expect(read.warnings.join()).not.toContain('未读取')
    const r = parseReport(read)
    expect(r.year).toBe(2023)
    expectSix(r)
  })
})

describe('crawler headers, breadcrumbs and footers never give the body or the year', () => {
  const s003 = seed('003')

  it('标题/来源/发布机构/发布时间 lines and a breadcrumb above the title', () => {
    const head = '标题: 原州区头营镇2023年政府信息公开工作年度报告\n来源: 固原市原州区人民政府\n发布机构: 原州区人民政府办公室\n发布时间: 2024-01-29\n当前位置：首页 > 政务公开 > 年报\n【字体：大 中 小】【打印】\n'
    const r = parse(head + s003 + '\n版权所有 © 2019-2025 固原市原州区人民政府\n')
    expect(r.body?.name).toBe('原州区头营镇')
    expect(r.year).toBe(2023)
    expect(r.title?.text.startsWith('原州区头营镇')).toBe(true)
  })

  it('a title only given by the crawler header is used without its label', () => {
    const body = s003.slice(s003.indexOf('一、总体情况'))
    const r = parse('标题：原州区头营镇2023年政府信息公开工作年度报告\n来源：固原市原州区人民政府\n\n' + body)
    expect(r.body?.name).toBe('原州区头营镇')
    expect(r.year).toBe(2023)
  })

  it('markdown marks are not part of the title or the body', () => {
    const md = s003.replace(/^(\s*)(原州区头营镇 2023年政府信息公开工作年度报告)/m, '$1# **$2**')
    expect(md).toContain('# **原州区')
    const r = parse(md)
    expect(r.body?.name).toBe('原州区头营镇')
    expect(r.title?.text).toBe('原州区头营镇 2023年政府信息公开工作年度报告')
  })

  it('a preface that quotes another document’s title is not the title', () => {
    const r = parse(seed('002'))
    expect(r.title?.text).toBe('云阳县平安镇人民政府2023年政府信息公开工作年度报告')
    const noTitle = seed('002').replace('云阳县平安镇人民政府\n', '').replace('2023年政府信息公开工作年度报告\n', '')
    expect(noTitle.trimStart().startsWith('本年度报告按照')).toBe(true)
    const r2 = parse(noTitle)
    expect(r2.title).toBeUndefined()
    // no title: the year comes from the statistics period, not from the quoted notice or a footer
    expect(r2.year).toBe(2023)
  })

  it('without a year in the title the statistics period gives it, also when split by a line break', () => {
    const body = s003.slice(s003.indexOf('一、总体情况'))
    const pre = '原州区头营镇政府信息公开工作年度报告\n本报告所列数据统计期限自2023年1月\n1日起至2023年12月31日止。\n'
    const r = parse(pre + body + '\n发布时间：2024-02-01\n')
    expect(r.year).toBe(2023)
  })

  it('a title year wins over a publish date and a footer year', () => {
    const r = parse('发布日期：2025-01-20\n' + s003 + '\n版权所有 2025 某某网\n')
    expect(r.year).toBe(2023)
  })

  it('the 落款 glued to the last sentence of a one-paragraph copy', () => {
    const one = seed('004').split('\n').map((l) => l.trim()).filter(Boolean).join('').replace(/\t/g, '')
    const r = parse(one)
    expect(r.signBody?.name).toBe('宿城区王官集镇人民政府')
    expect(r.signDate?.iso).toBe('2021-01-25')
    expect(one.slice(r.signDate!.span.start, r.signDate!.span.end)).toBe('2021年1月25日')
  })

  it('the 落款 above a page footer and a page number', () => {
    const r = parse(seed('004').trimEnd() + '\n- 5 -\n分享到：微信 微博\n版权所有 © 2021 宿迁市宿城区人民政府\n')
    expect(r.signDate?.iso).toBe('2021-01-25')
    expect(r.signBody?.name).toBe('宿城区王官集镇人民政府')
  })

  it('a title without the body takes it from the 落款', () => {
    const t = seed('004').replace('宿城區王官集鎮人民政府\n2020年', '2020年')
    expect(t).not.toBe(seed('004'))
    const r = parse(t)
    expect(r.title?.text).toBe('2020年政府信息公開工作年度報告')
    expect(r.year).toBe(2020)
    expect(r.body?.township).toBe('王官集镇')
  })
})
