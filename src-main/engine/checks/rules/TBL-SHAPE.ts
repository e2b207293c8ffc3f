import { cellEvidence, textEvidence } from '../evidence.ts'
import { rowName, TABLE_NAME } from '../lib/tables.ts'
import { fromFindings, type Evidence, type Finding, type ReportRule } from '../types.ts'

// Number of values per row as in the template (表三 7, 表四 15, 表二 per block), where the source's own grid
// shows it (a cell too many in a real table row); glued or lost cells are the reader's, not the township's.
const rule: ReportRule = {
  id: 'TBL-SHAPE',
  family: 'structure',
  severity: 'warning',
  title: '表格每行数值个数与模板一致',
  source: '国办公开办函〔2021〕30号（2019、2020年度为〔2019〕60号）年度报告格式所附表格的行列结构',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const findings: Finding[] = []
    const seen = new Map<string, number>()
    for (const t of Object.values(ctx.report.tables)) {
      for (const s of t.shape) {
        // What the reader could not place is a parse problem (rule PARSE), never the township's table shape.
        if (s.source === 'reading') continue
        let loc = `${t.id}.${s.row}`
        const n = (seen.get(loc) ?? 0) + 1
        seen.set(loc, n)
        if (n > 1) loc += `#${n}`
        const evidence: Evidence[] = []
        if (s.span) evidence.push(textEvidence(ctx, s.span.start, s.span.end, `读到 ${s.got} 个数值，模板为 ${s.expected} 个`))
        evidence.push(...t.cells.filter((c) => c.row === s.row).map(cellEvidence))
        const where = t.id === 'T4' ? `${TABLE_NAME[t.id]}数据行` : `${TABLE_NAME[t.id]}“${rowName(ctx.format, t.id, s.row)}”行`
        findings.push({
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc, evidence,
          message: `${where}读到 ${s.got} 个数值（模板为 ${s.expected} 个），${s.got > s.expected ? '多出' : '缺少'} ${Math.abs(s.got - s.expected)} 个，请核对表格是否多列、缺列或数字粘连。`
        })
      }
    }
    return fromFindings(findings)
  }
}

export default rule
