// The batch check over two threads (checks/peerThread.ts) stores what the one-thread check stores: every
// finding (rule, key, severity, message, evidence bytes) in the same order within its report, and every
// report's rule results, on a real batch with findings of the cross rules (peer copy, another township's
// name, carry-over between years, a duplicate file) and of the rule moved to the second thread.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { jsonText } from '../../src-main/engine/db/packed.ts'
import { runChecksSplit, splitRuns } from '../../src-main/engine/checks/peerThread.ts'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { FIXTURES, SEEDS, SEED_DIR } from '../helpers/seeds.ts'
import { copyInto, tempDb, tempDir } from '../helpers/tmp.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

const WORKER = new URL('../../src-main/engine/checks/checkWorker.ts', import.meta.url)

type Db = ReturnType<typeof tempDb>['db']

/** Everything a check stores, per report in id order (ids themselves may differ; their order may not). */
function stored(db: Db): { findings: string[]; results: string[] } {
  const findings = (
    db
      .prepare(
        `SELECT r.key AS report, f.key, f.rule, f.severity, f.outcome, f.message, hex(f.evidence) AS evidence, f.state, f.first_version_id AS first, f.last_version_id AS last
         FROM findings f JOIN reports r ON r.id = f.report_id ORDER BY r.key, f.id`
      )
      .all() as Record<string, unknown>[]
  ).map((x) => JSON.stringify(x))
  const results = (db.prepare('SELECT version_id, results FROM rule_results ORDER BY version_id').all() as { version_id: number; results: Buffer }[]).map(
    (x) => `${x.version_id} ${jsonText(x.results)}`
  )
  return { findings, results }
}

async function batch(): Promise<{ db: Db; batchId: number }> {
  const d = tempDb()
  const t = tempDir()
  cleanups.push(d.cleanup, t.cleanup)
  const folder = join(t.dir, 'in')
  mkdirSync(folder)
  copyInto(folder, SEEDS.map((s) => [join(SEED_DIR, s), s]))
  const planted = join(FIXTURES, 'planted')
  copyInto(folder, [
    [join(planted, 'copy', '新店镇-2023.txt'), '新店镇-2023.txt'],
    [join(planted, 'copy', '官前乡-2021.txt'), '官前乡-2021.txt'],
    [join(planted, 'othername.txt'), 'othername.txt'],
    [join(planted, 'pair', '平安镇-2022.txt'), '平安镇-2022.txt'],
    [join(planted, 'pair', '平安镇-2023.txt'), '平安镇-2023.txt'],
    // The same report twice under another name: a duplicate file.
    [join(SEED_DIR, SEEDS[0] as string), '裴城镇年报（文字版）.txt']
  ])
  const { batchId } = await importFolder(d.db, folder, { ocr: false })
  return { db: d.db, batchId }
}

describe('batch check over two threads', () => {
  it('stores byte for byte what the one-thread check stores, first check and re-checks', async () => {
    const { db, batchId } = await batch()
    runChecks(db, batchId)
    const one = stored(db)
    const rules = new Set(one.findings.map((f) => (JSON.parse(f) as { rule: string }).rule))
    for (const r of ['XDOC-PEER-COPY', 'XDOC-OTHER-NAME', 'XDOC-CARRY', 'XDOC-DUP-FILE']) expect(rules.has(r), r).toBe(true)
    // Re-check over two threads on what the one-thread check left: nothing changes.
    const peer0 = splitRuns.peer
    expect(await runChecksSplit(db, batchId, WORKER, { force: true, minReports: 0 })).toBeGreaterThan(0)
    expect(splitRuns.peer).toBe(peer0 + 1)
    expect(stored(db)).toEqual(one)
    // A first check over two threads: the same rows in the same order within each report.
    db.exec('DELETE FROM findings; DELETE FROM rule_results')
    await runChecksSplit(db, batchId, WORKER, { force: true, minReports: 0 })
    expect(splitRuns.peer).toBe(peer0 + 2)
    expect(stored(db)).toEqual(one)
  }, 120_000)

  it('resolves a copy or name finding no longer made, keeps the reviewer decisions, as the one-thread check does', async () => {
    const { db, batchId } = await batch()
    runChecks(db, batchId)
    const stale = db.prepare('SELECT id FROM reports WHERE batch_id = ? ORDER BY id LIMIT 1').pluck().get(batchId) as number
    const plant = (): void => {
      const add = db.prepare(
        "INSERT INTO findings (report_id, key, rule, severity, outcome, message, evidence, first_version_id, last_version_id, state) VALUES (?, ?, ?, 'warning', 'FAIL', ?, '[]', NULL, NULL, 'open')"
      )
      add.run(stale, 'XDOC-PEER-COPY@S9.p1', 'XDOC-PEER-COPY', '旧的雷同')
      add.run(stale, 'XDOC-OTHER-NAME@name.旧镇', 'XDOC-OTHER-NAME', '旧的名称')
      db.prepare("UPDATE findings SET decision = 'confirmed', comment = '已核实' WHERE rule = 'XDOC-PEER-COPY' AND key != 'XDOC-PEER-COPY@S9.p1'").run()
    }
    plant()
    runChecks(db, batchId, { force: true })
    const one = stored(db)
    for (const m of ['旧的雷同', '旧的名称']) expect(one.findings.some((f) => f.includes(m) && f.includes('"state":"resolved"'))).toBe(true)
    db.exec("DELETE FROM findings WHERE key IN ('XDOC-PEER-COPY@S9.p1', 'XDOC-OTHER-NAME@name.旧镇')")
    plant()
    await runChecksSplit(db, batchId, WORKER, { force: true, minReports: 0 })
    expect(stored(db)).toEqual(one)
    expect(db.prepare("SELECT COUNT(*) FROM findings WHERE rule = 'XDOC-PEER-COPY' AND decision = 'confirmed' AND state = 'open'").pluck().get()).toBeGreaterThan(0)
  }, 120_000)

  it('a second thread that cannot start leaves the check to this one, with the same results', async () => {
    const { db, batchId } = await batch()
    runChecks(db, batchId)
    const one = stored(db)
    db.exec('DELETE FROM findings; DELETE FROM rule_results')
    const inline0 = splitRuns.inline
    await runChecksSplit(db, batchId, join(FIXTURES, 'no-such-worker.cjs'), { force: true, minReports: 0 })
    expect(splitRuns.inline).toBe(inline0 + 1)
    expect(stored(db)).toEqual(one)
  }, 120_000)
})
