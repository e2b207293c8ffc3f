// Many tiny files that are not reports cost a file event each, not a full empty report model
// (issue 14: 20,000 ten-byte files took a 1.44 GB database, 72 KB per file).
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../src-main/engine/db/open.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { tempDir } from '../helpers/tmp.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

describe('tiny files', () => {
  it('are refused as not a report, with the reason, and cost well under 2 KB of database each', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const folder = join(t.dir, 'in')
    mkdirSync(folder)
    const n = Number(process.env.TINY_FILES ?? 150)
    for (let i = 0; i < n; i++) writeFileSync(join(folder, `f${i}.txt`), `hello ${i}\n`)
    // A short file that is recognisably a report (title with body and year) is still imported.
    writeFileSync(join(folder, 'short-report.txt'), '平安镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n无。')
    const file = join(t.dir, 'review.db')
    const { db } = openDb(file)
    cleanups.push(() => db.close())
    db.pragma('wal_checkpoint(TRUNCATE)')
    const before = statSync(file).size
    const r = await importFolder(db, folder, { ocr: false })
    db.pragma('wal_checkpoint(TRUNCATE)')
    const grown = statSync(file).size - before
    const errors = r.outcomes.filter((o) => o.status === 'error')
    expect(errors).toHaveLength(n)
    for (const e of errors) expect(e.error).toMatch(/^不是年报：文件中只有 \d+ 个字/)
    expect(r.outcomes.find((o) => o.file === 'short-report.txt')?.status).toBe('ok')
    expect(db.prepare('SELECT COUNT(*) FROM versions').pluck().get()).toBe(1)
    expect(grown / n).toBeLessThan(2048 + 200_000 / n)
  }, 120_000)
})
