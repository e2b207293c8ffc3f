// Honest failure at section and table level, and the document/section rules on web and one-paragraph
// copies: a section or table is missing only when its heading and labels are absent from the whole text.
import { readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeContext } from '../../src-main/engine/checks/context.ts'
import { parseProblemFindings } from '../../src-main/engine/checks/parseProblems.ts'
import DOC_DECLARED_PARTS from '../../src-main/engine/checks/rules/DOC-DECLARED-PARTS.ts'
import DOC_FORMAT_DETECT from '../../src-main/engine/checks/rules/DOC-FORMAT-DETECT.ts'
import DOC_FORMAT_YEAR from '../../src-main/engine/checks/rules/DOC-FORMAT-YEAR.ts'
import DOC_TITLE from '../../src-main/engine/checks/rules/DOC-TITLE.ts'
import DOC_TITLE_AGENCY from '../../src-main/engine/checks/rules/DOC-TITLE-AGENCY.ts'
import DOC_YEAR_CONSISTENT from '../../src-main/engine/checks/rules/DOC-YEAR-CONSISTENT.ts'
import SEC_ORDER from '../../src-main/engine/checks/rules/SEC-ORDER.ts'
import SEC_PRESENT from '../../src-main/engine/checks/rules/SEC-PRESENT.ts'
import SEC_TITLE from '../../src-main/engine/checks/rules/SEC-TITLE.ts'
import TBL_PRESENT from '../../src-main/engine/checks/rules/TBL-PRESENT.ts'
import type { ReportCtx } from '../../src-main/engine/checks/types.ts'
import { readDocument } from '../../src-main/engine/ingest/read.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { ctxFromText, runRule, seedText } from '../helpers/check.ts'
import { FIXTURES, ROOT } from '../helpers/seeds.ts'

const oneParagraph = (t: string): string => t.split('\n').map((l) => l.trim()).filter(Boolean).join('').replace(/\t/g, '')

async function ctxOf(path: string): Promise<ReportCtx> {
  const read = await readDocument(extname(path), new Uint8Array(readFileSync(path)))
  return makeContext(parseReport(read), read.text, {})
}

describe('TBL-PRESENT: missing only when the labels are absent', () => {
  it('a table whose labels are in the text but whose values cannot be placed is a parse problem, not an error', () => {
    // Table 三 with every value removed: the labels are all there, nothing can be placed.
    const t = seedText('000')
    const a = t.indexOf('三、收到和处理政府信息公开申请情况')
    const b = t.indexOf('四、政府信息公开行政复议、行政诉讼情况')
    const region = t.slice(a, b).replace(/\t[0-9]+/g, '').replace(/\t/g, '')
    const text = oneParagraph(t.slice(0, a)) + oneParagraph(region) + '\n' + t.slice(b)
    const ctx = ctxFromText(text)
    const res = TBL_PRESENT.check(ctx)
    expect(res.findings.filter((f) => f.loc === 'T3' && f.severity === 'error')).toEqual([])
    if (!ctx.report.tables.T3.found) {
      expect(res.outcome).toBe('UNVERIFIABLE')
      const p = ctx.report.problems?.find((x) => x.code === 'table-unplaced' && x.table === 'T3')
      expect(p?.message).toContain('解析存疑')
      expect(p!.spans.length).toBeGreaterThan(0)
      // shown apart, as a parse finding with the labels as evidence
      const pf = parseProblemFindings(ctx.report, ctx.text).find((f) => f.loc === 'table-unplaced:T3')
      expect(pf).toMatchObject({ severity: 'parse', outcome: 'UNVERIFIABLE' })
      expect(pf!.evidence.some((e) => e.kind === 'text')).toBe(true)
    }
  })

  it('the web page whose report is one paragraph gets no TBL-PRESENT or SEC-PRESENT error', async () => {
    const ctx = await ctxOf(join(FIXTURES, 'web', '001-one-paragraph.html'))
    for (const rule of [TBL_PRESENT, SEC_PRESENT]) {
      expect(rule.check(ctx).findings.filter((f) => f.severity === 'error'), rule.id).toEqual([])
    }
    for (const id of ['T2', 'T3', 'T4'] as const) {
      if (!ctx.report.tables[id].found) expect(ctx.report.problems?.some((p) => p.code === 'table-unplaced' && p.table === id), id).toBe(true)
    }
  })

  it('fires (error) when table 三 and its labels are gone, also in a one-paragraph copy', () => {
    const t = seedText('000')
    const a = t.indexOf('三、收到和处理政府信息公开申请情况')
    const b = t.indexOf('四、政府信息公开行政复议、行政诉讼情况')
    const cut = t.slice(0, a) + '三、收到和处理政府信息公开申请情况\n\n本年度未收到申请。\n\n' + t.slice(b)
    for (const text of [cut, oneParagraph(cut)]) {
      const ctx = ctxFromText(text)
      const f = TBL_PRESENT.check(ctx).findings.find((x) => x.loc === 'T3')
      expect(f?.severity).toBe('error')
      expect(ctx.report.problems?.some((p) => p.table === 'T3') ?? false).toBe(false)
    }
  })

  it('passes on the real PDFs', async () => {
    for (const f of ['hzq2023_working.pdf', 'hzq2024_working.pdf', 'szfgs2024.pdf']) {
      const ctx = await ctxOf(join(ROOT, 'test', 'accuracy', 'real', f))
      expect(TBL_PRESENT.check(ctx).findings.filter((x) => x.severity === 'error'), f).toEqual([])
      expect(SEC_PRESENT.check(ctx).outcome, f).toBe('PASS')
    }
  }, 30_000)
})

