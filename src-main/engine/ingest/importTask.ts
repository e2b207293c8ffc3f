// An import as the reviewer starts it: read the folder into its batch, check the batch, and keep how
// the import ended (import_state) so that a cancelled one is still shown as such after a reload.
import { runChecksOffThread } from '../checks/offThread.ts'
import type { Db } from '../db/open.ts'
import { importFolder, type ImportProgress } from './importFolder.ts'
import { walkFolder } from './walk.ts'

export interface ImportTaskResult {
  batchId: number
  cancelled: boolean
}

export async function importAndCheck(db: Db, root: string, opts: { signal: AbortSignal; onProgress: (p: ImportProgress) => void }): Promise<ImportTaskResult> {
  let seen = { total: 0, done: 0 }
  const res = await importFolder(db, root, {
    signal: opts.signal,
    onProgress: (p) => {
      if (p.status !== 'ocr') seen = { total: p.total, done: p.done }
      opts.onProgress(p)
    }
  })
  await runChecksOffThread(db, res.batchId)
  let total = seen.total
  if (res.cancelled && !total) {
    // cancelled before the first file was counted: count the folder now, so the notice is right
    const w = walkFolder(root)
    total = w.files.length + w.skipped.length
  }
  const done = res.outcomes.length
  db.prepare(
    `INSERT INTO import_state (batch_id, state, total, done, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (batch_id) DO UPDATE SET state = excluded.state, total = excluded.total, done = excluded.done, at = excluded.at`
  ).run(res.batchId, res.cancelled ? 'cancelled' : 'done', Math.max(total, done), done, new Date().toISOString())
  return { batchId: res.batchId, cancelled: res.cancelled }
}
