// Columns of a scanned table placed by the header's x positions: on a page scanned askew the numbers drift
// sideways from top to bottom, and the rows low on the page must still land in their columns.
import { describe, expect, it } from 'vitest'
import type { Box } from '../../src-main/engine/model.ts'
import { columnModel, placeByModel } from '../../src-main/engine/parse/grid/columns.ts'
import type { Item, RowRead } from '../../src-main/engine/parse/grid/rows.ts'
import type { GCell } from '../../src-main/engine/parse/grid/types.ts'
import { tableSpecs } from '../../src-main/engine/template.ts'

const spec = tableSpecs('2021').find((s) => s.table === 'T3')!
// an A5 page's T3 columns (PDF points) as the header's names stand, near the top of the page
const centers = [233, 252, 272, 297, 322, 343, 359]
const header: GCell[] = spec.cols.map((c, i): GCell => ({ text: c.label, start: i, end: i + 1, kind: 'text', line: 0, page: 3, box: [centers[i]! - 6, 556, centers[i]! + 6, 564] }))
const num = (x: number, y: number, line: number): Item => {
  const box: Box = [x - 2, y - 3, x + 2, y + 3]
  return { kind: 'num', text: '0', start: 100 + line, end: 101 + line, box, page: 3, line, conf: 95, glued: false }
}
/** Rows with a number under 自然人 and under 总计 only, drifting right by `slope` points per point down the page. */
function rows(slope: number): RowRead[] {
  return Array.from({ length: 16 }, (_, k) => {
    const y = 540 - 28 * k
    const d = slope * (560 - y)
    return { id: `r${k}`, items: [num(centers[0]! + 1 + d, y, k), num(centers[6]! + 1 + d, y, k)], noise: [] }
  })
}

describe('header-placed columns on a skewed scan', () => {
  it('the bottom rows of a page scanned 1° askew stay in their columns', () => {
    const rs = rows(0.0175)
    const model = columnModel(rs, header, spec)
    expect(model.kind).toBe('x')
    for (const r of rs) {
      const placed = placeByModel(r.items, model, spec.cols.length)
      expect(placed?.cells.map((c) => (c ? c.text : null))).toEqual(['0', null, null, null, null, null, '0'])
    }
    // without the page's drift the last row stands off the header's 自然人 by more than half a column
    if (model.kind === 'x') expect(placeByModel(rs[15]!.items, { ...model, drift: undefined }, spec.cols.length)).toBeNull()
  })
  it('a number in the wrong column is not pulled into the right one', () => {
    const rs = rows(0)
    // 商业企业's number where 自然人 should be: a drift of a single number is not a page's skew
    rs[3]!.items[0] = num(centers[1]!, 540 - 28 * 3, 3)
    const model = columnModel(rs, header, spec)
    expect(placeByModel(rs[3]!.items, model, spec.cols.length)?.cells.map((c) => (c ? c.text : null))).toEqual([null, '0', null, null, null, null, '0'])
  })
})
