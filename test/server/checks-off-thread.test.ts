// A batch check runs in a worker with its own connection: while it works, the main thread (every
// browser-mode API call) stays responsive, and its results are what an inline check stores.
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { registerTextSearch } from '../../src-main/engine/review/search.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { ReviewService } from '../../src-main/server/service.ts'
import { gluedReport } from '../helpers/settleFixture.ts'
import { SEEDS, SEED_DIR } from '../helpers/seeds.ts'
import { copyInto, tempDb, tempDir } from '../helpers/tmp.ts'

// The main thread's runChecks, counted: a check made in the worker never calls it (the worker loads its
// own, unmocked copy), while the inline fallback of runChecksOffThread does.
vi.mock('../../src-main/engine/checks/store.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src-main/engine/checks/store.ts')>()
  return { ...real, runChecks: vi.fn(real.runChecks) }
})

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

const findings = (db: ReturnType<typeof tempDb>['db']): string[] =>
  (db.prepare('SELECT r.key, f.key AS fkey, f.severity, f.message FROM findings f JOIN reports r ON r.id = f.report_id ORDER BY r.key, f.key').all() as Record<string, string>[]).map(
    (r) => `${r.key} ${r.fkey} ${r.severity} ${r.message}`
  )

describe('batch checks off the main thread', () => {
  it('keep the main thread responsive and store the same findings as an inline check', async () => {
    const d = tempDb()
    const t = tempDir()
    cleanups.push(d.cleanup, t.cleanup)
    const folder = join(t.dir, 'in')
    mkdirSync(folder)
    for (let i = 0; i < 3; i++) copyInto(folder, SEEDS.map((s) => [join(SEED_DIR, s), `${i}-${s}`]))
    const { batchId } = await importFolder(d.db, folder, { ocr: false })
    runChecks(d.db, batchId)
    const inline = findings(d.db)
    d.db.exec('DELETE FROM findings; DELETE FROM rule_results; DELETE FROM version_checks')
    const service = new ReviewService(d.db, { mode: 'browser', sampleFolder: folder, version: 'test' })
    // Without its stored per-version work the check parses every report again: seconds of work.
    let maxGap = 0
    let last = Date.now()
    let ticks = 0
    const timer = setInterval(() => {
      const now = Date.now()
      maxGap = Math.max(maxGap, now - last)
      last = now
      ticks++
    }, 10)
    const started = Date.now()
    let listedAt = 0
    const listing = service.listBatches().then(() => (listedAt = Date.now() - started))
    const detail = await service.rerunChecks(batchId)
    const took = Date.now() - started
    clearInterval(timer)
    await listing
    expect(detail.reports.length).toBe(SEEDS.length * 3)
    expect(findings(d.db)).toEqual(inline)
    expect(took).toBeGreaterThan(300)
    expect(ticks).toBeGreaterThan(5)
    // The main thread was never blocked for long while the worker checked.
    expect(maxGap).toBeLessThan(Math.max(250, took / 3))
    expect(listedAt).toBeLessThan(took)
    // The worker folds its writes back into the database: no WAL of megabytes is left on disk.
    expect(statSync(`${d.db.name}-wal`).size).toBe(0)
  }, 120_000)

  it('a cell settlement re-checks the batch in the worker: the call resolves with the re-checked findings stored', async () => {
    const d = tempDb()
    const t = tempDir()
    cleanups.push(d.cleanup, t.cleanup)
    const folder = join(t.dir, 'in')
    mkdirSync(folder)
    for (let i = 0; i < 3; i++) copyInto(folder, SEEDS.map((s) => [join(SEED_DIR, s), `${i}-${s}`]))
    writeFileSync(join(folder, 'glued.txt'), gluedReport())
    const { batchId } = await importFolder(d.db, folder, { ocr: false })
    runChecks(d.db, batchId)
    registerTextSearch(d.db)
    const reportId = d.db.prepare("SELECT id FROM reports WHERE batch_id = ? AND current_version_id IN (SELECT id FROM versions WHERE text_has(text, '110000011'))").pluck().get(batchId) as number
    const balance = (): unknown =>
      d.db.prepare("SELECT outcome, severity FROM findings WHERE report_id = ? AND key = 'T3-BALANCE@T3.natural_person'").get(reportId)
    expect(balance()).toMatchObject({ outcome: 'UNVERIFIABLE', severity: 'parse' })
    const service = new ReviewService(d.db, { mode: 'browser', sampleFolder: folder, version: 'test' })
    const inlineCalls = vi.mocked(runChecks).mock.calls.length
    const settled = await service.settleCells(reportId, [{ table: 'T3', row: 'r7_total', col: 'natural_person', value: 11 }])
    expect(settled).toEqual({ settled: 1 })
    // The re-check was made by the worker, not on this thread.
    expect(vi.mocked(runChecks).mock.calls.length).toBe(inlineCalls)
    // Once the call resolves, the settled value's finding is stored: the township's real error shows.
    expect(balance()).toMatchObject({ outcome: 'FAIL', severity: 'error' })
    const offThread = findings(d.db)
    runChecks(d.db, batchId)
    expect(offThread).toEqual(findings(d.db))
    // Withdrawing it re-checks the same way: back to a parse problem.
    expect(await service.unsettleCells(reportId, [{ table: 'T3', row: 'r7_total', col: 'natural_person' }])).toEqual({ withdrawn: 1 })
    expect(balance()).toMatchObject({ outcome: 'UNVERIFIABLE', severity: 'parse' })
    expect(vi.mocked(runChecks).mock.calls.length).toBe(inlineCalls + 1)
  }, 120_000)
})
