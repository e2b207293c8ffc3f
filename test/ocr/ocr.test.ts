// Offline OCR of scanned PDFs (src-main/engine/ocr): scans of the seed reports read back into the document
// model and parsed; every table value compared with the ground truth. A value OCR got wrong must never come
// out as certain. Slow (tesseract, a few seconds per page): two seeds fully here, all scans in
// scripts/bench-ocr.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ReadError } from '../../src-main/engine/ingest/errors.ts'
import { readPdf } from '../../src-main/engine/ingest/readers/pdf.ts'
import type { ReadResult } from '../../src-main/engine/model.ts'
import { compareTables, type Accuracy, type ExpectedTables } from '../../src-main/engine/ocr/accuracy.ts'
import { OcrCache } from '../../src-main/engine/ocr/cache.ts'
import { checkNumberCell, DOUBT_CONF, normalizeText } from '../../src-main/engine/ocr/layout.ts'
import { repairLabel } from '../../src-main/engine/ocr/lexicon.ts'
import { NO_TEXT_MESSAGE, ocrPdf, readPdfWithOcr } from '../../src-main/engine/ocr/ocrPdf.ts'
import { OcrPool } from '../../src-main/engine/ocr/pool.ts'
import { MIN_CONF } from '../../src-main/engine/parse/values.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { ROOT } from '../helpers/seeds.ts'

const SCANS = join(ROOT, 'test', 'fixtures', 'scans')
// a few seconds a page on an idle machine; OCR_TEST_TIMEOUT lets a loaded one check correctness
const SLOW = Number(process.env.OCR_TEST_TIMEOUT ?? 180_000)
// the app's per-file OCR time limit (5 min) is tested on its own (test/hostile/ocr-bounds.test.ts); here it
// would only fail an accuracy check on a loaded machine
const NO_LIMIT = { maxOcrMs: SLOW }

const scan = (name: string): Uint8Array => new Uint8Array(readFileSync(join(SCANS, name)))
const expected = (seed: string): { format: string; year: number; township: string; tables: ExpectedTables } =>
  JSON.parse(readFileSync(join(ROOT, 'test', 'expected', `${seed}.json`), 'utf8'))

function expectOffsets(r: ReadResult): void {
  const cells = r.lines.flatMap((l) => l.cells)
  expect(cells.length).toBeGreaterThan(0)
  for (const c of cells) expect(r.text.slice(c.start, c.end)).toBe(c.text)
  expect(r.lines.map((l) => l.cells.map((c) => c.text).join('\t')).join('\n')).toBe(r.text)
}

/** Accuracy figures, printed so that a failing run shows which cells went wrong. */
function report(name: string, a: Accuracy): void {
  const pct = ((100 * a.right) / a.cells).toFixed(1)
  console.log(`${name}: ${a.cells} cells, right ${a.right} (${pct} %), right but flagged ${a.rightUncertain}, wrong but flagged ${a.wrongUncertain}, wrong and certain ${a.wrongCertain}`)
  if (a.wrongCertainCells.length) console.log(`  WRONG AND CERTAIN:\n  ${a.wrongCertainCells.join('\n  ')}`)
}

let pool: OcrPool
let cwdBefore: string[]
const tmpDirs: string[] = []

beforeAll(() => {
  cwdBefore = readdirSync(process.cwd()).sort()
  pool = new OcrPool()
})

afterAll(async () => {
  await pool.terminate()
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true })
  // tesseract.js writes chi_sim.traineddata into the working directory unless told otherwise.
  // Other test files running at the same time may create the build output and screenshots folders.
  const added = readdirSync(process.cwd()).filter((f) => !cwdBefore.includes(f) && f !== 'out' && f !== 'test-output')
  expect(added).toEqual([])
})

