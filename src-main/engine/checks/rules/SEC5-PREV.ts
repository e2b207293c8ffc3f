import { matchAll, sectionBody, spanEvidence } from '../lib/narrative.ts'
import { sentenceAround } from '../evidence.ts'
import { na, pass, type ReportRule } from '../types.ts'

// 国办公开办函〔2021〕30号 格式说明（五）[R]：改进情况应包括上一年度年报所提问题的整改情况。
const rule: ReportRule = {
  id: 'SEC5-PREV',
  family: 'section',
  severity: 'info',
  title: '第五部分回应上年度年报所提问题',
  source: '国办公开办函〔2021〕30号 格式说明（五）[R]：改进情况包括上一年度年报所提问题的整改情况（待核对原文）',
  confidence: 'R',
  formats: ['2021'],
  check(ctx) {
    if (ctx.format !== '2021') return na('2019年试行格式无此要求')
    const s = sectionBody(ctx, 'S5')
    if (!s) return na('未找到第五部分')
    const prev = ctx.year !== undefined ? String(ctx.year - 1) : '(?!)'
    const re = new RegExp(`上一?年度?|去年|以往年度|${prev}\\s*年度?[^。；\\n]{0,12}?(?:年报|年度报告|报告|存在|问题|整改)`)
    const hit = matchAll(ctx, re, [{ start: s.start, end: s.end }])[0]
    if (hit) {
      const sen = sentenceAround(ctx.text, hit.start, hit.end)
      return pass(`提到上年度：“${ctx.text.slice(sen.start, sen.end).trim().slice(0, 60)}”`)
    }
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'S5.prev',
          evidence: [spanEvidence(ctx, s.start, s.end, '第五部分')],
          message: `“五、存在的主要问题及改进情况”未提及上一年度（${ctx.year !== undefined ? `${ctx.year - 1}年度` : '上年度'}）年报所提问题的整改情况。`
        }
      ]
    }
  }
}

export default rule
