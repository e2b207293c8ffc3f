// A number verified by two recognisers (tesseract and the glyph shapes learned on the page): a row of
// digit cells drawn here, the page's readings given, checkGlyphs and verifyDigits run with the real
// recogniser. Slow-ish: a few single-cell recognitions.
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wordsText, type TCell } from '../../src-main/engine/ocr/cellRead.ts'
import { confirmShort, settleByGlyphCount, verifyDigits } from '../../src-main/engine/ocr/digitVerify.ts'
import { checkGlyphs } from '../../src-main/engine/ocr/glyphCheck.ts'
import { otsu, type Gray, type Rect } from '../../src-main/engine/ocr/image.ts'
import { DOUBT_CONF } from '../../src-main/engine/ocr/layout.ts'
import { OcrPool, type OcrWord, type Recognizer } from '../../src-main/engine/ocr/pool.ts'

const require = createRequire(import.meta.url)
const SLOW = Number(process.env.OCR_TEST_TIMEOUT ?? 180_000)
const CELL_W = 150
const CELL_H = 90
const EM = 44

/** A row of table cells at 300 dpi, each number drawn in its middle on grainy grey paper. */
function row(numbers: string[]): Gray {
  const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas')
  const w = CELL_W * numbers.length
  const canvas = createCanvas(w, CELL_H)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, w, CELL_H)
  ctx.fillStyle = '#000000'
  ctx.font = '40px DejaVu Serif, serif'
  ctx.textAlign = 'center'
  numbers.forEach((n, i) => ctx.fillText(n, i * CELL_W + CELL_W / 2, 60))
  const rgba = ctx.getImageData(0, 0, w, CELL_H).data
  const data = new Uint8Array(w * CELL_H)
  let s = 11
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    data[i] = Math.max(0, Math.min(255, (rgba[i * 4] as number) - 12 + (s % 12)))
  }
  return { w, h: CELL_H, data }
}

function word(text: string, confidence: number, r: Rect): OcrWord {
  const b = { x0: r.x0 + 40, y0: 25, x1: r.x1 - 40, y1: 65 }
  return { text, confidence, bbox: b, symbols: [{ text, confidence, bbox: b }], baseline: b, lineBox: b }
}

/** The cells of the row, each with what the page's reading of it gave. */
function cells(readings: [string, number][]): TCell[] {
  return readings.map(([text, conf], i) => {
    const rect = { x0: i * CELL_W, y0: 0, x1: (i + 1) * CELL_W, y1: CELL_H }
    return { rect, words: text === '' ? [] : [word(text, conf, rect)], blobs: [], redo: false }
  })
}

let pool: OcrPool
beforeAll(() => {
  pool = new OcrPool({ size: 1 })
})
afterAll(async () => {
  await pool.terminate()
})

describe('numbers verified by tesseract and the glyph shapes together', () => {
  it(
    'a digit read the same both ways is verified; one read as nothing is read again; a confident rival reading is not overruled',
    async () => {
      const printed = ['10', '1', '0', '0', '10', '0', '0', '7']
      const g = row(printed)
      const cs = cells([
        ['10', 95],
        ['1', 96],
        ['0', 95],
        ['0', 94],
        ['10', 86], // read with some confidence: the shapes agree
        ['|', 0], // a leftover rule read, nothing else: read again with digits only
        ['1', 88], // read with confidence as another digit: stays in doubt
        ['7', 90] // no other 7 on the page: nothing to compare its shape with
      ])
      cs[5]!.readings = [{ text: '|', conf: 0 }, { text: '', conf: 0 }]
      const thr = otsu(g)
      checkGlyphs(g, cs, thr, EM)
      await verifyDigits(g, cs, EM, 300, pool)
      expect(cs.map((c) => !!c.verified)).toEqual([true, true, true, true, true, true, false, false])
      expect(wordsText(cs[5]!.words)).toBe('0')
      expect(wordsText(cs[6]!.words)).toBe('1')
      expect(cs[6]!.conf).toBe(DOUBT_CONF)
      expect(cs[7]!.glyphs).toBeUndefined()
    },
    SLOW
  )
})

