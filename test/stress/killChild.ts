// Child process for the kill tests: imports a folder, checks it, then records decisions forever,
// printing "ACK <findingId> <seq>" after each decision is committed. The parent SIGKILLs it.
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { openDb } from '../../src-main/engine/db/open.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { ReviewService } from '../../src-main/server/service.ts'

const [dbFile, folder] = process.argv.slice(2) as [string, string]
console.log('STARTED')
const { db } = openDb(dbFile)
const service = new ReviewService(db, { mode: 'browser', sampleFolder: folder, version: 'kill-test' })
const r = await importFolder(db, folder)
console.log(`IMPORTED ${r.outcomes.length}`)
runChecks(db, r.batchId)
console.log('CHECKED')
const ids = (db.prepare('SELECT id FROM findings ORDER BY id').all() as { id: number }[]).map((x) => x.id)
const last = db.prepare("SELECT MAX(CAST(SUBSTR(comment, 5) AS INTEGER)) AS m FROM findings WHERE comment LIKE 'seq:%'").get() as { m: number | null }
let seq = (last.m ?? 0) + 1
for (;;) {
  const id = ids[seq % ids.length] as number
  await service.decide(id, seq % 2 ? 'confirmed' : 'dismissed', `seq:${seq}`)
  process.stdout.write(`ACK ${id} ${seq}\n`)
  seq++
}
