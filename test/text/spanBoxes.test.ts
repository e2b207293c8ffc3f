// Text span -> boxes on the PDF page (engine/text): the runs the PDF reader places, packed as stored, and
// the boxes of a span cut from them; then through the store and the server, as the UI receives them.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { readPdf } from '../../src-main/engine/ingest/readers/pdf.ts'
import { loadVersionBoxes } from '../../src-main/engine/text/boxesRepo.ts'
import { lineBoxesOf, packLineBoxes, unpackLineBoxes, type LineBox } from '../../src-main/engine/text/lineBoxes.ts'
import { spanBoxes } from '../../src-main/engine/text/spanBoxes.ts'
import { ReviewService } from '../../src-main/server/service.ts'
import { evidenceWithBoxes } from '../../src-main/server/textBoxes.ts'
import { FIXTURES } from '../helpers/seeds.ts'
import { copyInto, tempDb, tempDir } from '../helpers/tmp.ts'
import { makePdf } from '../readers/make-pdf.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

/** Helvetica digits are all 556/1000 em wide: at 12 pt a digit is 6.672 pt, so where a digit stands is exact. */
const DIGIT = 6.672

describe('span -> boxes on a PDF text layer', () => {
  it('cuts a run at the characters of the span and keeps the line height', async () => {
    const r = await readPdf(makePdf([[[72, 700, '0123456789']], [[100, 500, 'second page']]]))
    const runs = lineBoxesOf(r)
    expect(runs.map((b) => [b.start, b.end, b.page])).toEqual([
      [0, 10, 1],
      [11, 22, 2]
    ])
    const [b] = spanBoxes(runs, 3, 7, r.text)
    expect(b?.page).toBe(1)
    const [x0, y0, x1, y1] = b!.box
    expect(x0).toBeCloseTo(72 + 3 * DIGIT, 0)
    expect(x1).toBeCloseTo(72 + 7 * DIGIT, 0)
    expect(y0).toBeLessThan(700)
    expect(y1).toBeGreaterThan(700)
    // the whole run, and a span over the page break: one box on each page
    expect(spanBoxes(runs, 0, 10, r.text)[0]!.box).toEqual(runs[0]!.box)
    const across = spanBoxes(runs, 8, 17, r.text)
    expect(across.map((x) => x.page)).toEqual([1, 2])
    expect(across[1]!.box[0]).toBeCloseTo(100, 0)
    // nothing placed, nothing drawn: the newline between runs, an empty span, past the end
    expect(spanBoxes(runs, 10, 11, r.text)).toEqual([])
    expect(spanBoxes(runs, 5, 5, r.text)).toEqual([])
    expect(spanBoxes(runs, 40, 50, r.text)).toEqual([])
  })

  it('joins the runs of one line and keeps lines apart', async () => {
    const r = await readPdf(
      makePdf([
        [
          [72, 700, 'Total'],
          [110, 700, '12'], // a cell gap, but close: one highlight
          [400, 700, '99'], // a far column: a box of its own
          [72, 680, 'next line']
        ]
      ])
    )
    const runs = lineBoxesOf(r)
    expect(runs).toHaveLength(4)
    const boxes = spanBoxes(runs, 0, r.text.length, r.text)
    expect(boxes).toHaveLength(3)
    expect(boxes[0]!.box[0]).toBeCloseTo(72, 0)
    expect(boxes[0]!.box[2]).toBeGreaterThan(110)
    expect(boxes[1]!.box[0]).toBeCloseTo(400, 0)
    expect(boxes[2]!.box[1]).toBeLessThan(boxes[0]!.box[1])
  })

  it('counts a full-width character twice a Latin one when cutting a run', () => {
    const text = 'ab表三cd'
    const runs: LineBox[] = [{ start: 0, end: 6, page: 1, box: [0, 0, 80, 10] }] // widths 0.5+0.5+1+1+0.5+0.5 = 4 em
    const [b] = spanBoxes(runs, 2, 4, text)
    expect(b!.box[0]).toBeCloseTo(20)
    expect(b!.box[2]).toBeCloseTo(60)
    // without the text every character counts alike
    expect(spanBoxes(runs, 2, 4)[0]!.box[0]).toBeCloseTo(80 / 3)
  })

  it('packs the runs of a seed PDF in a few bytes each and reads them back to a quarter point', async () => {
    const r = await readPdf(new Uint8Array(readFileSync(join(FIXTURES, 'seeds', '003_ba49bbb087adff7b.pdf'))))
    const runs = lineBoxesOf(r)
    expect(runs.length).toBeGreaterThan(200)
    const packed = packLineBoxes(runs)
    expect(packed.length / runs.length).toBeLessThan(6)
    const back = unpackLineBoxes(packed)
    expect(back.map((b) => [b.start, b.end, b.page])).toEqual(runs.map((b) => [b.start, b.end, b.page]))
    for (const [i, b] of back.entries()) for (let k = 0; k < 4; k++) expect(Math.abs(b.box[k]! - runs[i]!.box[k]!)).toBeLessThanOrEqual(0.125 + 1e-9)
    // damaged or foreign bytes give no runs, never an exception
    expect(unpackLineBoxes(packed.subarray(0, packed.length >> 1))).toEqual([])
    expect(unpackLineBoxes(new Uint8Array([1, 2, 3]))).toEqual([])
  })
})

