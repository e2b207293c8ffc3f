// An amount's decimal point taken as verified only where the ink shows it: a dot at the digits' foot in the
// gap the reading puts it in, and in no other gap.
import { describe, expect, it } from 'vitest'
import type { Gray, Rect } from '../../src-main/engine/ocr/image.ts'
import { pointSeen } from '../../src-main/engine/ocr/pointCheck.ts'

const THR = 172
/** Four digit glyphs (16×26, 20 apart from x=20) on paper, with dots at the given gaps (1-based: after digit n). */
function amount(dotsAfter: number[], grey = 60): { g: Gray; digits: Rect[] } {
  const g: Gray = { w: 140, h: 50, data: new Uint8Array(140 * 50).fill(250) }
  const fill = (r: Rect, v: number): void => {
    for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) g.data[y * g.w + x] = v
  }
  const digits: Rect[] = []
  let x = 20
  for (let i = 1; i <= 4; i++) {
    digits.push({ x0: x, y0: 10, x1: x + 16, y1: 36 })
    x += 20
    if (dotsAfter.includes(i)) x += 6
  }
  for (const d of digits) fill(d, 80)
  for (const i of dotsAfter) {
    const after = digits[i - 1] as Rect
    fill({ x0: after.x1 + 3, y0: 31, x1: after.x1 + 7, y1: 35 }, grey)
  }
  return { g, digits }
}

describe('pointSeen', () => {
  it('the point where the reading has it', () => {
    const { g, digits } = amount([2])
    expect(pointSeen(g, digits, '12.34', THR)).toBe(true)
  })
  it('a point in another gap, a second dot, or none: not seen', () => {
    expect(pointSeen(amount([3]).g, amount([3]).digits, '12.34', THR)).toBe(false)
    expect(pointSeen(amount([1, 2]).g, amount([1, 2]).digits, '12.34', THR)).toBe(false)
    expect(pointSeen(amount([]).g, amount([]).digits, '12.34', THR)).toBe(false)
  })
  it('a reading without a point, or with digits the glyphs do not count, is not verified here', () => {
    const { g, digits } = amount([2])
    expect(pointSeen(g, digits, '1234', THR)).toBe(false)
    expect(pointSeen(g, digits, '12.345', THR)).toBe(false)
  })
})
