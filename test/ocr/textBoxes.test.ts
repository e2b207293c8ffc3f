// Text span -> boxes on a scanned page: the runs OCR places are in PDF points like the text layer's, so
// words recognised on the scan of seed 003's page 2 are boxed where the same words stand in the seed's
// own PDF (the scan was rendered from it). Slow: OCR of one page (tesseract, several seconds).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readPdf } from '../../src-main/engine/ingest/readers/pdf.ts'
import { readPdfWithOcr } from '../../src-main/engine/ocr/ocrPdf.ts'
import { OcrPool } from '../../src-main/engine/ocr/pool.ts'
import { lineBoxesOf, packLineBoxes, unpackLineBoxes } from '../../src-main/engine/text/lineBoxes.ts'
import { spanBoxes } from '../../src-main/engine/text/spanBoxes.ts'
import { FIXTURES } from '../helpers/seeds.ts'

const SLOW = Number(process.env.OCR_TEST_TIMEOUT ?? 180_000)

let pool: OcrPool
beforeAll(() => {
  pool = new OcrPool()
})
afterAll(async () => {
  await pool.terminate()
})

const centre = (b: number[]): [number, number] => [((b[0] as number) + (b[2] as number)) / 2, ((b[1] as number) + (b[3] as number)) / 2]

describe('span -> boxes on a scan', () => {
  it(
    'words OCR read on a scanned page are boxed where the original PDF prints them',
    async () => {
      // seed 003 with page 2 replaced by its scan: only that page is recognised
      const scan = await readPdfWithOcr(new Uint8Array(readFileSync(join(FIXTURES, 'scans', '003_ba49bbb087adff7b.mixed.pdf'))), { pool })
      const orig = await readPdf(new Uint8Array(readFileSync(join(FIXTURES, 'seeds', '003_ba49bbb087adff7b.pdf'))))
      // as stored: packed and read back
      const runs = unpackLineBoxes(packLineBoxes(lineBoxesOf(scan))).filter((b) => b.page === 2)
      const truth = lineBoxesOf(orig).filter((b) => b.page === 2)
      expect(runs.length).toBeGreaterThan(100)
      let compared = 0
      for (const run of runs) {
        // six Chinese characters inside a run, found once on the original page
        const words = scan.text.slice(run.start + 2, run.start + 8)
        if (!/^[\u4e00-\u9fff]{6}$/.test(words)) continue
        const same = truth.filter((b) => orig.text.slice(b.start, b.end).includes(words))
        if (same.length !== 1) continue
        const at = orig.text.indexOf(words, (same[0] as (typeof same)[0]).start)
        const got = spanBoxes(runs, run.start + 2, run.start + 8, scan.text)
        const want = spanBoxes(truth, at, at + 6, orig.text)
        expect(got).toHaveLength(1)
        expect(got[0]!.page).toBe(2)
        const [gx, gy] = centre(got[0]!.box)
        const [wx, wy] = centre(want[0]!.box)
        // within a third of a character (10.5 pt font) across and a third of a line down
        expect(Math.abs(gx - wx), words).toBeLessThan(4)
        expect(Math.abs(gy - wy), words).toBeLessThan(4)
        compared++
      }
      expect(compared).toBeGreaterThanOrEqual(5)
    },
    SLOW
  )
})
