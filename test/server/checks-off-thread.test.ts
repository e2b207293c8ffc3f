// A batch check runs in a worker with its own connection: while it works, the main thread (every
// browser-mode API call) stays responsive, and its results are what an inline check stores.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { ReviewService } from '../../src-main/server/service.ts'
import { SEEDS, SEED_DIR } from '../helpers/seeds.ts'
import { copyInto, tempDb, tempDir } from '../helpers/tmp.ts'

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
  }, 120_000)
})
