import { NUM } from '../lib/cnnum.ts'
import { matchAll, narrativeRanges, sectionBody, spanEvidence } from '../lib/narrative.ts'
import { na, pass, type ReportRule } from '../types.ts'

const FIGURE = new RegExp(`${NUM}\\s*(?:条|件|篇|则|期|份)|(?:未|没有|无)(?:收到|受理)[^。；，\\n]{0,12}?申请`)

// 评估机构把“内容不翔实”列为年报常见问题：总体情况应有发布信息、办理申请等具体数字。
const rule: ReportRule = {
  id: 'SEC1-DATA',
  family: 'section',
  severity: 'info',
  title: '“总体情况”有具体数据',
  source: '中国社会科学院法学研究所年报评估：内容应翔实、有数据（“不翔实”为扣分问题）',
  confidence: 'R',
  formats: ['2021', '2019'],
  check(ctx) {
    const s = sectionBody(ctx, 'S1')
    if (!s) return na('未找到第一部分')
    const hit = matchAll(ctx, FIGURE, narrativeRanges(ctx, s.start, s.end))[0]
    if (hit) return pass(`例如“${ctx.text.slice(hit.start, hit.end)}”`)
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'S1.data',
          evidence: [spanEvidence(ctx, s.start, s.end, '第一部分“总体情况”')],
          message: '“一、总体情况”没有任何具体数字（发布信息条数、收到申请件数等），内容不够翔实。'
        }
      ]
    }
  }
}

export default rule
