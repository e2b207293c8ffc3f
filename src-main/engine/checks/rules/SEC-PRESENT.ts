import { findHeadings, templateSections } from '../lib/headings.ts'
import { lineOf } from '../lib/narrative.ts'
import { textEvidence } from '../evidence.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

// 条例第五十条规定年报的内容；国办公开办函〔2021〕30号格式据此分为六个部分，缺一不可（“不能遗漏”）。
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
    for (const sec of templateSections(ctx)) {
      const hit = ctx.report.sections.find((s) => s.id === sec.id)
      if (hit?.found) continue
      const elsewhere = findHeadings(ctx, sec)[0]
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: sec.id,
        evidence: elsewhere ? [textEvidence(ctx, elsewhere.start, elsewhere.end, '顺序错位的标题')] : [{ kind: 'note', text: `未找到“${sec.title}”` }],
        message: elsewhere
          ? `第${sec.no}部分“${sec.title}”未出现在应有的位置（第${lineOf(ctx, elsewhere.start)}行的同名标题顺序错位，见 SEC-ORDER）。`
          : `缺少第${sec.no}部分“${sec.title}”。`
      })
    }
    return fromFindings(findings)
  }
}

export default rule
