import { TABLE_NAME } from '../lib/tables.ts'
import { textEvidence, usable } from '../evidence.ts'
import { na, pass, type Evidence, type ReportRule } from '../types.ts'

// Observation only: a township often receives no application and faces no review or lawsuit; the
// reviewer compares the all-zero tables with what the narrative says.
const rule: ReportRule = {
  id: 'TBL-ALLZERO',
  family: 'structure',
  severity: 'info',
  title: '表三、表四数据全部为 0',
  source: '提示项：供审核人员与正文表述对照（《政府信息公开条例》第五十条第（二）（三）项）',
  confidence: '-',
  formats: ['2021', '2019'],
  check(ctx) {
    const t3 = ctx.report.tables.T3
    const t4 = ctx.report.tables.T4
    if (!t3.found && !t4.found) return na('未找到表三、表四')
    const cells = [...t3.cells, ...t4.cells]
    if (cells.some((c) => c.value !== null && c.value !== 0)) return pass()
    const zeros = cells.filter((c) => usable(c) && c.value === 0).length
    if (zeros === 0) return na('表三、表四没有可读的数值')
    const other = cells.length - zeros
    const evidence: Evidence[] = []
    for (const t of [t3, t4]) if (t.found && t.span) evidence.push(textEvidence(ctx, t.span.start, t.span.end, TABLE_NAME[t.id]))
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: 'info', outcome: 'FAIL', loc: 'T3T4', evidence,
          message: `表三、表四的数值全部为 0${other ? `（另有 ${other} 个单元格空白或无法读取）` : ''}：本年未收到政府信息公开申请，也未发生相关行政复议、行政诉讼。请与正文表述对照。`
        }
      ]
    }
  }
}

export default rule
