import { findHeadings, templateSections } from '../lib/headings.ts'
import { textEvidence } from '../evidence.ts'
import { fromFindings, na, type Finding, type ReportRule } from '../types.ts'

// 六个部分按格式规定的顺序排列。
const rule: ReportRule = {
  id: 'SEC-ORDER',
  family: 'section',
  severity: 'warning',
  title: '六个部分按顺序排列',
  source: '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》（一至六部分的顺序）',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const secs = templateSections(ctx)
    // Position of each section's heading: where the splitter found it, else anywhere in the text.
    const pos = secs.map((sec) => {
      const hit = ctx.report.sections.find((s) => s.id === sec.id)
      if (hit?.found && hit.titleSpan) return { sec, start: hit.titleSpan.start, end: hit.titleSpan.end, found: true }
      const h = findHeadings(ctx, sec)[0]
      return h ? { sec, start: h.start, end: h.end, found: false } : null
    })
    const present = pos.filter((p): p is NonNullable<typeof p> => !!p)
    if (present.length < 2) return na('找到的部分不足两个，无法核对顺序（见 SEC-PRESENT）')
    const findings: Finding[] = []
    for (let i = 0; i < present.length; i++) {
      const p = present[i]!
      const before = present.slice(i + 1).filter((q) => q.start < p.start)
      if (!before.length) continue
      const q = before[0]!
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `${q.sec.id}<${p.sec.id}`,
        evidence: [textEvidence(ctx, q.start, q.end, `第${q.sec.no}部分标题`), textEvidence(ctx, p.start, p.end, `第${p.sec.no}部分标题`)],
        message: `第${q.sec.no}部分“${q.sec.title}”排在第${p.sec.no}部分“${p.sec.title}”之前，顺序有误。`
      })
    }
    const missing = secs.length - present.length
    const res = fromFindings(findings)
    if (missing) res.note = `有${missing}个部分未找到（见 SEC-PRESENT），只核对已找到部分的顺序`
    return res
  }
}

export default rule
