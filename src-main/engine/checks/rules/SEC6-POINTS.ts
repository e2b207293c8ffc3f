import { isResult, mentionIn, missingIn6, section6 } from '../lib/section6.ts'
import { sentenceAround } from '../evidence.ts'
import { pass, type ReportRule } from '../types.ts'

// 国办公开办函〔2021〕30号 格式说明（六）[R]：报告落实上级年度政务公开工作要点情况。
const rule: ReportRule = {
  id: 'SEC6-POINTS',
  family: 'section',
  severity: 'warning',
  title: '第六部分说明政务公开工作要点落实情况',
  source: '国办公开办函〔2021〕30号 格式说明（六）[R]：落实上级年度政务公开工作要点情况',
  confidence: 'R',
  formats: ['2021'],
  check(ctx) {
    const s = section6(ctx)
    if (isResult(s)) return s
    const hit = mentionIn(ctx, s, /工作要点|公开要点/)
    if (hit) {
      const sen = sentenceAround(ctx.text, hit.start, hit.end)
      const said = ctx.report.norm.slice(sen.start, sen.end)
      return pass(/落实|贯彻|执行|完成/.test(said) ? undefined : '提到工作要点，但未写“落实”情况')
    }
    return missingIn6(ctx, rule, s, 'S6.points', '“六、其他需要报告的事项”未说明落实上级年度政务公开工作要点的情况。')
  }
}

export default rule
