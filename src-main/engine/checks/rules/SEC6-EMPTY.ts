import { isPageFurniture } from '../../parse/grid/footers.ts'
import { textEvidence } from '../evidence.ts'
import { na, pass, type ReportRule } from '../types.ts'

// 六、其他需要报告的事项 must report the 信息处理费 and other items (2021 format §(六)); "无" reports nothing.
const rule: ReportRule = {
  id: 'SEC6-EMPTY',
  family: 'section',
  severity: 'warning',
  title: '“六、其他需要报告的事项”不应只写“无”',
  source: '国办公开办函〔2021〕30号 §（六）[R]：应报告信息处理费收取等事项',
  confidence: 'R',
  formats: ['2021', '2019'],
  check(ctx) {
    const s = ctx.section('S6')
    if (!s) return na('未找到第六部分')
    // A page footer printed under the section ('- 6 -', '第6页共6页') is not something the section says.
    const said = s.norm.split('\n').filter((l) => !isPageFurniture(l)).join('\n')
    const body = said.replace(/[\s。.，,、;；:：!！]/g, '')
    if (!/^(无|暂无|没有|无其他需要报告的事项)$/.test(body)) return pass()
    const severity = ctx.format === '2021' ? 'warning' : 'info'
    const lead = s.text.search(/\S/)
    const start = s.start + Math.max(0, lead)
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity, outcome: 'FAIL', loc: 'S6',
          evidence: [textEvidence(ctx, start, s.end)],
          message: '“六、其他需要报告的事项”只写了“无”，未说明信息处理费收取情况（含未收取的说明）等事项。'
        }
      ]
    }
  }
}

export default rule
