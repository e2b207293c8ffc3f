import { cellEvidence, usable } from '../evidence.ts'
import { unverifiedSeverity } from '../lib/identity.ts'
import { fromFindings, na, type Finding, type ReportRule } from '../types.ts'

const ROWS: [string, string][] = [
  ['A20_1.rules', '规章'],
  ['A20_1.normative_docs', '行政规范性文件']
]

// Documents issued this year and not repealed are still in force at year end, so
// 现行有效件数 ≥ 本年制发件数 − 本年废止件数 (a necessary condition; documents can also expire).
const rule: ReportRule = {
  id: 'T2-INFORCE-FLOOR',
  family: 'arithmetic',
  severity: 'warning',
  title: '表二：现行有效件数不少于本年制发件数减本年废止件数',
  source: '国办公开办函〔2021〕30号 表二第二十条第（一）项各栏的含义（推论）',
  confidence: 'T',
  formats: ['2021'],
  check(ctx) {
    if (!ctx.report.tables.T2.found) return na('未找到表二')
    const findings: Finding[] = []
    for (const [row, label] of ROWS) {
      const issued = ctx.cell('T2', row, 'issued')
      const repealed = ctx.cell('T2', row, 'repealed')
      const inForce = ctx.cell('T2', row, 'in_force')
      const cells = [issued, repealed, inForce]
      if (cells.every((c) => !c || c.status === 'missing')) continue
      const evidence = cells.flatMap((c) => (c ? [cellEvidence(c)] : []))
      if (!(usable(issued) && usable(repealed) && usable(inForce))) {
        if (usable(inForce) && usable(issued) && inForce.value >= issued.value) continue
        const i = issued?.value ?? 0
        const r = repealed?.value ?? 0
        const f = inForce?.value ?? 0
        findings.push({
          rule: rule.id, severity: unverifiedSeverity(rule.severity, cells, f >= i - r), outcome: 'UNVERIFIABLE', loc: `T2.${row}`, evidence,
          message: `表二“${label}”行有空白或无法读取的单元格，无法核对现行有效件数（空白按 0 计时${f >= i - r ? '成立' : '不成立'}：现行有效${f}，制发${i}，废止${r}）。`
        })
        continue
      }
      if (inForce.value < issued.value - repealed.value) {
        findings.push({
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `T2.${row}`, evidence,
          message: `表二“${label}”：现行有效件数（${inForce.value}）小于本年制发件数（${issued.value}）−本年废止件数（${repealed.value}）=${
            issued.value - repealed.value
          }，本年新制发且未废止的文件应计入现行有效件数，请核对。`
        })
      }
    }
    return fromFindings(findings)
  }
}

export default rule
