// Imports that overlap, are interrupted, or run out of disk: one version per file, the same result
// wherever an import was stopped, and a full disk reported as such, not blamed on a file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../src-main/engine/db/open.ts'
import { importFolder, ImportStoppedError } from '../../src-main/engine/ingest/importFolder.ts'
import { ReviewService } from '../../src-main/server/service.ts'
import { importInChild, importSignature } from '../helpers/importRuns.ts'
import { SEEDS, SEED_DIR } from '../helpers/seeds.ts'
import { copyInto, tempDb, tempDir } from '../helpers/tmp.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

/** Seeds in several copies: files of one township and year in one folder (duplicates), plus an edited one. */
function folderWithDuplicates(dir: string, copies: number): string {
  const folder = join(dir, 'in')
  mkdirSync(folder, { recursive: true })
  for (let i = 0; i < copies; i++) copyInto(folder, SEEDS.map((s) => [join(SEED_DIR, s), `${i}-${s}`]))
  return folder
}

describe('overlapping imports of one folder', () => {
  it('five parallel imports give one version per file', async () => {
    const d = tempDb()
    const t = tempDir()
    cleanups.push(d.cleanup, t.cleanup)
    const folder = folderWithDuplicates(t.dir, 1)
    const results = await Promise.all(Array.from({ length: 5 }, () => importFolder(d.db, folder, { ocr: false })))
    const files = SEEDS.length
    expect(d.db.prepare('SELECT COUNT(*) FROM versions').pluck().get()).toBe(files)
    expect(d.db.prepare('SELECT COUNT(*) FROM (SELECT file_id FROM versions GROUP BY file_id HAVING COUNT(*) > 1)').pluck().get()).toBe(0)
    // The first one imported every file; the others found them unchanged.
    expect(results.filter((r) => r.outcomes.every((o) => o.status === 'unchanged'))).toHaveLength(4)
  })

  it('five parallel openFolder calls in the service give one version per file', async () => {
    const d = tempDb()
    const t = tempDir()
    cleanups.push(d.cleanup, t.cleanup)
    const folder = folderWithDuplicates(t.dir, 1)
    const service = new ReviewService(d.db, { mode: 'browser', sampleFolder: folder, version: 'test' })
    const done = new Map<string, string>()
    const finished = new Promise<void>((resolve) =>
      service.onEvent((e, p) => {
        if (e === 'task' && 'state' in p && p.state !== 'running') {
          done.set(p.taskId, p.state)
          if (done.size === 5) resolve()
        }
      })
    )
    await Promise.all(Array.from({ length: 5 }, () => service.openFolder(folder)))
    await finished
    expect([...done.values()]).toEqual(['done', 'done', 'done', 'done', 'done'])
    expect(d.db.prepare('SELECT COUNT(*) FROM versions').pluck().get()).toBe(SEEDS.length)
    expect(d.db.prepare('SELECT COUNT(*) FROM reports').pluck().get()).toBe(SEEDS.length)
  })

  it('a second connection importing the same content meanwhile adds no second version', async () => {
    const d = tempDb()
    const t = tempDir()
    cleanups.push(d.cleanup, t.cleanup)
    const folder = folderWithDuplicates(t.dir, 1)
    const other = openDb(d.file).db
    cleanups.push(() => other.close())
    await Promise.all([importFolder(d.db, folder, { ocr: false }), importFolder(other, folder, { ocr: false })])
    expect(d.db.prepare('SELECT COUNT(*) FROM versions').pluck().get()).toBe(SEEDS.length)
  })
})