describe('glyphs of a low-resolution scan that fall apart', () => {
  it('a digit broken into two pieces is one glyph; a digit the reading dropped still leaves the number in doubt', () => {
    const g = row(['30', '52', '46', '0', '11'])
    // the thin top and bottom of the 0 in cell 3 lost, as on a 150 dpi scan: its two arcs no longer touch
    const mid = 3 * CELL_W + CELL_W / 2
    for (let y = 0; y < CELL_H; y++) for (let x = mid - 1; x <= mid + 1; x++) g.data[y * g.w + x] = 255
    const cs = cells([
      ['30', 95],
      ['52', 95],
      ['46', 95],
      ['0', 95],
      ['1', 95] // '11' read '1': a digit dropped
    ])
    checkGlyphs(g, cs, otsu(g), EM)
    expect(cs[3]!.conf).toBeUndefined()
    expect(cs[4]!.conf).toBe(DOUBT_CONF)
  })
})

describe('an unsure number looked at again once its glyphs are counted', () => {
  /** A cell the vote left unsure: its words, the readings made of it and the glyphs counted in its ink. */
  const contested = (text: string, readings: [string, number][], nglyph: number, more: Partial<TCell> = {}): TCell => ({
    ...cells([[text, 90]])[0]!,
    conf: DOUBT_CONF,
    contested: true,
    readings: readings.map(([t, conf]) => ({ text: t, conf })),
    nglyph,
    ...more
  })
  it('a rival with a leading zero or another count of digits than the glyphs is no contradiction', () => {
    const zero = contested('64', [['', 0], ['64', 89], ['04', 66], ['64', 90]], 2)
    const longer = contested('351', [['351', 88], ['3531', 69], ['151', 0]], 3, { digitRead: { text: '351', conf: 79 } })
    const shorter = contested('178', [['178', 90], ['18', 80], ['178', 91]], 3)
    settleByGlyphCount([zero, longer, shorter])
    expect([zero.conf, longer.conf, shorter.conf]).toEqual([90, 88, 91])
  })
  it('a rival that could be printed, one reading alone, or glyphs or a sign in doubt: still unsure', () => {
    const rival = contested('351', [['351', 92], ['321', 71], ['351', 83]], 3)
    const alone = contested('351', [['351', 88], ['3531', 69]], 3)
    const word = contested('37', [['37', 88], ['37', 90], ['站', 85]], 2)
    const glyphs = contested('64', [['64', 89], ['04', 66], ['64', 90]], 2, { glyphDoubt: true })
    const sign = contested('64', [['64', 89], ['04', 66], ['64', 90]], 2, { signLost: true })
    const uncounted = contested('64', [['64', 89], ['04', 66], ['64', 90]], 2, { nglyph: undefined })
    settleByGlyphCount([rival, alone, word, glyphs, sign, uncounted])
    for (const c of [rival, alone, word, glyphs, sign, uncounted]) expect(c.conf).toBe(DOUBT_CONF)
  })
})

describe('a short number read again on its own (confirmShort)', () => {
  it(
    'a digit read with confidence and read the same again is verified; one read otherwise, one the page read without confidence or with a rival reading is not',
    async () => {
      const printed = ['0', '0', '0', '1', '0', '7', '0', '0']
      const g = row(printed)
      const cs = cells([
        ['0', 95],
        ['0', 96],
        ['0', 95],
        ['1', 92], // read 92: no glyph verification (no other 1 on the page), the second reading agrees
        ['0', 91],
        ['1', 92], // a 7 read as 1 with confidence: the second reading says 7, so it stays as it was
        ['0', 70], // read without confidence: not a candidate, whatever a second reading says
        ['0', 93] // a rival reading of the cell (a 6 read with some confidence): not a candidate
      ])
      cs[7]!.readings = [{ text: '0', conf: 93 }, { text: '6', conf: 60 }]
      checkGlyphs(g, cs, otsu(g), EM)
      expect(cs.map((c) => c.nglyph)).toEqual([1, 1, 1, 1, 1, 1, 1, 1])
      expect(cs[5]!.glyphDoubt).toBeFalsy()
      let calls = 0
      const counting: Recognizer = {
        tag: pool.tag,
        size: pool.size,
        recognized: 0,
        recognize: (img, opts) => {
          calls++
          return pool.recognize(img, opts)
        },
        terminate: () => Promise.resolve()
      }
      await confirmShort(g, cs, EM, 300, counting)
      expect(cs.map((c) => !!c.verified)).toEqual([true, true, true, true, true, false, false, false])
      // the 7 read as 1 was read again (two readings each for six candidates): the second reading disagreed
      expect(calls).toBe(12)
      expect(wordsText(cs[5]!.words)).toBe('1')
    },
    SLOW
  )
})
