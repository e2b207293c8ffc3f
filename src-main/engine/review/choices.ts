// Readings to offer the reviewer for an uncertain cell: when the reader's constraints leave exactly
// two or three consistent splits of a glued digit run, each split is a choice for the whole run.
// The reader may give each cell's possible values (CellValue.choices: per cell, sorted, so they do
// not say which values go together); a whole-row split is worked out here with the reader's row
// constraint (总计 = the sum of the columns) and kept only where it agrees with those values and with
// the cells the reader inferred. Without a row split, each cell's own values are offered.
import type { CellValue, ParsedReport, TableId } from '../model.ts'
import { tableFormat } from '../parse/index.ts'
import { splitDigits } from '../parse/grid/solve.ts'
import { t3Columns } from '../template.ts'

export interface CellChoices {
  /** Cells settled together by one choice (a glued run): 'T3|r7_total|@start'. */
  group: string
  /** choices[i] is this cell's value in the i-th consistent reading of the group. */
  choices: number[]
}

const MIN = 2
const MAX = 3

type WithChoices = CellValue & { choices?: number[] }

function digitsOf(raw: string): string | null {
  const d = raw.normalize('NFKC').trim()
  return /^\d+$/.test(d) ? d : null
}

const key = (c: CellValue): string => `${c.table}|${c.row}|${c.col}`

/**
 * Splits of a 表三 row glued into one digit run that keep the row total and agree with what the reader
 * settled (inferred cells) or still allows (a cell's own choices). Empty when the run is not a whole row.
 */
function rowSplits(report: Omit<ParsedReport, 'norm'>, run: WithChoices[]): { cols: string[]; splits: number[][] } {
  const first = run[0]
  const none = { cols: [], splits: [] }
  if (!first || first.table !== 'T3') return none
  const digits = digitsOf(first.raw)
  if (!digits) return none
  const cols = t3Columns(tableFormat(report as ParsedReport)).map((c) => ({ id: c.id, total: !!c.is_total }))
  const byCol = new Map(run.map((c) => [c.col, c]))
  if (cols.some((c) => !byCol.has(c.id))) return none
  const totalAt = cols.findIndex((c) => c.total)
  if (totalAt < 0) return none
  const all = splitDigits([digits], cols.length, (p) => p[totalAt] === p.reduce((a, b, i) => (i === totalAt ? a : a + b), 0), 200).found
  const splits = all.filter((p) =>
    cols.every((col, i) => {
      const c = byCol.get(col.id) as WithChoices
      const v = p[i] as number
      if (c.status === 'inferred') return c.value === v
      return !c.choices?.length || c.choices.includes(v)
    })
  )
  return { cols: cols.map((c) => c.id), splits }
}

/** Choices per cell key ('T3|row|col'), for the uncertain cells that have two or three readings. */
export function cellChoices(report: Omit<ParsedReport, 'norm'> & { norm?: string }): Map<string, CellChoices> {
  const out = new Map<string, CellChoices>()
  // Cells of one glued run share the row, the span and the text of the run.
  const runs = new Map<string, WithChoices[]>()
  for (const id of ['T2', 'T3', 'T4'] as TableId[]) {
    for (const c of (report.tables[id]?.cells ?? []) as WithChoices[]) {
      if ((c.status !== 'uncertain' && c.status !== 'inferred') || c.settled) continue
      const k = `${c.table}|${c.row}|@${c.span?.start ?? ''}:${c.span?.end ?? ''}:${c.raw}`
      const l = runs.get(k)
      if (l) l.push(c)
      else runs.set(k, [c])
    }
  }
  for (const [group, run] of runs) {
    const unsure = run.filter((c) => c.status === 'uncertain')
    if (!unsure.length) continue
    const { cols, splits } = rowSplits(report, run)
    if (splits.length >= MIN && splits.length <= MAX) {
      // one choice settles the whole run
      for (const c of unsure) out.set(key(c), { group, choices: splits.map((s) => s[cols.indexOf(c.col)] as number) })
      continue
    }
    // otherwise the values the reader still allows for each cell, one cell at a time
    for (const c of unsure) if (c.choices && c.choices.length >= MIN && c.choices.length <= MAX) out.set(key(c), { group: `${group}|${c.col}`, choices: [...c.choices] })
  }
  return out
}