describe('OCR of scanned seed reports: every table value right or flagged', () => {
  it(
    '002 (150 dpi grey JPEG): no wrong value is certain, at least 99 % of cells right',
    async () => {
      let pages = 0
      const read = await ocrPdf(scan('002_3439ace2b5349fdf.scan.pdf'), { pool, ...NO_LIMIT, onPage: (_d, n) => (pages = n) })
      expect(pages).toBe(3)
      expect(read.kind).toBe('pdf')
      expect(read.needsOcr).toBeUndefined()
      expect(read.pages?.every((p) => p.scanned)).toBe(true)
      expectOffsets(read)
      // every OCR'd cell carries a confidence and a box in PDF points (A4: 595 x 842)
      for (const c of read.lines.flatMap((l) => l.cells)) {
        expect(c.conf).toBeGreaterThanOrEqual(0)
        expect(c.page).toBeGreaterThanOrEqual(1)
        const [x0, y0, x1, y1] = c.box as number[]
        expect(x0).toBeLessThanOrEqual(x1 as number)
        expect(y0).toBeLessThanOrEqual(y1 as number)
        expect(x0).toBeGreaterThanOrEqual(-1)
        expect(x1).toBeLessThanOrEqual(597)
        expect(y1).toBeLessThanOrEqual(843)
      }
      const parsed = parseReport(read)
      const e = expected('002_3439ace2b5349fdf')
      expect(parsed.format).toBe(e.format)
      expect(parsed.year).toBe(e.year)
      expect(parsed.body?.township).toBe(e.township)
      const a = compareTables(parsed, e.tables)
      report('002 scan', a)
      expect(a.wrongCertainCells).toEqual([])
      expect(a.right / a.cells).toBeGreaterThanOrEqual(0.99)
    },
    SLOW
  )

  it(
    '004 (traditional, 2019 format; rotated 1°, noisy): deskewed, no wrong value is certain',
    async () => {
      const read = await ocrPdf(scan('004_f4dd133f55a6f46e.scan.pdf'), { pool, ...NO_LIMIT })
      expect(read.warnings.some((w) => w.includes('歪斜'))).toBe(true)
      expectOffsets(read)
      const parsed = parseReport(read)
      const e = expected('004_f4dd133f55a6f46e')
      expect(parsed.format).toBe(e.format)
      const a = compareTables(parsed, e.tables)
      report('004 scan', a)
      expect(a.wrongCertainCells).toEqual([])
      expect(a.right / a.cells).toBeGreaterThanOrEqual(0.97)
    },
    SLOW
  )

  it(
    'random numbers with every digit (seed 000 with its values replaced): no wrong value is certain',
    async () => {
      const read = await ocrPdf(scan('digits.scan.pdf'), { pool, ...NO_LIMIT })
      const e = JSON.parse(readFileSync(join(SCANS, 'digits.expected.json'), 'utf8')) as { tables: ExpectedTables }
      const a = compareTables(parseReport(read), e.tables)
      report('digits scan', a)
      expect(a.wrongCertainCells).toEqual([])
      // The random values break the template's column identities by construction: a failing identity puts in
      // doubt the cells one misread could explain that were not read with full confidence, so some cells are
      // right but flagged here.
      expect(a.right + a.rightUncertain).toBeGreaterThanOrEqual(0.97 * a.cells)
    },
    SLOW
  )
})

describe('a traditional-character scan (seed 002 converted, 150 dpi colour, rotated 0.8°, red seal over the 落款)', () => {
  it(
    'body and year from the title, every table cell right or flagged',
    async () => {
      const read = await ocrPdf(scan('tra/002_3439ace2b5349fdf.tra150.scan.pdf'), { pool, ...NO_LIMIT })
      const text = read.text
      // read as traditional characters, not forced into simplified look-alikes
      expect(text).toMatch(/雲陽縣平安鎮人民政府/)
      const parsed = parseReport(read)
      const e = expected('002_3439ace2b5349fdf')
      expect(parsed.year).toBe(e.year)
      expect(parsed.body?.township).toBe(e.township)
      const a = compareTables(parsed, e.tables)
      report('traditional 002 scan', a)
      expect(a.wrongCertainCells).toEqual([])
      // 200 of 200 when measured (179 before tables cut by the page break were closed)
      expect(a.right / a.cells).toBeGreaterThanOrEqual(0.99)
    },
    SLOW
  )
})