describe('SEC-PRESENT: missing only when the heading is absent', () => {
  const s003 = seedText('003')
  const deleted = s003.slice(0, s003.indexOf('六、其他需要报告的事项'))

  it('fires on a deleted section 六, in lines and in one paragraph', () => {
    for (const text of [deleted, oneParagraph(deleted)]) {
      const r = runRule(SEC_PRESENT, text)
      expect(r.outcome).toBe('FAIL')
      expect(r.findings).toHaveLength(1)
      expect(r.findings[0]).toMatchObject({ severity: 'error', loc: 'S6' })
    }
  })

  it('a reworded heading inside one paragraph is a parse problem (UNVERIFIABLE), not a missing section', () => {
    const text = oneParagraph(s003.replace('六、其他需要报告的事项', '六、其他需报告的情况说明'))
    const ctx = ctxFromText(text)
    expect(ctx.report.sections.find((s) => s.id === 'S6')?.found).toBe(false)
    const r = SEC_PRESENT.check(ctx)
    expect(r.findings).toEqual([])
    expect(r.outcome).toBe('UNVERIFIABLE')
    const p = ctx.report.problems?.find((x) => x.code === 'section-unplaced' && x.section === 'S6')
    expect(p?.message).toContain('解析存疑')
    expect(text.slice(p!.spans[0]!.start, p!.spans[0]!.start + 4)).toBe('六、其他')
  })

  it('a heading out of order is SEC-ORDER’s warning, not a missing section', () => {
    const t = seedText('003')
    const i = t.indexOf('六、其他需要报告的事项')
    const j = t.indexOf('五、存在的主要问题及改进情况')
    const swapped = oneParagraph(t.slice(0, j) + t.slice(i) + '\n' + t.slice(j, i))
    const ctx = ctxFromText(swapped)
    expect(SEC_PRESENT.check(ctx).findings).toEqual([])
    const o = SEC_ORDER.check(ctx)
    expect(o.outcome).toBe('FAIL')
    expect(o.findings[0]?.severity).toBe('warning')
  })
})