describe('an import killed part-way and run again', () => {
  it('gives the same reports and versions as an uninterrupted import', async () => {
    const t = tempDir('xxgk-resume-')
    cleanups.push(t.cleanup)
    const copies = Number(process.env.RESUME_COPIES ?? 2)
    const folder = folderWithDuplicates(t.dir, copies)
    const files = SEEDS.length * copies
    const whole = join(t.dir, 'whole.db')
    await importInChild(whole, folder, Infinity)
    const { db: w } = openDb(whole)
    const expected = importSignature(w)
    w.close()
    expect(expected.reports).toBe(files)
    expect(expected.multiVersion).toBe(0)
    // Killed at several points (files committed so far), each run resuming the last; then run to the end.
    const cut = join(t.dir, 'cut.db')
    const points = process.env.RESUME_COPIES ? [2, Math.floor(files / 2) + 1, files - 2] : [3, files - 3]
    for (const k of points) expect((await importInChild(cut, folder, k)).killed).toBe(true)
    await importInChild(cut, folder, Infinity)
    const { db: c } = openDb(cut)
    const got = importSignature(c)
    expect(c.prepare('SELECT COUNT(*) FROM import_runs WHERE finished_at IS NULL').pluck().get()).toBe(0)
    expect(c.pragma('integrity_check', { simple: true })).toBe('ok')
    c.close()
    expect(got).toEqual(expected)
  }, 120_000)

  it('a cancelled import is resumed by the next one: duplicates stay duplicates, nothing becomes a resubmission', async () => {
    const d = tempDb()
    const t = tempDir()
    cleanups.push(d.cleanup, t.cleanup)
    const folder = folderWithDuplicates(t.dir, 2)
    const ac = new AbortController()
    const first = await importFolder(d.db, folder, { ocr: false, signal: ac.signal, onProgress: (p) => p.done === SEEDS.length + 1 && ac.abort() })
    expect(first.cancelled).toBe(true)
    const second = await importFolder(d.db, folder, { ocr: false })
    expect(second.outcomes.some((o) => o.resubmission)).toBe(false)
    expect(importSignature(d.db)).toMatchObject({ reports: SEEDS.length * 2, multiVersion: 0 })
  })
})

describe('file names that are not UTF-8', () => {
  it.runIf(process.platform === 'linux')('are read, shown decoded (GBK) and not skipped as a permission problem', async () => {
    const d = tempDb()
    const t = tempDir()
    cleanups.push(d.cleanup, t.cleanup)
    const folder = join(t.dir, 'in')
    mkdirSync(folder)
    const seed = readFileSync(join(SEED_DIR, SEEDS[0] as string))
    // "年报" in GBK, as a zip made on Windows unpacks on Linux; and bytes that are neither UTF-8 nor GBK.
    const gbk = Buffer.concat([Buffer.from(folder + '/'), Buffer.from([0xc4, 0xea, 0xb1, 0xa8]), Buffer.from('.txt')])
    const junk = Buffer.concat([Buffer.from(folder + '/'), Buffer.from([0x61, 0xff, 0x80]), Buffer.from('.txt')])
    writeFileSync(gbk, seed)
    writeFileSync(junk, seed)
    const r = await importFolder(d.db, folder, { ocr: false })
    const by = Object.fromEntries(r.outcomes.map((o) => [o.file, o]))
    expect(by['年报.txt']?.status).toBe('ok')
    expect(r.outcomes).toHaveLength(2)
    for (const o of r.outcomes) expect(o.status).toBe('ok')
  })
})

/** Han characters drawn by a fixed linear congruential sequence, in lines of 60: deflate cannot shrink them much. */
function distinctWording(n: number): string {
  let x = 12345
  let out = ''
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    out += String.fromCharCode(0x4e00 + ((x >>> 8) % 3000))
    if (i % 60 === 59) out += '。\n'
  }
  return out
}

describe('a full disk during an import', () => {
  it('stops the import with a Chinese reason that blames no file', async () => {
    const d = tempDb()
    const t = tempDir()
    cleanups.push(d.cleanup, t.cleanup)
    const folder = folderWithDuplicates(t.dir, 1)
    // Wording that does not repeat: the text is stored deflated (migration 10), and a repeated sentence packs to a few pages.
    writeFileSync(join(folder, 'big.txt'), '一、总体情况\n' + distinctWording(360_000))
    // The database may not grow beyond its present size plus a few pages: SQLite reports SQLITE_FULL, as on a full disk.
    const pages = d.db.pragma('page_count', { simple: true }) as number
    d.db.pragma(`max_page_count = ${pages + 40}`)
    let err: unknown
    try {
      await importFolder(d.db, folder, { ocr: false })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ImportStoppedError)
    expect((err as Error).message).toMatch(/^导入已停止：磁盘空间已满/)
    expect((err as Error).message).not.toMatch(/full|disk|database/i)
    expect(d.db.prepare("SELECT COUNT(*) FROM file_events WHERE kind = 'error'").pluck().get()).toBe(0)
    expect(d.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
