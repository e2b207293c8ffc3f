// The evidence of a finding as the findings table stores it: JSON { items, sides }, packed (db/packed.ts). One writer
// (encodeEvidence) and one reader (decodeEvidence) for everyone who touches the column — the checks,
// the manual findings of the server, the exports and the CLI JSON. The reader checks the shape instead
// of casting: a row written by an older version or edited by hand yields the items that are well
// formed, never a value that only claims to be Evidence.
import { jsonText, packText } from '../db/packed.ts'
import {
  CELL_STATUSES,
  TABLE_IDS,
  type Box,
  type CellSettlement,
  type Evidence,
  type Sides,
  type Span,
} from '../../shared/vocabulary.ts'

export interface StoredEvidence {
  items: Evidence[]
  sides: Sides | null
}

/**
 * Evidence JSON shorter than this (UTF-8 bytes) is stored as it is: deflate saves almost nothing on
 * a short quote (a few bytes a finding), and each deflate call costs some 40 µs of stream set-up,
 * which made a quarter of a batch check's CPU at 14 findings a report (issue 17). About half of the
 * findings are this short; the database grows by well under 0.1 KB a report.
 */
const PACK_FROM = 384

/** The evidence as the column's JSON (before packing): what two findings are compared by. */
export function evidenceJson(items: readonly Evidence[], sides: Sides | null | undefined): string {
  return JSON.stringify({ items, sides: sides ?? null })
}

/** The column value of evidence JSON: packed (db/packed.ts) when long enough to gain from it, else the JSON text. */
export function packEvidence(json: string): Buffer | string {
  return json.length * 3 < PACK_FROM || Buffer.byteLength(json, 'utf8') < PACK_FROM ? json : packText(json)
}

export function encodeEvidence(items: readonly Evidence[], sides: Sides | null | undefined): Buffer | string {
  return packEvidence(evidenceJson(items, sides))
}

/** Whether a stored column value (packed or plain) holds this evidence JSON. */
export function sameEvidence(stored: unknown, json: string): boolean {
  try {
    return jsonText(stored) === json
  } catch {
    return false
  }
}

/** Reads the column; malformed JSON or items give an empty or shorter list, never an exception. */
export function decodeEvidence(stored: unknown): StoredEvidence {
  let raw: unknown
  try {
    const json = jsonText(stored)
    raw = json ? JSON.parse(json) : null
  } catch {
    return { items: [], sides: null }
  }
  // Stored as { items, sides }; rows of early versions hold a bare array.
  const list = Array.isArray(raw) ? raw : isObj(raw) && Array.isArray(raw.items) ? raw.items : []
  const items: Evidence[] = []
  for (const x of list) {
    const e = evidenceOf(x)
    if (e) items.push(e)
  }
  return { items, sides: isObj(raw) ? sidesOf(raw.sides) : null }
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isStr = (v: unknown): v is string => typeof v === 'string'
const optNum = (v: unknown): number | undefined => (isNum(v) ? v : undefined)
const optStr = (v: unknown): string | undefined => (isStr(v) ? v : undefined)
const numOrNull = (v: unknown): number | null | false => (v === null ? null : isNum(v) ? v : false)

/** Copies only the known fields, so that nothing else stored in the row travels on. */
function evidenceOf(x: unknown): Evidence | null {
  if (!isObj(x)) return null
  switch (x.kind) {
    case 'cell': {
      const value = numOrNull(x.value)
      const table = TABLE_IDS.find((t) => t === x.table)
      const status = CELL_STATUSES.find((s) => s === x.status)
      if (!table || !status || value === false || !isStr(x.row) || !isStr(x.col) || !isStr(x.raw)) return null
      const e: Evidence = { kind: 'cell', table, row: x.row, col: x.col, value, raw: x.raw, status }
      const span = spanOf(x.span)
      if (span) e.span = span
      const settled = settledOf(x.settled)
      if (settled) e.settled = settled
      return e
    }
    case 'text':
      if (!isNum(x.start) || !isNum(x.end) || !isStr(x.text)) return null
      return withoutUndefined<Evidence>({ kind: 'text', start: x.start, end: x.end, text: x.text, page: optNum(x.page), note: optStr(x.note) })
    case 'report':
      if (!isNum(x.reportId)) return null
      return withoutUndefined<Evidence>({
        kind: 'report',
        reportId: x.reportId,
        township: optStr(x.township),
        year: optNum(x.year),
        file: optStr(x.file),
        note: optStr(x.note),
        start: optNum(x.start),
        end: optNum(x.end),
        text: optStr(x.text),
      })
    case 'note':
      return isStr(x.text) ? { kind: 'note', text: x.text } : null
    default:
      return null
  }
}

function spanOf(v: unknown): Span | undefined {
  if (!isObj(v) || !isNum(v.start) || !isNum(v.end)) return undefined
  const s: Span = { start: v.start, end: v.end }
  if (isNum(v.page)) s.page = v.page
  if (Array.isArray(v.box) && v.box.length === 4 && v.box.every(isNum)) s.box = v.box as Box
  return s
}

function settledOf(v: unknown): CellSettlement | undefined {
  if (!isObj(v) || (v.kind !== 'confirmed' && v.kind !== 'corrected') || !isStr(v.by) || !isStr(v.at) || !isObj(v.read)) return undefined
  const value = numOrNull(v.read.value)
  const status = CELL_STATUSES.find((s) => s === (v.read as Obj).status)
  if (value === false || !status || !isStr(v.read.raw)) return undefined
  const s: CellSettlement = { kind: v.kind, read: { value, raw: v.read.raw, status }, by: v.by, at: v.at }
  if (v.carried === true) s.carried = true
  return s
}

function sidesOf(v: unknown): Sides | null {
  if (!isObj(v)) return null
  const side = (l: unknown): Sides['left'] | null => {
    if (!Array.isArray(l)) return null
    const out: Sides['left'] = []
    for (const t of l) {
      if (!isObj(t) || !isStr(t.label)) return null
      const value = numOrNull(t.value)
      if (value === false) return null
      out.push({ label: t.label, value })
    }
    return out
  }
  const left = side(v.left)
  const right = side(v.right)
  return left && right ? { left, right } : null
}

/** Optional fields stay absent rather than undefined, as JSON.parse would give them. */
function withoutUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k]
  return o
}
