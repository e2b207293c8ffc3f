import { matchAll, sectionBody, spanEvidence } from '../lib/narrative.ts'
import { na, pass, type ReportRule } from '../types.ts'

// 国办公开办函〔2021〕30号 格式说明（六）[R]：年度工作创新情况（作提示）。
const rule: ReportRule = {
  id: 'SEC6-INNOV',
  family: 'section',
  severity: 'info',
  title: '第六部分说明年度政务公开工作创新情况',
  source: '国办公开办函〔2021〕30号 格式说明（六）[R]：年度工作创新情况',
  confidence: 'R',
  formats: ['2021'],
  check(ctx) {
    if (ctx.format !== '2021') return na('2019年试行格式不要求')
    const s = sectionBody(ctx, 'S6')
    if (!s) return na('未找到第六部分')
    if (matchAll(ctx, /创新/, [{ start: s.start, end: s.end }])[0]) return pass()
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'S6.innov',
          evidence: [spanEvidence(ctx, s.start, s.end, '第六部分')],
          message: '“六、其他需要报告的事项”未说明本年度政务公开工作创新情况。'
        }
      ]
    }
  }
}

export default rule
