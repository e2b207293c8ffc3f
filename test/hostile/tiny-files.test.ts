// Many tiny files that are not reports cost a file event each, not a full empty report model
// (issue 14: 20,000 ten-byte files took a 1.44 GB database, 72 KB per file). They are refused in the
// reader worker before their check work, and importing the folder again does not add their rows again.
// The full count, end to end: see README (20,000 个小文件).
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../src-main/engine/db/open.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { costLine, measure } from '../helpers/cost.ts'
import { tempDir } from '../helpers/tmp.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

describe('tiny files', () => {
  it('are refused as not a report, with the reason, and cost a few hundred bytes of database each, also when imported again', async () => {
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
    const c = await measure(() => importFolder(db, folder, { ocr: false }))
    const r = c.value
    db.pragma('wal_checkpoint(TRUNCATE)')
    const grown = statSync(file).size - before
    console.log(`${n} 个小文件：${costLine(c)}，数据库每个文件 ${(grown / n).toFixed(0)} 字节`)
    const errors = r.outcomes.filter((o) => o.status === 'error')
    expect(errors).toHaveLength(n)
    for (const e of errors) expect(e.error).toMatch(/^不是年报：文件中只有 \d+ 个字/)
    expect(db.prepare("SELECT COUNT(*) FROM file_events WHERE current = 1 AND code = 'not-report'").pluck().get()).toBe(n)
    expect(r.outcomes.find((o) => o.file === 'short-report.txt')?.status).toBe('ok')
    expect(db.prepare('SELECT COUNT(*) FROM versions').pluck().get()).toBe(1)
    // A file event and a file row each, a few hundred bytes (plus a fixed cost of pages for the report).
    expect(grown / n).toBeLessThan(600 + 200_000 / n)
    // Milliseconds of CPU per file, not the parse and check work of a report.
    expect(c.cpu).toBeLessThan(10)
    // Imported again and again: the events of the last run are kept, those of earlier runs dropped.
    for (let i = 0; i < 3; i++) await importFolder(db, folder, { ocr: false })
    expect(db.prepare('SELECT COUNT(*) FROM file_events WHERE current = 1').pluck().get()).toBe(n)
    expect(db.prepare('SELECT COUNT(*) FROM file_events').pluck().get()).toBe(n)
  }, 120_000)
})