describe('readPdfWithOcr: text-layer pages from the text layer, scanned pages by OCR', () => {
  it(
    'a PDF whose page 2 is a scan: only that page is OCR\'d, lines stay in page order',
    async () => {
      const buf = scan('003_ba49bbb087adff7b.mixed.pdf')
      const base = await readPdf(buf)
      expect(base.pages?.map((p) => !!p.scanned)).toEqual([false, true, false])
      const before = pool.recognized
      let progress: [number, number] | undefined
      const read = await readPdfWithOcr(buf, { pool, onPage: (d, n) => (progress = [d, n]) })
      expect(progress).toEqual([1, 1])
      expect(pool.recognized).toBeGreaterThan(before)
      expectOffsets(read)
      expect(read.needsOcr).toBeUndefined()
      expect(read.warnings.some((w) => w.includes('没有文字层'))).toBe(false)
      expect(read.warnings.some((w) => w.startsWith('第 2 页是扫描件'))).toBe(true)
      // page order, and pages 1 and 3 exactly as the text layer gives them (no OCR confidence there)
      const pageOf = read.lines.map((l) => l.cells[0]?.page ?? 0)
      expect(pageOf).toEqual([...pageOf].sort((x, y) => x - y))
      for (const p of [1, 3]) {
        const mine = read.lines.filter((l) => l.cells[0]?.page === p).map((l) => l.cells.map((c) => c.text))
        const theirs = base.lines.filter((l) => l.cells[0]?.page === p).map((l) => l.cells.map((c) => c.text))
        expect(mine).toEqual(theirs)
        expect(read.lines.filter((l) => l.cells[0]?.page === p).every((l) => l.cells.every((c) => c.conf === undefined))).toBe(true)
      }
      expect(read.lines.filter((l) => l.cells[0]?.page === 2).every((l) => l.cells.every((c) => c.conf !== undefined))).toBe(true)
      const a = compareTables(parseReport(read), expected('003_ba49bbb087adff7b').tables)
      report('003 mixed', a)
      expect(a.wrongCertainCells).toEqual([])
      expect(a.right / a.cells).toBeGreaterThanOrEqual(0.95)
    },
    SLOW
  )

  it('a PDF with a text layer on every page is read without OCR', async () => {
    const before = pool.recognized
    const buf = new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', '002_3439ace2b5349fdf.pdf')))
    const read = await readPdfWithOcr(buf, { pool })
    expect(read).toEqual(await readPdf(buf))
    expect(pool.recognized).toBe(before)
  })
})

describe('scans without a report', () => {
  it('a blank scanned page says so', async () => {
    const buf = scan('blank.scan.pdf')
    const e = await ocrPdf(buf, { pool }).catch((err: unknown) => err)
    expect(e).toBeInstanceOf(ReadError)
    expect((e as ReadError).message).toBe(NO_TEXT_MESSAGE)
    expect((e as ReadError).message).toBe('扫描件中没有识别出文字（可能是空白页或图片）')
    const e2 = await readPdfWithOcr(buf, { pool }).catch((err: unknown) => err)
    expect(e2).toBeInstanceOf(ReadError)
    expect((e2 as ReadError).message).toBe(NO_TEXT_MESSAGE)
  }, SLOW)

  it('a file that is not a PDF is refused as the PDF reader refuses it', async () => {
    const e = await readPdfWithOcr(new TextEncoder().encode('hello')).catch((err: unknown) => err)
    expect(e).toBeInstanceOf(ReadError)
    expect((e as ReadError).code).toBe('not-pdf')
  })
})

describe('cache and cancel', () => {
  it(
    'the same file is OCR\'d once: the second read comes from the cache',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'xxgk-ocr-cache-'))
      tmpDirs.push(dir)
      const cache = new OcrCache(dir)
      const buf = scan('003_ba49bbb087adff7b.mixed.pdf')
      const first = await readPdfWithOcr(buf, { pool, cache })
      expect(cache.hits).toBe(0)
      expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(1)
      const before = pool.recognized
      const second = await readPdfWithOcr(buf, { pool, cache })
      expect(pool.recognized).toBe(before)
      expect(cache.hits).toBe(1)
      expect(second).toEqual(first)
      // a new cache object on the same folder (the next app start) finds it too
      const again = new OcrCache(dir)
      expect(await readPdfWithOcr(buf, { pool, cache: again })).toEqual(first)
      expect(again.hits).toBe(1)
      expect(pool.recognized).toBe(before)
    },
    SLOW
  )

  it(
    'an abort stops OCR promptly, and the pool keeps working afterwards',
    async () => {
      const ac = new AbortController()
      const t0 = Date.now()
      const p = ocrPdf(scan('002_3439ace2b5349fdf.scan.pdf'), { pool, signal: ac.signal })
      setTimeout(() => ac.abort(new Error('cancelled by test')), 300)
      await expect(p).rejects.toThrow('cancelled by test')
      expect(Date.now() - t0).toBeLessThan(5000)
      const read = await ocrPdf(scan('003_ba49bbb087adff7b.scan.pdf'), { pool, pages: [3] })
      expect(read.text).toContain('年')
      expect(read.pages?.map((x) => !!x.scanned)).toEqual([false, false, true])
    },
    SLOW
  )
})

