import type { TableId } from '../../model.ts'
import { cellEvidence } from '../evidence.ts'
import { cellName, colType, TABLE_NAME } from '../lib/tables.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

// Counts are integers ≥ 0, amounts decimals ≥ 0 (本年增/减 of the 2019 format may be negative).
// Thousands separators and full-width digits are accepted by the parser already.
const rule: ReportRule = {
  id: 'TBL-NUMERIC',
  family: 'structure',
  severity: 'error',
  title: '表格数值为有效数字（件数为非负整数）',
  source: '国办公开办函〔2021〕30号（2019、2020年度为〔2019〕60号）年度报告格式：各栏填写件数或金额',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const findings: Finding[] = []
    for (const id of ['T2', 'T3', 'T4'] as TableId[]) {
      const t = ctx.report.tables[id]
      if (!t.found) continue
      const bad: { cell: (typeof t.cells)[number]; why: string }[] = []
      for (const c of t.cells) {
        const type = colType(ctx.format, c)
        if (c.status === 'invalid') {
          bad.push({ cell: c, why: c.note ?? '不是数字' })
        } else if ((c.status === 'ok' || c.status === 'inferred') && c.value !== null) {
          if (c.value < 0 && type !== 'signed_int') bad.push({ cell: c, why: '不能为负数' })
          else if (!Number.isInteger(c.value) && type !== 'decimal') bad.push({ cell: c, why: '件数应为整数' })
        }
      }
      if (!bad.length) continue
      const list = bad.map((b) => `${cellName(ctx.format, b.cell)}“${b.cell.raw}”（${b.why}）`).join('；')
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: id,
        evidence: bad.map((b) => cellEvidence(b.cell)),
        message: `${TABLE_NAME[id]}有 ${bad.length} 个单元格不是有效数值：${list}。请填写非负整数（金额可为小数）。`
      })
    }
    return fromFindings(findings)
  }
}

export default rule
