// Child process for the interrupted-import tests: imports a folder (no checks), printing
// "STORED <n>" after each file is committed. The parent SIGKILLs it at chosen points.
import { openDb } from '../../src-main/engine/db/open.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'

const [dbFile, folder] = process.argv.slice(2) as [string, string]
const { db } = openDb(dbFile)
const r = await importFolder(db, folder, { ocr: false, onProgress: (p) => process.stdout.write(`STORED ${p.done}\n`) })
db.close()
console.log(`DONE ${r.outcomes.length}`)
