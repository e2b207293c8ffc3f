import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { storedText } from '../../src-main/engine/db/packed.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { ReaderPool } from '../../src-main/engine/ingest/readerPool.ts'
import { FIXTURES, SEEDS, SEED_DIR, seedPath } from '../helpers/seeds.ts'
import { storedCells } from '../helpers/stored.ts'
import { copyInto, tempDb, tempDir } from '../helpers/tmp.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})
function setup(): { db: ReturnType<typeof tempDb>['db']; dir: string } {
  const d = tempDb()
  const t = tempDir()
  cleanups.push(d.cleanup, t.cleanup)
  return { db: d.db, dir: t.dir }
}
const count = (db: ReturnType<typeof tempDb>['db'], sql: string, ...a: unknown[]): number => (db.prepare(sql).get(...a) as { n: number }).n

describe('importing a folder', () => {
  it('imports the seed folder and changes nothing when imported again', async () => {
    const { db, dir } = setup()
    copyInto(dir, SEEDS.map((s) => [join(SEED_DIR, s), s]))
    const first = await importFolder(db, dir)
    expect(first.outcomes.map((o) => o.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok'])
    expect(count(db, 'SELECT COUNT(*) AS n FROM reports')).toBe(5)
    const parsed = db.prepare('SELECT parsed FROM versions ORDER BY id').pluck().all()
    const second = await importFolder(db, dir)
    expect(second.outcomes.every((o) => o.status === 'unchanged')).toBe(true)
    expect(count(db, 'SELECT COUNT(*) AS n FROM versions')).toBe(5)
    expect(db.prepare('SELECT parsed FROM versions ORDER BY id').pluck().all()).toEqual(parsed)
  })

  it('keeps the old version when a file changes', async () => {
    const { db, dir } = setup()
    const f = join(dir, '平安镇.txt')
    writeFileSync(f, readFileSync(seedPath('002')))
    await importFolder(db, dir)
    writeFileSync(f, readFileSync(seedPath('002'), 'utf8').replace('六、其他需要报告的事项\n无。', '六、其他需要报告的事项\n本年度未收取信息处理费。'))
    const r = await importFolder(db, dir)
    expect(r.outcomes[0]).toMatchObject({ status: 'ok', resubmission: true })
    expect(count(db, 'SELECT COUNT(*) AS n FROM reports')).toBe(1)
    expect(count(db, 'SELECT COUNT(*) AS n FROM versions')).toBe(2)
    const texts = (db.prepare('SELECT text FROM versions ORDER BY seq').pluck().all() as Buffer[]).map(storedText)
    expect(texts[0]).toContain('无。')
    expect(texts[1]).toContain('未收取信息处理费')
  })

  it('reports every broken or foreign file with its reason and imports the rest', async () => {
    const { db } = setup()
    const r = await importFolder(db, join(FIXTURES, 'broken'))
    const by = Object.fromEntries(r.outcomes.map((o) => [o.file, o]))
    expect(by['good-000.txt']?.status).toBe('ok')
    expect(by['empty.txt']).toMatchObject({ status: 'error', error: expect.stringContaining('为空') })
    expect(by['encrypted.pdf']).toMatchObject({ status: 'error', error: expect.stringContaining('加密') })
    expect(by['notzip.docx']).toMatchObject({ status: 'error', error: expect.stringContaining('不是有效的 Word') })
    expect(by['random.pdf']).toMatchObject({ status: 'error', error: expect.stringContaining('PDF') })
    expect(by['truncated.pdf']?.status).toBe('error')
    for (const s of ['image.png', 'notes.md', 'sheet.xlsx', '~$temp.docx']) expect(by[s]?.status).toBe('skipped')
    expect(by['~$temp.docx']?.error).toContain('临时文件')
    expect(r.outcomes).toHaveLength(11)
    expect(count(db, "SELECT COUNT(*) AS n FROM file_events WHERE current = 1 AND kind = 'error'")).toBe(6)
  })

  it('can be cancelled between files without leaving half a report', async () => {
    const { db, dir } = setup()
    for (let i = 0; i < 6; i++) copyInto(dir, [[seedPath(`00${i % 5}`), `${i}.txt`]])
    const ac = new AbortController()
    const r = await importFolder(db, dir, { signal: ac.signal, onProgress: (p) => p.done === 2 && ac.abort() })
    expect(r.cancelled).toBe(true)
    expect(r.outcomes.length).toBe(2)
    expect(count(db, 'SELECT COUNT(*) AS n FROM versions')).toBe(2)
    expect(storedCells(db)).toHaveLength(2 * 200)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('treats two files of one township and year in the same import as duplicates, a later one as a resubmission', async () => {
    const { db, dir } = setup()
    copyInto(dir, [
      [seedPath('002'), 'a.txt'],
      [join(FIXTURES, 'planted', 't3-balance-broken.txt'), 'b.txt']
    ])
    await importFolder(db, dir)
    expect(count(db, 'SELECT COUNT(*) AS n FROM reports')).toBe(2)
    copyInto(dir, [[seedPath('002'), 'c-修改版.txt']])
    const r = await importFolder(db, dir)
    const c = r.outcomes.find((o) => o.file === 'c-修改版.txt')
    expect(c).toMatchObject({ status: 'ok', resubmission: true })
    expect(count(db, 'SELECT COUNT(*) AS n FROM reports')).toBe(2)
  })

  it('stops a file that takes too long and goes on with the next', async () => {
    const pool = new ReaderPool({ timeoutMs: 1 })
    cleanups.push(() => void pool.close())
    await expect(pool.read('.pdf', readFileSync(join(FIXTURES, 'seeds', '000_b657cdc2b6fa0bce.pdf')))).rejects.toThrow(/超时/)
    const ok = new ReaderPool({ timeoutMs: 30_000 })
    cleanups.push(() => void ok.close())
    const r = await ok.read('.txt', readFileSync(seedPath('000')))
    expect(r.parsed?.body?.township).toBe('裴城镇')
  })

  it('reads a file queued behind one that was stopped on a fresh worker, without blaming it', async () => {
    // The import keeps two files in flight per worker; stopping the first kills the worker under the second.
    const pool = new ReaderPool({ timeoutMs: 30_000 })
    cleanups.push(() => void pool.close())
    const stop = new AbortController()
    const first = pool.read('.pdf', readFileSync(join(FIXTURES, 'seeds', '000_b657cdc2b6fa0bce.pdf')), stop.signal)
    const second = pool.read('.txt', readFileSync(seedPath('001')))
    stop.abort()
    await expect(first).rejects.toMatchObject({ code: 'cancelled' })
    const r = await second
    expect(r.parsed?.body?.township).toBe('官前乡')
  })

  it('answers a quick bad file queued behind a slow PDF, in order, without timing it out', async () => {
    // The worker once read posted files concurrently: the bad file's early reply was dropped as out of order
    // and the file sat until its time limit (12 files × 20 s in the broken-file corpus).
    const pool = new ReaderPool({ timeoutMs: 15_000 })
    cleanups.push(() => void pool.close())
    const slow = pool.read('.pdf', readFileSync(join(FIXTURES, 'seeds', '000_b657cdc2b6fa0bce.pdf')))
    const bad = pool.read('.pdf', new TextEncoder().encode('not a pdf at all'))
    const started = Date.now()
    await expect(bad).rejects.toMatchObject({ code: expect.not.stringMatching(/^timeout$/) })
    expect((await slow).parsed?.body?.township).toBe('裴城镇')
    expect(Date.now() - started).toBeLessThan(15_000)
  })
})

describe('decisions survive re-checks and new versions', () => {
  it('keeps a decision on a remaining finding and marks the fixed one resolved', async () => {
    const { db, dir } = setup()
    const f = join(dir, '平安镇.txt')
    const text = readFileSync(join(FIXTURES, 'planted', 't3-balance-broken.txt'), 'utf8')
    writeFileSync(f, text)
    const r1 = await importFolder(db, dir)
    runChecks(db, r1.batchId)
    const open = db.prepare("SELECT id, key, rule FROM findings WHERE state = 'open'").all() as { id: number; key: string; rule: string }[]
    const balance = open.find((x) => x.rule === 'T3-BALANCE')
    const empty = open.find((x) => x.rule === 'SEC6-EMPTY')
    expect(balance).toBeDefined()
    expect(empty).toBeDefined()
    db.prepare("UPDATE findings SET decision = 'confirmed', comment = '请更正' WHERE id IN (?, ?)").run(balance!.id, empty!.id)
    runChecks(db, r1.batchId)
    expect(db.prepare('SELECT decision FROM findings WHERE id = ?').get(balance!.id)).toEqual({ decision: 'confirmed' })
    // The township sends a corrected file: the table is fixed, section 六 still says 无.
    writeFileSync(join(dir, '平安镇-修改.txt'), readFileSync(seedPath('002')))
    const { rmSync } = await import('node:fs')
    rmSync(f)
    const r2 = await importFolder(db, dir)
    expect(r2.outcomes[0]).toMatchObject({ resubmission: true })
    runChecks(db, r1.batchId)
    const after = (id: number) => db.prepare('SELECT state, decision, comment FROM findings WHERE id = ?').get(id)
    expect(after(balance!.id)).toEqual({ state: 'resolved', decision: 'confirmed', comment: '请更正' })
    expect(after(empty!.id)).toEqual({ state: 'open', decision: 'confirmed', comment: '请更正' })
  })
})
