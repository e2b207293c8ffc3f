import { textEvidence } from '../evidence.ts'
import { findHeadings, missingPlace, templateSections } from '../lib/headings.ts'
import { otherHeading } from '../lib/otherHeading.ts'
import { fromFindings, type Evidence, type Finding, type ReportCtx, type ReportRule, type RuleResult } from '../types.ts'

/** A sub-heading line: （一）… / 一是… / 1.…, short. */
const SUBHEADING = /^(?:[（(][一二三四五六七八九十][)）]|[一二三四五六七八九十]是|\d{1,2}[.、．])/
const PROBLEM = /问题|不足/
const IMPROVE = /改进|整改|措施|下一步|打算/

/**
 * Part 五 written without its heading: after 表四 and before the next part's heading stand sub-headings on the
 * problems and on their improvement (kewei2024: （一）主要问题 / （二）改进情况). The part is there, its title is not;
 * saying 缺少第五部分 would be false. Returns the sub-headings as evidence, or null.
 */
function untitledPart5(ctx: ReportCtx): Evidence[] | null {
  const secs = ctx.report.sections
  const s4 = secs.find((x) => x.id === 'S4' && x.found && x.titleSpan)
  const next = secs.find((x) => x.id === 'S6' && x.found && x.titleSpan)
  if (!s4?.titleSpan || !next?.titleSpan || next.titleSpan.start <= s4.titleSpan.end) return null
  let from = s4.titleSpan.end
  for (const c of ctx.report.tables.T4?.cells ?? []) if (c.span && c.span.end > from && c.span.end < next.titleSpan.start) from = c.span.end
  const lines: { start: number; end: number; text: string }[] = []
  let at = from
  for (const raw of ctx.text.slice(from, next.titleSpan.start).split('\n')) {
    const lead = raw.length - raw.trimStart().length
    const text = raw.trim()
    if (text.length <= 40 && SUBHEADING.test(text)) lines.push({ start: at + lead, end: at + lead + text.length, text })
    at += raw.length + 1
  }
  const problems = lines.filter((l) => PROBLEM.test(l.text))
  const improve = lines.filter((l) => IMPROVE.test(l.text))
  if (!problems.length || !improve.length || new Set([...problems, ...improve]).size < 2) return null
  return [...new Set([...problems, ...improve])].sort((a, b) => a.start - b.start).map((l) => textEvidence(ctx, l.start, l.end, '第五部分的内容'))
}

// 条例第五十条规定年报的内容；国办公开办函〔2021〕30号格式据此分为六个部分，缺一不可（“不能遗漏”）。
// A section is missing only when its heading (and, for 二–四, its table's labels) is absent from the whole
// text. A heading out of order is SEC-ORDER's; a heading or table present but unusable is a parse problem.
const rule: ReportRule = {
  id: 'SEC-PRESENT',
  family: 'section',
  severity: 'error',
  title: '六个部分齐全',
  source: '条例第五十条（年度报告应当包括的内容）；国办公开办函〔2021〕30号：年报内容“不能遗漏，也不宜泛化”',
  confidence: 'V',
  formats: ['2021', '2019'],
  check(ctx) {
    const findings: Finding[] = []
    const elsewhere: string[] = []
    const unread: string[] = []
    for (const sec of templateSections(ctx)) {
      const hit = ctx.report.sections.find((s) => s.id === sec.id)
      if (hit?.found) continue
      if (findHeadings(ctx, sec).length) {
        elsewhere.push(`第${sec.no}部分的标题顺序错位（见 SEC-ORDER）`)
        continue
      }
      if ((ctx.report.problems ?? []).some((p) => p.code === 'section-unplaced' && p.section === sec.id)) {
        unread.push(`第${sec.no}部分“${sec.title}”在原文中但未能定位（见解析存疑）`)
        continue
      }
      const other = otherHeading(ctx, sec.id, sec.no)
      if (other) {
        findings.push({
          rule: rule.id, severity: 'warning', outcome: 'FAIL', loc: sec.id,
          evidence: [textEvidence(ctx, other.start, other.end, `第${sec.no}部分位置上的标题`)],
          message: `第${sec.no}部分的位置上是“${other.text}”，与格式规定的“${sec.title}”不符，未能确认为该部分；请核对标题及其内容是否写了规定的事项。`
        })
        continue
      }
      const content = sec.id === 'S5' ? untitledPart5(ctx) : null
      if (content) {
        // The reviewer asks for the title, not for a part the report has.
        findings.push({
          rule: rule.id, severity: 'warning', outcome: 'FAIL', loc: sec.id,
          evidence: [...content, missingPlace(ctx, sec.id)],
          message: `第${sec.no}部分缺少标题“${sec.title}”：表四之后写有问题和改进情况（${content.map((e) => (e.kind === 'text' ? `“${e.text.trim()}”` : '')).join('')}），请补上标题。`
        })
        continue
      }
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: sec.id,
        // The place where the part should stand, and what was looked for.
        evidence: [missingPlace(ctx, sec.id), { kind: 'note', text: `全文未找到“${sec.title}”的标题${['S2', 'S3', 'S4'].includes(sec.id) ? '及其表格' : ''}` }],
        message: `缺少第${sec.no}部分“${sec.title}”。`
      })
    }
    const res: RuleResult = fromFindings(findings)
    const notes = [...elsewhere, ...unread]
    if (!findings.length && unread.length) return { outcome: 'UNVERIFIABLE', findings: [], note: notes.join('；') }
    if (notes.length) res.note = notes.join('；')
    return res
  }
}

export default rule
