// 表四's one row of fifteen cells split over lines, its empty cells placed by what the lines show.
// One line per column group (行政复议 / 行政诉讼·未经复议直接起诉 / 复议后起诉, each followed by its five cells):
// a group the township left empty shows only empty cells on its line; without the group's name the reader
// cannot tell those from the padding of a header line, and the ten numbers of the other two groups could
// stand in any ten of the fifteen columns. The group names on the lines say which five columns each holds.
// One cell per line: an empty cell is an empty line, counted against the template's column count.
import type { TableSpec } from '../../template.ts'
import { searchKey } from './search.ts'
import type { GCell } from './types.ts'

interface Group {
  /** The group's own heading (the last part of its columns' path above the column name). */
  key: string
  size: number
}

/** Column groups of a spec in column order, when every column names its group by a path (表四). */
function groupsOf(spec: TableSpec): Group[] | null {
  const out: Group[] = []
  let last: string | undefined
  for (const c of spec.cols) {
    const head = c.path && c.path.length > 1 ? c.path[c.path.length - 2] : undefined
    if (!c.group || !head) return null
    if (c.group === last) (out[out.length - 1] as Group).size++
    else out.push({ key: searchKey(head), size: 1 })
    last = c.group
  }
  // Group headings must tell the groups apart: none may contain another ('复议' would).
  const keys = out.map((g) => g.key)
  if (keys.some((k, i) => !k || keys.some((o, j) => i !== j && o.includes(k)))) return null
  return out.length > 1 ? out : null
}

/**
 * Cells c0..c1 as the group lines of a spec's one row: indexes of the cells to read, in column order, or null
 * when the lines are not exactly one line per group, in the template's order, each naming its group (and no
 * other) and ending in that group's cells (more cells only when the extra ones come first and are empty: the
 * rest of a merged label). Lines before the first group line may hold no value; the caller checks that the
 * row's values all stand in the cells returned.
 */
export function groupLines(cells: GCell[], c0: number, c1: number, spec: TableSpec): number[] | null {
  const groups = groupsOf(spec)
  if (!groups) return null
  const leaves = new Set(spec.cols.map((c) => searchKey(c.path?.[c.path.length - 1] ?? c.label)).filter((k) => k.length >= 2))
  const lines = new Map<number, number[]>()
  for (let ci = c0; ci <= c1 && ci < cells.length; ci++) {
    const l = (cells[ci] as GCell).line
    const at = lines.get(l)
    if (at) at.push(ci)
    else lines.set(l, [ci])
  }
  const out: number[] = []
  let next = 0
  for (const idx of lines.values()) {
    const line = idx.map((ci) => cells[ci] as GCell)
    const text = searchKey(line.filter((c) => c.kind === 'text').map((c) => c.text).join(''))
    const named = groups.filter((g) => text.includes(g.key))
    if (!named.length) {
      // A line of column names (a header repeated) or of nothing: no cell of the row may stand on it.
      if (line.some((c) => c.kind === 'value')) return null
      continue
    }
    const g = groups[next] as Group
    if (named.length !== 1 || named[0] !== g || [...leaves].some((k) => text.includes(k))) return null
    let lastText = -1
    line.forEach((c, i) => {
      if (c.kind === 'text') lastText = i
    })
    // The cells stand under the group's own name, the line's last text ('行政复议 行政诉讼' over fifteen
    // columns is a header: the cells after it are 行政诉讼's).
    if (!searchKey((line[lastText] as GCell).text).includes(g.key)) return null
    const tail = idx.slice(lastText + 1)
    const extra = tail.length - g.size
    if (extra < 0 || tail.slice(0, extra).some((ci) => (cells[ci] as GCell).kind !== 'empty')) return null
    if (line.slice(0, lastText).some((c) => c.kind === 'value')) return null
    out.push(...tail.slice(extra))
    if (++next === groups.length) return out
  }
  return null
}

/**
 * A table written one cell per line (a web table pasted into a text editor): an empty cell is an empty line,
 * which the grid does not keep. For a spec's one row (表四) whose header names stand one per line and whose
 * values follow one per line, the empty lines from the header's last name to the last value are the row's
 * empty cells, when values and empty lines together make exactly its n cells and no empty line follows the
 * last value (else spacing and empty cells cannot be told apart). `values`: the row's values in order.
 * Returns the row's n cells in order: a value's grid cell, or where an empty line starts; or null.
 */
export function emptyLineCells(cells: GCell[], values: { start: number; glued: boolean }[], text: string, n: number): ({ cell: GCell } | { at: number; line: number })[] | null {
  if (!values.length || values.length >= n || values.some((v) => v.glued)) return null
  // The header's last name: the cell just before the first value.
  const head = cells.findIndex((c) => c.start === values[0]?.start && c.kind === 'value') - 1
  const perLine = new Map<number, number>()
  for (const c of cells) perLine.set(c.line, (perLine.get(c.line) ?? 0) + 1)
  const alone = (c: GCell | undefined): boolean => !!c && perLine.get(c.line) === 1 && c.table === undefined && !c.box
  // The header is written one name per line too (its last n names at least).
  if (head < n || !cells.slice(head - n + 1, head + 1).every((c) => alone(c) && c.kind === 'text')) return null
  // Nothing but the values, one per line, after the header's last name.
  const run = cells.slice(head + 1, head + 1 + values.length)
  if (run.length !== values.length || run.some((c, i) => !alone(c) || c.kind !== 'value' || c.start !== values[i]?.start)) return null
  const out: ({ cell: GCell } | { at: number; line: number })[] = []
  let prev = cells[head] as GCell
  for (const c of run) {
    const gap = text.slice(prev.end, c.start)
    if (/\S/.test(gap)) return null
    // Every line break after the first starts an empty line.
    for (let i = gap.indexOf('\n'), k = gap.indexOf('\n', i + 1); i >= 0 && k >= 0; i = k, k = gap.indexOf('\n', k + 1)) {
      out.push({ at: prev.end + i + 1, line: c.line })
    }
    out.push({ cell: c })
    prev = c
  }
  // No empty line after the last value: at most one line break before the next text.
  const next = text.slice(prev.end).search(/\S/)
  const after = next < 0 ? text.slice(prev.end) : text.slice(prev.end, prev.end + next)
  return after.split('\n').length <= 2 && out.length === n ? out : null
}
