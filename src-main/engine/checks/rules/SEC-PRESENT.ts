import { findHeadings, missingPlace, templateSections } from '../lib/headings.ts'
import { fromFindings, type Finding, type ReportRule, type RuleResult } from '../types.ts'

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
