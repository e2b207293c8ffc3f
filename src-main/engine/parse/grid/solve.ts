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
  /** Glued digits as written (each piece cut at its end): lets `resplit` try again when no split is consistent. */
  pieces?: string[]
  /** Set by `resplit`: columns whose cell breaks identities in the one split the other rows allow. */
  broken?: string[]
}

/**
 * Split a run of digits (the concatenation of `pieces`, each cut at least once at its end) into n numbers.
 * A piece written with a minus ('88-720' read as '88', '-720') keeps it on its first number only: the sign
 * belongs to the number right after it.
 */
export function splitDigits(
  pieces: string[],
  n: number,
  accept: (r: number[]) => boolean,
  limit = 50,
  budget = 200000,
  partial?: (r: number[]) => boolean
): { found: number[][]; overflow: boolean } {
  const mustCut = new Set<number>()
  const negAt = new Set<number>()
  let at = 0
  const bare = pieces.map((p) => {
    const d = p.startsWith('-') ? p.slice(1) : p
    if (d !== p) negAt.add(at)
    at += d.length
    mustCut.add(at)
    return d
  })
  const digits = bare.join('')
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
      parts.push((negAt.has(pos) ? -1 : 1) * Number(digits.slice(pos, end)))
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
    if (!changed) changed = jointPass(rows, cols, identities, known, setKnown)
  }
  return rows
}

/** Most combinations of open rows' readings tried for one identity. */
const JOINT_MAX = 400

/**
 * An identity through two or three rows that are each still open (a 总计 column over two glued rows that each
 * split two ways) cannot filter either row alone. Try their readings together: a reading that takes part in
 * no combination satisfying the identity is dropped. Never a choice between consistent combinations; and an
 * identity no combination satisfies (the township's own arithmetic) filters nothing.
 */
function jointPass(rows: RowChoice[], cols: string[], identities: Identity[], known: Known, setKnown: (r: RowChoice) => void): boolean {
  const byRow = new Map(rows.map((r) => [r.row, r]))
  let changed = false
  for (const id of identities) {
    const names = [...new Set(refs(id).map((x) => x.row))]
    const open = names.map((n) => byRow.get(n)).filter((r): r is RowChoice => !!r && r.readings.length > 1 && !r.overflow)
    if (open.length < 2 || open.length > 3) continue
    if (!names.every((n) => open.some((r) => r.row === n) || refs(id).every((x) => x.row !== n || known.has(key(x.row, x.col))))) continue
    if (open.reduce((a, r) => a * r.readings.length, 1) > JOINT_MAX) continue
    const used = open.map(() => new Set<number>())
    const pick: number[] = []
    const walk = (k: number): void => {
      if (k === open.length) {
        if (holdsJoint(id, open, pick, cols, known)) pick.forEach((p, i) => (used[i] as Set<number>).add(p))
        return
      }
      for (let p = 0; p < (open[k] as RowChoice).readings.length; p++) {
        pick[k] = p
        walk(k + 1)
      }
    }
    walk(0)
    if (used.some((u) => u.size === 0)) continue
    open.forEach((r, i) => {
      const u = used[i] as Set<number>
      if (u.size === r.readings.length) return
      r.readings = r.readings.filter((_, p) => u.has(p))
      changed = true
      setKnown(r)
    })
  }
  return changed
}

