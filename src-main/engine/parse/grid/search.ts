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

/** What /[\s*|]/ matches, by char code: JavaScript's whitespace, '*' and '|'. */
function skipped(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x2a || c === 0x7c
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

// Template labels are folded again for every table and row they are looked for in: kept, in a bounded map.
const KEYS = new Map<string, string>()

/** Fold a label the same way as the search string. */
export function searchKey(label: string): string {
  let k = KEYS.get(label)
  if (k === undefined) {
    if (KEYS.size >= 20_000) KEYS.clear()
    k = fold(label).key
    KEYS.set(label, k)
  }
  return k
}

function fold(text: string): { key: string; at: number[] } {
  const f = foldText(text)
  const codes: number[] = []
  const at: number[] = []
  let last = -1
  for (let i = 0; i < f.length; i++) {
    let c = f.charCodeAt(i)
    if (skipped(c)) continue
    if (c === 0x201c || c === 0x201d) c = 0x22
    // '1、属于' and '1.属于' are the same ordinal.
    else if (c === 0x3001 && last >= 0x30 && last <= 0x39 && at.length && at[at.length - 1] === i - 1) c = 0x2e
    codes.push(c)
    at.push(i)
    last = c
  }
  let key = ''
  for (let i = 0; i < codes.length; i += 4096) key += String.fromCharCode.apply(null, codes.slice(i, i + 4096))
  return { key, at }
}

// The rows of every block of 表二 are looked for in one grid: its label text is made once.
const LABEL_TEXT = new WeakMap<GCell[], LabelText>()

/** The label text of a grid's cells; the cells must not change afterwards (grids are built, then only read). */
export function labelText(cells: GCell[]): LabelText {
  let lt = LABEL_TEXT.get(cells)
  if (lt) return lt
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
  lt = { s, cell: Int32Array.from(cellIdx), at: Int32Array.from(at) }
  LABEL_TEXT.set(cells, lt)
  return lt
}
