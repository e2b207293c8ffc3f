// `npm run bench` (BENCH_ONLY=scale): import + batch check of 1,000 / 5,000 / 10,000 distinct text
// reports, each size on a fresh database in a process of its own so that its peak memory is its own.
// Printed per size: wall, CPU per report, peak memory, database bytes per report, re-import of the
// unchanged folder, and the ratio to the floor (read + hash + decode of the same files, measured in
// the same run, and that floor plus one SQLite insert per file). Figures are printed, never asserted.
//   BENCH_SCALE=1000,5000 (default)   sizes to run; a trailing r (10000r) uses realistic township names
//   BENCH_SCALE=1000,5000,10000,10000r  the full run of issue 17
// Run alone: ./node_modules/.bin/node scripts/bench-scale.ts
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'

import { generate } from './bench-scale-gen.ts'

interface Floor {
  readHashDecodeS: number
  withInsertS: number
}

/** What any import has to do at least: read each file, hash it, decode it; and that plus one SQLite insert. */
function floor(dir: string): Floor {
  const files = readdirSync(dir).sort().map((f) => join(dir, f))
  const dec = new TextDecoder('utf-8')
  let chars = 0
  const t0 = performance.now()
  for (const f of files) {
    const b = readFileSync(f)
    createHash('sha256').update(b).digest('hex')
    chars += dec.decode(b).length
  }
  const t1 = performance.now()
  const dbFile = `${dir}-floor.db`
  const db = new Database(dbFile)
  db.pragma('journal_mode = WAL')
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, sha TEXT, text TEXT)')
  const ins = db.prepare('INSERT INTO t (sha, text) VALUES (?, ?)')
  const t2 = performance.now()
  for (const f of files) {
    const b = readFileSync(f)
    const sha = createHash('sha256').update(b).digest('hex')
    db.transaction(() => ins.run(sha, dec.decode(b)))()
  }
  const t3 = performance.now()
  db.close()
  for (const x of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(x, { force: true })
  void chars
  return { readHashDecodeS: (t1 - t0) / 1000, withInsertS: (t3 - t2) / 1000 }
}

interface RunFigures {
  importS: number
  importCpuS: number
  checkS: number
  cpuS: number
  peakMb: number
  ok: number
  errors: number
}

function child(args: string[]): RunFigures {
  const r = spawnSync(process.execPath, [join(import.meta.dirname, 'bench-scale-run.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (r.status !== 0) throw new Error(`bench-scale-run failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as RunFigures
}

/** Bytes per report of each table with its indexes (SQLite's dbstat), largest first: where the store goes. */
function tableBytes(dbFile: string, n: number): string {
  const db = new Database(dbFile, { readonly: true })
  try {
    const rows = db
      .prepare("SELECT coalesce(m.tbl_name, s.name) AS t, sum(s.pgsize) AS b FROM dbstat s LEFT JOIN sqlite_master m ON m.name = s.name GROUP BY t ORDER BY b DESC")
      .all() as { t: string; b: number }[]
    return rows.filter((r) => r.b / n >= 51.2).map((r) => `${r.t} ${(r.b / n / 1024).toFixed(1)}`).join('，')
  } finally {
    db.close()
  }
}

function dbBytes(dbFile: string): number {
  let n = 0
  for (const x of [dbFile, `${dbFile}-wal`]) {
    try {
      n += statSync(x).size
    } catch {
      /* absent */
    }
  }
  return n
}

const sizes = (process.env.BENCH_SCALE ?? '1000,5000').split(',').map((s) => s.trim()).filter(Boolean)
const base = join(tmpdir(), `xxgk-scale-${process.pid}`)
console.log(`机器：${(await import('node:os')).availableParallelism()} 核；负载 ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}（负载高时数字偏慢）`)
for (const spec of sizes) {
  const realistic = spec.endsWith('r')
  const n = Number(realistic ? spec.slice(0, -1) : spec)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`BENCH_SCALE: not a size: ${spec}`)
  const dir = join(base, `${n}${realistic ? 'r' : ''}`)
  const dbFile = `${dir}.db`
  generate(dir, n, realistic)
  const fl = floor(dir)
  const first = child([dir, dbFile])
  // VACUUM-free size after the first import and check, as the reviewer would have it on disk.
  const bytes = dbBytes(dbFile)
  const byTable = tableBytes(dbFile, n)
  const again = child([dir, dbFile])
  const wall = first.importS + first.checkS
  const label = `${n} 份${realistic ? '（真实风格乡镇名）' : ''}`
  console.log(
    `${label}：导入 ${first.importS.toFixed(1)} 秒 + 整批检查 ${first.checkS.toFixed(1)} 秒 = ${wall.toFixed(1)} 秒（${(n / wall).toFixed(0)} 份/秒）；` +
      `CPU ${((first.cpuS / n) * 1000).toFixed(1)} 毫秒/份（导入 ${((first.importCpuS / n) * 1000).toFixed(1)}，检查 ${(((first.cpuS - first.importCpuS) / n) * 1000).toFixed(1)}）；峰值内存 ${first.peakMb.toFixed(0)} MB；` +
      `数据库 ${(bytes / n / 1024).toFixed(1)} KB/份；错误 ${first.errors}`
  )
  console.log(
    `  原样重新导入：${(again.importS + again.checkS).toFixed(2)} 秒（导入 ${again.importS.toFixed(2)} + 检查 ${again.checkS.toFixed(2)}）；` +
      `下限（读取+哈希+解码）${fl.readHashDecodeS.toFixed(2)} 秒，导入为其 ${(first.importS / fl.readHashDecodeS).toFixed(0)} 倍；` +
      `下限加每份一次 SQLite 插入 ${fl.withInsertS.toFixed(2)} 秒，导入为其 ${(first.importS / fl.withInsertS).toFixed(0)} 倍`
  )
  console.log(`  数据库按表（含索引，KB/份）：${byTable}`)
  rmSync(dir, { recursive: true, force: true })
  for (const x of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(x, { force: true })
}
rmSync(base, { recursive: true, force: true })
