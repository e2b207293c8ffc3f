// The readings of an unsure table number carried to the parser (fast: no recogniser). A row of digit cells
// is drawn here and given the readings the page made; the glyph checks count each cell's glyphs and read
// their shapes, and cellAlternatives collects every number the readings gave: the table identities may
// choose among those, never anything else.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { cellAlternatives } from '../../src-main/engine/ocr/cellAlts.ts'
import type { TCell } from '../../src-main/engine/ocr/cellRead.ts'
import { checkGlyphs } from '../../src-main/engine/ocr/glyphCheck.ts'
import { otsu, type Gray, type Rect } from '../../src-main/engine/ocr/image.ts'
import type { OcrWord } from '../../src-main/engine/ocr/pool.ts'

const require = createRequire(import.meta.url)
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
  let s = 7
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

function cells(readings: [string, number][]): TCell[] {
  return readings.map(([text, conf], i) => {
    const rect = { x0: i * CELL_W, y0: 0, x1: (i + 1) * CELL_W, y1: CELL_H }
    return { rect, words: text === '' ? [] : [word(text, conf, rect)], blobs: [], redo: false }
  })
}

describe('the readings of an unsure number, for the parser', () => {
  // printed: 72 64 178 37 351 | 13 4 8 1 26 (a 表四 row); the last 26 read '20', a 4 read '全'
  const printed = ['72', '64', '178', '37', '351', '13', '4', '8', '1', '26', '4', '26']
  const page = (): { g: Gray; cs: TCell[] } => {
    const g = row(printed)
    const cs = cells([
      ['72', 95], ['64', 96], ['178', 95], ['37', 95], ['351', 94], ['13', 95], ['4', 93], ['8', 95], ['1', 96], ['26', 95],
      ['全', 88],
      ['20', 40]
    ])
    cs[10]!.valueRow = true
    return { g, cs }
  }
  it('the glyphs of each value cell are counted and their shapes read; a cell read as a character is looked at too', () => {
    const { g, cs } = page()
    checkGlyphs(g, cs, otsu(g), EM)
    expect(cs.map((c) => c.nglyph)).toEqual(printed.map((p) => p.length))
    // the shapes of the page's own confident digits read the '4' read as '全' and the '26' read as '20'
    expect(cs[10]!.shape).toBe('4')
    expect(cs[11]!.shape).toBe('26')
  })
  it('every number a reading gave, most often read first, the cell\'s own text left out; noise and words are no readings', () => {
    const { g, cs } = page()
    const c = cs[11] as TCell
    c.readings = [
      { text: '20', conf: 40 },
      { text: '26', conf: 72 },
      { text: '2b', conf: 30 }, // a reading with little confidence is noise
      { text: '了6', conf: 20 }, // look-alikes and digits at low confidence: noise too
      { text: '会', conf: 90 }, // not a number
      { text: '26', conf: 66 }
    ]
    c.digitRead = { text: '28', conf: 81 }
    checkGlyphs(g, cs, otsu(g), EM)
    expect(cellAlternatives(c, '20')).toEqual(['26', '28'])
    // a lone look-alike is what OCR reads for a digit: it counts at any confidence
    const glyph = cs[10] as TCell
    glyph.readings = [{ text: '全', conf: 88 }, { text: '了', conf: 12 }]
    expect(cellAlternatives(glyph, '全').sort()).toEqual(['4', '7'])
  })
})
