import type { TableId } from '../../model.ts'
import { cellEvidence } from '../evidence.ts'
import { byRow, colName, rowName, t4Groups, TABLE_NAME } from '../lib/tables.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

// The template expects a number in every data cell; blank, '/', '—' or '无' is not 0 (domain.md §3.6).
const rule: ReportRule = {
  id: 'TBL-BLANK',
  family: 'structure',
  severity: 'warning',
  title: '表格数据单元格不得空白',
  source: '国办公开办函〔2021〕30号（2019、2020年度为〔2019〕60号）年度报告格式：表格各栏均应填写数字，无数据的填“0”',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const findings: Finding[] = []
    for (const id of ['T2', 'T3', 'T4'] as TableId[]) {
      const t = ctx.report.tables[id]
      if (!t.found) continue
      const blank = t.cells.filter((c) => c.status === 'blank')
      if (!blank.length) continue
      const parts: string[] = []
      if (id === 'T4') {
        for (const g of t4Groups(ctx.format)) {
          const ids = [...g.parts, g.total].map((c) => c.id)
          const cs = blank.filter((c) => ids.includes(c.col))
          if (!cs.length) continue
          parts.push(cs.length === ids.length ? `${g.label}：全部${ids.length}格` : `${g.label}：${cs.map((c) => colName(ctx.format, c).split('·').pop()).join('、')}`)
        }
      } else {
        for (const [row, cs] of byRow(blank)) {
          const all = t.cells.filter((c) => c.row === row).length
          const cols = cs.length === all && all > 1 ? `全部${all}格` : cs.map((c) => colName(ctx.format, c)).join('、')
          parts.push(`“${rowName(ctx.format, id, row)}”行：${cols}`)
        }
      }
      const raws = [...new Set(blank.map((c) => c.raw.trim()).filter((r) => r !== ''))]
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: id,
        evidence: blank.map(cellEvidence),
        message: `${TABLE_NAME[id]}有 ${blank.length} 个单元格${raws.length ? `为空白或填写“${raws.join('”“')}”` : '空白'}（${parts.join('；')}），数据为零的应填写“0”；涉及这些单元格的勾稽关系无法核对。`
      })
    }
    return fromFindings(findings)
  }
}

export default rule
