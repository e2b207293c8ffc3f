// A cell's final reading on a scanned page: a number the checks put in doubt stays in doubt even when its
// text is left as read (the label repair that follows must not bring its confidence back).
import { describe, expect, it } from 'vitest'
import { finishCell } from '../../src-main/engine/ocr/page.ts'
import type { OcrCell } from '../../src-main/engine/ocr/layout.ts'
import { MIN_CONF } from '../../src-main/engine/parse/values.ts'

const cell = (text: string, conf: number): OcrCell => ({ text, confs: [...text].map(() => conf), x0: 0, y0: 0, x1: 10, y1: 10, h: 10, base: 5 })

describe('finishCell', () => {
  it('an amount with decimals read below 95 and a leading zero are in doubt, their text kept', () => {
    const amount = finishCell(cell('75394432.52', 92), true, true)
    expect(amount?.text).toBe('75394432.52')
    expect(amount!.conf).toBeLessThan(MIN_CONF)
    expect(finishCell(cell('07', 96), true, true)!.conf).toBeLessThan(MIN_CONF)
  })
  it('an amount whose point the ink shows standing alone in its gap needs only the digits\' confidence', () => {
    expect(finishCell(cell('75394432.52', 92), true, true, true)).toEqual({ text: '75394432.52', conf: 92 })
    expect(finishCell(cell('75394432.52', 70), true, true, true)!.conf).toBeLessThan(MIN_CONF)
    // no point seen: a thousands comma or a 1.0 for 10 is no amount's point
    expect(finishCell(cell('1.0', 92), true, true, false)!.conf).toBeLessThan(MIN_CONF)
  })
  it('a clean number and an amount read with full confidence keep their confidence', () => {
    expect(finishCell(cell('153', 93), true, true)).toEqual({ text: '153', conf: 93 })
    expect(finishCell(cell('75394432.52', 96), true, true)).toEqual({ text: '75394432.52', conf: 96 })
  })
  it('a lone rule remnant among numbers is dropped; a label keeps its text', () => {
    expect(finishCell(cell('|', 60), true, true)).toBeNull()
    expect(finishCell(cell('予以公开', 95), false, true)?.text).toBe('予以公开')
  })
})
