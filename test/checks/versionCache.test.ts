// A batch check reads texts and parsed reports through a small cache (issue 17): what it gives is what is
// stored, and it keeps a couple of versions, not the batch.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadBatchReports } from '../../src-main/engine/checks/store.ts'
import { VersionCache } from '../../src-main/engine/checks/versionCache.ts'
import { openDb, type Db } from '../../src-main/engine/db/open.ts'
import { storedText, unpackJson } from '../../src-main/engine/db/packed.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import type { ParsedReport } from '../../src-main/engine/model.ts'
import { foldText } from '../../src-main/engine/parse/normalize.ts'
import { SEED_DIR, SEEDS } from '../helpers/seeds.ts'
import { copyInto, tempDir } from '../helpers/tmp.ts'

let db: Db
let batchId: number
const cleanups: (() => void)[] = []
beforeAll(async () => {
  const t = tempDir()
  cleanups.push(t.cleanup)
  copyInto(t.dir, SEEDS.map((s) => [join(SEED_DIR, s), s]))
  db = openDb(join(t.dir, 'r.db')).db
  cleanups.push(() => db.close())
  batchId = (await importFolder(db, t.dir, { ocr: false })).batchId
})
afterAll(() => cleanups.forEach((c) => c()))

describe('version cache of a batch check', () => {
  it('gives the stored text, its folded text and the parsed report, holding two versions at most', () => {
    const rows = db.prepare('SELECT id, text, parsed FROM versions ORDER BY id').all() as { id: number; text: Buffer; parsed: Buffer }[]
    expect(rows.length).toBe(SEEDS.length)
    const cache = new VersionCache(db)
    const entries = (cache as unknown as { entries: Map<number, unknown> }).entries
    for (const r of rows) {
      const text = storedText(r.text)
      expect(cache.text(r.id)).toBe(text)
      expect(cache.norm(r.id)).toBe(foldText(text))
      const full = cache.full(r.id, undefined)
      expect(full.tables).toEqual((unpackJson(r.parsed) as ParsedReport).tables)
      expect(full.norm).toBe(foldText(text))
      expect(entries.size).toBeLessThanOrEqual(2)
    }
  })

  it('the batch reports read their text and folded text when asked, the same as stored', () => {
    const texts = new Map((db.prepare('SELECT id, text FROM versions').all() as { id: number; text: Buffer }[]).map((r) => [r.id, storedText(r.text)]))
    const reports = loadBatchReports(db, batchId)
    expect(reports.length).toBe(SEEDS.length)
    for (const r of reports) {
      expect(r.text).toBe(texts.get(r.versionId))
      expect(r.report.norm).toBe(foldText(r.text))
      // Cells come from the parsed report when a rule asks for them.
      expect(r.report.tables.T3.cells.length).toBeGreaterThan(0)
    }
  })
})
