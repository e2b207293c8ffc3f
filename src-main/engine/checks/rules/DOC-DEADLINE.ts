import { textEvidence } from '../evidence.ts'
import { pass, type ReportRule } from '../types.ts'

// 条例第四十九条：县级以上人民政府部门每年1月31日前公布上一年度年报；乡镇的期限由各地确定（批次设置，默认次年1月31日）。
const rule: ReportRule = {
  id: 'DOC-DEADLINE',
  family: 'document',
  severity: 'error',
  title: '按时发布（落款日期不晚于截止日期）',
  source: '条例第四十九条：每年1月31日前公布上一年度政府信息公开工作年度报告；乡镇截止日期以本地要求为准（批次设置）',
  confidence: 'V',
  formats: ['2021', '2019'],
  usesSettings: true,
  check(ctx) {
    const deadline = ctx.settings.deadline
    const sd = ctx.report.signDate
    if (!sd) {
      const t = ctx.report.title?.span
      return {
        outcome: 'UNVERIFIABLE',
        note: '没有落款日期',
        findings: [
          {
            rule: rule.id, severity: 'info', outcome: 'UNVERIFIABLE', loc: 'signDate',
            evidence: t ? [textEvidence(ctx, t.start, t.end, '标题（全文无落款日期）')] : [{ kind: 'note', text: '全文无落款日期' }],
            message: `年报没有落款日期，无法核对是否${deadline.startsWith('9999') ? '按时' : `在截止日期（${deadline}）前`}发布；请录入实际发布日期。`
          }
        ]
      }
    }
    if (deadline.startsWith('9999')) return { outcome: 'UNVERIFIABLE', findings: [], note: `未设置截止日期，且未能读出报告年度；落款日期 ${sd.iso}` }
    if (sd.iso <= deadline) return pass(`落款日期 ${sd.iso} ≤ 截止日期 ${deadline}`)
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'signDate',
          evidence: [textEvidence(ctx, sd.span.start, sd.span.end, `落款日期 ${sd.iso}`)],
          message: `落款日期 ${sd.iso} 晚于截止日期 ${deadline}，未按时发布。`
        }
      ]
    }
  }
}

export default rule
