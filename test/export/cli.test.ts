// runExports, as called by `npm run review -- <folder> --xlsx <file> --feedback <folder>`, including a
// report whose file could not be read (a scan waiting for OCR).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { openDb, type Db } from '../../src-main/engine/db/open.ts'
import { runExports } from '../../src-main/engine/export/cliExports.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { SEED_DIR } from '../helpers/seeds.ts'

let dir: string
let db: Db
let batchId: number

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-'))
  db = openDb(join(dir, 'review.db')).db
  batchId = (await importFolder(db, SEED_DIR)).batchId
  runChecks(db, batchId)
  // A scanned PDF stored without text: its report has no township, year or parsed content.
  const file = Number(db.prepare("INSERT INTO files (batch_id, rel_path) VALUES (?, '扫描件.pdf')").run(batchId).lastInsertRowid)
  const report = Number(db.prepare("INSERT INTO reports (batch_id, key) VALUES (?, 'file:扫描件.pdf')").run(batchId).lastInsertRowid)
  const version = db
    .prepare(
      `INSERT INTO versions (report_id, file_id, seq, sha256, size, imported_at, kind, status, message)
       VALUES (?, ?, 1, 'x', 1, '2024-02-01T00:00:00Z', 'pdf', 'needs-ocr', '扫描件（无文字层），需要 OCR 识别')`
    )
    .run(report, file).lastInsertRowid
  db.prepare('UPDATE reports SET current_version_id = ? WHERE id = ?').run(version, report)
})

afterAll(() => {
  db?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('runExports', () => {
  it('does nothing without options', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      await runExports(db, batchId, {})
      expect(log).not.toHaveBeenCalled()
    } finally {
      log.mockRestore()
    }
  })

  it('writes the workbook and a letter per report whose addressee is known; unreviewed ones are drafts that never say 无需整改', async () => {
    const xlsx = join(dir, 'out', '汇总.xlsx')
    const folder = join(dir, 'out', '整改意见')
    const lines: string[] = []
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')))
    try {
      await runExports(db, batchId, { xlsx, feedback: folder })
    } finally {
      log.mockRestore()
    }
    expect(existsSync(xlsx)).toBe(true)
    const docs = readdirSync(folder).filter((f) => f.endsWith('.docx'))
    // nobody has reviewed anything: five drafts, and no letter for the scan that names nobody
    expect(docs).toHaveLength(5)
    expect(docs.every((d) => d.endsWith('（草稿）.docx'))).toBe(true)
    for (const d of docs) expect(await docText(join(folder, d))).not.toContain('无需整改')
    const out = lines.join('\n')
    expect(out).toContain(`汇总表：${xlsx}（6 份报告`)
    expect(out).toContain(`整改意见：5 份（其中草稿 5 份，审核未完成，不能发出），保存在 ${folder}`)
    expect(out).toMatch(/平安镇-2023年报整改意见（草稿）\.docx：草稿：尚有 \d+ 条发现未确认或排除；审核状态仍为“待审核”/)
    expect(out).toContain('未生成：扫描件.pdf：报送单位未识别，请在审核页填写单位名称后再导出')
    expect(out).not.toContain('无需整改')

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(xlsx)
    const ws = wb.getWorksheet('汇总')
    let remark: unknown
    ws?.eachRow((row) => {
      if (row.getCell(15).value === '扫描件.pdf') remark = row.getCell(16).value
    })
    expect(remark).toBe('扫描件，需 OCR 后才能审核')
  })

  it('once the reviewer names the body of the scan, it gets a letter asking for a readable file', async () => {
    db.prepare("UPDATE reports SET body_named = '云阳县新店镇人民政府', review_status = '需整改' WHERE key = 'file:扫描件.pdf'").run()
    const folder = join(dir, 'out2')
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      await runExports(db, batchId, { feedback: folder })
    } finally {
      log.mockRestore()
    }
    const docs = readdirSync(folder).filter((f) => f.endsWith('.docx'))
    expect(docs).toHaveLength(6)
    const scan = docs.find((d) => d.startsWith('扫描件'))!
    expect(scan).toBe('扫描件-年度不明年报整改意见.docx')
    const text = await docText(join(folder, scan))
    expect(text).toContain('云阳县新店镇人民政府：')
    expect(text).toContain('为扫描件，没有可识别的文字，未能完成审核')
    expect(text).toContain('请于')
  })
})

async function docText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file))
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
}
