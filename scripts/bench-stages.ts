// `npm run bench` (BENCH_ONLY=stages): where the CPU of a text import goes, stage by stage, on one
// thread: read (decode, lines), parse, the per-report checks (checks/prep.ts), packing (JSON + deflate),
// the clone of the worker's reply, and the SQLite write. Each stage is timed in this thread's CPU time
// (not wall time) and the best of three rounds is kept, so that a machine shared with other work
// inflates the figures much less than it does a wall-clock throughput.
//   BENCH_STAGES_N=300 (default)  reports per round (the scale bench's generated folder)
// Run alone: ./node_modules/.bin/node scripts/bench-stages.ts
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { prepareChecks } from '../src-main/engine/checks/prep.ts'
import { openDb } from '../src-main/engine/db/open.ts'
import { ensureBatch } from '../src-main/engine/ingest/importFolder.ts'
import { notAReport } from '../src-main/engine/ingest/notReport.ts'
import { packParsed, packPrep } from '../src-main/engine/ingest/packParsed.ts'
import { readDocument } from '../src-main/engine/ingest/read.ts'
import { storeVersion } from '../src-main/engine/ingest/store.ts'
import { parseReport } from '../src-main/engine/parse/index.ts'
import { generate } from './bench-scale-gen.ts'

const N = Number(process.env.BENCH_STAGES_N ?? 300)
const ROUNDS = 3
const STAGES = ['read', 'parse', 'prep', 'pack', 'clone', 'store'] as const
type Stage = (typeof STAGES)[number]

const dir = join(tmpdir(), `xxgk-stages-${process.pid}`)
generate(dir, N, false)
const files = readdirSync(dir)
  .sort()
  .map((f) => ({ rel: f, bytes: readFileSync(join(dir, f)) }))

/** CPU time of this thread in ms (user + system). */
function cpuMs(): number {
  const u = process.threadCpuUsage()
  return (u.user + u.system) / 1000
}

async function round(k: number): Promise<Record<Stage, number>> {
  const dbFile = join(tmpdir(), `xxgk-stages-${process.pid}-${k}.db`)
  const { db } = openDb(dbFile)
  const batchId = ensureBatch(db, dir)
  const created = new Set<number>()
  const t = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>
  for (const f of files) {
    let c = cpuMs()
    const lap = (s: Stage): void => {
      const now = cpuMs()
      t[s] += now - c
      c = now
    }
    const read = await readDocument('.txt', f.bytes)
    lap('read')
    const parsed = parseReport(read)
    if (notAReport(read.text, parsed)) throw new Error(`${f.rel}: not a report`)
    lap('parse')
    const prep = prepareChecks(parsed, read.text)
    lap('prep')
    const packed = { parsed: new Uint8Array(packParsed(parsed)), prep: new Uint8Array(packPrep(prep)), ruleset: prep.ruleset }
    lap('pack')
    const { tables: _t, ...head } = parsed
    void _t
    const reply = structuredClone({ read: { ...read, lines: [] }, head: { ...head, norm: '' }, packed }, { transfer: [packed.parsed.buffer, packed.prep.buffer] })
    lap('clone')
    const sha = createHash('sha256').update(f.bytes).digest('hex')
    storeVersion(db, { batchId, rel: f.rel, sha256: sha, size: f.bytes.length, mtime: '', read, parsed, prep: null, packed: reply.packed, createdThisRun: created })
    lap('store')
  }
  db.close()
  for (const x of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(x, { force: true })
  return t
}

const best = Object.fromEntries(STAGES.map((s) => [s, Infinity])) as Record<Stage, number>
for (let k = 0; k < ROUNDS; k++) {
  const t = await round(k)
  for (const s of STAGES) best[s] = Math.min(best[s], t[s] / files.length)
}
rmSync(dir, { recursive: true, force: true })
const total = STAGES.reduce((a, s) => a + best[s], 0)
const names: Record<Stage, string> = { read: '读取解码', parse: '解析', prep: '单份检查', pack: '打包压缩', clone: '线程间传递', store: '写入数据库' }
console.log(`负载 ${loadavg().map((x) => x.toFixed(2)).join(' ')}；${files.length} 份文本年报，单线程 CPU 时间，${ROUNDS} 轮取最小`)
console.log(`${STAGES.map((s) => `${names[s]} ${best[s].toFixed(2)}`).join('，')}；合计 ${total.toFixed(2)} 毫秒/份（两核上限约 ${Math.round(2000 / total)} 份/秒）`)
