import { cellState, quote } from '../lib/narrative.ts'
import { extract, OUTCOME, type Clause, type TopicSpec } from '../lib/statements.ts'
import { cellEvidence, textEvidence, usable } from '../evidence.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

type Kind = 'review' | 'lit'
const KIND_NAME: Record<Kind, string> = { review: '行政复议', lit: '行政诉讼' }
const CELLS: Record<Kind, string[]> = { review: ['review_total'], lit: ['lit_direct_total', 'lit_after_review_total'] }
const UNITS = '件起宗次例'
/** An outcome word, or a comparison, between the subject and the number: the number is not the total. */
const PART = new RegExp(`${OUTCOME.source}|其中|占|同比|较|比上年|增长|下降|减少|增加`)

/**
 * What may stand between 行政复议/行政诉讼 and its count ('行政诉讼数为0件', '行政复议案件共计2件'): any other word
 * makes the appeal a modifier of something else ('行政诉讼应诉培训2次', '《行政复议法》2次', '复议决定书1件').
 */
const BETWEEN = /^(?:\s|案件|案|申请|事项|数量|件数|总数|数|共计|共|合计|总计|累计|为|是|有|发生|了|的|均|各|达|分别|：|:)*$/
/** After '1起行政复议' / '1件…的行政诉讼': the end of the phrase (punctuation, a conjunction, a predicate). */
const FOLLOWS = /^(?:$|[^\u4e00-\u9fff]|[均已尚正目被经未在中和及与等共分各]|情况|案件)/
/** 办理行政复议案件3件，其中涉及政府信息公开1件: the count is of all appeals, a later 其中 narrows it to information. */
const BROADER = /其中[^。；;]{0,16}?(?:信息公开|依申请公开)/
/** 行政复议申请2件，均为非政府信息公开类: the sentence says they are not about information. */
const NOT_INFO = /非(?:政府)?信息公开|不属于(?:政府)?信息公开|与(?:政府)?信息公开无关/
const informationAppeals = (c: Clause, start: number, end: number): boolean => {
  if (NOT_INFO.test(c.sentence.text)) return false
  return /信息公开|依申请公开/.test(c.sentence.text.slice(0, c.off + end)) || !BROADER.test(c.sentence.text.slice(c.off + end))
}

/** Review and litigation counts as a report words them. */
export const T4_TOPICS: TopicSpec[] = [
  { id: 'review', anchors: [/(?:政府信息公开)?(?:行政)?复议(?!后)(?:案件|申请|案)?/], units: UNITS, gap: 12, before: 16, partWords: PART, between: BETWEEN, follows: FOLLOWS, zeroable: true, accept: informationAppeals },
  { id: 'lit', anchors: [/(?:行政)?诉讼(?:案件|案)?|(?<![直接后])起诉(?:案件)?/], units: UNITS, gap: 12, before: 16, partWords: PART, between: BETWEEN, follows: FOLLOWS, zeroable: true, accept: informationAppeals },
  // Parts of the litigation total (未经复议直接起诉, 复议后起诉): not the total, and never a count of reviews.
  { id: 'lit_part', anchors: [/(?:未经(?:行政)?复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼)|复议后(?:提起)?(?:行政)?(?:起诉|诉讼)/], units: '' }
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
    const ex = extract(ctx, T4_TOPICS)
    const notes: string[] = ex.otherYears.map((o) => `“${quote(ctx, o.start, o.end)}”${o.why}，不作比较`)
    const unclear = ex.unclear.map((u) => `“${quote(ctx, u.start, u.end)}”${u.why}`)
    const stmts = ex.stmts.filter((s) => s.topic === 'review' || s.topic === 'lit').map((s) => ({ ...s, kind: s.topic as Kind }))
    if (!stmts.length) {
      if (unclear.length) return { outcome: 'UNVERIFIABLE', findings: [], note: [...notes, ...unclear].join('；') }
      return { outcome: 'N/A', findings: [], note: notes.length ? notes.join('；') : '正文未写出行政复议、行政诉讼件数' }
    }
    notes.push(...unclear)
    const findings: Finding[] = []
    const unverifiable: string[] = []
    for (const kind of ['review', 'lit'] as Kind[]) {
      const said = stmts.filter((s) => s.kind === kind)
      if (!said.length) continue
      const cells = CELLS[kind].map((c) => ctx.cell('T4', 'counts', c))
      const loc = `T4.${kind}`
      if (!cells.every((c) => usable(c))) {
        const s = said[0]!
        // The table cell cannot be read or is blank (TBL-BLANK says so): not a finding of this rule.
        unverifiable.push(`正文写“${quote(ctx, s.start, s.end)}”，但表四${KIND_NAME[kind]}“总计”${cellState(cells.find((c) => !usable(c)))}，无法核对`)
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
    if (res.outcome === 'PASS' && unverifiable.length) res.outcome = 'UNVERIFIABLE'
    notes.unshift(...unverifiable)
    if (notes.length) res.note = notes.join('；')
    return res
  }
}

export default rule
