// A table row whose label OCR could not read at all (a two-line label read as '軍情几人' with no
// confidence): the template's row between the rows found before and after it, when it is the only such
// line there. A label read with confidence, or two unread lines, leave the row not found.
import { describe, expect, it } from 'vitest'
import { mapRows } from '../../src-main/engine/parse/grid/rows.ts'
import type { GCell, Grid } from '../../src-main/engine/parse/grid/types.ts'
import { tableSpecs } from '../../src-main/engine/template.ts'

const spec = tableSpecs('2021').find((s) => s.table === 'T3')!
const target = spec.rows.findIndex((r) => r.id === 'r4_3_still_unclear')

/** One line per template row: its label and seven zeros; the target row's label replaced by `garbled`. */
function grid(garbled: { text: string; conf: number }[]): Grid {
  const cells: GCell[] = []
  let line = 0
  let at = 0
  const push = (c: Omit<GCell, 'start' | 'end' | 'line'>): void => {
    cells.push({ ...c, start: at, end: at + c.text.length, line })
    at += c.text.length + 1
  }
  spec.rows.forEach((r, i) => {
    const labels = i === target ? garbled : [{ text: r.label ?? '', conf: 96 }]
    for (const l of labels) {
      push({ text: l.text, kind: 'text', conf: l.conf })
      for (let k = 0; k < spec.cols.length; k++) push({ text: '0', kind: 'value', conf: 96 })
      line++
    }
  })
  return { source: 'positioned', cells }
}
const itemsOf = (g: Grid): number[] => mapRows(g, spec)!.rows.map((r) => r.items.filter((i) => i.kind === 'num').length)

describe('a row whose label OCR could not read', () => {
  it('is the one template row between the rows found around it', () => {
    const rows = mapRows(grid([{ text: '軍情几人', conf: 0 }]), spec)!.rows
    expect(rows[target]?.label?.match).toBe('exact')
    expect(itemsOf(grid([{ text: '軍情几人', conf: 0 }]))).toEqual(spec.rows.map(() => 7))
  })
  it('is not taken when the text was read with confidence, nor when two such lines stand there', () => {
    const sure = itemsOf(grid([{ text: '軍情几人', conf: 96 }]))
    expect(sure[target]).toBe(0)
    const two = itemsOf(grid([{ text: '軍情几人', conf: 0 }, { text: '几人', conf: 0 }]))
    expect(two[target]).toBe(0)
  })
})
