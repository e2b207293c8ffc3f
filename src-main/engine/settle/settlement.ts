// Cells the reviewer settled: a cell the reader could not read with certainty (or any cell) is
// confirmed as read or corrected to what the original shows. The reader's output (versions.parsed,
// cells) is never changed: each settlement is a row of its own keeping what was read and what was
// settled, by whom and when; withdrawing or undoing only clears `active`. The checks, the review
// screen and the exports apply the active settlements of a version on top of what was read.
// A layer of its own below checks, ingest and export (they all apply or carry settlements), not part
// of engine/review, which comes after the findings.
import { createHash } from 'node:crypto'
import type { Db } from '../db/open.ts'
import { stmt } from '../db/stmt.ts'
import type { CellSettlement, CellStatus, CellValue, ParsedReport, Span, TableId } from '../model.ts'

export interface SettlementRow {
  id: number
  report_id: number
  version_id: number
  table_id: TableId
  row_id: string
  col_id: string
  read_value: number | null
  read_raw: string
  read_status: CellStatus
  source_text: string
  value: number | null
  kind: 'confirmed' | 'corrected'
  settled_by: string
  settled_at: string
  carried_from: number | null
  active: number
}

export interface CellRef {
  table: TableId
  row: string
  col: string
}

export interface SettleInput extends CellRef {
  /** The value the original shows; null: the original shows an empty cell. */
  value: number | null
}

const TABLES: readonly TableId[] = ['T2', 'T3', 'T4']

export const cellRefKey = (c: { table: string; row: string; col: string }): string => `${c.table}|${c.row}|${c.col}`

export function activeSettlements(db: Db, versionId: number): SettlementRow[] {
  return stmt(db, 'SELECT * FROM settlements WHERE version_id = ? AND active = 1 ORDER BY id').all(versionId) as SettlementRow[]
}

/** Active settlements of the current versions of a batch, by version id. */
export function batchSettlements(db: Db, batchId: number): Map<number, SettlementRow[]> {
  const rows = stmt(
    db,
    `SELECT s.* FROM settlements s JOIN reports r ON r.current_version_id = s.version_id
     WHERE r.batch_id = ? AND s.active = 1 ORDER BY s.id`
  ).all(batchId) as SettlementRow[]
  const out = new Map<number, SettlementRow[]>()
  for (const s of rows) {
    const l = out.get(s.version_id)
    if (l) l.push(s)
    else out.set(s.version_id, [s])
  }
  return out
}

/** Fingerprint of the settlements a version's stored check work was computed with ('' for none). */
export function settlementStamp(rows: readonly SettlementRow[] | undefined): string {
  if (!rows?.length) return ''
  const h = createHash('sha256')
  for (const s of [...rows].sort((a, b) => a.id - b.id)) h.update(`${s.id}:${s.table_id}|${s.row_id}|${s.col_id}=${s.value};`)
  return h.digest('hex').slice(0, 16)
}

function settlementOf(s: SettlementRow): CellSettlement {
  const out: CellSettlement = { kind: s.kind, read: { value: s.read_value, raw: s.read_raw, status: s.read_status }, by: s.settled_by, at: s.settled_at }
  if (s.carried_from !== null) out.carried = true
  return out
}

/** The cell as the reviewer settled it; the reading is kept in `settled.read`. */
export function settledCell(c: CellValue | undefined, s: SettlementRow): CellValue {
  const base: CellValue = c ?? { table: s.table_id, row: s.row_id, col: s.col_id, value: null, raw: s.read_raw, status: s.read_status }
  const { note: _note, ...rest } = base
  void _note
  return {
    ...rest,
    value: s.value,
    status: s.value === null ? 'blank' : 'ok',
    note: `人工核定：${s.settled_by}${s.kind === 'confirmed' ? '确认解析读数' : '改为原件所示数值'}`,
    settled: settlementOf(s)
  }
}

/**
 * The report as the checks must see it: settled cells replaced by their settled values (tables
 * copied, the input left as read). A reading problem whose cells are all settled is no longer one.
 */
export function applySettlements<R extends Omit<ParsedReport, 'norm'>>(report: R, rows: readonly SettlementRow[] | undefined): R {
  if (!rows?.length) return report
  const by = new Map(rows.map((s) => [cellRefKey({ table: s.table_id, row: s.row_id, col: s.col_id }), s]))
  const tables = { ...report.tables }
  for (const id of TABLES) {
    const t = report.tables[id]
    if (!t || !rows.some((s) => s.table_id === id)) continue
    const seen = new Set<string>()
    const cells = t.cells.map((c) => {
      const k = cellRefKey(c)
      const s = by.get(k)
      if (!s) return c
      seen.add(k)
      return settledCell(c, s)
    })
    for (const s of rows) if (s.table_id === id && !seen.has(cellRefKey({ table: s.table_id, row: s.row_id, col: s.col_id }))) cells.push(settledCell(undefined, s))
    tables[id] = { ...t, cells }
  }
  const problems = report.problems?.filter((p) => !p.cells?.length || p.cells.some((c) => !by.has(cellRefKey(c))))
  return { ...report, tables, ...(report.problems ? { problems } : {}) }
}

/**
 * What the original shows at a cell, to tell whether a new version changed it: the text of the cell's
 * span; for an empty cell (zero-width span) the text around it; for a cell the reader could not place,
 * the text of its whole table. '' when there is nothing to compare: such a settlement is never carried.
 */
