// A minus sign the recognizer dropped ('-72' read as a confident '72' on a 150 dpi scan): the grey dash
// before the digits is found, and nothing else left of a number is taken for one.
import { describe, expect, it } from 'vitest'
import type { Gray, Rect } from '../../src-main/engine/ocr/image.ts'
import { minusBefore } from '../../src-main/engine/ocr/signCheck.ts'

const EM = 39
const THR = 177
/** A 200×60 cell of paper (250) with two dark digit glyphs, and marks of the given grey at the given rects. */
function cell(marks: [Rect, number][]): { g: Gray; digits: Rect[] } {
  const g: Gray = { w: 200, h: 60, data: new Uint8Array(200 * 60).fill(250) }
  const fill = (r: Rect, v: number): void => {
    for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) g.data[y * g.w + x] = v
  }
  const digits: Rect[] = [
    { x0: 60, y0: 17, x1: 76, y1: 43 },
    { x0: 80, y0: 17, x1: 96, y1: 43 }
  ]
  for (const d of digits) fill(d, 80)
  for (const [r, v] of marks) fill(r, v)
  return { g, digits }
}
const whole: Rect = { x0: 0, y0: 0, x1: 200, y1: 60 }

describe('a minus sign OCR did not read', () => {
  it('a faint grey dash level with the digits, just before them', () => {
    const { g, digits } = cell([[{ x0: 44, y0: 28, x1: 54, y1: 33 }, 212]])
    expect(minusBefore(g, whole, digits, THR, EM)).toMatchObject({ x0: 44, x1: 54 })
  })
  it('a clean black dash of a 300 dpi scan', () => {
    const { g, digits } = cell([[{ x0: 46, y0: 29, x1: 57, y1: 32 }, 40]])
    expect(minusBefore(g, whole, digits, THR, EM)).not.toBeNull()
  })
  it('no ink, a speck, a dash far from the number, a rule remnant along the top, paper grain: no sign', () => {
    expect(minusBefore(cell([]).g, whole, cell([]).digits, THR, EM)).toBeNull()
    const speck = cell([[{ x0: 50, y0: 29, x1: 53, y1: 32 }, 60]])
    expect(minusBefore(speck.g, whole, speck.digits, THR, EM)).toBeNull()
    const far = cell([[{ x0: 5, y0: 28, x1: 15, y1: 33 }, 60]])
    expect(minusBefore(far.g, whole, far.digits, THR, EM)).toBeNull()
    const top = cell([[{ x0: 40, y0: 17, x1: 56, y1: 19 }, 60]])
    expect(minusBefore(top.g, whole, top.digits, THR, EM)).toBeNull()
    const grain = cell([[{ x0: 44, y0: 28, x1: 54, y1: 33 }, 236]])
    expect(minusBefore(grain.g, whole, grain.digits, THR, EM)).toBeNull()
  })
  it('a character of a label before the number is not a dash', () => {
    const { g, digits } = cell([[{ x0: 30, y0: 15, x1: 50, y1: 45 }, 60]])
    expect(minusBefore(g, whole, digits, THR, EM)).toBeNull()
  })
})
