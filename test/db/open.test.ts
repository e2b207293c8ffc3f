import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../src-main/engine/db/open.ts'
import { MIGRATIONS, SCHEMA_VERSION } from '../../src-main/engine/db/migrations.ts'
import { tempDir } from '../helpers/tmp.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

describe('opening the review database', () => {
  it('creates the schema from an empty file through the numbered migrations, in WAL mode', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const { db, notices } = openDb(join(t.dir, 'a.db'))
    expect(notices).toEqual([])
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name)
    for (const t of ['batches', 'files', 'reports', 'versions', 'sections', 'file_events', 'findings', 'audit']) expect(tables).toContain(t)
    db.close()
  })

  it('sets a corrupt database aside instead of overwriting it', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const file = join(t.dir, 'review.db')
    const junk = Buffer.from('SQLite format 3\u0000' + 'x'.repeat(5000))
    writeFileSync(file, junk)
    const { db, notices } = openDb(file)
    expect(notices.join()).toContain('已损坏')
    const aside = readdirSync(t.dir).find((f) => f.includes('.corrupt-'))
    expect(aside).toBeDefined()
    expect(readFileSync(join(t.dir, aside!))).toEqual(junk)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('writes a backup before migrating an older database, and refuses a newer one', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const file = join(t.dir, 'review.db')
    openDb(file).db.close()
    MIGRATIONS.push({ version: SCHEMA_VERSION + 1, name: 'test-extra', sql: 'CREATE TABLE test_extra (x INTEGER);' })
    try {
      const { db, notices } = openDb(file)
      expect(notices.join()).toContain('升级前的副本')
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'test_extra'").get()).toBeDefined()
      db.close()
    } finally {
      MIGRATIONS.pop()
    }
    expect(readdirSync(t.dir).some((f) => f.includes(`.v${SCHEMA_VERSION}-backup-`))).toBe(true)
    // The database is now newer than this program's schema: refused, left as it is.
    expect(() => openDb(file)).toThrow(/更新版本/)
    expect(existsSync(file)).toBe(true)
  })
})