export function sourceText(text: string, c: CellValue | undefined, tableSpan?: Span): string {
  const s = c?.span
  if (s && s.end > s.start) return `cell:${text.slice(s.start, s.end)}`
  if (s) return `at:${text.slice(Math.max(0, s.start - 16), s.end + 16)}`
  if (tableSpan && tableSpan.end > tableSpan.start) return `table:${text.slice(tableSpan.start, tableSpan.end)}`
  return ''
}

function findCell(report: Omit<ParsedReport, 'norm'>, c: CellRef): CellValue | undefined {
  return report.tables[c.table]?.cells.find((x) => x.row === c.row && x.col === c.col)
}

export function validSettleValue(v: unknown): v is number | null {
  return v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e12 && Math.round(v * 10000) === v * 10000)
}

/**
 * Settles cells of a version in one step (a glued run's split settles its whole row). Earlier active
 * settlements of the same cells are replaced (kept, inactive). Returns the new rows' ids and the
 * replaced ones, for the audit row and its undo.
 */
export function settleCells(
  db: Db,
  a: { reportId: number; versionId: number; text: string; parsed: Omit<ParsedReport, 'norm'>; cells: SettleInput[]; by: string; at: string }
): { ids: number[]; replaced: number[] } {
  const ids: number[] = []
  const replaced: number[] = []
  const current = stmt(db, 'SELECT id FROM settlements WHERE version_id = ? AND table_id = ? AND row_id = ? AND col_id = ? AND active = 1')
  const off = stmt(db, 'UPDATE settlements SET active = 0 WHERE id = ?')
  const ins = stmt(
    db,
    `INSERT INTO settlements (report_id, version_id, table_id, row_id, col_id, read_value, read_raw, read_status, source_text, value, kind, settled_by, settled_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  for (const c of a.cells) {
    const cell = findCell(a.parsed, c)
    for (const r of current.all(a.versionId, c.table, c.row, c.col) as { id: number }[]) {
      off.run(r.id)
      replaced.push(r.id)
    }
    const readValue = cell?.value ?? null
    const readStatus: CellStatus = cell?.status ?? 'missing'
    const confirmed = readValue === c.value && (c.value !== null || readStatus === 'blank') && readStatus !== 'missing'
    const res = ins.run(
      a.reportId, a.versionId, c.table, c.row, c.col, readValue, cell?.raw ?? '', readStatus,
      sourceText(a.text, cell, a.parsed.tables[c.table]?.span), c.value, confirmed ? 'confirmed' : 'corrected', a.by, a.at
    )
    ids.push(Number(res.lastInsertRowid))
  }
  return { ids, replaced }
}

/** Withdraws the active settlements of some cells (the reader's values apply again). */
export function withdrawSettlements(db: Db, versionId: number, cells: CellRef[]): number[] {
  const out: number[] = []
  const current = stmt(db, 'SELECT id FROM settlements WHERE version_id = ? AND table_id = ? AND row_id = ? AND col_id = ? AND active = 1')
  const off = stmt(db, 'UPDATE settlements SET active = 0 WHERE id = ?')
  for (const c of cells)
    for (const r of current.all(versionId, c.table, c.row, c.col) as { id: number }[]) {
      off.run(r.id)
      out.push(r.id)
    }
  return out
}

/** Undo of a 'settle' or 'unsettle' audit row (before/after as written by the service). */
export function undoSettlementAction(db: Db, action: string, before: { replaced?: number[]; ids?: number[] } | null, after: { ids?: number[] } | null): void {
  const off = stmt(
    db,
    // the settlement and every copy carried from it into later versions
    `WITH RECURSIVE d(id) AS (SELECT ? UNION SELECT s.id FROM settlements s JOIN d ON s.carried_from = d.id)
     UPDATE settlements SET active = 0 WHERE id IN (SELECT id FROM d)`
  )
  const on = stmt(db, 'UPDATE settlements SET active = 1 WHERE id = ?')
  if (action === 'settle') {
    for (const id of after?.ids ?? []) off.run(id)
    for (const id of before?.replaced ?? []) on.run(id)
  } else if (action === 'unsettle') {
    for (const id of before?.ids ?? []) on.run(id)
  }
}

/**
 * A new version of a report keeps a settlement only where the original is unchanged at that cell
 * (same raw reading, same source text); every other cell is read afresh. Returns how many were kept.
 */
export function carrySettlements(db: Db, a: { reportId: number; fromVersionId: number; toVersionId: number; text: string; parsed: Omit<ParsedReport, 'norm'> }): number {
  const ins = stmt(
    db,
    `INSERT INTO settlements (report_id, version_id, table_id, row_id, col_id, read_value, read_raw, read_status, source_text, value, kind, settled_by, settled_at, carried_from)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  let n = 0
  for (const s of activeSettlements(db, a.fromVersionId)) {
    const cell = findCell(a.parsed, { table: s.table_id, row: s.row_id, col: s.col_id })
    const src = sourceText(a.text, cell, a.parsed.tables[s.table_id]?.span)
    if (!cell || !src || src !== s.source_text || cell.raw !== s.read_raw) continue
    ins.run(a.reportId, a.toVersionId, s.table_id, s.row_id, s.col_id, cell.value, cell.raw, cell.status, src, s.value, s.kind, s.settled_by, s.settled_at, s.id)
    n++
  }
  return n
}
