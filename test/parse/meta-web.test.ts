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

// Shapes met on real township pages of the held-out corpus (test/accuracy/holdout): the title garbled by the
// site, the body on a line of its own, a department as the body, no title and no period at all.
describe('titles and bodies as real web pages give them', () => {
  const s003 = seed('003')
  const body = s003.slice(s003.indexOf('一、总体情况'))

  it('a title the site garbled still gives body and year; the portal banner above is not the body', () => {
    const r = parse('某某县人民政府 The People\'s Government of Mou County\n政府信息公开\n某某县某某镇2023年政府信息公开 工作告年度报\n来源:某某县人民政府办公室 时间:2024-01-31\n' + body)
    expect(r.body?.name).toBe('某某县某某镇')
    expect(r.body?.township).toBe('某某镇')
    expect(r.year).toBe(2023)
  })

  it('a sentence with a year and 政府信息公开 is not taken for a garbled title', () => {
    const r = parse('现将我镇2023年政府信息公开工作情况报告如下，请审阅。\n' + body)
    expect(r.title).toBeUndefined()
    expect(r.body).toBeUndefined()
  })

  it('the body on the line under the title, and year and body on the line above it', () => {
    const under = parse('2022年政府信息公开工作年度报告\n某某县某某镇人民政府\n' + body)
    expect(under.body?.name).toBe('某某县某某镇人民政府')
    expect(under.year).toBe(2022)
    const above = parse('2024年某某区某某街道办事处\n政府信息公开工作年度报告\n' + body)
    expect(above.body?.name).toBe('某某区某某街道办事处')
    expect(above.body?.township).toBe('某某街道')
    expect(above.year).toBe(2024)
  })

  it('a line under the title that is a sentence is not the body', () => {
    const r = parse('2022年政府信息公开工作年度报告\n根据条例要求，现将本镇情况报告如下。\n' + body)
    expect(r.body).toBeUndefined()
  })

  it('a department is the body, under its whole name (never 人民政府办公厅 as if it were a place)', () => {
    const r = parse('2019年某某市人民政府办公厅政府信息公开工作年度报告\n' + body)
    expect(r.body?.name).toBe('某某市人民政府办公厅')
    expect(r.body?.township).toBe('某某市人民政府办公厅')
    expect(townshipKey('某某县财政局')).toBe('某某县财政局')
    expect(townshipKey('淮安市洪泽区人民政府')).toBe('洪泽区')
  })

  it('with neither title nor period, the year the overview opens with; none when it opens otherwise', () => {
    const bare = body.replace(/统计期限[^。]*。/g, '')
    const r = parse(bare.replace(/^一、总体情况\s*\n/, '一、总体情况\n2019年，我乡明确专人负责政务公开工作。\n'))
    expect(r.year).toBe(2019)
    const r2 = parse(bare.replace(/^一、总体情况\s*\n/, '一、总体情况\n我乡明确专人负责，2019年完成了工作。\n'))
    expect(r2.year).toBeUndefined()
    // the year of the work the overview says it reports; a date or a quoted notice gives none
    const work = parse(bare.replace(/^一、总体情况\s*\n/, '一、总体情况\n本报告根据《条例》要求，汇报我镇2023年政府信息公开工作。\n'))
    expect(work.year).toBe(2023)
    const quoted = parse(bare.replace(/^一、总体情况\s*\n/, '一、总体情况\n按照《关于做好2023年政府信息公开工作的通知》要求编制。\n'))
    expect(quoted.year).toBeUndefined()
    const date = parse(bare.replace(/^一、总体情况\s*\n/, '一、总体情况\n2019年5月起，我乡明确专人负责。\n'))
    expect(date.year).toBeUndefined()
  })
})

describe('the overview gives the year in a later sentence', () => {
  it('a sentence of the overview that opens with the year', () => {
    const s003 = seed('003')
    const bare = s003.slice(s003.indexOf('一、总体情况')).replace(/统计期限[^。]*。/g, '')
    const r = parse(bare.replace(/^一、总体情况\s*\n/, '一、总体情况\n我乡严格按照条例要求做好公开工作。2019年度，我乡主动公开信息81条。\n'))
    expect(r.year).toBe(2019)
  })
})

describe('a page whose report title is only in its <title>', () => {
  const s003 = seed('003')
  const body = s003.slice(s003.indexOf('一、总体情况'))
  const paras = (t: string): string => t.split('\n').filter((l) => l.trim()).map((l) => `<p>${l.replace(/\t/g, ' ')}</p>`).join('')
  const page = (title: string, content: string): string =>
    `<html><head><title>${title}</title></head><body><div class="nav"><a href="/">首页</a><a href="/x">政务公开</a></div>` +
    `<div class="main"><div class="info">发布时间：2024-01-20 来源：某县人民政府办公室</div><div class="content">${paras(content)}</div></div>` +
    `<div class="foot">版权所有 某县人民政府 网站标识码 1234</div></body></html>`

  it('the report title is taken from <title> (cut at the site name), never the site name as body', () => {
    const r = parseReport(htmlToResult(page('某县某某镇2023年政府信息公开工作年度报告_某县人民政府', body), 'html'))
    expect(r.body?.name).toBe('某县某某镇')
    expect(r.year).toBe(2023)
  })

  it('a <title> that is only the site name adds nothing; a title in the container wins over <title>', () => {
    const plainSite = htmlToResult(page('某县人民政府门户网站', body), 'html')
    expect(plainSite.text).not.toContain('某县人民政府门户网站')
    // the site's column name ('政府信息公开年报', no year) is not a report title
    const column = htmlToResult(page('某县某某鎮2023年政府信息公開工作年度報告_政府信息公开年报_某县人民政府', body), 'html')
    expect(column.text).not.toContain('政府信息公开年报')
    // a traditional-character <title> is a title too
    const trad = parseReport(column)
    expect(trad.year).toBe(2023)
    expect(trad.body?.township).toBe('某某镇')
    const inContainer = parseReport(htmlToResult(page('某县另一镇2022年政府信息公开工作年度报告_某县人民政府', '原州区头营镇2023年政府信息公开工作年度报告\n' + body), 'html'))
    expect(inContainer.body?.name).toBe('原州区头营镇')
    expect(inContainer.year).toBe(2023)
  })
})

