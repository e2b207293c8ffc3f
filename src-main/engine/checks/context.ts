import type { CellValue, ParsedReport } from '../model.ts'
import { tableFormat } from '../parse/index.ts'
import type { BatchSettings, ReportCtx, SectionText } from './types.ts'

export function defaultDeadline(year: number | undefined): string {
  return year ? `${year + 1}-01-31` : '9999-12-31'
}

export function makeContext(report: ParsedReport, text: string, settings: BatchSettings = {}): ReportCtx {
  // Built on first use: the settings rules that run at check time never read a cell, and a report loaded
  // for them has its cells only on demand (checks/prep.ts).
  let index: Map<string, Map<string, Map<string, CellValue>>> | null = null
  const cellIndex = (): Map<string, Map<string, Map<string, CellValue>>> => {
    if (index) return index
    index = new Map()
    for (const t of Object.values(report.tables)) {
      const rows = new Map<string, Map<string, CellValue>>()
      index.set(t.id, rows)
      for (const c of t.cells) {
        let row = rows.get(c.row)
        if (!row) rows.set(c.row, (row = new Map()))
        row.set(c.col, c)
      }
    }
    return index
  }
  const sections = new Map<string, SectionText | null>()
  return {
    report,
    text,
    format: tableFormat(report),
    year: report.year,
    settings: { ...settings, deadline: settings.deadline ?? defaultDeadline(report.year) },
    cell: (table, row, col) => cellIndex().get(table)?.get(row)?.get(col),
    section(id) {
      if (sections.has(id)) return sections.get(id) ?? null
      const s = report.sections.find((h) => h.id === id)
      const v =
        s?.found && s.bodyStart !== undefined && s.bodyEnd !== undefined
          ? { id, start: s.bodyStart, end: s.bodyEnd, text: text.slice(s.bodyStart, s.bodyEnd), norm: report.norm.slice(s.bodyStart, s.bodyEnd) }
          : null
      sections.set(id, v)
      return v
    }
  }
}
