import { isResult, mentionIn, missingIn6, section6 } from '../lib/section6.ts'
import { pass, type ReportRule } from '../types.ts'

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
    const s = section6(ctx)
    if (isResult(s)) return s
    if (mentionIn(ctx, s, /创新/)) return pass()
    return missingIn6(ctx, rule, s, 'S6.innov', '“六、其他需要报告的事项”未说明本年度政务公开工作创新情况。')
  }
}

export default rule