describe('text evidence leaves the server with its boxes', () => {
  // ten lines of forty characters, one run each, 20 pt apart
  const text = Array.from({ length: 10 }, (_, i) => String(i).repeat(40)).join('\n')
  const runs: LineBox[] = Array.from({ length: 10 }, (_, i) => ({ start: i * 41, end: i * 41 + 40, page: 1, box: [72, 700 - 20 * i, 272, 712 - 20 * i] }))

  it('boxes a quotation where its words are, a long one by its opening words, and none where the words differ', () => {
    const [short, long, moved, cell] = evidenceWithBoxes(
      [
        { kind: 'text', start: 45, end: 90, text: text.slice(45, 90) },
        { kind: 'text', start: 0, end: 400, text: text.slice(0, 400) },
        { kind: 'text', start: 45, end: 90, text: '另一个版本的文字' },
        { kind: 'note', text: '说明' }
      ],
      { runs, text }
    )
    expect(short?.kind === 'text' && short.boxes?.map((b) => b.box[1])).toEqual([680, 660])
    expect(short?.kind === 'text' && short.page).toBe(1)
    // 400 characters over ten lines: only the first 60 are boxed, the first line and 19 characters of the
    // second (the newline between them is one of the 60)
    expect(long?.kind === 'text' && long.boxes?.map((b) => [b.box[0], b.box[2]])).toEqual([
      [72, 272],
      [72, 167]
    ])
    expect(moved).toEqual({ kind: 'text', start: 45, end: 90, text: '另一个版本的文字' })
    expect(cell).toEqual({ kind: 'note', text: '说明' })
    expect(evidenceWithBoxes([{ kind: 'text', start: 0, end: 5, text: '00000' }], null)[0]).not.toHaveProperty('boxes')
  })

  it('a PDF imported: every text evidence of its findings is boxed where its words are; stored findings carry none', async () => {
    const d = tempDb()
    const t = tempDir()
    cleanups.push(d.cleanup, t.cleanup)
    const folder = join(t.dir, 'in')
    mkdirSync(folder)
    copyInto(folder, [[join(FIXTURES, 'seeds', '003_ba49bbb087adff7b.pdf'), '003.pdf']])
    const { batchId } = await importFolder(d.db, folder, { ocr: false })
    runChecks(d.db, batchId)
    const service = new ReviewService(d.db, { mode: 'browser', sampleFolder: folder, version: 'test', exportsDir: join(t.dir, 'exports') })
    const b = await service.getBatch(batchId)
    const report = await service.getReport(b.reports[0]!.id)
    const runs = loadVersionBoxes(d.db, report.versionId)!
    expect(runs.length).toBeGreaterThan(200)
    const texts = report.findings.flatMap((f) => f.evidence).filter((e) => e.kind === 'text')
    expect(texts.length).toBeGreaterThan(0)
    for (const e of texts) {
      expect(e.boxes?.length, e.text).toBeGreaterThan(0)
      // each box stands on a line of the words' page, within the runs of that line that the span covers
      for (const pb of e.boxes!) {
        const line = runs.filter((x) => x.page === pb.page && x.end > e.start && x.start < e.end && Math.min(x.box[3], pb.box[3]) - Math.max(x.box[1], pb.box[1]) > 0)
        expect(line.length, e.text).toBeGreaterThan(0)
        expect(pb.box[0]).toBeGreaterThanOrEqual(Math.min(...line.map((x) => x.box[0])) - 0.5)
        expect(pb.box[2]).toBeLessThanOrEqual(Math.max(...line.map((x) => x.box[2])) + 0.5)
      }
      const first = runs.find((x) => x.end > e.start && x.start < e.end)!
      expect(e.boxes![0]!.page).toBe(first.page)
    }
    // the stored evidence is unchanged: boxes are added on the way out
    const stored = d.db.prepare("SELECT COUNT(*) AS n FROM findings WHERE CAST(evidence AS BLOB) LIKE '%boxes%'").get() as { n: number }
    expect(stored.n).toBe(0)
    // a search hit in the text gets its end and boxes
    const word = report.text.slice(report.text.indexOf('政府信息'), report.text.indexOf('政府信息') + 4)
    const hit = (await service.search(batchId, word)).find((h) => h.kind === 'text')!
    expect(hit.end).toBe(hit.start! + 4)
    expect(hit.boxes?.[0]?.page).toBeGreaterThanOrEqual(1)
  })
})
