// Stage 2b: where the columns are. From the source when it has them (x positions of the numbers,
// grid columns of a real table or of tab/pipe fields), else unknown and the count decides.
import type { Box } from '../../model.ts'
import type { TableSpec } from '../../template.ts'
import { matchLabel } from '../labels.ts'
import type { Item, RowRead } from './rows.ts'
import { searchKey } from './search.ts'
import type { GCell } from './types.ts'

export type ColumnModel =
  | { kind: 'x'; centers: number[]; gap: number; drift?: Map<number, Drift> }
  | { kind: 'col'; map: Map<number, number> }
  | { kind: 'none' }

const cx = (b: Box): number => (b[0] + b[2]) / 2

const cy = (b: Box): number => (b[1] + b[3]) / 2

/** How far a page's numbers stand right of the header's columns, at height y: a + b·y. */
export interface Drift {
  a: number
  b: number
}

/**
 * A scan's boxes are where the ink is on the page as scanned: on a page scanned askew a column drifts
 * sideways from top to bottom (0.8° is 6 pt over a page), so numbers low on the page stand off the header's
 * column positions. Per page, the numbers that stand clearly in a column give the drift as a line in y.
 */
function pageDrift(values: Item[], centers: number[], gap: number): Map<number, Drift> {
  const byPage = new Map<number, { y: number; r: number }[]>()
  for (const v of values) {
    if (!v.box || v.page === undefined) continue
    const x = cx(v.box)
    const r = x - centers.reduce((best, c) => (Math.abs(c - x) < Math.abs(best - x) ? c : best))
    if (Math.abs(r) > gap / 2) continue
    byPage.set(v.page, [...(byPage.get(v.page) ?? []), { y: cy(v.box), r }])
  }
  const out = new Map<number, Drift>()
  for (const [page, pts] of byPage) {
    if (pts.length < DRIFT_POINTS) continue
    const my = pts.reduce((s, p) => s + p.y, 0) / pts.length
    const mr = pts.reduce((s, p) => s + p.r, 0) / pts.length
    const vy = pts.reduce((s, p) => s + (p.y - my) ** 2, 0)
    // a slope only where the numbers span some height; never more than a scan's skew could give
    const b = vy > 0 && Math.sqrt(vy / pts.length) >= 20 ? Math.max(-MAX_SLOPE, Math.min(MAX_SLOPE, pts.reduce((s, p) => s + (p.y - my) * (p.r - mr), 0) / vy)) : 0
    out.set(page, { a: mr - b * my, b })
  }
  return out
}
/** Numbers on a page needed to tell its drift. */
const DRIFT_POINTS = 4
/** tan 3°: the most a scan is skewed (image.ts estimateSkew looks up to 4°, and undoes it before OCR). */
const MAX_SLOPE = 0.05

function clusters(xs: number[], tol: number): number[] {
  const sorted = [...xs].sort((a, b) => a - b)
  const out: number[][] = []
  for (const x of sorted) {
    const last = out[out.length - 1]
    if (last && x - (last.reduce((a, b) => a + b, 0) / last.length) < tol) last.push(x)
    else out.push([x])
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length)
}

function minGap(cs: number[]): number {
  let g = Infinity
  for (let i = 1; i < cs.length; i++) g = Math.min(g, (cs[i] as number) - (cs[i - 1] as number))
  return g
}

/** Header cells naming the template columns, in column order (repeated leaf names such as 表四's taken left to right). */
function headerPositions(header: GCell[], spec: TableSpec, pos: (c: GCell) => number | undefined): number[] | null {
  const out: number[] = []
  let min = -Infinity
  for (const col of spec.cols) {
    const keys = [col.label, ...(col.variants_seen ?? [])].map(searchKey)
    let best: number | undefined
    for (const c of header) {
      const p = pos(c)
      if (p === undefined || p <= min) continue
      if (!keys.includes(searchKey(c.text))) continue
      if (best === undefined || p < best) best = p
    }
    if (best === undefined) return null
    out.push(best)
    min = best
  }
  return out
}

/**
 * A header line with exactly one text run per column whose names mostly match the template's, in order
 * (OCR may garble one or two: '其他结果=', '芝'): its runs give the columns' x.
 */