describe('titles written 关于…的年度报告', () => {
  const s003 = seed('003')
  const body = s003.slice(s003.indexOf('一、总体情况'))
  it('the site’s copy of the title above the body line, then the report’s own title under it', () => {
    const r = parse('关于2021年度政府信息公开工作的年度报告\n发布时间:2022-01-25 来源:某某镇党政办\n某某县某某镇人民政府\n关于2021年度政府信息公开工作的年度报告\n' + body)
    expect(r.body?.name).toBe('某某县某某镇人民政府')
    expect(r.body?.township).toBe('某某镇')
    expect(r.year).toBe(2021)
  })
  it('body and 关于 on one line; a notice quoted with 关于做好 is still no title', () => {
    const t = '某某县某某镇人民政府关于2021年度政府信息公开工作的年度报告\n' + body
    const r = parse(t)
    expect(r.body?.name).toBe('某某县某某镇人民政府')
    expect(t.slice(r.body!.span.start, r.body!.span.end)).toBe('某某县某某镇人民政府')
    const q = parse('按照区政府办公室关于做好2021年度政府信息公开工作年度报告的通知要求编制。\n' + body)
    expect(q.title).toBeUndefined()
  })
})

describe('a covering letter, and a preface sentence naming the report', () => {
  const s003 = seed('003')
  const body = s003.slice(s003.indexOf('一、总体情况'))
  it('XX关于报送2020年度…年度报告的函: the letter names the body and the year', () => {
    const t = '某某县某某镇人民政府关于报送2020年度政府信息公开工作年度报告的函县政府办公室：根据《中华人民共和国政府信息公开条例》要求，现公布我镇2020年信息公开工作年度报告。\n' + body
    const r = parse(t)
    expect(r.body?.name).toBe('某某县某某镇人民政府')
    expect(r.body?.township).toBe('某某镇')
    expect(r.year).toBe(2020)
    expect(t.slice(r.body!.span.start, r.body!.span.end)).toBe('某某县某某镇人民政府')
    // A sentence that follows such a notice quotes it: no title, no body.
    const q = parse('按照县政府办公室关于报送2020年度政府信息公开工作年度报告的通知要求编制。\n' + body)
    expect(q.title).toBeUndefined()
  })
  it('…要求，现公布2019年度政府信息公开工作年度报告 is a sentence: the crawler’s 标题 line names the body', () => {
    const t = '标题: 某某县某某镇人民政府2019年政府信息公开工作年度报告\n栏目: 政府信息公开年报\n==== 正文 ====\n本报告根据《某某县人民政府办公室关于做好2019年政府信息公开工作年度报告编制公布工作的通知》要求，现公布2019年度政府信息公开工作年度报告。' + body
    const r = parse(t)
    expect(r.body?.name).toBe('某某县某某镇人民政府')
    expect(r.year).toBe(2019)
  })
})

describe('an office line is not the body of a township report', () => {
  const s003 = seed('003')
  const body = s003.slice(s003.indexOf('一、总体情况'))
  it('under the title or as the 落款, 某某镇党政办公室 gives no body', () => {
    const r = parse('2023年政府信息公开工作年度报告\n某某镇党政办公室\n' + body.trimEnd().replace(/[^\n]*\n[^\n]*$/, '') + '\n某某镇党政办公室\n2024年1月20日\n')
    expect(r.body?.name ?? '').not.toContain('办公室')
  })
})

describe('a department or a region named apart from the title (scans of county departments)', () => {
  const s003 = seed('003')
  const body = s003.slice(s003.indexOf('一、总体情况'))
  const unsigned = body.trimEnd().replace(/[^\n]*\n[^\n]*$/, '')
  it('a department on the line above the year and report name is the body', () => {
    const r = parse('平潭综合实验区交通与建设局\n2020年政府信息公开工作年度报告\n' + body)
    expect(r.body?.name).toBe('平潭综合实验区交通与建设局')
    expect(r.year).toBe(2020)
    const t = parse('上海市人民政府辦公廳\n2025 年政府信息公開工作年度報告\n' + body)
    expect(t.body?.name).toBe('上海市人民政府办公厅')
  })
  it('a region after the year (its 政府 read with 政府信息公开), not 全区', () => {
    expect(parse('2019年平潭综合实验区政府信息公开工作年度报告\n' + body).body?.name).toBe('平潭综合实验区')
    expect(parse('2019年全区政府信息公开工作年度报告\n' + unsigned + '\n').body).toBeUndefined()
  })
  it('a department as the 落款 when the title names none; a township office still does not count', () => {
    const r = parse('2023年政府信息公开工作年度报告\n' + unsigned + '\n沭阳县发展和改革局\n2024年1月20日\n')
    expect(r.body?.name).toBe('沭阳县发展和改革局')
    expect(r.signBody?.name).toBe('沭阳县发展和改革局')
    const o = parse('2023年政府信息公开工作年度报告\n' + unsigned + '\n某某镇人民政府办公室\n2024年1月20日\n')
    expect(o.signBody).toBeUndefined()
  })
})
