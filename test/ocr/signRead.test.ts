// The sign of a number in a table cell (signCheck.ts), on a row of cells drawn here and read with the real
// recogniser: a faint dash the page's reading dropped is read once more and taken only when the reading puts
// a minus where the ink shows it; a minus a reading has with no dash in the ink, or a dash no reading
// confirms, leaves the number in doubt. Slow-ish: a few single-cell recognitions.
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TCell } from '../../src-main/engine/ocr/cellRead.ts'
import { checkGlyphs } from '../../src-main/engine/ocr/glyphCheck.ts'
import { otsu, type Gray, type Rect } from '../../src-main/engine/ocr/image.ts'
import { DOUBT_CONF } from '../../src-main/engine/ocr/layout.ts'
import { OcrPool, type OcrPageResult, type OcrWord, type Recognizer } from '../../src-main/engine/ocr/pool.ts'
import { applySign, readSigns } from '../../src-main/engine/ocr/signCheck.ts'

const require = createRequire(import.meta.url)
const SLOW = Number(process.env.OCR_TEST_TIMEOUT ?? 180_000)
const CELL_W = 160
const CELL_H = 64
const EM = 30

/** A row of cells at 300 dpi: digits left-aligned in black, and before them a dash of the given grey (or none). */
function row(cells: { digits: string; dash: string | null }[]): Gray {
  const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas')
  const w = CELL_W * cells.length
  const canvas = createCanvas(w, CELL_H)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, w, CELL_H)
  ctx.font = '30px DejaVu Serif, serif'
  cells.forEach((c, i) => {
    ctx.fillStyle = '#000000'
    ctx.fillText(c.digits, i * CELL_W + 30, 44)
    if (c.dash) {
      // a hyphen-minus as thin as a 150 dpi scan leaves it: grey, a third of an em wide, at the digits' middle
      ctx.fillStyle = c.dash
      ctx.fillRect(i * CELL_W + 18, 31, 9, 3)
    }
  })
  const rgba = ctx.getImageData(0, 0, w, CELL_H).data
  const data = new Uint8Array(w * CELL_H)
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4] as number
  return { w, h: CELL_H, data }
}

function word(text: string, confidence: number, r: Rect): OcrWord {
  const b = { x0: r.x0 + 15, y0: 18, x1: r.x0 + 80, y1: 46 }
  return { text, confidence, bbox: b, symbols: [{ text, confidence, bbox: b }], baseline: b, lineBox: b }
}

function cells(readings: [string, number][]): TCell[] {
  return readings.map(([text, conf], i) => {
    const rect = { x0: i * CELL_W, y0: 0, x1: (i + 1) * CELL_W, y1: CELL_H }
    return { rect, words: [word(text, conf, rect)], blobs: [], redo: false }
  })
}

/** The final text and lowest confidence of a cell, as page.ts puts them out. */
function out(c: TCell): { text: string; conf: number } {
  const cell = { text: c.words.map((w) => w.text).join(''), confs: [c.conf ?? 95] }
  applySign(cell, c)
  return { text: cell.text, conf: Math.min(...cell.confs) }
}

let pool: OcrPool
beforeAll(() => {
  pool = new OcrPool({ size: 1 })
})
afterAll(async () => {
  await pool.terminate()
})

describe('the sign of a number on a scan', () => {
  it(
    'a faint dash the reading dropped is read again; a minus with no dash, or no number, stays in doubt',
    async () => {
      const g = row([
        { digits: '72', dash: '#b4b4b4' }, // the dash dropped by the page's reading
        { digits: '15', dash: '#b4b4b4' }, // the dash read by the page's reading
        { digits: '26', dash: null }, // a minus read where the ink shows none
        { digits: '38', dash: null }
      ])
      const cs = cells([
        ['72', 95],
        ['-15', 92],
        ['-26', 90],
        ['38', 95]
      ])
      const thr = otsu(g)
      checkGlyphs(g, cs, thr, EM)
      expect(cs.map((c) => !!c.dash)).toEqual([true, true, false, false])
      expect(cs[0]!.signLost).toBe(true)
      await readSigns(g, cs, thr, 300, pool)
      expect(out(cs[0]!)).toEqual({ text: '-72', conf: 95 })
      expect(out(cs[1]!)).toEqual({ text: '-15', conf: 95 })
      expect(out(cs[2]!).conf).toBe(DOUBT_CONF)
      expect(out(cs[3]!)).toEqual({ text: '38', conf: 95 })
    },
    SLOW
  )
})

/** A recogniser that answers every image with the same words (symbol boxes in the image read). */
function fixed(words: { text: string; conf: number; symbols: [string, number, number][] }[]): Recognizer {
  return {
    tag: 'fixed',
    size: 1,
    recognized: 0,
    recognize: async (): Promise<OcrPageResult> => ({
      confidence: 90,
      words: words.map((w) => {
        const b = { x0: 0, y0: 0, x1: 100, y1: 40 }
        return { text: w.text, confidence: w.conf, bbox: b, baseline: b, lineBox: b, symbols: w.symbols.map(([text, confidence, x]) => ({ text, confidence, bbox: { x0: x, y0: 10, x1: x + 8, y1: 30 } })) }
      })
    }),
    terminate: async () => {}
  } as unknown as Recognizer
}

describe('what the second reading of a dash must show', () => {
  const g = row([{ digits: '72', dash: '#b4b4b4' }])
  const thr = otsu(g)
  const setUp = (): TCell => {
    const [c] = cells([['72', 95]])
    checkGlyphs(g, [c!], thr, EM)
    return c!
  }
  it('a confident minus where the dash stands, before the same digits: negative', async () => {
    const c = setUp()
    // the crop starts a little left of the dash (x 18 of the cell) and is padded by 20 pixels
    await readSigns(g, [c], thr, 300, fixed([{ text: '-72', conf: 70, symbols: [['-', 96, 24], ['7', 95, 40], ['2', 95, 56]] }]))
    expect(c.minus).toBe(true)
  })
  it('a minus read on something else, without confidence, or before other digits: still in doubt', async () => {
    for (const words of [
      [{ text: '-72', conf: 80, symbols: [['-', 96, 120], ['7', 95, 40], ['2', 95, 56]] as [string, number, number][] }],
      [{ text: '-72', conf: 80, symbols: [['-', 60, 24], ['7', 95, 40], ['2', 95, 56]] as [string, number, number][] }],
      [{ text: '-12', conf: 90, symbols: [['-', 96, 24], ['1', 95, 40], ['2', 95, 56]] as [string, number, number][] }],
      [{ text: '72', conf: 95, symbols: [['7', 95, 40], ['2', 95, 56]] as [string, number, number][] }]
    ]) {
      const c = setUp()
      await readSigns(g, [c], thr, 300, fixed(words))
      expect(c.minus).toBeUndefined()
      expect(out(c).conf).toBe(DOUBT_CONF)
    }
  })
})
