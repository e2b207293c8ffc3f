import { textEvidence } from '../evidence.ts'
import { na, pass, type ReportRule } from '../types.ts'

// 本批次审核的是某一年度的年报（审核人员设置；默认取文件夹中最常见的年度）。
const rule: ReportRule = {
  id: 'DOC-TARGET-YEAR',
  family: 'document',
  severity: 'warning',
  title: '报告年度与本批次审核年度一致',
  source: '批次设置：本批次审核年度（条例第四十九条：每年公布上一年度年报）',
  confidence: '-',
  formats: ['2021', '2019'],
  usesSettings: true,
  check(ctx) {
    const batch = ctx.settings.year
    if (batch === undefined) return na('未设置本批次审核年度')
    const year = ctx.year
    if (year === undefined) return { outcome: 'UNVERIFIABLE', findings: [], note: '未能从标题读出报告年度' }
    if (year === batch) return pass()
    const ys = ctx.report.yearSpan ?? ctx.report.title?.span
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'year.batch',
          evidence: ys ? [textEvidence(ctx, ys.start, ys.end, `报告年度 ${year}`)] : [{ kind: 'note', text: `报告年度 ${year}` }],
          message: `本报告为${year}年度年报，本批次审核的是${batch}年度年报，请确认是否报送错误或混入了往年年报。`
        }
      ]
    }
  }
}

export default rule
