// Stage 2a, first half: where each template row label stands in the label text of a grid, however the
// source cut it (wrapped, glued to numbers, written with a typo, garbled by OCR).
import type { LabelMatch } from '../../model.ts'
import type { TableSpec } from '../../template.ts'
import { matchLabel } from '../labels.ts'
import { labelOrdinal } from '../normalize.ts'
import { MIN_CONF } from '../values.ts'
import { searchKey } from './search.ts'
import type { GCell } from './types.ts'

export interface Hit {
  a: number
  b: number
  match: LabelMatch
  /** Later pieces of a label cut by the layout ('…只计这一' … '情形，不计其他情形）'). */
  extra?: [number, number][]
  /** The label or variant key a truncated hit is the beginning of. */
  key?: string
}

/**
 * A label found only by its beginning may go on in later cells, with other cells between (the
 * letter-spaced group label of a text extraction). Take the pieces that continue it, skipping up to
 * three that do not.
 */
export function continueLabel(s: string, cellOf: Int32Array, h: Hit, full: string): Hit {
  let matched = h.b - h.a
  let k = h.b
  // Start at the next cell: the rest of the current one did not continue the label.
  while (k < s.length && cellOf[k] === cellOf[h.b - 1]) k++
  const extra: [number, number][] = []
  let skips = 0
  while (matched < full.length && k < s.length && skips <= 3) {
    let e = k
    while (e < s.length && cellOf[e] === cellOf[k]) e++
    const rest = full.slice(matched)
    const piece = s.slice(k, e)
    // Up to two stray chars may lead the piece (a letter-spaced label of the column to its left).
    let j = 0
    while (j <= 2 && j < piece.length && !rest.startsWith(piece.slice(j, j + Math.min(2, rest.length)))) j++
    const p = j <= 2 ? piece.slice(j) : ''
    if (p && rest.startsWith(p)) {
      extra.push([k + j, e])
      matched += p.length
    } else if (p && p.startsWith(rest)) {
      extra.push([k + j, k + j + rest.length])
      matched = full.length
    } else skips++
    k = e
  }
  return matched === full.length ? { ...h, match: 'exact', extra } : h
}

export function findLabel(s: string, from: number, label: string, variants: string[]): Hit | null {
  let best: Hit | null = null
  for (const [k, match] of [[searchKey(label), 'exact'], ...variants.map((v) => [searchKey(v), 'variant'])] as [string, LabelMatch][]) {
    if (!k) continue
    const i = s.indexOf(k, from)
    if (i >= 0 && (!best || i < best.a)) best = { a: i, b: i + k.length, match }
  }
  if (best) return best
  const full = searchKey(label)
  const ord = searchKey(labelOrdinal(label))
  const core = full.slice(ord.length)
  if (core.length >= 4) {
    const i = s.indexOf(core, from)
    if (i >= 0) return { a: i, b: i + core.length, match: 'exact' }
  }
  // A label cut by the converter: its beginning (of the label or a known variant), extended as far as it goes on.
  // A long label written with a word added early ('2.其他法律和行政法规禁止公开'): its first four characters
  // only, for wholeCell to judge the rest.
  for (const len of [6, 4]) {
    for (const k of [full, ...variants.map(searchKey)]) {
      if (k.length < (len === 6 ? 8 : 12)) continue
      const head = k.slice(0, Math.min(k.length, ord.length + len))
      const i = s.indexOf(head, from)
      if (i < 0) continue
      let b = i + head.length
      while (b < s.length && b - i < k.length && s[b] === k[b - i]) b++
      return { a: i, b, match: b - i === k.length ? 'exact' : 'truncated', key: k }
    }
  }
  return null
}

/**
 * A label cut short is the same label written differently (a typo such as '2.其他法律行政止公开'): take
 * the text up to its numbers and let matchLabel say how it differs.
 */
export function wholeCell(s: string, cellOf: Int32Array, atOf: Int32Array, cells: GCell[], h: Hit, label: string, variants: string[]): Hit {
  const ci = cellOf[h.a] as number
  const c = cells[ci] as GCell
  // The label as written runs from its start to where the numbers begin (or the cell ends).
  const from = atOf[h.a] as number
  let to = from + labelOrdinal(c.text.slice(from)).length
  while (to < c.text.length && !/[0-9０-９]/.test(c.text[to] as string)) to++
  const seg = c.text.slice(from, to).trimEnd()
  if (seg.length > label.length + 10) return h
  const m = matchLabel(seg, { label, variants })
  if (!m) return h
  let b = h.a
  while (b < s.length && cellOf[b] === ci && (atOf[b] as number) < from + seg.length) b++
  return { a: h.a, b, match: m }
}

