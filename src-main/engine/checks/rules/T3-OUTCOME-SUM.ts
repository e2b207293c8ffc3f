import { t3Columns } from '../../template.ts'
import { checkIdentity } from '../lib/identity.ts'
import { t3OutcomeRows, t3RowLabel } from '../lib/tables.ts'
import { fromFindings, na, type Finding, type ReportRule } from '../types.ts'

// （七）总计 is the sum of all outcome rows; the note on （二） (只计这一情形，不计其他情形) makes every
// application count in exactly one row, so this is a strict equality (2021: 21 rows; 2019: 19 rows).
const rule: ReportRule = {
  id: 'T3-OUTCOME-SUM',
  family: 'arithmetic',
  severity: 'error',
  title: '表三各项办理结果之和等于（七）总计',
  source: '国办公开办函〔2021〕30号 表三“（七）总计”行及“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    if (!ctx.report.tables.T3.found) return na('未找到表三')
    const findings: Finding[] = []
    const rows = t3OutcomeRows(ctx.format)
    for (const col of t3Columns(ctx.format)) {
      const f = checkIdentity({
        rule: rule.id, severity: rule.severity, loc: `T3.r7_total.${col.id}`,
        where: `表三“${col.label}”列`,
        left: rows.map((r) => ({ label: t3RowLabel(ctx.format, r), cell: ctx.cell('T3', r, col.id) })),
        right: [{ label: '（七）总计', cell: ctx.cell('T3', 'r7_total', col.id) }],
        failMessage: (l, r) => `表三“${col.label}”列：各项办理结果（${rows.length}项）之和（${l}）≠（七）总计（${r}），请核对。`
      })
      if (f) findings.push(f)
    }
    return fromFindings(findings)
  }
}

export default rule
