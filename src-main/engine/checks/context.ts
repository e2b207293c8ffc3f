import type { ParsedReport } from '../model.ts'
import { tableFormat } from '../parse/index.ts'
import type { BatchSettings, ReportCtx, SectionText } from './types.ts'

export function defaultDeadline(year: number | undefined): string {
  return year ? `${year + 1}-01-31` : '9999-12-31'
}

export function makeContext(report: ParsedReport, text: string, settings: BatchSettings = {}): ReportCtx {
  const index = new Map<string, ParsedReport['tables']['T3']['cells'][number]>()
  for (const t of Object.values(report.tables)) for (const c of t.cells) index.set(`${c.table}|${c.row}|${c.col}`, c)
  const sections = new Map<string, SectionText | null>()
  return {
    report,
    text,
    format: tableFormat(report),
    year: report.year,
    settings: { ...settings, deadline: settings.deadline ?? defaultDeadline(report.year) },
    cell: (table, row, col) => index.get(`${table}|${row}|${col}`),
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
