// Child process of the hostile-file stress test: imports one folder into one database and checks it,
// then prints its cost as one JSON line. A process per case makes the peak memory that case's own
// (the process's high-water mark, every worker thread included) rather than the test runner's.
import { resourceUsage } from 'node:process'
import { runChecksOffThread } from '../../src-main/engine/checks/offThread.ts'
import { openDb } from '../../src-main/engine/db/open.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { sharedPool } from '../../src-main/engine/ocr/pool.ts'

export interface ChildCost {
  /** Seconds of CPU (user + system, every thread) spent importing and checking. */
  cpu: number
  /** The same over the child's whole life, start-up included. */
  cpuTotal: number
  wall: number
  /** Bytes: the process's highest resident set. */
  peak: number
  ok: number
  /** Files refused or otherwise recorded, by event code. */
  codes: Record<string, number>
  /** Up to three distinct reasons given. */
  reasons: string[]
  /** Reasons not written in Chinese (must be none). */
  notChinese: string[]
}

const [dbFile, folder] = process.argv.slice(2) as [string, string]
const { db } = openDb(dbFile)
const cpu0 = process.cpuUsage()
const t0 = performance.now()
const r = await importFolder(db, folder)
await runChecksOffThread(db, r.batchId)
const wall = (performance.now() - t0) / 1000
const c = process.cpuUsage(cpu0)
const all = process.cpuUsage()
// A summary, not every event: 20,000 refusals would make a line of megabytes.
const codes = Object.fromEntries(
  (db.prepare('SELECT code, COUNT(*) AS n FROM file_events WHERE current = 1 GROUP BY code').all() as { code: string; n: number }[]).map((r) => [r.code, r.n])
)
const reasons = db.prepare('SELECT DISTINCT message FROM file_events WHERE current = 1 LIMIT 3').pluck().all() as string[]
const messages = db.prepare('SELECT DISTINCT message FROM file_events WHERE current = 1').pluck().all() as string[]
const notChinese = messages.filter((m) => !/[\u4e00-\u9fff]/.test(m)).slice(0, 5)
db.pragma('wal_checkpoint(TRUNCATE)')
db.close()
await sharedPool().terminate({ close: true })
const cost: ChildCost = {
  cpu: (c.user + c.system) / 1e6,
  cpuTotal: (all.user + all.system) / 1e6,
  wall,
  peak: resourceUsage().maxRSS * 1024,
  ok: r.outcomes.filter((o) => o.status === 'ok').length,
  codes,
  reasons,
  notChinese
}
// Exit once the line is written: a pipe is asynchronous, and exit would cut it short.
process.stdout.write(`${JSON.stringify(cost)}\n`, () => process.exit(0))
