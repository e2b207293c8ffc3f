// The batches table group as the review screens see it: a batch (one opened folder) with its report
// count, how its last import ended (import_state) and the file events of its last walk (file_events).
// The one place their rows become models; the import writes them (ingest/importFolder.ts, importTask.ts).
import type { Db } from '../db/open.ts'

export interface Batch {
  id: number
  root: string
  name: string
  createdAt: string
  /** Reports in the batch. */
  reports: number
}

export type ImportEndState = 'done' | 'cancelled' | 'failed' | 'running'

export interface ImportState {
  state: ImportEndState
  total: number
  done: number
  at: string
}

export interface FileEvent {
  file: string
  kind: 'error' | 'skipped' | 'needs-ocr'
  code: string | null
  message: string
}

const BATCH = `SELECT b.id, b.root, b.name, b.created_at AS createdAt, (SELECT COUNT(*) FROM reports r WHERE r.batch_id = b.id) AS reports FROM batches b`

/** Every batch, newest first. */
export function allBatches(db: Db): Batch[] {
  return db.prepare(`${BATCH} ORDER BY b.id DESC`).all() as Batch[]
}

export function batchById(db: Db, id: number): Batch | undefined {
  return db.prepare(`${BATCH} WHERE b.id = ?`).get(id) as Batch | undefined
}

/** The name of a batch without counting its reports (export folder names). */
export function batchName(db: Db, id: number): string | undefined {
  return (db.prepare('SELECT name FROM batches WHERE id = ?').get(id) as { name: string } | undefined)?.name
}

/** The folders opened so far: the API reads only inside them. */
export function batchRoots(db: Db): string[] {
  return db.prepare('SELECT root FROM batches').pluck().all() as string[]
}

export function importStateOf(db: Db, batchId: number): ImportState | null {
  return (db.prepare('SELECT state, total, done, at FROM import_state WHERE batch_id = ?').get(batchId) as ImportState | undefined) ?? null
}

/** What the last walk of the folder could not read or skipped, by file. */
export function currentFileEvents(db: Db, batchId: number): FileEvent[] {
  return db.prepare('SELECT rel_path AS file, kind, code, message FROM file_events WHERE batch_id = ? AND current = 1 ORDER BY rel_path').all(batchId) as FileEvent[]
}
