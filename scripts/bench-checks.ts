// Batch-check scale probe (issue 17): imports N distinct text reports (the seeds with distinct township
// names and a distinct sentence each) once, then times the batch check and a re-import of the unchanged
// folder, each in its own child process so that its peak memory is its own. Figures are printed, never asserted.
//   node scripts/bench-checks.ts 1000 [5000 ...]   (the check is timed in one thread, then over two)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

const ROOT = join(import.meta.dirname, '..')
const NAMES = [['裴城镇'], ['官前乡'], ['平安镇'], ['头营镇'], ['王官集镇', '王官集鎮']]
const HAN = '零一二三四五六七八九'
const town = (i: number): string => `${'东西南北中'[i % 5]}${'山河湖林田'[Math.floor(i / 5) % 5]}${[...String(i)].map((d) => HAN[Number(d)]).join('')}镇`

async function child(mode: string, n: number, dir: string, dbFile: string): Promise<void> {
  const { openDb } = await import('../src-main/engine/db/open.ts')
  const { importFolder } = await import('../src-main/engine/ingest/importFolder.ts')
  const { runChecks } = await import('../src-main/engine/checks/store.ts')
  const { db } = openDb(dbFile)
  const batchId = (db.prepare('SELECT id FROM batches').pluck().get() as number | undefined) ?? 0
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const thread0 = process.threadCpuUsage()
  if (mode === 'import') {
    const res = await importFolder(db, dir, {})
    console.log(`  import ${n}: ${((performance.now() - t0) / 1000).toFixed(1)} s (batch ${res.batchId}, no check)`)
    return
  }
  if (mode === 'reimport') {
    const res = await importFolder(db, dir, {})
    const mid = performance.now()
    runChecks(db, res.batchId)
    const end = performance.now()
    console.log(`  re-import unchanged ${n}: import ${((mid - t0) / 1000).toFixed(2)} s + check ${((end - mid) / 1000).toFixed(2)} s = ${((end - t0) / 1000).toFixed(2)} s; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
    return
  }
  const base = process.resourceUsage().maxRSS / 1024
  // Forced: the check itself, even where a fingerprint says nothing changed (runChecks' own option).
  if (mode === 'split') {
    // Over two threads, as the check worker makes it (checks/peerThread.ts).
    const { runChecksSplit } = await import('../src-main/engine/checks/peerThread.ts')
    await runChecksSplit(db, batchId, new URL('../src-main/engine/checks/checkWorker.ts', import.meta.url), { force: true })
    const { splitRuns } = await import('../src-main/engine/checks/peerThread.ts')
    console.log(`  second thread: ${(splitRuns.peerCpuMs / 1000).toFixed(2)} s CPU (its start included)`)
  } else (runChecks as (db: unknown, id: number, opt?: { force?: boolean }) => unknown)(db, batchId, { force: true })
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  // This thread's share: over two threads, the rest is the second thread's (and V8's helpers').
  const thread = process.threadCpuUsage(thread0)
  const f = db.prepare("SELECT rule, COUNT(*) AS n FROM findings WHERE state = 'open' AND rule LIKE 'XDOC-%' GROUP BY rule").all() as { rule: string; n: number }[]
  console.log(`  check ${n} (${mode}): ${(ms / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (${((thread.user + thread.system) / 1e6).toFixed(2)} s in the check thread); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (after open ${base.toFixed(0)} MB); open XDOC findings ${f.map((x) => `${x.rule}=${x.n}`).join(' ')}`)
}

if (process.env.BENCH_CHILD) {
  const [mode, n, dir, dbFile] = process.env.BENCH_CHILD.split('|') as [string, string, string, string]
  await child(mode, Number(n), dir, dbFile)
} else {
  const seeds = readdirSync(join(ROOT, 'resources', 'sample')).filter((f) => f.endsWith('.txt')).sort()
  const texts = seeds.map((s) => readFileSync(join(ROOT, 'resources', 'sample', s), 'utf8'))
  for (const arg of process.argv.slice(2)) {
    const n = Number(arg)
    const dir = join(tmpdir(), `xxgk-scalechecks-${n}${process.env.BENCH_TAG ?? ''}`)
    const dbFile = `${dir}.db`
    const run = (mode: string): void => {
      const r = spawnSync(process.execPath, [import.meta.filename], { stdio: 'inherit', env: { ...process.env, BENCH_CHILD: `${mode}|${n}|${dir}|${dbFile}` } })
      if (r.status !== 0) throw new Error(`${mode} failed`)
    }
    if (!existsSync(dbFile) || process.env.BENCH_FRESH) {
      rmSync(dir, { recursive: true, force: true })
      for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true })
      mkdirSync(dir, { recursive: true })
      for (let i = 0; i < n; i++) {
        const k = i % 5
        // A distinct sentence after the first section heading, so that no two files are alike.
        let t = texts[k] as string
        for (const name of NAMES[k] as string[]) t = t.split(name).join(town(i))
        t = t.replace(/(\n一[、，．.][^\n]*\n)/, `$1${town(i)}今年新增${town(i * 7 + 3)}协作事项。\n`)
        writeFileSync(join(dir, `${i}.txt`), t)
      }
      run('import')
    }
    run('check')
    run('split')
    run('reimport')
  }
}
