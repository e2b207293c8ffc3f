// Two table rows' digits interleaved on one line by a text extraction (pdftotext -layout sets rows whose
// baselines nearly meet on one line and orders the glyphs by x: '6 0 0 0 0 0 6' and '7 1 0 0 0 0 8'
// become '67 01 00 00 00 00 68'). Each field holds the digits of both rows' numbers in one column, in an
// order the text does not give. Every way of sharing each field's digits between the two rows is tried;
// only the pairs of readings that satisfy the rows' own identities are kept, then the other rows' identities
// filter them further (solve.ts). A cell is read only where every pair still possible agrees on it.
import type { Identity, TableSpec } from '../../template.ts'
import type { RowRead } from './rows.ts'
import { rowLocal, solve, type Reading, type RowChoice } from './solve.ts'

/** Most digits in one interleaved field (two numbers of up to 6 digits each). */
const FIELD_MAX = 12
/** Most pairs of readings listed for two rows (past it both stay uncertain). */
const PAIRS_MAX = 5000
/** Most partial states explored while splitting the fields (past it both rows stay uncertain). */
const BUDGET = 200_000

/** A digit run written as a count: '0' alone, or no leading zero. */
const countLike = (s: string): boolean => s.length > 0 && (s.length === 1 || s[0] !== '0')

/**
 * Every way to share a field's digits between two numbers, each keeping its digits in order: [a, b] with a
 * the first row's. Both rows have a number in the column (the field holds at least two digits).
 */
export function fieldSplits(field: string): [number, number][] {
  const out: [number, number][] = []
  const seen = new Set<string>()
  const L = field.length
  if (L < 2 || L > FIELD_MAX || !/^\d+$/.test(field)) return out
  for (let mask = 1; mask < (1 << L) - 1; mask++) {
    let a = ''
    let b = ''
    for (let i = 0; i < L; i++) {
      if (mask & (1 << i)) a += field[i]
      else b += field[i]
    }
    if (!countLike(a) || !countLike(b)) continue
    const k = `${a},${b}`
    if (seen.has(k)) continue
    seen.add(k)
    out.push([Number(a), Number(b)])
  }
  return out
}

export interface InterleavedSplit {
  /** Pairs of readings (first row, second row) that satisfy both rows' own identities. */
  pairs: [Reading, Reading][]
  overflow: boolean
}

/**
 * An identity of one row as weights over its columns: +1 on the left side, -1 on the right, 0 elsewhere; a
 * reading satisfies it when the weighted sum is 0.
 */
export type Weights = number[]

/**
 * Share the n fields of an interleaved line between two rows, each row held to its own identities (`own[0]`
 * for the first row, `own[1]` for the second). The search keeps, per column, the partial sums of every
 * identity of both rows and drops a branch as soon as no way of sharing the remaining fields can bring them
 * to 0 (memoised), so only consistent pairs are walked. A field count other than n, or a field that cannot be
 * shared: no reading.
 */
export function splitInterleaved(fields: string[], n: number, own: [Weights[], Weights[]]): InterleavedSplit {
  if (fields.length !== n) return { pairs: [], overflow: false }
  const byCol = fields.map(fieldSplits)
  if (byCol.some((o) => o.length === 0)) return { pairs: [], overflow: false }
  // The column with the most ways to share is solved last, straight from the sums (see `lastOptions`).
  const order = [...byCol.keys()]
  const widest = order.reduce((m, c) => ((byCol[c] as unknown[]).length > (byCol[m] as unknown[]).length ? c : m), 0)
  order.splice(order.indexOf(widest), 1)
  order.push(widest)
  const options = order.map((c) => byCol[c] as [number, number][])
  const [wa, wb] = [own[0].map((w) => order.map((c) => w[c] ?? 0)), own[1].map((w) => order.map((c) => w[c] ?? 0))]
  const memo = new Map<string, boolean>()
  let visits = 0
  let overflow = false
  const step = (sums: number[], i: number, x: number, y: number): number[] => [
    ...wa.map((w, k) => (sums[k] as number) + (w[i] as number) * x),
    ...wb.map((w, k) => (sums[wa.length + k] as number) + (w[i] as number) * y)
  ]
  // On the last column the sums say which value each row needs there; only that option can close them.
  const last = n - 1
  const need = (ws: Weights[], sums: number[], off: number): number | null | undefined => {
    let v: number | null | undefined
    for (const [k, w] of ws.entries()) {
      const c = w[last] as number
      const s = sums[off + k] as number
      if (c === 0) {
        if (s !== 0) return null
        continue
      }
      const x = -s / c
      if (v !== undefined && v !== x) return null
      v = x
    }
    return v
  }
  const lastOptions = (sums: number[]): [number, number][] => {
    const x = need(wa, sums, 0)
    const y = need(wb, sums, wa.length)
    if (x === null || y === null) return []
    return (options[last] as [number, number][]).filter(([a, b]) => (x === undefined || a === x) && (y === undefined || b === y))
  }
  const feasible = (i: number, sums: number[]): boolean => {
    if (i === last) return lastOptions(sums).length > 0
    const key = `${i}|${sums.join(',')}`
    const known = memo.get(key)
    if (known !== undefined) return known
    if (++visits > BUDGET) {
      overflow = true
      return false
    }
    let ok = false
    for (const [x, y] of options[i] as [number, number][]) {
      if (feasible(i + 1, step(sums, i, x, y))) {
        ok = true
        break
      }
      if (overflow) return false
    }
    memo.set(key, ok)
    return ok
  }
  const pairs: [Reading, Reading][] = []
  const a: number[] = []
  const b: number[] = []
  const back = (r: number[]): Reading => {
    const out: Reading = new Array(n)
    order.forEach((c, i) => (out[c] = r[i] as number))
    return out
  }
  const walk = (i: number, sums: number[]): void => {
    if (overflow) return
    if (i === last) {
      for (const [x, y] of lastOptions(sums)) {
        pairs.push([back([...a, x]), back([...b, y])])
        if (pairs.length > PAIRS_MAX) overflow = true
      }
      return
    }
    for (const [x, y] of options[i] as [number, number][]) {
      const next = step(sums, i, x, y)
      if (!feasible(i + 1, next)) continue
      a.push(x)
      b.push(y)
      walk(i + 1, next)
      a.pop()
      b.pop()
    }
  }
  walk(0, new Array(wa.length + wb.length).fill(0))
  return overflow ? { pairs: [], overflow } : { pairs, overflow }
}

