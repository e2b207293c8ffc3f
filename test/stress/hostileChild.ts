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
  events: { code: string; message: string }[]
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
const events = db.prepare('SELECT code, message FROM file_events WHERE current = 1').all() as { code: string; message: string }[]
db.pragma('wal_checkpoint(TRUNCATE)')
db.close()
await sharedPool().terminate({ close: true })
const cost: ChildCost = {
  cpu: (c.user + c.system) / 1e6,
  cpuTotal: (all.user + all.system) / 1e6,
  wall,
  peak: resourceUsage().maxRSS * 1024,
  ok: r.outcomes.filter((o) => o.status === 'ok').length,
  events
}
process.stdout.write(`${JSON.stringify(cost)}\n`)
process.exit(0)
