import { checkIdentity } from '../lib/identity.ts'
import { t4Groups } from '../lib/tables.ts'
import { fromFindings, na, type Finding, type ReportRule } from '../types.ts'

// For 行政复议, 未经复议直接起诉 and 复议后起诉: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
const rule: ReportRule = {
  id: 'T4-SUM',
  family: 'arithmetic',
  severity: 'error',
  title: '表四各组：结果维持+结果纠正+其他结果+尚未审结=总计',
  source: '国办公开办函〔2021〕30号 表四各组“总计”列',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    if (!ctx.report.tables.T4.found) return na('未找到表四')
    const findings: Finding[] = []
    for (const g of t4Groups(ctx.format)) {
      const f = checkIdentity({
        rule: rule.id, severity: rule.severity, loc: `T4.${g.id}`,
        where: `表四“${g.label}”`,
        left: g.parts.map((c) => ({ label: c.label, cell: ctx.cell('T4', 'counts', c.id) })),
        right: [{ label: g.total.label, cell: ctx.cell('T4', 'counts', g.total.id) }],
        failMessage: (l, r) =>
          `表四“${g.label}”：${g.parts.map((c) => `${c.label}（${ctx.cell('T4', 'counts', c.id)?.value}）`).join('+')}=${l}≠总计（${r}），请核对。`
      })
      if (f) findings.push(f)
    }
    return fromFindings(findings)
  }
}

export default rule
