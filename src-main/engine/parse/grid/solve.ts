// Stage 3: the template identities decide between readings. A reading is accepted only when it is the
// one consistent solution; a cell on which all consistent readings agree is inferred, the others stay
// uncertain with the values still possible. Never a guess: no solution or too many -> uncertain.
import type { Identity } from '../../template.ts'

/** One way to read a row: a value (null = blank) for each column. */
export type Reading = (number | null)[]

export interface RowChoice {
  row: string
  /** Consistent readings still possible; exactly one when the row is read with certainty. */
  readings: Reading[]
  /** Too many readings to list (the row stays uncertain). */
  overflow?: boolean
  /** Readings leave unplaced columns blank; for the identities such a blank counts as 0. */
  blankAsZero?: boolean
}

/** Split a run of digits (the concatenation of `pieces`, each cut at least once at its end) into n numbers. */
export function splitDigits(
  pieces: string[],
  n: number,
  accept: (r: number[]) => boolean,
  limit = 50,
  budget = 200000,
  partial?: (r: number[]) => boolean
): { found: number[][]; overflow: boolean } {
  const digits = pieces.join('')
  const mustCut = new Set<number>()
  let at = 0
  for (const p of pieces) {
    at += p.length
    mustCut.add(at)
  }
  const found: number[][] = []
  let overflow = digits.length > n * 7 || pieces.length > n || !/^\d+$/.test(digits)
  let visits = 0
  const parts: number[] = []
  const walk = (pos: number): void => {
    if (overflow || ++visits > budget) {
      overflow = true
      return
    }
    // Identities already complete on the first parts (a 表四 group) cut the search early.
    if (partial && parts.length > 0 && parts.length < n && !partial(parts)) return
    if (parts.length === n) {
      if (pos === digits.length && accept(parts)) {
        found.push([...parts])
        if (found.length > limit) overflow = true
      }
      return
    }
    const left = n - parts.length
    const remaining = digits.length - pos
    if (remaining < left || remaining > left * 7) return
    for (let len = 1; len <= Math.min(7, remaining - (left - 1)); len++) {
      const end = pos + len
      // A cut inside a piece is optional, but a piece boundary is always a cut.
      let crosses = false
      for (let k = pos + 1; k < end; k++) if (mustCut.has(k)) crosses = true
      if (crosses) break
      if (len > 1 && digits[pos] === '0') break
      parts.push(Number(digits.slice(pos, end)))
      walk(end)
      parts.pop()
    }
  }
  if (!overflow) walk(0)
  return { found: overflow ? [] : found, overflow }
}

/** k values in order into n columns, the rest blank: every placement (null when there are more than `limit`). */
export function placements(values: number[], n: number, limit = 200): Reading[] | null {
  const out: Reading[] = []
  const k = values.length
  const pick: number[] = []
  const walk = (from: number): void => {
    if (out.length > limit) return
    if (pick.length === k) {
      const r: Reading = new Array(n).fill(null)
      pick.forEach((c, i) => (r[c] = values[i] as number))
      out.push(r)
      return
    }
    for (let c = from; c <= n - (k - pick.length); c++) {
      pick.push(c)
      walk(c + 1)
      pick.pop()
    }
  }
  walk(0)
  return out.length > limit ? null : out
}

type Known = Map<string, number | null>
const key = (row: string, col: string): string => `${row}\u0000${col}`

/**
 * Filter each row's readings by the identities whose other cells are all known, until nothing changes.
 * Rows already certain are given with one reading. A blank cell makes an identity unusable.
 */
export function solve(rows: RowChoice[], cols: string[], identities: Identity[]): RowChoice[] {
  const known: Known = new Map()
  const setKnown = (r: RowChoice): void => {
    if (r.readings.length !== 1 || r.overflow) return
    ;(r.readings[0] as Reading).forEach((v, i) => known.set(key(r.row, cols[i] as string), v))
  }
  rows.forEach(setKnown)
  let changed = true
  for (let round = 0; changed && round < rows.length + 1; round++) {
    changed = false
    for (const r of rows) {
      if (r.readings.length <= 1 || r.overflow) continue
      const usable = identities.filter((id) => [...id.lhs, ...id.rhs].some((x) => x.row === r.row) && [...id.lhs, ...id.rhs].every((x) => x.row === r.row || known.has(key(x.row, x.col))))
      if (!usable.length) continue
      const keep = r.readings.filter((reading) => usable.every((id) => holds(id, r, reading, cols, known)))
      if (keep.length !== r.readings.length) {
        r.readings = keep
        changed = true
        setKnown(r)
      }
    }
  }
  return rows
}

function holds(id: Identity, r: RowChoice, reading: Reading, cols: string[], known: Known): boolean {
  const val = (x: { row: string; col: string }): number | null | undefined => {
    if (x.row !== r.row) return known.get(key(x.row, x.col))
    const v = reading[cols.indexOf(x.col)]
    return v === null && r.blankAsZero ? 0 : v
  }
  let l = 0
  let rs = 0
  for (const x of id.lhs) {
    const v = val(x)
    if (v === null || v === undefined) return true
    l += v
  }
  for (const x of id.rhs) {
    const v = val(x)
    if (v === null || v === undefined) return true
    rs += v
  }
  return l === rs
}
