// The text of a grid's label cells as one searchable string, so that a template label is found
// however the source cut it: split over wrapped lines, or glued into one paragraph with the numbers.
import { foldText } from '../normalize.ts'
import type { GCell } from './types.ts'

export interface LabelText {
  /** Folded label text without whitespace; ordinals unified ('1、' -> '1.'). */
  s: string
  /** For each char of s: index of the cell and of the char in that cell's text. */
  cell: Int32Array
  at: Int32Array
}

const SKIP = /[\s*|]/

/** Fold a label the same way as the search string. */
export function searchKey(label: string): string {
  return fold(label).key
}

function fold(text: string): { key: string; at: number[] } {
  const f = foldText(text)
  let key = ''
  const at: number[] = []
  for (let i = 0; i < f.length; i++) {
    let ch = f[i] as string
    if (SKIP.test(ch)) continue
    if (ch === '“' || ch === '”') ch = '"'
    // '1、属于' and '1.属于' are the same ordinal.
    if (ch === '、' && /[0-9]/.test(key[key.length - 1] ?? '') && at.length && at[at.length - 1] === i - 1) ch = '.'
    key += ch
    at.push(i)
  }
  return { key, at }
}

export function labelText(cells: GCell[]): LabelText {
  let s = ''
  const cellIdx: number[] = []
  const at: number[] = []
  cells.forEach((c, ci) => {
    if (c.kind !== 'text') return
    const f = fold(c.text)
    s += f.key
    for (const i of f.at) {
      cellIdx.push(ci)
      at.push(i)
    }
  })
  return { s, cell: Int32Array.from(cellIdx), at: Int32Array.from(at) }
}