/**
 * Rows still not found whose label is a whole cell written loosely (OCR: '，(二一、) 包部分公开 (区分处理的…'):
 * a text cell between the neighbouring rows' labels that matchLabel accepts. Cells read with low OCR
 * confidence say nothing about the wording, so they count as the template label.
 */
export function fuzzyRows(s: string, cellOf: Int32Array, cells: GCell[], spec: TableSpec, hits: (Hit | null)[]): void {
  spec.rows.forEach((r, i) => {
    if (hits[i] || !r.label) return
    let lo = 0
    for (let k = i - 1; k >= 0; k--) {
      const h = hits[k]
      if (h) {
        lo = h.b
        break
      }
    }
    let hi = s.length
    for (let k = i + 1; k < hits.length; k++) {
      const h = hits[k]
      if (h) {
        hi = h.a
        break
      }
    }
    for (let k = lo; k < hi; ) {
      const ci = cellOf[k] as number
      let e = k
      while (e < s.length && cellOf[e] === ci) e++
      const c = cells[ci] as GCell
      const starts = k === 0 || cellOf[k - 1] !== ci
      const m = starts && e <= hi ? matchLabel(c.text, { label: r.label, variants: r.variants }) : null
      if (m) {
        hits[i] = { a: k, b: e, match: c.conf !== undefined && c.conf < MIN_CONF ? 'exact' : m }
        return
      }
      k = e
    }
    const lone = unreadRowLabel(s, cellOf, cells, hits, i, lo, hi)
    if (lone) hits[i] = lone
  })
}

/**
 * A row whose label OCR could not read at all: the one text cell read without confidence that stands, at
 * the start of a line of numbers, between the rows found just before and just after it in the template
 * (each of which has its own line), is that row's label. The template fixes which row stands there; the
 * numbers keep their own confidences and the identities still check them. A label read with confidence is
 * never taken this way (it says what row it is), nor one where two such cells stand.
 */
function unreadRowLabel(s: string, cellOf: Int32Array, cells: GCell[], hits: (Hit | null)[], i: number, lo: number, hi: number): Hit | null {
  const before = hits[i - 1]
  const after = hits[i + 1]
  if (!before || !after || hi <= lo) return null
  const found: Hit[] = []
  for (let k = lo; k < hi; ) {
    const ci = cellOf[k] as number
    let e = k
    while (e < s.length && cellOf[e] === ci) e++
    const c = cells[ci] as GCell
    const starts = k === 0 || cellOf[k - 1] !== ci
    const next = cells[ci + 1]
    const prevLine = cells[cellOf[before.b - 1] as number]?.line
    if (starts && e <= hi && c.conf !== undefined && c.conf < MIN_CONF && /[\u4e00-\u9fff]/.test(c.text) && next?.kind === 'value' && next.line === c.line && c.line !== prevLine && c.line !== cells[cellOf[after.a] as number]?.line) {
      found.push({ a: k, b: e, match: 'exact' })
    }
    k = e
  }
  return found.length === 1 ? (found[0] as Hit) : null
}

/**
 * End of a header made of the spec's header labels (表四: 行政复议 行政诉讼 结果维持 …), searched from
 * `from`; -1 when the header is not there. Up to two other chars between labels (punctuation, notes).
 */
export function headerEnd(s: string, spec: TableSpec, from: number): { a: number; b: number } {
  const keys = [...new Set(spec.header.map(searchKey))].filter((k) => k.length >= 2).sort((x, y) => y.length - x.length)
  const groups = spec.cols.flatMap((c) => (c.path && c.path.length > 1 ? [searchKey(c.path[0] as string)] : []))
  let a = -1
  for (const g of new Set(groups)) {
    const i = s.indexOf(g, from)
    if (i >= 0 && (a < 0 || i < a)) a = i
  }
  if (a < 0) return { a: -1, b: -1 }
  let b = a
  let slack = 0
  while (b < s.length && slack <= 2) {
    const k = keys.find((x) => s.startsWith(x, b))
    if (k) {
      b += k.length
      slack = 0
    } else {
      b++
      slack++
    }
  }
  return { a, b: b - slack }
}
