// The table identities choosing among the readings of an unsure OCR'd number (fast: no recogniser). The
// lines of a seed's PDF are given OCR confidences, then a number is spoiled the way tesseract misreads one
// (a '1' read '7', a '0' read as the character '全'), with the other numbers the page's readings gave
// (Cell.alts) and the glyphs counted in its ink (Cell.nglyph), as ocr/page.ts hands them on. The one
// reading that makes the identities hold is taken; never a number no reading gave, never one whose digits
// disagree with the glyphs, never a choice between two readings that both fit.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readPdf } from '../../src-main/engine/ingest/readers/pdf.ts'
import type { Box, CellValue, ParsedReport, ReadResult } from '../../src-main/engine/model.ts'
import { compareTables, type ExpectedTables } from '../../src-main/engine/ocr/accuracy.ts'
import { TextBuilder } from '../../src-main/engine/ocr/layout.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { ROOT } from '../helpers/seeds.ts'

const SEED = '002_3439ace2b5349fdf'
const expected = JSON.parse(readFileSync(join(ROOT, 'test', 'expected', `${SEED}.json`), 'utf8')) as { tables: ExpectedTables }

type C = { text: string; page?: number; box?: Box; conf?: number; alts?: string[]; nglyph?: number }

/** The seed's lines as OCR gives them, every cell read at `conf`, then spoiled by `spoil`. */
async function scanLike(spoil: (lines: C[][]) => void, conf = 97): Promise<ParsedReport> {
  const r = await readPdf(new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', `${SEED}.pdf`))))
  const lines: C[][] = r.lines.map((l) => l.cells.map((c) => ({ text: c.text, page: c.page, box: c.box, conf })))
  spoil(lines)
  const out = new TextBuilder()
  for (const l of lines) out.addLine(l)
  const read: ReadResult = { kind: 'pdf', text: out.result(), lines: out.lines, pages: r.pages?.map((p) => ({ ...p, scanned: true })), warnings: [] }
  return parseReport(read)
}

/** 表三's row starting with `label`: its value cells (the last seven). */
const t3Row = (lines: C[][], label: string): C[] => {
  const l = lines.find((x) => x[0]?.text.startsWith(label))
  expect(l).toBeDefined()
  return (l as C[]).slice(-7)
}
/** 表四's row of fifteen values. */
const t4Row = (lines: C[][]): C[] => {
  const l = [...lines].reverse().find((x) => x.length === 15 && x.every((c) => /^\d+$/.test(c.text)))
  expect(l).toBeDefined()
  return l as C[]
}
const misread = (c: C, text: string, alts: string[], nglyph?: number, conf = 40): void => {
  Object.assign(c, { text, conf, alts, ...(nglyph === undefined ? {} : { nglyph }) })
}
const cell = (p: ParsedReport, t: 'T3' | 'T4', row: string, col: string): CellValue => {
  const c = p.tables[t].cells.find((x) => x.row === row && x.col === col)
  expect(c).toBeDefined()
  return c as CellValue
}

describe('the identities choose among the readings of an unsure number', () => {
  it('a 1 read as 7 without confidence, also read as 1: the reading that fits the row and the columns is taken', async () => {
    const p = await scanLike((lines) => misread(t3Row(lines, '一、本年新收')[0] as C, '7', ['1'], 1))
    const c = cell(p, 'T3', 'new_received', 'natural_person')
    expect(c.value).toBe(1)
    expect(c.status).toBe('inferred')
    expect(c.note).toContain('首选读数 7')
    const a = compareTables(p, expected.tables)
    expect(a.wrongCertainCells).toEqual([])
    expect(a.right).toBe(a.cells)
  })
  it('a 0 read as the character 全, also read as 0, is 0', async () => {
    const p = await scanLike((lines) => misread(t3Row(lines, '一、本年新收')[5] as C, '全', ['0'], 1, 0))
    const c = cell(p, 'T3', 'new_received', 'other_org')
    expect([c.value, c.status]).toEqual([0, 'inferred'])
    expect(c.note).toContain('识别为“全”')
    expect(compareTables(p, expected.tables).right).toBe(compareTables(p, expected.tables).cells)
  })
  it('no reading that fits: the cell stays uncertain with what was read, nothing is made up', async () => {
    const p = await scanLike((lines) => misread(t3Row(lines, '一、本年新收')[0] as C, '7', ['9', '4'], 1))
    const c = cell(p, 'T3', 'new_received', 'natural_person')
    expect([c.value, c.status]).toEqual([7, 'uncertain'])
    expect(compareTables(p, expected.tables).wrongCertainCells).toEqual([])
  })
  it('a reading that fits the sum but has more digits than the cell shows glyphs is not taken', async () => {
    // 表四's 复议 total printed 0 (one glyph) read '8'; another reading gave '00', which also makes 0
    const p = await scanLike((lines) => misread(t4Row(lines)[4] as C, '8', ['00', '6'], 1))
    const total = cell(p, 'T4', 'counts', 'review_total')
    expect(total.status).toBe('uncertain')
    expect(compareTables(p, expected.tables).wrongCertainCells).toEqual([])
    // with the glyph count of the reading that fits, it is
    const two = await scanLike((lines) => misread(t4Row(lines)[4] as C, '8', ['0', '6'], 1))
    expect([cell(two, 'T4', 'counts', 'review_total').value, cell(two, 'T4', 'counts', 'review_total').status]).toEqual([0, 'inferred'])
  })
  it('two unsure numbers whose readings fit the sum either way both stay uncertain', async () => {
    // 复议: 维持 and 纠正 read 3 and 5 without confidence, each also read the other way; the total 8 is sure
    const p = await scanLike((lines) => {
      const r = t4Row(lines)
      misread(r[0] as C, '3', ['5'], 1)
      misread(r[1] as C, '5', ['3'], 1)
      Object.assign(r[4] as C, { text: '8' })
    })
    expect([cell(p, 'T4', 'counts', 'review_upheld').status, cell(p, 'T4', 'counts', 'review_corrected').status]).toEqual(['uncertain', 'uncertain'])
    expect([cell(p, 'T4', 'counts', 'review_upheld').value, cell(p, 'T4', 'counts', 'review_corrected').value]).toEqual([3, 5])
  })
  it('the other cells read with some confidence only: another reading is taken when two identities apart agree on it, or it is one digit away from the first', async () => {
    // 表三's cell is in its row's sum and in its column's balance (新收 + 上年结转 = 总计 + 结转下年度): two
    // identities with no other cell in common, a misread in one would have to be matched in the other
    const p = await scanLike((lines) => misread(t3Row(lines, '一、本年新收')[0] as C, '7', ['1'], 1), 88)
    const c = cell(p, 'T3', 'new_received', 'natural_person')
    expect([c.value, c.status]).toEqual([1, 'inferred'])
    // 表四's cell is in one identity only: '0' read '18' is no single misread digit
    const q = await scanLike((lines) => misread(t4Row(lines)[4] as C, '18', ['0']), 88)
    const t = cell(q, 'T4', 'counts', 'review_total')
    expect([t.value, t.status]).toEqual([18, 'uncertain'])
    expect(compareTables(q, expected.tables).wrongCertainCells).toEqual([])
    // '0' read '8' is: the failing sum already takes the other cells as printed
    const r = await scanLike((lines) => misread(t4Row(lines)[4] as C, '8', ['0'], 1), 88)
    const u = cell(r, 'T4', 'counts', 'review_total')
    expect([u.value, u.status]).toEqual([0, 'inferred'])
    expect(compareTables(r, expected.tables).right).toBe(compareTables(r, expected.tables).cells)
  })
})
