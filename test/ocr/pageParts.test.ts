// The parts of a scanned page's preparation that the scans of real reports needed (fast, no recogniser):
// shaded header rows made white so that their rules are found, a table cut by the page break closed, and
// the body read from a title in large type checked against the report's own text.
import { describe, expect, it } from 'vitest'
import type { ReportMeta } from '../../src-main/engine/model.ts'
import { flattenFill } from '../../src-main/engine/ocr/fill.ts'
import { removeRules, type Gray, type Rule } from '../../src-main/engine/ocr/image.ts'
import { closingRules } from '../../src-main/engine/ocr/page.ts'
import { foldText } from '../../src-main/engine/parse/normalize.ts'
import { confirmOcrBody } from '../../src-main/engine/parse/ocrBody.ts'

/** A white page with paper grain (seeded), w x h. */
function page(w: number, h: number): Gray {
  let s = 7
  const data = new Uint8Array(w * h)
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    data[i] = 240 + (s % 15)
  }
  return { w, h, data }
}
function paint(g: Gray, x0: number, y0: number, x1: number, y1: number, v: number): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) g.data[y * g.w + x] = v
}

describe('shaded table rows (grey or blue fill behind a header row)', () => {
  // a table 1000 px wide at 300 dpi: rules at y = 100, 200 (fill between them), 300; text strokes in the fill
  function table(): Gray {
    const g = page(1200, 400)
    paint(g, 100, 100, 1100, 200, 205)
    for (const y of [100, 200, 300]) paint(g, 100, y, 1100, y + 3, 40)
    for (const x of [100, 1097]) paint(g, x, 100, x + 3, 303, 40)
    for (let k = 0; k < 8; k++) paint(g, 200 + k * 60, 130, 240 + k * 60, 134, 30) // strokes of text in the fill
    return g
  }
  // where each horizontal rule is, to 10 px
  const hRules = (rules: Rule[]): number[] => rules.filter((r) => r.dir === 'h').map((r) => Math.round((r.y0 + r.y1) / 20) * 10)

  it('hide the rules at their edges unless the fill is made white first', () => {
    const shaded = table()
    // the fill and its two rules merge into one band too thick to be a rule
    expect(hRules(removeRules(shaded, 150, { h: 135, v: 75 }))).toEqual([300])
    const g = table()
    expect(flattenFill(g, 150, 300)).toBeGreaterThan(50_000)
    expect(hRules(removeRules(g, 150, { h: 135, v: 75 })).sort((a, b) => a - b)).toEqual([100, 200, 300])
  })
  it('keep the text in the fill and change nothing on a page without one', () => {
    const g = table()
    flattenFill(g, 150, 300)
    expect(g.data[132 * g.w + 210]).toBe(30)
    expect(g.data[150 * g.w + 600]).toBe(255)
    const plain = page(1200, 400)
    for (let k = 0; k < 10; k++) paint(plain, 100 + k * 50, 100, 130 + k * 50, 140, 30)
    const before = new Uint8Array(plain.data)
    expect(flattenFill(plain, 150, 300)).toBe(0)
    expect(plain.data).toEqual(before)
  })
})

describe('vertical strokes of a title in large type', () => {
  it('are not taken for table rules (nor erased): they meet no horizontal rule', () => {
    const g = page(1200, 600)
    // two strokes 80 px tall (a 20 pt glyph at 300 dpi), longer than the shortest vertical rule (75 px)
    paint(g, 400, 100, 406, 180, 30)
    paint(g, 600, 100, 606, 180, 30)
    // a table below: two rows, its vertical rules cross the horizontal ones
    for (const y of [300, 400, 500]) paint(g, 100, y, 1100, y + 3, 40)
    for (const x of [100, 600, 1097]) paint(g, x, 300, x + 3, 503, 40)
    const rules = removeRules(g, 150, { h: 135, v: 75 })
    expect(rules.filter((r) => r.dir === 'v').map((r) => Math.round(r.x0 / 10) * 10)).toEqual([100, 600, 1100])
    expect(g.data[140 * g.w + 402]).toBe(30)
  })
})

describe('a table continued from the previous page', () => {
  const v = (x: number, y0: number, y1: number): Rule => ({ dir: 'v', x0: x, x1: x + 2, y0, y1 })
  const h = (y: number, x0: number, x1: number): Rule => ({ dir: 'h', x0, x1, y0: y, y1: y + 2 })
  it('gets a rule above its first row where its vertical rules start with none', () => {
    const vs = [v(100, 150, 900), v(400, 152, 900), v(700, 149, 900)]
    const out = closingRules([h(250, 100, 702), h(900, 100, 702)], vs, 50)
    expect(out).toHaveLength(1)
    expect(out[0]).toMatchObject({ dir: 'h', x0: 100, x1: 702 })
    expect(Math.abs((out[0] as Rule).y0 - 149)).toBeLessThanOrEqual(2)
  })
  it('a closed table, or a lone vertical line, gets none', () => {
    expect(closingRules([h(150, 100, 702), h(900, 100, 702)], [v(100, 150, 900), v(700, 150, 900)], 50)).toEqual([])
    expect(closingRules([], [v(100, 150, 900)], 50)).toEqual([])
  })
})

describe('the body read from a scanned title, checked against the text', () => {
  const meta = (name: string): ReportMeta => ({ body: { name, township: name, span: { start: 0, end: name.length } } })
  it('one character misread in the title, the right name twice in the preface: the text\'s name', () => {
    const text = '洪译区人民政府\n2023年政府信息公开工作年度报告\n本报告由淮安市洪泽区人民政府办公室编制。2023年，洪泽区人民政府坚持…'
    const m = meta('洪译区人民政府')
    confirmOcrBody(m, foldText(text))
    expect(m.body).toMatchObject({ name: '洪泽区人民政府', township: '洪泽区', span: { start: 0, end: 7 } })
  })
  it('a name the text repeats, or one the text never names, is left as read', () => {
    const same = meta('洪泽区人民政府')
    confirmOcrBody(same, foldText('洪泽区人民政府\n本报告由洪泽区人民政府办公室编制。'))
    expect(same.body?.name).toBe('洪泽区人民政府')
    const other = meta('平安镇人民政府')
    confirmOcrBody(other, foldText('平安镇人民政府\n本镇…西安镇人民政府…'))
    expect(other.body?.name).toBe('平安镇人民政府')
    // two names one character away, as frequent as each other: nothing to choose by
    const tie = meta('洪译区人民政府')
    confirmOcrBody(tie, foldText('洪译区人民政府 洪泽区人民政府 洪泽区人民政府 洪择区人民政府 洪择区人民政府'))
    expect(tie.body?.name).toBe('洪译区人民政府')
  })
})