/** Whether both sides of the identity add up, given each cell's value; a cell not known yet lets it hold. */
function balanced(id: Identity, val: (x: { row: string; col: string }) => number | null | undefined): boolean {
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

function holdsJoint(id: Identity, open: RowChoice[], pick: number[], cols: string[], known: Known): boolean {
  const val = (x: { row: string; col: string }): number | null | undefined => {
    const i = open.findIndex((r) => r.row === x.row)
    if (i < 0) return known.get(key(x.row, x.col))
    const r = open[i] as RowChoice
    const v = (r.readings[pick[i] as number] as Reading)[cols.indexOf(x.col)]
    return v === null && r.blankAsZero ? 0 : v
  }
  return balanced(id, val)
}

function holds(id: Identity, r: RowChoice, reading: Reading, cols: string[], known: Known): boolean {
  const val = (x: { row: string; col: string }): number | null | undefined => {
    if (x.row !== r.row) return known.get(key(x.row, x.col))
    const v = reading[cols.indexOf(x.col)]
    return v === null && r.blankAsZero ? 0 : v
  }
  return balanced(id, val)
}

const refs = (id: Identity): { row: string; col: string }[] => [...id.lhs, ...id.rhs]
const through = (id: Identity, row: string): boolean => refs(id).some((x) => x.row === row)

/**
 * A glued row that no split makes consistent with every identity (the township's own arithmetic is wrong,
 * e.g. a 总计 one too high). Suppose one cell of the row is wrong: leave out the identities through it and
 * keep those whose other cells are known. When, over every choice of that cell (and every combination of
 * the readings still open in rows it shares an identity with), exactly one split remains and identities
 * through other rows took part in it, that split is the reading: the other rows pin it, and the broken
 * identity is a finding, not a reading problem. Identities through the wrong cell are left out of further
 * solving, so the township's error never decides another row. Returns the identities still usable.
 */
export function resplit(rows: RowChoice[], cols: string[], identities: Identity[]): Identity[] {
  let ids = identities
  const spent = { visits: 0 }
  for (let round = 0; round <= rows.length; round++) {
    let progressed = false
    for (const r of rows) {
      if (!r.pieces || r.readings.length || r.overflow || r.broken) continue
      const one = resplitRow(r, rows, cols, ids, spent)
      if (!one) continue
      r.readings = [one.reading]
      r.broken = one.broken
      ids = ids.filter((id) => !refs(id).some((x) => x.row === r.row && one.broken.includes(x.col)))
      progressed = true
      solve(rows, cols, ids)
    }
    if (!progressed) break
  }
  return ids
}

/** Open rows tried in every combination of their readings at most this many times. */
const MAX_COMBINATIONS = 64
/** Split steps for one table: past it every row not yet decided stays uncertain (hostile input stays fast). */
const RESPLIT_BUDGET = 1_000_000

function resplitRow(r: RowChoice, rows: RowChoice[], cols: string[], ids: Identity[], spent: { visits: number }): { reading: Reading; broken: string[] } | null {
  const pieces = r.pieces as string[]
  const base: Known = new Map()
  for (const o of rows) if (o !== r && o.readings.length === 1 && !o.overflow) (o.readings[0] as Reading).forEach((v, i) => base.set(key(o.row, cols[i] as string), v))
  const mine = ids.filter((id) => through(id, r.row))
  const open = rows.filter((o) => o !== r && o.readings.length > 1 && !o.overflow && mine.some((id) => through(id, o.row)))
  const combos = open.reduce((a, o) => a * o.readings.length, 1)
  const tried = combos <= MAX_COMBINATIONS ? open : []
  // Identities between the open rows and the rest (not through this row) that a combination must satisfy.
  const between = ids.filter((id) => !through(id, r.row) && tried.some((o) => through(id, o.row)))
  const num = (kn: Known, x: { row: string; col: string }): boolean => typeof kn.get(key(x.row, x.col)) === 'number'
  const found = new Map<string, { reading: Reading; cols: Set<string>; vouched: boolean }>()

  const search = (kn: Known): boolean => {
    const none: RowChoice = { row: '\u0000', readings: [] }
    if (!between.every((id) => !refs(id).every((x) => num(kn, x)) || holds(id, none, [], cols, kn))) return true
    const judged = mine.filter((id) => refs(id).every((x) => x.row === r.row || num(kn, x)))
    for (const suspect of cols) {
      const kept = judged.filter((id) => !refs(id).some((x) => x.row === r.row && x.col === suspect))
      // Only identities through other rows can vouch for a split that breaks the row's own arithmetic;
      // a hypothesis without them still counts against uniqueness.
      const vouched = kept.some((id) => refs(id).some((x) => x.row !== r.row))
      const ok = (p: number[]): boolean => ++spent.visits <= RESPLIT_BUDGET && kept.every((id) => holds(id, r, p, cols, kn))
      const res = splitDigits(pieces, cols.length, ok, 1, 200000, ok)
      if (res.overflow || spent.visits > RESPLIT_BUDGET) return false
      for (const p of res.found) {
        const k = p.join(',')
        const e = found.get(k) ?? { reading: p, cols: new Set<string>(), vouched: false }
        e.cols.add(suspect)
        e.vouched ||= vouched
        found.set(k, e)
      }
      if (found.size > 1) return false
    }
    return true
  }
  const assign = (i: number, kn: Known): boolean => {
    const o = tried[i]
    if (!o) return search(kn)
    for (const reading of o.readings) {
      const next = new Map(kn)
      reading.forEach((v, ci) => next.set(key(o.row, cols[ci] as string), v))
      if (!assign(i + 1, next)) return false
    }
    return true
  }
  if (!assign(0, base)) return null
  const only = [...found.values()][0]
  if (found.size !== 1 || !only?.vouched) return null
  return { reading: only.reading, broken: cols.filter((c) => only.cols.has(c)) }
}

/** Identities that only involve one row: usable while splitting that row. */
export function rowLocal(ids: Identity[], row: string): Identity[] {
  return ids.filter((id) => [...id.lhs, ...id.rhs].every((x) => x.row === row))
}
