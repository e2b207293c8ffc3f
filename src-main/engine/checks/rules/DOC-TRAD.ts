import { textEvidence } from '../evidence.ts'
import { pass, type ReportRule } from '../types.ts'

const THRESHOLD = 0.05

// 繁体字年报：提示审核人员，检查按简体规范化后的文字进行（domain.md §3.7）。
const rule: ReportRule = {
  id: 'DOC-TRAD',
  family: 'document',
  severity: 'info',
  title: '繁体字文本（已转换为简体后检查）',
  source: '《中华人民共和国国家通用语言文字法》第九条（国家机关以规范汉字为公务用字）',
  confidence: 'R',
  formats: ['2021', '2019'],
  check(ctx) {
    const share = ctx.report.tradShare
    const pct = Math.round(share * 100)
    if (share <= THRESHOLD) return pass(share > 0 ? `繁体字约占${pct}%` : undefined)
    const t = ctx.report.title?.span
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'text',
          evidence: t ? [textEvidence(ctx, t.start, t.end, '标题')] : [{ kind: 'note', text: `繁体字约占${pct}%` }],
          message: `年报使用繁体字（约占汉字的${pct}%，可能繁简混用），已转换为简体后检查；公文宜使用规范汉字。`
        }
      ]
    }
  }
}

export default rule
