import { sentenceAround, textEvidence } from '../evidence.ts'
import { type Match, matchAll, sectionBody, spanEvidence } from '../lib/narrative.ts'
import { bodyKind, bodyKindName } from '../lib/body.ts'
import { na, pass, type Evidence, type ReportRule } from '../types.ts'

/** Keywords of each element, most specific first (the first keyword found gives the evidence); made once, not per report. */
const ELEMENTS: { label: string; words: RegExp[] }[] = [
  { label: '工作考核', words: [/考核/, /考评/, /绩效/] },
  { label: '社会评议', words: [/评议/, /社会评价/, /满意度/] },
  { label: '责任追究', words: [/责任追究/, /追责/, /问责/, /追究/] }
]

/**
 * true when the offset lies inside a 《…》 title opened earlier in the same sentence: 按照《…监管工作年度考核指标的通知》
 * names a document, not the results of an assessment. Bounded look-back, so linear.
 */
function insideTitle(norm: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 80; i--) {
    const ch = norm[i]
    if (ch === '》' || ch === '。' || ch === '\n') return false
    if (ch === '《') return true
  }
  return false
}

/** 提升公众参与度和满意度: satisfaction as an aim of the work, not a rating anybody gave (a result: 满意度测评为优秀, 满意度达98%). */
const AIM_BEFORE = /(?:提升|提高|增强|增进|改善)[^，。；,;]{0,12}$/

/** A hit that does not state a result: inside a document title, or 满意度 named as an aim. */
function notAResult(norm: string, at: number, word: string): boolean {
  if (insideTitle(norm, at)) return true
  return word === '满意度' && AIM_BEFORE.test(norm.slice(Math.max(0, at - 16), at))
}

// 条例第五十条第（四）项：各级人民政府的年报还应包括工作考核、社会评议和责任追究结果情况（乡镇人民政府也是一级人民政府）。
const rule: ReportRule = {
  id: 'SEC1-GOV-ASSESS',
  family: 'section',
  severity: 'warning',
  title: '说明工作考核、社会评议和责任追究结果',
  source: '条例第五十条第（四）项、第四十六条；国办公开办函〔2021〕30号 格式说明（一）“监督保障”',
  confidence: 'V',
  formats: ['2021', '2019'],
  check(ctx) {
    // 条例第五十条 asks this of 各级人民政府 only: a department's report is not bound by it.
    const body = bodyKind(ctx.report)
    if (body.kind === 'department') return na(`报告机关“${body.name}”是${bodyKindName(body.kind)}，不是人民政府，本规则不适用（见 DOC-WRONG-ENTITY）`)
    const s = sectionBody(ctx, 'S1')
    if (!s) return na('未找到第一部分')
    const present: string[] = []
    const missing: string[] = []
    const evidence: Evidence[] = []
    for (const e of ELEMENTS) {
      let hit: Match | undefined
      for (const w of e.words) {
        hit = matchAll(ctx, w, [{ start: s.start, end: s.end }]).find((h) => !notAResult(ctx.report.norm, h.start, h.m[0]))
        if (hit) break
      }
      if (!hit) {
        missing.push(e.label)
        continue
      }
      present.push(`${e.label}（“${hit.m[0]}”）`)
      const sen = sentenceAround(ctx.text, hit.start, hit.end)
      const same = evidence.find((x) => x.kind === 'text' && x.start === sen.start)
      if (same && same.kind === 'text') same.note = `${same.note}、${e.label}`
      else evidence.push(textEvidence(ctx, sen.start, sen.end, `提到${e.label}`))
    }
    if (!missing.length) return pass(`已提及：${present.join('、')}`)
    if (!evidence.length) {
        evidence.push(spanEvidence(ctx, s.start, s.end, '第一部分“总体情况”'))
    }
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'S1.assess', evidence,
          message: `“一、总体情况”未说明${missing.join('、')}结果情况${present.length ? `（已提及：${present.join('、')}）` : ''}；各级人民政府（含乡镇）年报应写明工作考核、社会评议和责任追究结果（未发生的也应说明）。`
        }
      ]
    }
  }
}

export default rule
