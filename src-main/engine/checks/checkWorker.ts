// Worker thread that runs a batch check on its own connection to the database file, so that a slow
// check never blocks the main thread (in browser mode: every API call) while it runs. Started with
// workerData.peer, the same file is the check's second thread (peerThread.ts): it runs its one rule,
// replies and ends.
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { peerJob, runChecksSplit, type PeerJob } from './peerThread.ts'

export interface CheckJob {
  id: number
  file: string
  batchId: number
  /** Run even when nothing the check reads has changed (the reviewer asked for a re-check). */
  force?: boolean
}

export interface CheckWorkerData {
  /** This file's path (a file: URL in development), to start the check's second thread from. */
  self?: string
  peer?: PeerJob
}

export type CheckReply = { id: number; ok: true; reports: number } | { id: number; ok: false; message: string; code?: string }

const data = (workerData ?? {}) as CheckWorkerData

async function check(job: CheckJob): Promise<void> {
  let db: Database.Database | null = null
  try {
    db = new Database(job.file, { fileMustExist: true })
    db.pragma('busy_timeout = 10000')
    db.pragma('foreign_keys = ON')
    const self = data.self ?? new URL(import.meta.url).href
    const reports = await runChecksSplit(db, job.batchId, self.startsWith('file:') ? new URL(self) : self, { force: job.force })
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
}

if (data.peer) {
  try {
    parentPort?.postMessage(peerJob(data.peer))
  } catch (e) {
    parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) })
  }
} else {
  // One check at a time, in the order asked: the jobs share this thread's connection-free state (the rules).
  let queue = Promise.resolve()
  parentPort?.on('message', (job: CheckJob) => {
    queue = queue.then(() => check(job))
  })
}