const keyOf = (r: Reading): string => r.join(',')

/** Distinct readings of one side of the pairs. */
export function sideOf(pairs: [Reading, Reading][], side: 0 | 1): Reading[] {
  const seen = new Map<string, Reading>()
  for (const p of pairs) seen.set(keyOf(p[side]), p[side])
  return [...seen.values()]
}

/**
 * After the identities have filtered each row's readings apart, keep only the pairs whose two halves both
 * survived, and give each row back the readings those pairs hold (a reading of one row that only went
 * with readings of the other now ruled out goes too). True when a row lost readings.
 */
export function couple(pairs: [Reading, Reading][], a: RowChoice, b: RowChoice): { pairs: [Reading, Reading][]; changed: boolean } {
  const ka = new Set(a.readings.map(keyOf))
  const kb = new Set(b.readings.map(keyOf))
  const kept = pairs.filter(([x, y]) => ka.has(keyOf(x)) && kb.has(keyOf(y)))
  const na = sideOf(kept, 0)
  const nb = sideOf(kept, 1)
  const changed = na.length !== a.readings.length || nb.length !== b.readings.length
  a.readings = na
  b.readings = nb
  return { pairs: kept, changed }
}

/** Two rows read from one interleaved line: `partner` shows no number, `mixed` holds both rows' digits. */
export interface RowPair {
  mixed: number
  partner: number
  fields: string[]
  pairs: [Reading, Reading][]
  /** The partner's choice and the mixed row's, in that order. */
  choices: [RowChoice, RowChoice]
}

/**
 * A mixed row (see read.ts `interleaved`) with exactly n fields next to one labelled row that shows no number:
 * the line holds both rows' numbers. Pairs whose split fails (a field of one digit, no consistent split) are
 * left out, and both rows stay uncertain as before.
 */
export function interleavedPairs(rows: RowRead[], mixed: boolean[], spec: TableSpec): RowPair[] {
  const n = spec.cols.length
  const colIds = spec.cols.map((c) => c.id)
  const out: RowPair[] = []
  const bare = (r: RowRead | undefined): boolean => !!r?.label && !r.items.some((i) => i.kind !== 'empty')
  const weights = (r: RowRead): Weights[] =>
    rowLocal(spec.identities, r.id).map((id) => colIds.map((c) => id.lhs.filter((x) => x.col === c).length - id.rhs.filter((x) => x.col === c).length))
  mixed.forEach((isMixed, ri) => {
    if (!isMixed) return
    const near = [ri - 1, ri + 1].filter((k) => bare(rows[k]) && !mixed[k] && !out.some((p) => p.partner === k))
    if (near.length !== 1) return
    const partner = near[0] as number
    const row = rows[ri] as RowRead
    const other = rows[partner] as RowRead
    const values = row.items.filter((i) => i.kind !== 'empty')
    if (!values.every((v) => v.kind === 'num' && /^\d+$/.test(v.text.trim()))) return
    const fields = values.map((v) => v.text.trim())
    const res = splitInterleaved(fields, n, [weights(other), weights(row)])
    if (!res.pairs.length) return
    const choices: [RowChoice, RowChoice] = [
      { row: other.id, readings: sideOf(res.pairs, 0) },
      { row: row.id, readings: sideOf(res.pairs, 1) }
    ]
    out.push({ mixed: ri, partner, fields, pairs: res.pairs, choices })
  })
  return out
}

/** Keep each pair's two rows consistent with each other while the identities filter them apart. */
export function coupleAll(pairs: RowPair[], all: RowChoice[], colIds: string[], identities: Identity[]): void {
  for (let round = 0; round < 10; round++) {
    let changed = false
    for (const p of pairs) {
      const res = couple(p.pairs, p.choices[0], p.choices[1])
      p.pairs = res.pairs
      changed ||= res.changed
    }
    if (!changed) return
    solve(all, colIds, identities)
  }
}
