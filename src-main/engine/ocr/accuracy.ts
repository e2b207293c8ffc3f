// Cell-by-cell comparison of parsed tables with ground truth (test/expected/<seed>.json shape), for the OCR
// tests and the benchmark: a value is "certain" when the parser reports it as read (ok/blank/inferred).
import type { CellValue, ParsedReport } from '../model.ts'

export interface ExpectedTables {
  T2: Record<string, Record<string, number | null>>
  T3: Record<string, (number | null)[]>
  T4: Record<string, number | null>
}

export const T3_COLS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total']

export interface Accuracy {
  cells: number
  /** Certain and equal to the expected value. */
  right: number
  /** Flagged (uncertain, invalid or missing) but holding the expected value: a reviewer confirms it. */
  rightUncertain: number
  /** Flagged and not the expected value: a reviewer corrects it. */
  wrongUncertain: number
  /** Reported as certain but not the expected value: must never happen. */
  wrongCertain: number
  wrongCertainCells: string[]
  uncertainCells: string[]
}

export function expectedOf(e: ExpectedTables, c: CellValue): number | null | undefined {
  if (c.table === 'T2') return e.T2[c.row]?.[c.col]
  if (c.table === 'T3') return e.T3[c.row]?.[T3_COLS.indexOf(c.col)]
  return e.T4[c.col]
}

export function compareTables(r: ParsedReport, e: ExpectedTables): Accuracy {
  const acc: Accuracy = { cells: 0, right: 0, rightUncertain: 0, wrongUncertain: 0, wrongCertain: 0, wrongCertainCells: [], uncertainCells: [] }
  const seen = new Set<string>()
  for (const t of ['T2', 'T3', 'T4'] as const) {
    for (const c of r.tables[t].cells) {
      const want = expectedOf(e, c)
      const id = `${t}.${c.row}.${c.col}`
      seen.add(id)
      acc.cells++
      const certain = c.status === 'ok' || c.status === 'blank' || c.status === 'inferred'
      const got = c.status === 'blank' ? null : c.value
      const same = got === (want ?? null)
      if (certain && same) acc.right++
      else if (certain) {
        acc.wrongCertain++
        acc.wrongCertainCells.push(`${id}: got ${JSON.stringify(c.raw)} (${c.status}) want ${want}`)
      } else {
        if (same) acc.rightUncertain++
        else acc.wrongUncertain++
        acc.uncertainCells.push(`${id}: ${JSON.stringify(c.raw)} ${c.status}${c.note ? ` (${c.note})` : ''} want ${want}`)
      }
    }
  }
  // expected cells the parser did not report at all count as wrong but flagged (they are missing)
  const all: string[] = []
  for (const [row, cols] of Object.entries(e.T2)) for (const col of Object.keys(cols)) all.push(`T2.${row}.${col}`)
  for (const [row, vals] of Object.entries(e.T3)) vals.forEach((_, i) => all.push(`T3.${row}.${T3_COLS[i]}`))
  for (const col of Object.keys(e.T4)) all.push(`T4.counts.${col}`)
  for (const id of all) {
    if (seen.has(id)) continue
    acc.cells++
    acc.wrongUncertain++
    acc.uncertainCells.push(`${id}: not reported`)
  }
  return acc
}
