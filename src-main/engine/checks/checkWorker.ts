// Worker thread that runs a batch check on its own connection to the database file, so that a slow
// check never blocks the main thread (in browser mode: every API call) while it runs.
import Database from 'better-sqlite3'
import { parentPort } from 'node:worker_threads'
import { runChecks } from './store.ts'

export interface CheckJob {
  id: number
  file: string
  batchId: number
  /** Run even when nothing the check reads has changed (the reviewer asked for a re-check). */
  force?: boolean
}

export type CheckReply = { id: number; ok: true; reports: number } | { id: number; ok: false; message: string; code?: string }

parentPort?.on('message', (job: CheckJob) => {
  let db: Database.Database | null = null
  try {
    db = new Database(job.file, { fileMustExist: true })
    db.pragma('busy_timeout = 10000')
    db.pragma('foreign_keys = ON')
    const reports = runChecks(db, job.batchId, { force: job.force })
    // A check of thousands of reports leaves a WAL file of megabytes that stays on disk while the app runs
    // (4.8 MB at 1,000 reports, 16 % of the database): fold it back now that the writing is done. Busy readers
    // only make it a partial checkpoint, never an error.
    db.pragma('wal_checkpoint(TRUNCATE)')
    parentPort?.postMessage({ id: job.id, ok: true, reports } satisfies CheckReply)
  } catch (e) {
    const code = (e as { code?: unknown }).code
    parentPort?.postMessage({
      id: job.id,
      ok: false,
      message: e instanceof Error ? e.message : String(e),
      code: typeof code === 'string' ? code : undefined
    } satisfies CheckReply)
  } finally {
    db?.close()
  }
})
