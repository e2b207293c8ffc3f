// One import of a folder and the batch check after it (in the check worker), as the command line does them, in a process
// of its own (scripts/bench-scale.ts): prints wall, CPU (all threads) and peak memory as JSON.
// Usage: ./node_modules/.bin/node scripts/bench-scale-run.ts <folder> <database>
import { performance } from 'node:perf_hooks'
import { runChecksOffThread } from '../src-main/engine/checks/offThread.ts'
import { openDb } from '../src-main/engine/db/open.ts'
import { importFolder } from '../src-main/engine/ingest/importFolder.ts'

const [folder, dbFile] = process.argv.slice(2) as [string, string]
const { db } = openDb(dbFile)
const cpu0 = process.cpuUsage()
const t0 = performance.now()
const res = await importFolder(db, folder, { ocr: false })
const t1 = performance.now()
const importCpu = process.cpuUsage(cpu0)
await runChecksOffThread(db, res.batchId)
const t2 = performance.now()
const cpu = process.cpuUsage(cpu0)
db.close()
console.log(
  JSON.stringify({
    importS: (t1 - t0) / 1000,
    checkS: (t2 - t1) / 1000,
    cpuS: (cpu.user + cpu.system) / 1e6,
    importCpuS: (importCpu.user + importCpu.system) / 1e6,
    peakMb: process.resourceUsage().maxRSS / 1024,
    ok: res.outcomes.filter((o) => o.status === 'ok' || o.status === 'unchanged').length,
    errors: res.outcomes.filter((o) => o.status === 'error').length
  })
)
// The check worker stays for the next check (checks/offThread.ts), as in the app: the run ends here.
process.exit(0)