describe('SEC-TITLE and DOC-TITLE on markdown, web and one-paragraph copies', () => {
  it('## headings and inline headings of seed 000 are exact: no SEC-TITLE finding', () => {
    const t = seedText('000')
    expect(runRule(SEC_TITLE, t.replace(/^([一二三四五六]、)/gm, '## $1')).findings).toEqual([])
    expect(runRule(SEC_TITLE, oneParagraph(t)).findings).toEqual([])
  })

  it('still warns on a reworded heading inside one paragraph when it is a known variant', () => {
    const t = oneParagraph(seedText('000').replace('五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况'))
    const f = runRule(SEC_TITLE, t).findings
    expect(f.map((x) => x.loc)).toEqual(['S5.title'])
  })

  it('DOC-TITLE passes and DOC-TITLE-AGENCY names the body, not the crawler label, on the crawler page', async () => {
    const ctx = await ctxOf(join(FIXTURES, 'web', '003-crawler.html'))
    expect(DOC_TITLE.check(ctx).outcome).toBe('PASS')
    const a = DOC_TITLE_AGENCY.check(ctx)
    expect(a.outcome).toBe('FAIL')
    expect(a.findings[0]!.message).toContain('“原州区头营镇”')
    expect(a.findings[0]!.message).not.toMatch(/标题[:：]|来源/)
  })

  it('DOC-TITLE-AGENCY passes on a web page whose title has the full name', async () => {
    expect(DOC_TITLE_AGENCY.check(await ctxOf(join(FIXTURES, 'web', '002-gbk.html'))).outcome).toBe('PASS')
  })

  it('DOC-FORMAT-DETECT / DOC-FORMAT-YEAR read the year of a web page, not its footer', async () => {
    const ctx = await ctxOf(join(FIXTURES, 'web', '000-nested.html'))
    expect(ctx.year).toBe(2023)
    expect(DOC_FORMAT_DETECT.check(ctx).outcome).toBe('PASS')
    expect(DOC_FORMAT_YEAR.check(ctx).outcome).toBe('PASS')
  })
})

describe('DOC-YEAR-CONSISTENT and the statistics period', () => {
  const s003 = seedText('003')
  const pre = '原州区头营镇2023年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n'
  const body = s003.slice(s003.indexOf('一、总体情况'))

  it('silent when the period matches, also when split by line breaks (PDF wrap)', () => {
    for (const p of [pre, pre.replace('2023年1月1日起', '2023年1月1日\n起'), pre.replace('统计期限', '统计期\n限').replace('2023年12月', '2023\n年12月')]) {
      const f = runRule(DOC_YEAR_CONSISTENT, p + body).findings.filter((x) => x.loc === 'year.period')
      expect(f, p).toEqual([])
    }
  })

  it('fires when the period names another year, also when that sentence is split by a line break', () => {
    const wrong = pre.replace('自2023年1月1日起至2023年12月31日', '自2022年1月1日起至2022年12月31日')
    for (const p of [wrong, wrong.replace('1月1日起', '1月1日\n起'), wrong.replace('统计期限', '统计期\n限')]) {
      const f = runRule(DOC_YEAR_CONSISTENT, p + body).findings.filter((x) => x.loc === 'year.period')
      expect(f, p).toHaveLength(1)
      expect(f[0]!.message).toContain('2022')
    }
  })

  it('fires on the planted year-mismatch file and in its one-paragraph copy', () => {
    const planted = readFileSync(join(FIXTURES, 'planted', 'year-mismatch.txt'), 'utf8')
    for (const text of [planted, oneParagraph(planted)]) {
      const r = runRule(DOC_YEAR_CONSISTENT, text)
      expect(r.outcome).toBe('FAIL')
      expect(r.findings.some((f) => f.severity === 'error')).toBe(true)
    }
  })

  it('silent on the real PDFs, whose period sentence is wrapped over two lines', async () => {
    for (const f of ['hzq2023_working.pdf', 'hzq2024_working.pdf', 'szfgs2024.pdf']) {
      const ctx = await ctxOf(join(ROOT, 'test', 'accuracy', 'real', f))
      expect(DOC_YEAR_CONSISTENT.check(ctx).findings, f).toEqual([])
    }
  }, 30_000)
})

describe('DOC-DECLARED-PARTS counts the sections that are there, placed or not', () => {
  const s002 = seedText('002')
  const i = s002.indexOf('六、其他需要报告的事项')
  const j = s002.indexOf('五、存在的主要问题及改进情况')

  it('silent when 五 and 六 are swapped (both there: SEC-ORDER’s business)', () => {
    const swapped = s002.slice(0, j) + s002.slice(i).trimEnd() + '\n\n' + s002.slice(j, i)
    expect(runRule(DOC_DECLARED_PARTS, swapped).outcome).toBe('PASS')
  })

  it('silent when 六 is there but reworded inside one paragraph (a parse problem)', () => {
    const t = oneParagraph(s002.replace('六、其他需要报告的事项', '六、其他需报告的情况说明'))
    expect(runRule(DOC_DECLARED_PARTS, t).findings).toEqual([])
  })

  it('fires when 六 is really gone', () => {
    const r = runRule(DOC_DECLARED_PARTS, s002.slice(0, i))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]!.message).toContain('缺第六部分')
  })
})
