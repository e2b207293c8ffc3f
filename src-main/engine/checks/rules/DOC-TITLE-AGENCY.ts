import { labelKey } from '../../parse/normalize.ts'
import { textEvidence } from '../evidence.ts'
import { na, pass, type ReportRule } from '../types.ts'

// 标题宜使用机关全称（××镇人民政府 / ××街道办事处），而不是只写地名。
const rule: ReportRule = {
  id: 'DOC-TITLE-AGENCY',
  family: 'document',
  severity: 'info',
  title: '标题使用机关全称（人民政府 / 街道办事处）',
  source: '条例第四条、第四十九条：年报由行政机关（乡镇人民政府、街道办事处）编制公布；标题宜写机关全称',
  confidence: '-',
  formats: ['2021', '2019'],
  check(ctx) {
    const t = ctx.report.title
    if (!t) return na('未找到标题（见 DOC-TITLE）')
    const key = labelKey(t.text)
    if (/人民政府|办事处/.test(key)) return pass()
    const name = ctx.report.body?.name ?? ''
    const sign = ctx.report.signBody?.name
    const evidence = [textEvidence(ctx, t.span.start, t.span.end, '标题')]
    if (ctx.report.signBody) evidence.push(textEvidence(ctx, ctx.report.signBody.span.start, ctx.report.signBody.span.end, '落款'))
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'title.agency',
          evidence,
          message: `标题中的机关名称“${name || t.text.replace(/\s+/g, '')}”未写全称（缺“人民政府”或“街道办事处”）${
            sign && /人民政府|办事处/.test(sign) ? `，落款为“${sign}”` : ''
          }。`
        }
      ]
    }
  }
}

export default rule
