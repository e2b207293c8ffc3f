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

  it('writes the workbook and one letter per report, and says so in Chinese', async () => {
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
    expect(docs).toHaveLength(6)
    expect(docs).toContain('扫描件-年度不明年报整改意见.docx')
    const out = lines.join('\n')
    expect(out).toContain(`汇总表：${xlsx}（6 份报告`)
    expect(out).toContain(`整改意见：6 份，保存在 ${folder}`)
    expect(out).toMatch(/扫描件-年度不明年报整改意见\.docx：文件未能解析/)
    expect(out).toMatch(/平安镇-2023年报整改意见\.docx：无需整改；另有 \d+ 条发现待确认/)

    const zip = await JSZip.loadAsync(readFileSync(join(folder, '扫描件-年度不明年报整改意见.docx')))
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
    expect(text).toContain('为扫描件，没有可识别的文字，未能完成审核')
    expect(text).toContain('请于')

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(xlsx)
    const ws = wb.getWorksheet('汇总')
    let remark: unknown
    ws?.eachRow((row) => {
      if (row.getCell(15).value === '扫描件.pdf') remark = row.getCell(16).value
    })
    expect(remark).toBe('扫描件，需 OCR 后才能审核')
  })
})
