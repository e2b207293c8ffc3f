// Readings to offer the reviewer for an uncertain cell: when the reader's constraints leave exactly
// two or three consistent splits of a glued digit run, each split is a choice for the whole run.
// The reader may give them itself (CellValue.choices); for a 表三 row glued into one run they are
// worked out here with the reader's own constraint (each row's 总计 = the sum of its columns).
import type { CellValue, ParsedReport, TableId } from '../model.ts'
import { tableFormat } from '../parse/index.ts'
import { gluedSplits } from '../parse/values.ts'
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
  const d = raw.normalize('NFKC').replace(/\s+/g, '')
  return /^\d+$/.test(d) ? d : null
}

/** Choices per cell key ('T3|row|col'), for the uncertain cells that have two or three readings. */
export function cellChoices(report: Omit<ParsedReport, 'norm'> & { norm?: string }): Map<string, CellChoices> {
  const out = new Map<string, CellChoices>()
  const ids: TableId[] = ['T2', 'T3', 'T4']
  // Cells of one glued run share the row and the span of the run.
  const runs = new Map<string, WithChoices[]>()
  for (const id of ids) {
    for (const c of (report.tables[id]?.cells ?? []) as WithChoices[]) {
      if (c.status !== 'uncertain' || c.settled) continue
      const k = `${c.table}|${c.row}|@${c.span?.start ?? ''}:${c.span?.end ?? ''}:${c.raw}`
      const l = runs.get(k)
      if (l) l.push(c)
      else runs.set(k, [c])
    }
  }
  for (const [group, cells] of runs) {
    const given = cells.map((c) => c.choices)
    if (given.every((g) => g && g.length >= MIN && g.length <= MAX && g.length === given[0]?.length)) {
      for (const c of cells) out.set(`${c.table}|${c.row}|${c.col}`, { group, choices: [...(c.choices as number[])] })
      continue
    }
    // a cell whose own readings the reader gave, outside any run
    for (const c of cells)
      if (c.choices && c.choices.length >= MIN && c.choices.length <= MAX) out.set(`${c.table}|${c.row}|${c.col}`, { group: `${group}|${c.col}`, choices: [...c.choices] })
    const first = cells[0]
    if (!first || first.table !== 'T3' || cells.length < 2 || cells.some((c) => c.choices)) continue
    const digits = digitsOf(first.raw)
    if (!digits) continue
    const cols = t3Columns(tableFormat(report as ParsedReport))
    if (cells.length !== cols.length) continue
    const totalAt = cols.findIndex((c) => c.is_total)
    if (totalAt < 0) continue
    const splits = gluedSplits(digits, cols.length, (p) => p[totalAt] === p.reduce((a, b, i) => (i === totalAt ? a : a + b), 0), MAX + 1)
    if (splits.length < MIN || splits.length > MAX) continue
    cols.forEach((col, i) => {
      if (cells.some((c) => c.col === col.id)) out.set(`T3|${first.row}|${col.id}`, { group, choices: splits.map((s) => s[i] as number) })
    })
  }
  return out
}
