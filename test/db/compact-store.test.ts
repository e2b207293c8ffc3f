// Migration 6 (compact store): a database written before it (parsed and check work as JSON text,
// a cells table) opens, is converted, and reviews exactly as a database written by this version.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { MIGRATIONS } from '../../src-main/engine/db/migrations.ts'
import { openDb, type Db } from '../../src-main/engine/db/open.ts'
import { jsonText, storedText, unpackJson } from '../../src-main/engine/db/packed.ts'
import { cellKey, loadExportBatch } from '../../src-main/engine/export/data.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import type { ParsedReport } from '../../src-main/engine/model.ts'
import { reportsJson } from '../../src-main/engine/reportJson.ts'
import { ReviewService } from '../../src-main/server/service.ts'
import { SEED_DIR, SEEDS } from '../helpers/seeds.ts'
import { copyInto, tempDir } from '../helpers/tmp.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

const TABLES = ['batches', 'files', 'reports', 'versions', 'sections', 'file_events', 'findings', 'audit', 'rule_results', 'settings', 'version_checks', 'import_runs', 'import_state', 'settlements']

/** The same content as `from`, laid out as version 5 stored it. */
function writeVersion5(from: Db, file: string): void {
  const old = new Database(file)
  for (const m of MIGRATIONS) if (m.version <= 5) old.exec(m.sql)
  old.pragma('user_version = 5')
  old.transaction(() => {
    for (const t of TABLES) {
      for (const row of from.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[]) {
        if (t === 'versions') row.parsed = jsonText(row.parsed)
        // Version 5 kept the text plain (packed since migration 10).
        if (t === 'versions') row.text = storedText(row.text)
        if (t === 'version_checks') row.prep = jsonText(row.prep)
        if (t === 'findings') row.evidence = jsonText(row.evidence)
        if (t === 'rule_results') row.results = jsonText(row.results)
        const cols = Object.keys(row)
        old.prepare(`INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row)
      }
    }
    // Version 5 also kept every cell as a row of its own.
    const cell = old.prepare('INSERT INTO cells (version_id, table_id, row_id, col_id, value, raw, status, note, start, end, page, box) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    for (const v of from.prepare('SELECT id, parsed FROM versions WHERE parsed IS NOT NULL').all() as { id: number; parsed: Buffer }[]) {
      const p = unpackJson<ParsedReport>(v.parsed) as ParsedReport
      for (const t of Object.values(p.tables)) for (const c of t.cells) cell.run(v.id, c.table, c.row, c.col, c.value, c.raw, c.status, c.note ?? null, c.span?.start ?? null, c.span?.end ?? null, c.span?.page ?? null, null)
    }
  })()
  old.close()
}

async function review(db: Db, batchId: number): Promise<unknown> {
  const service = new ReviewService(db, { mode: 'browser', sampleFolder: SEED_DIR, version: 'test' })
  const ids = db.prepare('SELECT id FROM reports WHERE batch_id = ? ORDER BY id').pluck().all(batchId) as number[]
  const reports = []
  for (const id of ids) reports.push(await service.getReport(id))
  const batch = loadExportBatch(db, batchId)
  return { reports, export: batch.reports }
}

describe('compact store (migration 7)', () => {
  it('stores parsed reports and check work packed, without a cells table', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    copyInto(t.dir, SEEDS.map((s) => [join(SEED_DIR, s), s]))
    const { db } = openDb(join(t.dir, 'new.db'))
    cleanups.push(() => db.close())
    await importFolder(db, t.dir)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'cells'").get()).toBeUndefined()
    expect(db.prepare("SELECT COUNT(*) FROM versions WHERE typeof(parsed) = 'blob'").pluck().get()).toBe(5)
    expect(db.prepare("SELECT COUNT(*) FROM version_checks WHERE typeof(prep) = 'blob'").pluck().get()).toBe(5)
    // packed, a parsed report is a fraction of its JSON
    for (const v of db.prepare('SELECT parsed FROM versions').pluck().all() as Buffer[]) expect(v.length * 4).toBeLessThan((jsonText(v) as string).length)
  })

  it('keeps the findings of a re-check as they were: packed evidence compares equal', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    copyInto(t.dir, SEEDS.map((s) => [join(SEED_DIR, s), s]))
    const { db } = openDb(join(t.dir, 'new.db'))
    cleanups.push(() => db.close())
    const res = await importFolder(db, t.dir)
    runChecks(db, res.batchId)
    expect(db.prepare("SELECT COUNT(*) FROM findings WHERE typeof(evidence) = 'blob'").pluck().get()).toBeGreaterThan(10)
    // an unchanged finding is not written again (its rowid's row is untouched: same bytes, no update)
    const changes = (): number => db.prepare('SELECT total_changes()').pluck().get() as number
    const before = changes()
    // forced: an unchanged batch is otherwise skipped whole (checks/stamp.ts), which would prove nothing here
    runChecks(db, res.batchId, { force: true })
    // what a forced check writes besides findings: one rule_results row per version, and the batch's stamp row
    const findingsWritten = changes() - before - (db.prepare('SELECT COUNT(*) FROM rule_results').pluck().get() as number) - 1
    expect(findingsWritten).toBe(0)
  })

  it('converts a version 5 database, which then reviews, exports and checks the same', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const folder = join(t.dir, 'reports')
    mkdirSync(folder)
    copyInto(folder, SEEDS.map((s) => [join(SEED_DIR, s), s]))
    const { db } = openDb(join(t.dir, 'new.db'))
    cleanups.push(() => db.close())
    const res = await importFolder(db, folder)
    runChecks(db, res.batchId)
    const expected = await review(db, res.batchId)
    const json = reportsJson(db, res.outcomes)

    const oldFile = join(t.dir, 'old.db')
    writeVersion5(db, oldFile)
    // What version 5's export read from its cells table: the export now reads the same from the parsed report.
    const oldDb = new Database(oldFile, { readonly: true })
    const oldCells = oldDb.prepare('SELECT r.id AS report, c.table_id, c.row_id, c.col_id, c.value, c.raw, c.status FROM cells c JOIN reports r ON r.current_version_id = c.version_id').all() as
      { report: number; table_id: string; row_id: string; col_id: string; value: number | null; raw: string; status: string }[]
    oldDb.close()
    expect(oldCells.length).toBeGreaterThan(5 * 190)
    const { db: migrated, notices } = openDb(oldFile)
    cleanups.push(() => migrated.close())
    expect(notices.join()).toContain('升级')
    expect(migrated.prepare("SELECT name FROM sqlite_master WHERE name = 'cells'").get()).toBeUndefined()
    expect(migrated.prepare("SELECT COUNT(*) FROM versions WHERE typeof(parsed) = 'text'").pluck().get()).toBe(0)
    expect(migrated.prepare("SELECT COUNT(*) FROM versions WHERE typeof(text) = 'text'").pluck().get()).toBe(0)
    expect(migrated.prepare("SELECT COUNT(*) FROM version_checks WHERE typeof(prep) = 'text'").pluck().get()).toBe(0)
    expect(migrated.prepare("SELECT COUNT(*) FROM findings WHERE typeof(evidence) = 'text'").pluck().get()).toBe(0)
    expect(migrated.prepare("SELECT COUNT(*) FROM rule_results WHERE typeof(results) = 'text'").pluck().get()).toBe(0)
    expect(await review(migrated, res.batchId)).toEqual(expected)
    expect(reportsJson(migrated, res.outcomes)).toEqual(json)
    const exported = new Map(loadExportBatch(migrated, res.batchId).reports.map((r) => [r.id, r.cells]))
    for (const c of oldCells) expect(exported.get(c.report)?.get(cellKey(c.table_id, c.row_id, c.col_id))).toEqual({ value: c.value, raw: c.raw, status: c.status })
    expect([...exported.values()].reduce((n, m) => n + m.size, 0)).toBe(oldCells.length)
    // the stored check work is still used as it is: checking again changes no finding
    const before = migrated.prepare('SELECT key, severity, message, evidence, state FROM findings ORDER BY id').all()
    runChecks(migrated, res.batchId)
    expect(migrated.prepare('SELECT key, severity, message, evidence, state FROM findings ORDER BY id').all()).toEqual(before)
    expect(migrated.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
