// A scanned report goes through import, parse and checks like any other; OCR is not repeated for a
// file already recognised; a scan without a report gets a clear per-file message.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { OcrCache } from '../../src-main/engine/ocr/cache.ts'
import { sharedPool } from '../../src-main/engine/ocr/pool.ts'
import { FIXTURES } from '../helpers/seeds.ts'
import { storedCells } from '../helpers/stored.ts'
import { copyInto, tempDb, tempDir } from '../helpers/tmp.ts'

// a few seconds a page on an idle machine; OCR_TEST_TIMEOUT lets a loaded one check correctness
const SLOW = Number(process.env.OCR_TEST_TIMEOUT ?? 180_000)
const cleanups: (() => void)[] = []
let sharedCache: OcrCache | undefined
afterAll(async () => {
  while (cleanups.length) cleanups.pop()?.()
  await sharedPool().terminate()
})

describe('importing scanned PDFs', () => {
  it('recognises a scan into the report model, reuses the OCR result, and names an empty scan', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const folder = join(t.dir, 'in')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(folder)
    copyInto(folder, [
      [join(FIXTURES, 'scans', '003_ba49bbb087adff7b.scan.pdf'), '头营镇-盖章扫描件.pdf'],
      [join(FIXTURES, 'scans', 'blank.scan.pdf'), '空白.pdf']
    ])
    const cache = new OcrCache(join(t.dir, 'ocr-cache'))
    const d1 = tempDb()
    cleanups.push(d1.cleanup)
    const pages: number[] = []
    const r = await importFolder(d1.db, folder, { ocrCache: cache, onProgress: (p) => p.status === 'ocr' && pages.push(p.ocr!.page) })
    const by = Object.fromEntries(r.outcomes.map((o) => [o.file, o]))
    expect(by['头营镇-盖章扫描件.pdf']?.status).toBe('ok')
    expect(by['空白.pdf']).toMatchObject({ status: 'error', error: expect.stringContaining('没有识别出文字') })
    expect(pages).toContain(3)
    runChecks(d1.db, r.batchId)
    const cells = storedCells(d1.db).filter((c) => c.table === 'T4')
    expect(cells.filter((c) => c.col.startsWith('review_')).every((c) => c.value === null)).toBe(true)
    expect(cells.filter((c) => c.col.startsWith('lit_')).every((c) => c.value === 0 && c.status === 'ok' && c.span?.page && c.span?.box)).toBe(true)
    const rules = (d1.db.prepare("SELECT rule FROM findings WHERE state = 'open'").all() as { rule: string }[]).map((x) => x.rule)
    expect(rules).toEqual(expect.arrayContaining(['TBL-BLANK', 'T4-SUM']))
    expect(rules).not.toContain('SEC-PRESENT')
    // Another database, same file: the cached recognition is used.
    const hitsBefore = cache.hits
    const d2 = tempDb()
    cleanups.push(d2.cleanup)
    const started = Date.now()
    const r2 = await importFolder(d2.db, folder, { ocrCache: cache })
    expect(r2.outcomes.find((o) => o.file === '头营镇-盖章扫描件.pdf')?.status).toBe('ok')
    expect(cache.hits).toBeGreaterThan(hitsBefore)
    console.log(`扫描件第二次导入（命中 OCR 缓存）用时 ${Date.now() - started} 毫秒`)
    sharedCache = cache
  }, SLOW)

  it('a scan and the .docx of the same report in one folder: one duplicate finding, no copy finding', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const folder = join(t.dir, 'in')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(folder)
    copyInto(folder, [
      [join(FIXTURES, 'scans', '003_ba49bbb087adff7b.scan.pdf'), '头营镇年报-扫描件.pdf'],
      [join(FIXTURES, 'seeds', '003_ba49bbb087adff7b.docx'), '头营镇年报.docx']
    ])
    const d = tempDb()
    cleanups.push(d.cleanup)
    // the scan was recognised by the test above: its cached result is reused when this runs after it
    const r = await importFolder(d.db, folder, { ocrCache: sharedCache ?? new OcrCache(join(t.dir, 'ocr-cache')) })
    expect(r.outcomes.map((o) => o.status)).toEqual(['ok', 'ok'])
    runChecks(d.db, r.batchId)
    const found = d.db.prepare("SELECT report_id AS id, rule FROM findings WHERE state = 'open' AND rule LIKE 'XDOC-%'").all() as { id: number; rule: string }[]
    // the pair is one duplicate: the rule shows it once on each of the two files, and nothing else across files
    expect(found.map((f) => f.rule)).toEqual(['XDOC-DUP-FILE', 'XDOC-DUP-FILE'])
    expect(new Set(found.map((f) => f.id)).size).toBe(2)
  }, SLOW)
})