function headerLine(header: GCell[], spec: TableSpec): number[] | null {
  const byLine = new Map<number, GCell[]>()
  for (const c of header) if (c.kind === 'text' && c.box) byLine.set(c.line, [...(byLine.get(c.line) ?? []), c])
  for (const line of byLine.values()) {
    if (line.length !== spec.cols.length) continue
    const sorted = [...line].sort((a, b) => (a.box as Box)[0] - (b.box as Box)[0])
    const ok = sorted.filter((c, i) => {
      const col = spec.cols[i] as TableSpec['cols'][number]
      return matchLabel(c.text, { label: col.label, variants: col.variants_seen }) !== null
    }).length
    if (ok * 3 >= spec.cols.length * 2) return sorted.map((c) => cx(c.box as Box))
  }
  return null
}

export function columnModel(rows: RowRead[], header: GCell[], spec: TableSpec): ColumnModel {
  const n = spec.cols.length
  const values = rows.flatMap((r) => r.items.filter((i) => i.kind !== 'empty'))
  if (!values.length) return { kind: 'none' }
  if (values.every((v) => v.box && !v.glued)) {
    const cs = clusters(values.map((v) => cx(v.box as Box)), 8)
    if (cs.length === n) return { kind: 'x', centers: cs, gap: minGap(cs) }
    const hs = headerPositions(header, spec, (c) => (c.box ? cx(c.box) : undefined)) ?? headerLine(header, spec)
    if (hs && minGap(hs) > 8) return { kind: 'x', centers: hs, gap: minGap(hs), drift: pageDrift(values, hs, minGap(hs)) }
    return { kind: 'none' }
  }
  if (values.every((v) => v.col !== undefined && !v.glued)) {
    // Rows that show all n values must agree on the grid columns they stand in.
    let seq: number[] | null = null
    let agree = true
    for (const r of rows) {
      const vs = r.items.filter((i) => i.kind !== 'empty')
      if (vs.length !== n) continue
      const cols = vs.map((v) => v.col as number)
      if (!seq) seq = cols
      else if (cols.join() !== seq.join()) agree = false
    }
    if (seq && agree && new Set(seq).size === n) return { kind: 'col', map: new Map(seq.map((c, i) => [c, i])) }
    // Else the header's column names, where the data cannot contradict them: full rows stand in exactly
    // those columns, or the table is one row on one line (表四).
    const hs = headerPositions(header, spec, (c) => c.col)
    // (A header on the numbers' own line is a flattened table, e.g. .doc text: its columns say nothing.)
    const valueLines = new Set(values.map((v) => v.line))
    const oneLine = rows.length === 1 && valueLines.size === 1 && !header.some((h) => h.kind === 'text' && valueLines.has(h.line))
    const fits = (seq === null && oneLine) || (seq !== null && agree && seq.join() === hs?.join())
    if (hs && new Set(hs).size === n && fits) return { kind: 'col', map: new Map(hs.map((c, i) => [c, i])) }
  }
  return { kind: 'none' }
}

/** Place a row's items in the model's columns; null when an item falls outside the grid or two share a column. */
export function placeByModel(items: Item[], model: ColumnModel, n: number): { cells: (Item | undefined)[]; extra: Item[] } | null {
  if (model.kind === 'none') return null
  const cells: (Item | undefined)[] = new Array(n).fill(undefined)
  const extra: Item[] = []
  for (const it of items) {
    let idx: number | undefined
    if (model.kind === 'x') {
      if (!it.box) {
        if (it.kind === 'empty') continue
        return null
      }
      const d = it.page !== undefined ? model.drift?.get(it.page) : undefined
      const x = cx(it.box) - (d ? d.a + d.b * cy(it.box) : 0)
      let best = 0
      for (let i = 1; i < n; i++) if (Math.abs((model.centers[i] as number) - x) < Math.abs((model.centers[best] as number) - x)) best = i
      if (Math.abs((model.centers[best] as number) - x) > model.gap / 2) return null
      idx = best
    } else {
      if (it.col === undefined) return null
      idx = model.map.get(it.col)
      if (idx === undefined) {
        if (it.kind === 'empty') continue
        // A value right of the last column is a cell the template does not have (a source fact).
        if (it.col > Math.max(...model.map.keys())) {
          extra.push(it)
          continue
        }
        return null
      }
    }
    if (cells[idx] && cells[idx]?.kind !== 'empty') return null
    cells[idx] = it
  }
  return cells.some((c) => c && c.kind !== 'empty') ? { cells, extra } : null
}
