import { matchAll, sectionBody, spanEvidence } from '../lib/narrative.ts'
import { sentenceAround, textEvidence } from '../evidence.ts'
import { na, pass, type Evidence, type ReportRule } from '../types.ts'

const PROBLEMS = /问题|不足|差距|短板|薄弱|欠缺|不够|有待/
/**
 * Improvement: the words of a plan ('下一步', '针对上述问题', '2025年我们将切实抓好…'). Matched on the
 * section with its line breaks removed, so that a PDF line break inside a phrase does not hide it.
 */
const IMPROVE =
  /改进|改善|整改|下一步|措施|今后|计划|努力方向|打算|明年|来年|针对(?:上述|以上|存在的?|这些|前述)?(?:问题|不足)|将(?:切实|着力|持续|继续|进一步|加强|加大|不断|全面|认真|重点|抓好|做好|积极|强化|推进|提升|完善|建立|健全|规范|严格|加快|优化|深化|拓展|丰富)/

// 条例第五十条第（四）项：年报应包括存在的主要问题及改进情况——两者缺一不可。
const rule: ReportRule = {
  id: 'SEC5-BOTH',
  family: 'section',
  severity: 'warning',
  title: '第五部分既写问题也写改进情况',
  source: '条例第五十条第（四）项：政府信息公开工作存在的主要问题及改进情况',
  confidence: 'V',
  formats: ['2021', '2019'],
  check(ctx) {
    const s = sectionBody(ctx, 'S5')
    if (!s) return na('未找到第五部分')
    const range = [{ start: s.start, end: s.end }]
    const p = matchAll(ctx, PROBLEMS, range)[0]
    const i = matchAll(ctx, IMPROVE, range)[0]
    if (p && i) return pass()
    const joined = s.norm.replace(/\s+/g, '')
    if (p && IMPROVE.test(joined)) return pass('改进措施的用语跨行')
    const missing = [p ? '' : '存在的主要问题', i ? '' : '改进情况'].filter(Boolean)
    const evidence: Evidence[] = []
    for (const h of [p, i]) {
      if (!h) continue
      const sen = sentenceAround(ctx.text, h.start, h.end)
      evidence.push(textEvidence(ctx, sen.start, sen.end))
    }
    if (!evidence.length) {
        evidence.push(spanEvidence(ctx, s.start, s.end, '第五部分'))
    }
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'S5.parts', evidence,
          message: `“五、存在的主要问题及改进情况”只写了${p ? '问题' : i ? '改进措施' : '其他内容'}，缺少${missing.join('和')}。`
        }
      ]
    }
  }
}

export default rule
