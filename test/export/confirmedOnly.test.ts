// From a real report to the documents a county sends: import a held-out real report whose tables the reader
// could not fully place (uncertain cells, a parse problem), decide some findings, export the workbook and the
// letters, and check that they state only what the reviewer confirmed and never a reading doubt as a fact.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ACC_DIR } from '../../scripts/accuracy/corpus.ts'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { openDb, type Db } from '../../src-main/engine/db/open.ts'
import { runExports } from '../../src-main/engine/export/cliExports.ts'
import { loadExportBatch } from '../../src-main/engine/export/data.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { decide, setReviewStatus } from '../../src-main/engine/review/decisions.ts'

interface Row {
  id: number
  rule: string
  severity: string
  message: string
}

let dir: string
let db: Db
let batchId: number
let reportId: number
let findings: Row[]

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-confirmed-'))
  const folder = join(dir, 'in')
  mkdirSync(folder)
  // kewei2024 (上海市科委 2024, PDF-to-markdown text): labels torn from their rows leave cells uncertain.
  copyFileSync(join(ACC_DIR, 'holdout-full', 'kewei2024.txt'), join(folder, 'kewei2024.txt'))
  db = openDb(join(dir, 'review.db')).db
  batchId = (await importFolder(db, folder)).batchId
  runChecks(db, batchId)
  reportId = (db.prepare('SELECT id FROM reports WHERE batch_id = ?').get(batchId) as { id: number }).id
  findings = db.prepare("SELECT id, rule, severity, message FROM findings WHERE report_id = ? AND state = 'open' ORDER BY id").all(reportId) as Row[]
}, 60_000)

afterAll(() => {
  db?.close()
  rmSync(dir, { recursive: true, force: true })
})

async function docText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file))
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
}

async function exportAll(name: string): Promise<{ letter: string; wb: ExcelJS.Workbook; file: string }> {
  const xlsx = join(dir, name, '汇总.xlsx')
  const letters = join(dir, name, '整改意见')
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  try {
    await runExports(db, batchId, { xlsx, feedback: letters })
  } finally {
    log.mockRestore()
  }
  const docs = readdirSync(letters).filter((f) => f.endsWith('.docx'))
  expect(docs).toHaveLength(1)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(xlsx)
  return { letter: await docText(join(letters, docs[0]!)), wb, file: docs[0]! }
}

/** Every cell text of a sheet, joined. */
function sheetText(ws: ExcelJS.Worksheet | undefined): string {
  const out: string[] = []
  ws?.eachRow((row) => row.eachCell((c) => void out.push(String(c.value ?? ''), String(c.note ?? ''))))
  return out.join('\n')
}

describe('a real report with reading doubts, decided in part, then exported', () => {
  it('has reading doubts and findings to decide (the premise of the test)', () => {
    expect(findings.filter((f) => f.severity === 'parse').length).toBeGreaterThan(0)
    expect(findings.filter((f) => f.rule === 'TXT-SUM' && f.severity === 'warning')).toHaveLength(1)
    expect(findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length).toBeGreaterThan(3)
  })

  it('the letter names the one confirmed finding only; dismissed, pending and parse findings stay out', async () => {
    const ew = findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    const confirmed = ew.find((f) => f.rule === 'TXT-SUM')!
    const dismissed = ew.find((f) => f.rule === 'DOC-WRONG-ENTITY')!
    decide(db, '马审核', confirmed.id, 'confirmed', '分项之和与总数不符，请核实')
    decide(db, '马审核', dismissed.id, 'dismissed', null)
    // still a draft: the others are pending; a draft lists them as 待决定, never as problems to correct
    const draft = await exportAll('draft')
    expect(draft.file).toMatch(/（草稿）\.docx$/)
    expect(draft.letter).not.toContain(dismissed.message)
    for (const p of findings.filter((f) => f.severity === 'parse')) expect(draft.letter).not.toContain(p.message)

    for (const f of ew) if (f !== confirmed && f !== dismissed) decide(db, '马审核', f.id, 'dismissed', null)
    setReviewStatus(db, '马审核', reportId, '需整改')
    const final = await exportAll('final')
    expect(final.file).not.toContain('草稿')
    expect(final.letter).toContain('发现需要整改的问题 1 项')
    expect(final.letter).toContain('2139')
    for (const f of findings.filter((x) => x !== confirmed)) expect(final.letter, `${f.rule} ${f.severity}`).not.toContain(f.message)

    // the workbook: counts of confirmed findings only, no reading doubt among the findings
    const sum = final.wb.getWorksheet('汇总')!
    const head = (sum.getRow(1).values as unknown[]).map(String)
    const row = sum.getRow(2)
    expect(row.getCell(head.indexOf('已确认错误数')).value).toBe(0)
    expect(row.getCell(head.indexOf('已确认警告数')).value).toBe(1)
    const detail = sheetText(final.wb.getWorksheet('发现明细'))
    expect(detail).not.toContain('解析存疑')
    for (const p of findings.filter((f) => f.severity === 'parse')) expect(detail).not.toContain(p.message)
  })

  it('表格数据 never shows an uncertain reading as a plain number: each carries a note saying so', async () => {
    const { wb } = await exportAll('cells')
    const r = loadExportBatch(db, batchId).reports[0]!
    const doubtful = [...r.cells.values()].filter((c) => !c.settled && c.status !== 'ok' && c.status !== 'blank' && (c.value !== null || c.raw.trim() !== ''))
    expect(doubtful.length).toBeGreaterThan(0)
    const ws = wb.getWorksheet('表格数据')!
    const dataRow = ws.getRow(4)
    let noted = 0
    let plainUncertain = 0
    // empty cells too: a doubtful reading without a value is written as an empty cell with its note
    dataRow.eachCell({ includeEmpty: true }, (c, col) => {
      if (col <= 3) return
      if (c.note) noted++
      else if (typeof c.value === 'number' && c.fill && (c.fill as ExcelJS.FillPattern).fgColor) plainUncertain++
    })
    // inferred cells are noted too, so at least every doubtful reading has its note
    expect(noted).toBeGreaterThanOrEqual(doubtful.length)
    expect(plainUncertain).toBe(0)
  })
})
