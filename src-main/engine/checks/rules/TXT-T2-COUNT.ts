import { NUM, readNumber } from '../lib/cnnum.ts'
import { cellState, matchAll, narrativeRanges, otherYear, quote, type Range } from '../lib/narrative.ts'
import { cellEvidence, textEvidence, usable } from '../evidence.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

const GAP = '[^。；;，,\\n]'
const DOC = '(?:行政)?规范性文件'
const UNIT = '(?:件|个|份)'

type Col = 'issued' | 'repealed' | 'in_force' | 'new_made' | 'new_published' | 'total_published'
const COL_NAME: Record<Col, string> = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  in_force: '现行有效件数',
  new_made: '本年新制作数量',
  new_published: '本年新公开数量',
  total_published: '对外公开总数量'
}

/** Verb → column, per format. 2019 has no repeal column. */
function patterns(format: '2021' | '2019'): { col: Col; re: RegExp; zero?: boolean }[] {
  const made = format === '2021' ? 'issued' : 'new_made'
  const out: { col: Col; re: RegExp; zero?: boolean }[] = [
    { col: made, re: new RegExp(`(?:制发|印发|出台|制定)了?${GAP}{0,8}?${DOC}${GAP}{0,4}?(?:共计|共)?\\s*(${NUM})\\s*${UNIT}`) },
    { col: made, re: new RegExp(`(?:制发|印发|出台|制定)了?\\s*(${NUM})\\s*${UNIT}${GAP}{0,6}?${DOC}`) },
    { col: made, re: new RegExp(`(?:未|没有|无)(?:制发|印发|出台|制定)${GAP}{0,6}?${DOC}`), zero: true }
  ]
  if (format === '2021') {
    out.push(
      { col: 'repealed', re: new RegExp(`(?:废止|宣布失效)${GAP}{0,8}?${DOC}${GAP}{0,4}?(?:共计|共)?\\s*(${NUM})\\s*${UNIT}`) },
      { col: 'repealed', re: new RegExp(`(?:废止|宣布失效)了?\\s*(${NUM})\\s*${UNIT}${GAP}{0,6}?${DOC}`) },
      { col: 'in_force', re: new RegExp(`现行有效${GAP}{0,6}?${DOC}${GAP}{0,4}?(?:共计|共)?\\s*(${NUM})\\s*${UNIT}`) }
    )
  } else {
    out.push({ col: 'new_published', re: new RegExp(`(?:公开|发布)${GAP}{0,8}?${DOC}${GAP}{0,4}?(?:共计|共)?\\s*(${NUM})\\s*${UNIT}`) })
  }
  return out
}

// 正文所写规范性文件件数应与表二“第二十条第（一）项 行政规范性文件”一行一致。
const rule: ReportRule = {
  id: 'TXT-T2-COUNT',
  family: 'text',
  severity: 'warning',
  title: '正文所述规范性文件件数与表二一致',
  source: '国办公开办函〔2021〕30号 表二 第二十条第（一）项（行政规范性文件：本年制发件数、本年废止件数、现行有效件数）',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const ranges = narrativeRanges(ctx)
    const used: Range[] = []
    const notes: string[] = []
    const stmts: { col: Col; value: number; start: number; end: number }[] = []
    for (const p of patterns(ctx.format)) {
      for (const { start, end, m } of matchAll(ctx, p.re, ranges)) {
        if (used.some((u) => start < u.end && end > u.start)) continue
        used.push({ start, end })
        const why = otherYear(ctx, start, end)
        if (why) {
          notes.push(`“${quote(ctx, start, end)}”${why}，不作比较`)
          continue
        }
        const v = p.zero ? 0 : readNumber(m[1] as string)
        if (v !== null) stmts.push({ col: p.col, value: v, start, end })
      }
    }
    for (const { start, end } of matchAll(ctx, new RegExp(`${DOC}${GAP}{0,4}?(${NUM})\\s*${UNIT}`), ranges)) {
      if (!used.some((u) => start < u.end && end > u.start)) notes.push(`“${quote(ctx, start, end)}”未说明是制发、废止还是现行有效，不作比较`)
    }
    if (!stmts.length) return { outcome: 'N/A', findings: [], note: notes.length ? notes.join('；') : '正文未写出规范性文件件数' }
    const findings: Finding[] = []
    for (const col of Object.keys(COL_NAME) as Col[]) {
      const said = stmts.filter((s) => s.col === col)
      if (!said.length) continue
      const c = ctx.cell('T2', 'A20_1.normative_docs', col)
      const loc = `T2.normative_docs.${col}`
      if (!usable(c)) {
        const s = said[0]!
        findings.push({
          rule: rule.id, severity: rule.severity, outcome: 'UNVERIFIABLE', loc,
          evidence: [textEvidence(ctx, s.start, s.end, '正文'), ...(c ? [cellEvidence(c)] : [])],
          message: `正文写“${quote(ctx, s.start, s.end)}”，但表二规范性文件“${COL_NAME[col]}”${cellState(c)}，无法核对。`
        })
        continue
      }
      const bad = said.filter((s) => s.value !== c.value)
      if (!bad.length) continue
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc,
        evidence: [...bad.map((s) => textEvidence(ctx, s.start, s.end, `正文：${s.value}件`)), cellEvidence(c)],
        message: `正文写“${bad.map((s) => quote(ctx, s.start, s.end)).join('”“')}”（${bad.map((s) => s.value).join('、')}件），表二规范性文件“${COL_NAME[col]}”为${c.value}，不一致。`
      })
    }
    const res = fromFindings(findings)
    if (notes.length) res.note = notes.join('；')
    return res
  }
}

export default rule
