// The reader's own failures as findings of their own kind (severity 'parse', rule PARSE): the reviewer
// sees where the app could not read the original, apart from what the township got wrong.
import type { CellValue, ParsedReport } from '../model.ts'
import type { Evidence, Finding } from './types.ts'

export const PARSE_RULE = 'PARSE'

export function parseProblemFindings(report: ParsedReport, text: string): Finding[] {
  const out: Finding[] = []
  const seen = new Map<string, number>()
  for (const p of report.problems ?? []) {
    const evidence: Evidence[] = []
    for (const c of p.cells ?? []) {
      const v: CellValue | undefined = report.tables[c.table]?.cells.find((x) => x.row === c.row && x.col === c.col)
      evidence.push({ kind: 'cell', table: c.table, row: c.row, col: c.col, value: v?.value ?? null, raw: v?.raw ?? '', status: v?.status ?? 'uncertain', span: v?.span, ...(v?.settled ? { settled: v.settled } : {}) })
    }
    for (const s of p.spans) evidence.push({ kind: 'text', start: s.start, end: s.end, text: text.slice(s.start, s.end), page: s.page })
    const base = `${p.code}:${p.table ?? p.section ?? ''}`
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    out.push({ rule: PARSE_RULE, severity: 'parse', outcome: 'UNVERIFIABLE', message: p.message, evidence, loc: n ? `${base}#${n}` : base })
  }
  return out
}
