import { isResult, mentionIn, missingIn6, section6 } from '../lib/section6.ts'
import { pass, type ReportRule } from '../types.ts'

// 国办公开办函〔2021〕30号 格式说明（六）[R]：人大代表建议和政协提案办理结果公开情况（乡镇多为“无”，作提示）。
const rule: ReportRule = {
  id: 'SEC6-NPC',
  family: 'section',
  severity: 'info',
  title: '第六部分说明人大代表建议和政协提案办理结果公开情况',
  source: '国办公开办函〔2021〕30号 格式说明（六）[R]：人大代表建议和政协提案办理结果公开情况',
  confidence: 'R',
  formats: ['2021'],
  check(ctx) {
    const s = section6(ctx)
    if (isResult(s)) return s
    if (mentionIn(ctx, s, /人大代表|政协委员|政协提案|建议提案|建议和提案|建议、提案|人大建议/)) return pass()
    return missingIn6(ctx, rule, s, 'S6.npc', '“六、其他需要报告的事项”未说明人大代表建议和政协提案办理结果公开情况（没有承办的可注明“无”）。')
  }
}

export default rule
