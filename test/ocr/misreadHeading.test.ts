// A scan whose heading of section 三 OCR misread (fast: no recogniser). The lines of a seed's PDF are given
// OCR confidences and then spoiled the way tesseract spoiled the real 淮安市 scans: the heading in bold type
// read with doubled glyphs, or cut in two lines with its ordinal on the second; the page number read without
// its dashes at the page break inside 表三; a digit read as a glyph. 表三 must still be found by its own labels
// and every cell be right or uncertain; the heading is found again between its neighbours and marked as read
// without confidence. A table label OCR misread is a reading doubt, not the township's wording.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkReport } from '../../src-main/engine/checks/run.ts'
import { readPdf } from '../../src-main/engine/ingest/readers/pdf.ts'
import type { Box, ReadResult } from '../../src-main/engine/model.ts'
import { compareTables, type ExpectedTables } from '../../src-main/engine/ocr/accuracy.ts'
import { TextBuilder } from '../../src-main/engine/ocr/layout.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { ROOT } from '../helpers/seeds.ts'

const SEED = '002_3439ace2b5349fdf'
const expected = JSON.parse(readFileSync(join(ROOT, 'test', 'expected', `${SEED}.json`), 'utf8')) as { tables: ExpectedTables }

type C = { text: string; page?: number; box?: Box; conf?: number }

/** The seed's lines as OCR gives them (confidence on every cell, unless `textLayer`), spoiled by `spoil`. */
async function scanLike(spoil: (lines: C[][]) => C[][], textLayer = false): Promise<ReadResult> {
  const r = await readPdf(new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', `${SEED}.pdf`))))
  const lines: C[][] = r.lines.map((l) => l.cells.map((c) => ({ text: c.text, page: c.page, box: c.box, ...(textLayer ? {} : { conf: 95 }) })))
  const out = new TextBuilder()
  for (const l of spoil(lines)) out.addLine(textLayer ? l.map(({ conf: _c, ...c }) => c) : l)
  return { kind: 'pdf', text: out.result(), lines: out.lines, pages: r.pages?.map((p) => ({ ...p, scanned: !textLayer })), warnings: [] }
}

const at = (lines: C[][], first: string): number => {
  const i = lines.findIndex((l) => l[0]?.text.startsWith(first))
  expect(i).toBeGreaterThanOrEqual(0)
  return i
}

/** The heading line of 三 replaced by what OCR read, in the heading's own box. */
function misreadHeading(lines: C[][], read: string[][]): C[][] {
  const i = at(lines, '三、收到和处理')
  const h = lines[i]?.[0] as C
  const [x0, y0, x1, y1] = h.box as Box
  const rows = read.map((cells, r) =>
    cells.map((text, k): C => ({ text, page: h.page, conf: 60, box: [x0 + ((x1 - x0) * k) / cells.length, y0 - r * 4, x0 + ((x1 - x0) * (k + 1)) / cells.length, y1 - r * 4] }))
  )
  return [...lines.slice(0, i), ...rows, ...lines.slice(i + 1)]
}

/** '- 2 -' at the foot of page 2 read as '2', inside 表三 (the table goes on on page 3), and a '0' of 表三 read as '全'. */
function pageNumberAndGlyph(lines: C[][]): C[][] {
  const br = lines.findIndex((l, i) => i > 0 && l[0]?.page === 3 && lines[i - 1]?.[0]?.page === 2)
  expect(br).toBeGreaterThan(0)
  const out = [...lines.slice(0, br), [{ text: '2', page: 2, box: [280, 30, 290, 40] as Box, conf: 40 }], ...lines.slice(br)]
  const row = out[at(out, '一、本年新收')] as C[]
  expect(row[6]?.text).toBe('0')
  row[6] = { ...(row[6] as C), text: '全', conf: 0 }
  return out
}

function expectTablesRightOrUncertain(read: ReadResult): ReturnType<typeof parseReport> {
  const p = parseReport(read)
  expect(p.tables.T3.found).toBe(true)
  const a = compareTables(p, expected.tables)
  expect(a.wrongCertainCells).toEqual([])
  // the cell read as '全' is uncertain, all others right
  const glyph = p.tables.T3.cells.find((c) => c.row === 'new_received' && c.col === 'other_org')
  expect(glyph?.status).toBe('uncertain')
  expect(glyph?.note).toContain('全')
  expect(a.right).toBe(a.cells - 1)
  return p
}

describe('表三 of a scan whose section heading OCR misread', () => {
  for (const [name, read] of [
    ['doubled glyphs of a bold heading', [['三三、、收收到到和和處處理理政府政府信息信息公開公開中申請請情?情況']]],
    ['the heading cut in two lines, the ordinal on the second', [['一一', '收到和处', '政府信息公开申请A 情况才|'], ['三、', '理']]]
  ] as [string, string[][]][]) {
    it(`${name}: 表三 found and right or uncertain, the heading found again and in doubt`, async () => {
      const p = expectTablesRightOrUncertain(await scanLike((l) => pageNumberAndGlyph(misreadHeading(l, read))))
      const s3 = p.sections.find((s) => s.id === 'S3')
      expect(s3?.found).toBe(true)
      expect(s3?.titleMatch).toBe('reworded')
      const span = s3?.titleSpan as { start: number; end: number }
      // the heading's wording is not held against the township: it is read without confidence
      expect(p.ocrDoubt?.some(([a, b]) => a <= span.start && b >= span.end)).toBe(true)
      expect(p.sections.filter((s) => s.found)).toHaveLength(6)
    })
  }

  it('a heading a seal hides entirely: 表三 still read by its labels, the section a parse problem, not missing', async () => {
    const p = expectTablesRightOrUncertain(await scanLike((l) => pageNumberAndGlyph(misreadHeading(l, [['lu', '*']]))))
    expect(p.sections.find((s) => s.id === 'S3')?.found).toBe(false)
    expect(p.problems?.some((q) => q.code === 'section-unplaced' && q.section === 'S3')).toBe(true)
  })

  it('a column name misread with confidence (本年處理決定數其) is a reading doubt, not the township’s wording', async () => {
    const spoil = (lines: C[][]): C[][] => {
      const row = lines.find((l) => l[1]?.text === '本年处理决定数量') as C[]
      row[1] = { ...(row[1] as C), text: '本年處理決定數其', conf: 90 }
      return lines
    }
    for (const textLayer of [false, true]) {
      const read = await scanLike(spoil, textLayer)
      const f = checkReport(parseReport(read), read.text).findings.filter((x) => x.rule === 'TBL-LABEL')
      expect(f).toHaveLength(1)
      expect(f[0]?.severity).toBe(textLayer ? 'warning' : 'parse')
    }
  })

  it('in a text layer the same garbled heading is what the report says: the section is not invented, 表三 is still read', async () => {
    const read = await scanLike((l) => misreadHeading(l, [['三三、、收收到到和和處處理理政府政府信息信息公開公開中申請請情?情況']]), true)
    const p = parseReport(read)
    expect(p.sections.find((s) => s.id === 'S3')?.found).toBe(false)
    expect(p.tables.T3.found).toBe(true)
    const a = compareTables(p, expected.tables)
    expect(a.right).toBe(a.cells)
  })
})
