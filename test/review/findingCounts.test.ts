// The command line's summary counts (reportJson.ts openFindingCounts) are the open findings the --json
// output lists, counted in SQL: the same figures on a real import, and findings no longer open drop out.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { openDb } from '../../src-main/engine/db/open.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { openFindingCounts, reportsJson } from '../../src-main/engine/reportJson.ts'
import { SEED_DIR, SEEDS } from '../helpers/seeds.ts'
import { copyInto, tempDir } from '../helpers/tmp.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

function jsonCounts(json: ReturnType<typeof reportsJson>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of json.reports) for (const f of r.findings ?? []) out[f.severity] = (out[f.severity] ?? 0) + 1
  return out
}

describe('openFindingCounts', () => {
  it('counts what reportsJson lists, file errors included in the folder, and only open findings', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const folder = join(t.dir, 'reports')
    mkdirSync(folder)
    copyInto(folder, SEEDS.map((s) => [join(SEED_DIR, s), s]))
    // A file that is refused: an outcome without a version, in neither count.
    writeFileSync(join(folder, 'broken.docx'), 'not a zip')
    const { db } = openDb(join(t.dir, 'review.db'))
    cleanups.push(() => db.close())
    const res = await importFolder(db, folder)
    expect(res.outcomes.some((o) => o.status === 'error')).toBe(true)
    runChecks(db, res.batchId)

    const counts = openFindingCounts(db, res.outcomes)
    expect(counts).toEqual(jsonCounts(reportsJson(db, res.outcomes)))
    const total = Object.values(counts).reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThan(0)

    // A finding that is no longer open is in neither the JSON nor the count.
    const f = db.prepare("SELECT id, severity FROM findings WHERE state = 'open' ORDER BY id LIMIT 1").get() as { id: number; severity: string }
    db.prepare("UPDATE findings SET state = 'resolved' WHERE id = ?").run(f.id)
    const after = openFindingCounts(db, res.outcomes)
    expect(after[f.severity]).toBe((counts[f.severity] ?? 0) - 1)
    expect(after).toEqual(jsonCounts(reportsJson(db, res.outcomes)))
  })
})
