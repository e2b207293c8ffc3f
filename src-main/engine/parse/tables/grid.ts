// Column alignment for layouts that keep a grid (real Word/HTML tables, tab rows): a blank cell
// is only located when the header tells which column each position belongs to.
import type { TplColumn } from '../../template.ts'
import { labelCore } from '../normalize.ts'
import type { Token } from '../tokens.ts'
import { isValue } from './common.ts'

/** col index -> column ordinal, from header cells of a real table; null if the header is not a clean grid. */
export function findColumnHeaders(header: Token[], cols: TplColumn[]): Map<number, number> | null {
  const map = new Map<number, number>()
  cols.forEach((c, i) => {
    const cores = [c.label, ...(c.variants_seen ?? [])].map(labelCore)
    for (let k = header.length - 1; k >= 0; k--) {
      const t = header[k] as Token
      if (t.table === undefined || t.col === undefined) continue
      if (cores.includes(labelCore(t.text))) {
        if (!map.has(t.col)) map.set(t.col, i)
        return
      }
    }
  })
  return map.size === cols.length ? map : null
}

/** Leaf header tokens (e.g. T4's 15 result columns) in column order, when each sits in its own grid column. */
export function leafColumns(header: Token[], leafCores: string[], expected: number): Map<number, number> | null {
  const leaves = header.filter((t) => t.col !== undefined && t.lineCells > 1 && leafCores.includes(labelCore(t.text)))
  const colsSeen = new Set(leaves.map((t) => t.col as number))
  if (leaves.length !== expected || colsSeen.size !== expected) return null
  const sorted = [...colsSeen].sort((a, b) => a - b)
  return new Map(sorted.map((c, i) => [c, i]))
}

/**
 * Values of one row placed by grid column. Returns null when the row does not sit on the grid
 * (a value in a column the header does not know), so the caller reports the row as uncertain.
 */
export function alignByColumns(
  range: Token[],
  map: Map<number, number>,
  n: number
): { cells: (Token | undefined)[]; extra: Token[] } | null {
  const firstValue = range.find(isValue)
  if (!firstValue) return null
  const line = firstValue.line
  const cells: (Token | undefined)[] = new Array(n).fill(undefined)
  const extra: Token[] = []
  const maxCol = Math.max(...map.keys())
  let placed = 0
  for (const t of range) {
    if (t.line !== line || t.col === undefined) continue
    const idx = map.get(t.col)
    if (idx === undefined) {
      if (!isValue(t)) continue
      // A value beyond the last header column is an extra cell (TBL-SHAPE); one inside means the row is off-grid.
      if (t.col > maxCol) extra.push(t)
      else return null
      continue
    }
    cells[idx] = t
    if (isValue(t)) placed++
  }
  return placed > 0 ? { cells, extra } : null
}

/**
 * Column centres of a PDF table header: header cells (wrapped labels included) clustered by
 * their horizontal centre. Returns null unless exactly `expected` columns are found.
 */
export function xColumns(header: Token[], expected: number, skip: (t: Token) => boolean): number[] | null {
  const centers = header
    .filter((t) => t.box && t.key !== '' && !skip(t))
    .map((t) => ((t.box as [number, number, number, number])[0] + (t.box as [number, number, number, number])[2]) / 2)
    .sort((a, b) => a - b)
  const clusters: number[][] = []
  for (const c of centers) {
    const last = clusters[clusters.length - 1]
    if (last && Math.abs(c - last.reduce((a, b) => a + b, 0) / last.length) < 8) last.push(c)
    else clusters.push([c])
  }
  if (clusters.length !== expected) return null
  return clusters.map((cl) => cl.reduce((a, b) => a + b, 0) / cl.length)
}

/** Place value tokens in the column whose centre is nearest; null if two values claim one column. */
export function alignByX(values: Token[], centers: number[]): (Token | undefined)[] | null {
  const out: (Token | undefined)[] = new Array(centers.length).fill(undefined)
  for (const v of values) {
    if (!v.box) return null
    const x = (v.box[0] + v.box[2]) / 2
    let best = 0
    for (let i = 1; i < centers.length; i++) if (Math.abs((centers[i] as number) - x) < Math.abs((centers[best] as number) - x)) best = i
    const gap = centers.length > 1 ? Math.min(...centers.slice(1).map((c, i) => c - (centers[i] as number))) : Infinity
    if (Math.abs((centers[best] as number) - x) > gap / 2 || out[best]) return null
    out[best] = v
  }
  return out
}
