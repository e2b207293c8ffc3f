import { NUM, readNumber } from '../lib/cnnum.ts'
import { cellState, matchAll, narrativeRanges, otherYear, quote, type Range } from '../lib/narrative.ts'
import { cellEvidence, textEvidence, usable } from '../evidence.ts'
import type { CellValue } from '../../model.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

type Kind = 'review' | 'lit'
const KIND_NAME: Record<Kind, string> = { review: '行政复议', lit: '行政诉讼' }
const CELLS: Record<Kind, string[]> = { review: ['review_total'], lit: ['lit_direct_total', 'lit_after_review_total'] }
const GAP = '[^。；;，,\\n]'
const UNIT = '(?:件|起|宗|次|例)'
const RV = '(?:行政)?复议'
const LT = '(?:行政)?诉讼'
const kindOf = (s: string): Kind => (/复议/.test(s) ? 'review' : 'lit')

/** Statements about review/litigation counts, most specific first. */
const PATTERNS: { re: RegExp; zero?: boolean; both?: boolean }[] = [
  // 行政复议、行政诉讼均为0件 / 各1件
  { re: new RegExp(`${RV}${GAP}{0,6}?[、和及与或]${GAP}{0,6}?${LT}${GAP}{0,8}?(?:均为|均|各|都为|都是|都)\\s*(${NUM})\\s*${UNIT}`), both: true },
  // 未发生（因政府信息公开被申请）行政复议、（提起）行政诉讼
  { re: new RegExp(`(?:未|没有|无)(?:发生|收到|出现|涉及|产生|被)?${GAP}{0,16}?(${RV}|${LT})(?:${GAP}{0,6}?[、和及与或]${GAP}{0,6}?(${RV}|${LT}))?`), zero: true },
  { re: new RegExp(`(${RV}|${LT})${GAP}{0,12}?(${NUM})\\s*${UNIT}`) },
  { re: new RegExp(`(${NUM})\\s*${UNIT}${GAP}{0,10}?(${RV}|${LT})`) }
]

// 正文所写行政复议、行政诉讼件数应与表四“总计”一致。
const rule: ReportRule = {
  id: 'TXT-T4-COUNT',
  family: 'text',
  severity: 'error',
  title: '正文所述行政复议、行政诉讼件数与表四一致',
  source: '国办公开办函〔2021〕30号 表四（政府信息公开行政复议、行政诉讼情况）；条例第五十条第（三）项',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const ranges = narrativeRanges(ctx)
    const used: Range[] = []
    const notes: string[] = []
    const stmts: { kind: Kind; value: number; start: number; end: number }[] = []
    PATTERNS.forEach((p, pi) => {
      for (const { start, end, m } of matchAll(ctx, p.re, ranges)) {
        if (used.some((u) => start < u.end && end > u.start)) continue
        // A zero statement must not swallow an explicit number ('没有…行政复议1件' is read by the number patterns).
        if (p.zero && new RegExp(`^${GAP}{0,12}?${NUM}\\s*${UNIT}`).test(ctx.report.norm.slice(end, end + 16))) continue
        used.push({ start, end })
        const why = otherYear(ctx, start, end)
        if (why) {
          notes.push(`“${quote(ctx, start, end)}”${why}，不作比较`)
          continue
        }
        if (p.both) {
          const v = readNumber(m[1] as string)
          if (v !== null) for (const kind of ['review', 'lit'] as Kind[]) stmts.push({ kind, value: v, start, end })
        } else if (p.zero) {
          const kinds = new Set([m[1], m[2]].filter((x): x is string => !!x).map(kindOf))
          for (const kind of kinds) stmts.push({ kind, value: 0, start, end })
        } else {
          const [word, num] = pi === 2 ? [m[1], m[2]] : [m[2], m[1]]
          const v = readNumber(num as string)
          if (v !== null) stmts.push({ kind: kindOf(word as string), value: v, start, end })
        }
      }
    })
    if (!stmts.length) return { outcome: 'N/A', findings: [], note: notes.length ? notes.join('；') : '正文未写出行政复议、行政诉讼件数' }
    const findings: Finding[] = []
    for (const kind of ['review', 'lit'] as Kind[]) {
      const said = stmts.filter((s) => s.kind === kind)
      if (!said.length) continue
      const cells = CELLS[kind].map((c) => ctx.cell('T4', 'counts', c))
      const loc = `T4.${kind}`
      if (!cells.every((c) => usable(c))) {
        const s = said[0]!
        findings.push({
          rule: rule.id, severity: 'warning', outcome: 'UNVERIFIABLE', loc,
          evidence: [textEvidence(ctx, s.start, s.end, '正文'), ...cells.filter((c): c is CellValue => !!c).map(cellEvidence)],
          message: `正文写“${quote(ctx, s.start, s.end)}”，但表四${KIND_NAME[kind]}“总计”${cellState(cells.find((c) => !usable(c)))}，无法核对。`
        })
        continue
      }
      const table = cells.reduce((a, c) => a + (c!.value ?? 0), 0)
      const bad = said.filter((s) => s.value !== table)
      if (!bad.length) continue
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc,
        evidence: [...bad.map((s) => textEvidence(ctx, s.start, s.end, `正文：${s.value}件`)), ...cells.map((c) => cellEvidence(c!))],
        message: `正文写“${bad.map((s) => quote(ctx, s.start, s.end)).join('”“')}”（${bad.map((s) => s.value).join('、')}件），表四${KIND_NAME[kind]}总计为${table}${
          kind === 'lit' ? `（未经复议直接起诉${cells[0]!.value}+复议后起诉${cells[1]!.value}）` : ''
        }，不一致。`
      })
    }
    const res = fromFindings(findings)
    if (notes.length) res.note = notes.join('；')
    return res
  }
}

export default rule
