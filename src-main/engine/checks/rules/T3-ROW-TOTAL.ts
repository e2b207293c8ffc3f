import { t3Columns, t3DataRows } from '../../template.ts'
import { checkIdentity } from '../lib/identity.ts'
import { fromFindings, na, type Finding, type ReportRule } from '../types.ts'

// 总计 column = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他, in every data row.
const rule: ReportRule = {
  id: 'T3-ROW-TOTAL',
  family: 'arithmetic',
  severity: 'error',
  title: '表三每行：各类申请人之和等于总计',
  source: '国办公开办函〔2021〕30号 表三“申请人情况—总计”列',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    if (!ctx.report.tables.T3.found) return na('未找到表三')
    const findings: Finding[] = []
    const cols = t3Columns(ctx.format)
    const parts = cols.filter((c) => !c.is_total)
    const total = cols.find((c) => c.is_total)
    if (!total) return fromFindings(findings)
    for (const row of t3DataRows(ctx.format)) {
      const label = row.label ?? row.id
      const f = checkIdentity({
        rule: rule.id, severity: rule.severity, loc: `T3.${row.id}.${total.id}`,
        where: `表三“${label}”行`,
        left: parts.map((c) => ({ label: c.label, cell: ctx.cell('T3', row.id, c.id) })),
        right: [{ label: total.label, cell: ctx.cell('T3', row.id, total.id) }],
        failMessage: (l, r) =>
          `表三“${label}”行：${parts.map((c) => `${c.label}（${ctx.cell('T3', row.id, c.id)?.value}）`).join('+')}=${l}≠总计（${r}），请核对。`
      })
      if (f) findings.push(f)
    }
    return fromFindings(findings)
  }
}

export default rule
