import { NUM, readNumber } from '../lib/cnnum.ts'
import { cellState, matchAll, narrativeRanges, otherYear, quote, type Range } from '../lib/narrative.ts'
import { cellEvidence, textEvidence, usable } from '../evidence.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

type Row = 'new_received' | 'carried_over' | 'r7_total' | 'carried_forward'
const ROW_NAME: Record<Row, string> = {
  new_received: '一、本年新收政府信息公开申请数量',
  carried_over: '二、上年结转政府信息公开申请数量',
  r7_total: '（七）总计',
  carried_forward: '四、结转下年度继续办理'
}
const UNIT = '(?:件|宗|份|个|次)'
const GAP = '[^。；;，,\\n]'

/** Explicit statements, most specific first; a later pattern does not re-read text an earlier one used. */
/** verb: the pattern captures the verb (group 1) before the number (group 2). */
const PATTERNS: { row: Row; re: RegExp; zero?: boolean; verb?: boolean }[] = [
  { row: 'carried_over', re: new RegExp(`(?:上年|上一年度?|去年)度?结转${GAP}{0,12}?(${NUM})\\s*件`) },
  { row: 'carried_over', re: /(?:无|没有)(?:上年|上一年度?)度?结转/, zero: true },
  { row: 'carried_forward', re: new RegExp(`结转(?:至|到)?(?:下一?年度?|次年|明年)${GAP}{0,12}?(${NUM})\\s*件`) },
  { row: 'carried_forward', re: new RegExp(`(${NUM})\\s*件${GAP}{0,6}?结转(?:至|到)?(?:下一?年度?|次年|明年)`) },
  { row: 'r7_total', re: new RegExp(`(?:已办结|全部办结|办结)${GAP}{0,12}?(${NUM})\\s*件`) },
  { row: 'r7_total', re: new RegExp(`(${NUM})\\s*件${GAP}{0,4}?(?:均已|全部|已)办结`) },
  { row: 'new_received', re: new RegExp(`(新收|收到|接到|接收|受理)${GAP}{0,20}?(?<!被)申请(?!人|行政复议|复议)${GAP}{0,6}?(?:共计|共|合计|总计)?\\s*(${NUM})\\s*${UNIT}`), verb: true },
  { row: 'new_received', re: new RegExp(`(新收|收到|接到|接收|受理)了?${GAP}{0,8}?(${NUM})\\s*${UNIT}${GAP}{0,16}?(?<!被)申请(?!人|行政复议|复议)`), verb: true },
  { row: 'new_received', re: new RegExp(`(?:未|没有|无)(?:收到|接到|受理|发生|产生)${GAP}{0,20}?(?<!被)申请(?!人|行政复议|复议)`), zero: true },
  { row: 'new_received', re: new RegExp(`(?:收到|受理)${GAP}{0,16}?申请${GAP}{0,4}?(?:为|是)?\\s*(?:0|零)\\s*件`), zero: true }
]
/** Numbers with 申请 … 件 that do not say which row they are. */
const AMBIGUOUS = new RegExp(`(?:依申请公开|信息公开申请|(?<!被)申请(?!人|行政复议|复议|行政诉讼))${GAP}{0,8}?(${NUM})\\s*件`)

// 正文所写申请件数应与表三“总计”列一致（文字与表格一致是评估的通用指标）。
const rule: ReportRule = {
  id: 'TXT-T3-COUNT',
  family: 'text',
  severity: 'error',
  title: '正文所述申请件数与表三一致',
  source: '国办公开办函〔2021〕30号 表三（收到和处理政府信息公开申请情况）；年报“数据精确”要求（文字与表格数据一致）',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const ranges = narrativeRanges(ctx)
    const used: Range[] = []
    const overlaps = (s: number, e: number): boolean => used.some((u) => s < u.end && e > u.start)
    const notes: string[] = []
    const stmts: { row: Row; value: number; start: number; end: number; verb?: string }[] = []
    for (const p of PATTERNS) {
      for (const { start, end, m } of matchAll(ctx, p.re, ranges)) {
        if (overlaps(start, end)) continue
        const said = ctx.report.norm.slice(start, end)
        if (p.row === 'new_received' && /结转/.test(said)) continue
        const why = p.row === 'new_received' || p.row === 'r7_total' ? otherYear(ctx, start, end) : null
        used.push({ start, end })
        if (why) {
          notes.push(`“${quote(ctx, start, end)}”${why}，不作比较`)
          continue
        }
        const raw = p.zero ? '0' : (m[p.verb ? 2 : 1] as string)
        const value = readNumber(raw)
        if (value === null) continue
        stmts.push({ row: p.row, value, start, end, verb: p.verb ? m[1] : undefined })
      }
    }
    const cell = (row: Row) => ctx.cell('T3', row, 'total')
    for (const { start, end, m } of matchAll(ctx, AMBIGUOUS, ranges)) {
      if (overlaps(start, end) || otherYear(ctx, start, end)) continue
      const v = readNumber(m[1] as string)
      const known = (Object.keys(ROW_NAME) as Row[]).filter((r) => usable(cell(r)) && cell(r)!.value === v)
      notes.push(`“${quote(ctx, start, end)}”未说明是新收、办结还是结转${known.length ? `（与表三${known.map((r) => ROW_NAME[r]).join('、')}相符）` : '（与表三各行总计均不相同，请人工核对）'}`)
    }
    if (!stmts.length) {
      const res = { outcome: 'N/A' as const, findings: [], note: notes.length ? notes.join('；') : '正文未明确写出申请件数' }
      return res
    }
    const findings: Finding[] = []
    for (const row of Object.keys(ROW_NAME) as Row[]) {
      const said = stmts.filter((s) => s.row === row)
      if (!said.length) continue
      const c = cell(row)
      if (!usable(c)) {
        const s = said[0]!
        findings.push({
          rule: rule.id, severity: 'warning', outcome: 'UNVERIFIABLE', loc: `T3.${row}`,
          evidence: [textEvidence(ctx, s.start, s.end, '正文'), ...(c ? [cellEvidence(c)] : [])],
          message: `正文写“${quote(ctx, s.start, s.end)}”，但表三“${ROW_NAME[row]}”总计${cellState(c)}，无法核对。`
        })
        continue
      }
      const bad = said.filter((s) => s.value !== c.value)
      const explained: typeof bad = []
      if (row === 'new_received') {
        // 受理 may include last year's carry-over: say so instead of guessing.
        const co = cell('carried_over')
        for (const s of bad) {
          if (s.verb === '受理' && usable(co) && s.value === c.value + co.value) {
            explained.push(s)
            notes.push(`“${quote(ctx, s.start, s.end)}”的“受理”似含上年结转（${c.value}+${co.value}）`)
          }
        }
      }
      const real = bad.filter((s) => !explained.includes(s))
      if (!real.length) continue
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `T3.${row}`,
        evidence: [...real.map((s) => textEvidence(ctx, s.start, s.end, `正文：${s.value}件`)), cellEvidence(c)],
        message: `正文写“${real.map((s) => quote(ctx, s.start, s.end)).join('”“')}”（${real.map((s) => s.value).join('、')}件），表三“${ROW_NAME[row]}”总计为${c.value}，不一致。`
      })
    }
    const res = fromFindings(findings)
    if (notes.length) res.note = notes.join('；')
    return res
  }
}

export default rule
