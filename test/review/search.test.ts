// Search over packed texts (migration 10): the SQL function finds what instr() found in plain text.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { openDb } from '../../src-main/engine/db/open.ts'
import { storedText } from '../../src-main/engine/db/packed.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { searchBatch } from '../../src-main/engine/review/search.ts'
import { SEED_DIR, SEEDS } from '../helpers/seeds.ts'
import { copyInto, tempDir } from '../helpers/tmp.ts'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

async function setup() {
  const t = tempDir()
  cleanups.push(t.cleanup)
  copyInto(t.dir, SEEDS.map((s) => [join(SEED_DIR, s), s]))
  const { db } = openDb(join(t.dir, 'r.db'))
  cleanups.push(() => db.close())
  const { batchId } = await importFolder(db, t.dir, { ocr: false })
  runChecks(db, batchId)
  return { db, batchId }
}

describe('search of a batch (texts stored packed)', () => {
  it('finds a phrase of one report at its offsets, and nothing for a phrase no report has', async () => {
    const { db, batchId } = await setup()
    expect(db.prepare("SELECT COUNT(*) FROM versions WHERE typeof(text) <> 'blob'").pluck().get()).toBe(0)
    // A phrase of one seed only: its township's name.
    const seed = readFileSync(join(SEED_DIR, SEEDS.find((s) => s.startsWith('002')) as string), 'utf8')
    expect(seed).toContain('平安镇')
    const hits = searchBatch(db, batchId, '平安镇').filter((h) => h.kind === 'text')
    expect(hits.length).toBeGreaterThan(0)
    expect(new Set(hits.map((h) => h.reportId)).size).toBe(1)
    const text = storedText(db.prepare('SELECT v.text FROM reports r JOIN versions v ON v.id = r.current_version_id WHERE r.id = ?').pluck().get(hits[0]?.reportId))
    for (const h of hits) expect(text.slice(h.start, (h.start as number) + 3)).toBe('平安镇')
    expect(hits.length).toBe(Math.min(5, text.split('平安镇').length - 1))
    expect(searchBatch(db, batchId, '这句话没有任何年报写过')).toEqual([])
    expect(searchBatch(db, batchId, '   ')).toEqual([])
  })

  it('finds open findings by rule id, and texts written plain by an older version', async () => {
    const { db, batchId } = await setup()
    const rule = db.prepare("SELECT rule FROM findings WHERE state = 'open' LIMIT 1").pluck().get() as string
    const found = searchBatch(db, batchId, rule).filter((h) => h.kind === 'finding')
    expect(found.length).toBe(Math.min(200, db.prepare("SELECT COUNT(*) FROM findings WHERE state = 'open' AND (rule LIKE ? OR message LIKE ?)").pluck().get(`%${rule}%`, `%${rule}%`) as number))
    // A row left plain (a database not yet migrated row by row) is searched as well.
    const id = db.prepare('SELECT id FROM versions LIMIT 1').pluck().get() as number
    const plain = storedText(db.prepare('SELECT text FROM versions WHERE id = ?').pluck().get(id))
    db.prepare('UPDATE versions SET text = ? WHERE id = ?').run(`${plain}\n附：检索测试专用句`, id)
    const hits = searchBatch(db, batchId, '检索测试专用句')
    expect(hits.map((h) => h.kind)).toEqual(['text'])
  })
})
