import { matchAll, sectionBody, spanEvidence } from '../lib/narrative.ts'
import { na, pass, type ReportRule } from '../types.ts'

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
    if (ctx.format !== '2021') return na('2019年试行格式不要求')
    const s = sectionBody(ctx, 'S6')
    if (!s) return na('未找到第六部分')
    if (matchAll(ctx, /人大代表|政协委员|政协提案|建议提案|建议和提案|建议、提案|人大建议/, [{ start: s.start, end: s.end }])[0]) return pass()
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'S6.npc',
          evidence: [spanEvidence(ctx, s.start, s.end, '第六部分')],
          message: '“六、其他需要报告的事项”未说明人大代表建议和政协提案办理结果公开情况（没有承办的可注明“无”）。'
        }
      ]
    }
  }
}

export default rule