describe('digits OCR may have got wrong are never certain', () => {
  const flagged = (text: string, conf = 95, numericLine = true): { text: string; certain: boolean; drop?: boolean } => {
    const r = checkNumberCell(text, conf, numericLine, MIN_CONF)
    return { text: r.text, certain: r.conf >= MIN_CONF, ...(r.drop ? { drop: true } : {}) }
  }

  it('look-alike letters become digits, flagged', () => {
    expect(flagged('O')).toEqual({ text: '0', certain: false })
    expect(flagged('1O')).toEqual({ text: '10', certain: false })
    expect(flagged('l2')).toEqual({ text: '12', certain: false })
    expect(flagged('|')).toEqual({ text: '|', certain: true, drop: true })
    expect(flagged('S')).toEqual({ text: '5', certain: false })
    expect(flagged('B0')).toEqual({ text: '80', certain: false })
    expect(flagged('Z')).toEqual({ text: '2', certain: false })
    expect(flagged('〇')).toEqual({ text: '0', certain: false })
    expect(flagged('了')).toEqual({ text: '7', certain: false })
    expect(checkNumberCell('O', 95, true, MIN_CONF).conf).toBeLessThanOrEqual(DOUBT_CONF)
  })

  it('stray punctuation in or around an integer is removed, flagged', () => {
    expect(flagged('12,34')).toEqual({ text: '1234', certain: false })
    expect(flagged('0.')).toEqual({ text: '0', certain: false })
    expect(flagged('，5')).toEqual({ text: '5', certain: false })
    expect(flagged('1.2.3')).toEqual({ text: '123', certain: false })
    // a thousands separator or a decimal amount is kept, flagged unless read very confidently
    expect(flagged('1,234', 90)).toEqual({ text: '1,234', certain: false })
    expect(flagged('1,234', 97)).toEqual({ text: '1,234', certain: true })
    expect(flagged('3.5', 90)).toEqual({ text: '3.5', certain: false })
    expect(flagged('07')).toEqual({ text: '07', certain: false })
  })

  it('clean numbers and words are left alone', () => {
    expect(flagged('0')).toEqual({ text: '0', certain: true })
    expect(flagged('1234')).toEqual({ text: '1234', certain: true })
    expect(flagged('12', 70)).toEqual({ text: '12', certain: false })
    expect(flagged('行政许可')).toEqual({ text: '行政许可', certain: true })
    expect(flagged('Good', 95, true)).toEqual({ text: 'Good', certain: true })
    // outside a row of values a lone letter is a letter
    expect(flagged('O', 95, false)).toEqual({ text: 'O', certain: true })
  })

  it('a blank mark read without confidence is dropped, so the row cannot pass as blank', () => {
    expect(flagged('/', 95)).toEqual({ text: '/', certain: true })
    expect(flagged('/', 60)).toEqual({ text: '/', certain: false, drop: true })
    expect(flagged('一', 95)).toEqual({ text: '一', certain: true, drop: true })
  })
})

describe('labels: unsure characters repaired from the form, confident ones never', () => {
  const conf = (text: string, low: number[]): number[] => [...text].map((_, i) => (low.includes(i) ? 40 : 96))

  it('repairs what OCR was unsure of', () => {
    expect(repairLabel('(三)不巴公开', conf('(三)不巴公开', [4])).text).toBe('(三)不予公开')
    expect(repairLabel('行政处辐', conf('行政处辐', [3])).text).toBe('行政处罚')
    expect(repairLabel('第二十条第(儿项', conf('第二十条第(儿项', [6])).text).toBe('第二十条第(八）项')
    expect(repairLabel('五、存在的主要问题及改讲情况', conf('五、存在的主要问题及改讲情况', [11])).text).toBe('五、存在的主要问题及改进情况')
  })

  it('keeps text read with confidence, and what no phrase explains', () => {
    expect(repairLabel('行政处辐', conf('行政处辐', [])).text).toBe('行政处辐')
    expect(repairLabel('本地区的工作', conf('本地区的工作', [0])).text).toBe('本地区的工作')
    // '(儿)' could be any of the block numbers: only the look-alike 八 is taken
    expect(repairLabel('第二十条第(□)项', conf('第二十条第(□)项', [6])).text).toBe('第二十条第(□)项')
  })

  it('brackets of ordinals read as 〈 or 《', () => {
    expect(normalizeText('第二十条第〈五)项')).toBe('第二十条第（五）项')
    expect(normalizeText('《一)予以公开')).toBe('（一）予以公开')
    expect(normalizeText('《条例》')).toBe('《条例》')
  })
})
