// Stage 2a: find the template's rows in a grid and collect what stands in each row: value cells,
// empty cells the source shows, and numbers glued to the label text. Labels come from the spec only.
// Over 400 lines: mapRows is one pass over a region's cells that sorts labels, values and noise together.
import type { Box, LabelMatch, Span } from '../../model.ts'
import type { TableSpec } from '../../template.ts'
import { readValue } from '../values.ts'
import { continueLabel, findLabel, fuzzyRows, headerEnd, wholeCell, type Hit } from './find.ts'
import { emptyLineCells, groupLines } from './groupLines.ts'
import { labelText, searchKey } from './search.ts'
import type { GCell, Grid } from './types.ts'

export interface Item {
  kind: 'num' | 'blank' | 'empty'
  text: string
  start: number
  end: number
  col?: number
  box?: Box
  page?: number
  conf?: number
  /** OCR: other readings of an unsure number, and its glyph count (model.ts Cell). */
  alts?: string[]
  nglyph?: number
  line: number
  /** Cut out of a text cell (a number glued to a label or to other numbers). */
  glued: boolean
}

/** OCR'd text standing where a row's value should be (see RowRead.unread). */
export interface Unread {
  text: string
  box: Box
  conf: number
  start: number
  end: number
  page?: number
  alts?: string[]
  nglyph?: number
}

function unreadOf(c: GCell, box: Box, conf: number): Unread {
  const u: Unread = { text: c.text, box, conf, start: c.start, end: c.end }
  if (c.page !== undefined) u.page = c.page
  if (c.alts) u.alts = c.alts
  if (c.nglyph !== undefined) u.nglyph = c.nglyph
  return u
}

/** A cell all of whose text is labels (a column name of a header row the table repeats on a new page): no misread value. */
function allLabel(owner: Int16Array): boolean {
  return owner.some((o) => o === -1) && owner.every((o) => o === -1 || o === -2)
}

export interface RowRead {
  id: string
  label?: { raw: string; span: Span; match: LabelMatch }
  items: Item[]
  /** Text in the row's range that is neither label nor value (page furniture already dropped). */
  noise: string[]
  /**
   * The fields after the label on the label's own line, when the source has fields (tab or pipe
   * rows, real tables): a row's own grid, whatever the other rows look like.
   */
  fields?: Item[]
  /** OCR'd text after the row's first value (a digit misread as a glyph, '4' as '全'): where it stands no cell is blank. */
  unread?: Unread[]
}

export interface MappedRows {
  rows: RowRead[]
  /** Cells before the first row label: the header. */
  header: GCell[]
  /** Index after the last cell used by the table. */
  end: number
  /** Offset in the original after the last label or value used. */
  endOffset: number
  /** Numbers written on a group row of its own ((六)其他处理 given as one row). */
  groupRows: { label: string; items: Item[] }[]
}

/** Offset in the original of char i of a cell's text (merged cells keep their fragments). */
export function offsetIn(c: GCell, i: number): number {
  const headLen = c.parts ? c.text.length - c.parts.reduce((n, p) => n + (p.end - p.start), 0) : c.text.length
  if (i < headLen || !c.parts) return c.start + i
  let rest = i - headLen
  for (const p of c.parts) {
    const len = p.end - p.start
    if (rest < len) return p.start + rest
    rest -= len
  }
  return c.end
}

const CJK = /[\u4e00-\u9fff]{2}/
const CJK1 = /[\u4e00-\u9fff]/
/** A sub-heading's ordinal ('（一）'): text after a table, not part of its last row. */
const SUB_HEADING = /^[（(][一二三四五六七八九十]{1,2}[)）]/

/**
 * Text made only of the table's header words (and brackets, markdown marks): in a 表四 written as three
 * small tables (行政复议 / 行政诉讼（未经复议直接起诉） / 行政诉讼（复议后起诉）, each with its header row)
 * such text stands between the number rows and does not end the unlabelled row.
 */
function headerOnly(text: string, words: string[]): boolean {
  let k = text.replace(/[\s#*|:：()（）\-—–_]/g, '')
  if (!k) return true
  for (const w of [...words].sort((a, b) => b.length - a.length)) k = k.split(w).join('')
  return k === ''
}
const DASH = /[-—–－]/
/** Minus signs readValue reads as a sign. */
const MINUS = /[-−]/
const WORD_END = /[\u4e00-\u9fffA-Za-z]/
const NUM_RUN = /[0-9０-９]+(?:[,，.．][0-9０-９]+)*/g
/** What follows an item's ordinal: '.', '．' or '、' and a Chinese character. */
const ORDINAL_AFTER = /^[.．、][\u4e00-\u9fff]/


/** Specs with at least this many rows must show their first row or three rows to count as found. */
const MIN_ROWS_FOR_CHECK = 5

export function mapRows(grid: Grid, spec: TableSpec, from = 0): MappedRows | null {
  const cells = grid.cells
  const lt = labelText(cells)
  const s = lt.s
  let pos = from
  let headerSpan: { a: number; b: number } | null = null
  const hits: (Hit | null)[] = []
  for (const r of spec.rows) {
    let h = r.label ? findLabel(s, pos, r.label, r.variants) : null
    if (h && h.match === 'truncated' && r.label) h = continueLabel(s, lt.cell, h, h.key ?? searchKey(r.label))
    if (h && h.match === 'truncated' && r.label) h = wholeCell(s, lt.cell, lt.at, cells, h, r.label, r.variants)
    if (!r.label && spec.rows.length === 1) {
      // A single unlabelled row (表四) starts with its header; header labels in it are not values.
      const he = headerEnd(s, spec, pos)
      // '未发生因政府信息公开申请行政复议、提起行政诉讼的情况' names the column groups but is no header:
      // a header shows the columns under them (结果维持, 尚未审结 …).
      // A group name standing in a cell of its own is a header; one inside a longer text must be followed by
      // column names (a table glued into one paragraph shows them right after it).
      const own = (cells[lt.cell[he.a] as number]?.text.replace(/\s+/g, '').length ?? 0) <= HEADER_CELL_MAX
      if (he.a >= 0 && (own || leafHeaders(s.slice(he.a, he.a + HEADER_WINDOW), spec) >= 2)) {
        h = { a: he.a, b: he.a, match: 'exact' }
        headerSpan = he
      }
    }
    hits.push(h)
    if (h) pos = h.b
  }
  fuzzyRows(s, lt.cell, cells, spec, hits)
  const found = hits.filter((h): h is Hit => h !== null)
  if (!found.length) return null
  // A long table (表三) is not there on the strength of one or two row names met in a sentence
  // ('…审批后，予以公开。'): it needs its first row, or three of its rows.
  if (spec.rows.length >= MIN_ROWS_FOR_CHECK && !hits[0] && found.length < 3) return null
  const cellAt = (k: number): number => (k < s.length ? (lt.cell[k] as number) : lt.s.length ? (lt.cell[s.length - 1] as number) + 1 : 0)
  // Which chars of the label string are labels (rows, group rows): they are never values.
  const isLabel = new Uint8Array(s.length)
  for (const h of found) {
    isLabel.fill(1, h.a, h.b)
    for (const [a, b] of h.extra ?? []) isLabel.fill(1, a, b)
  }
  if (headerSpan) isLabel.fill(1, headerSpan.a, headerSpan.b)
  // Column names repeated inside the table (a header row per block or page) are labels too, never noise.
  const hFrom = headerSpan ? headerSpan.b : from
  const until = Math.min(s.length, Math.max(hFrom + 400, (found[found.length - 1] as Hit).b))
  for (const k of new Set(spec.header.map(searchKey))) {
    if (k.length < 2) continue
    for (let i = s.indexOf(k, hFrom); i >= 0 && i < until; i = s.indexOf(k, i + k.length)) isLabel.fill(1, i, i + k.length)
  }
  const first = (found[0] as Hit).a
  const lastEnd = (found[found.length - 1] as Hit).b
  // Group rows ((三)不予公开 …): labels, never values; and where a row already has its numbers, a
  // group label after them ends it (a group written as a row of its own keeps its numbers to itself).
  const groupAt: { at: number; label: string }[] = []
  for (const g of spec.groups) {
    const k = searchKey(g)
    let i = s.indexOf(k, first)
    while (i >= 0 && i < lastEnd + k.length) {
      isLabel.fill(1, i, i + k.length)
      groupAt.push({ at: offsetIn(cells[lt.cell[i] as number] as GCell, lt.at[i] as number), label: g })
      i = s.indexOf(k, i + k.length)
    }
  }
  groupAt.sort((a, b) => a.at - b.at)
  const groupKeys = spec.groups.map(searchKey)
  const groupRows: MappedRows['groupRows'] = []
  // Owner row of every char of every text cell (-1: header or label).
  const owner = new Map<number, Int16Array>()
  const ownerOf = (ci: number): Int16Array => {
    let o = owner.get(ci)
    if (!o) {
      o = new Int16Array((cells[ci] as GCell).text.length).fill(-2)
      owner.set(ci, o)
    }
    return o
  }
  const starts = found.map((h) => h.a)
  let ri = -1
  for (let k = 0; k < s.length; k++) {
    while (ri + 1 < starts.length && k >= (starts[ri + 1] as number)) ri++
    const o = ownerOf(lt.cell[k] as number)
    o[lt.at[k] as number] = isLabel[k] || ri < 0 ? -1 : ri
  }
  // Cell index where each found row starts, in the cell order.
  // A zero-length hit (the end of 表四's header) starts in the header's last cell: numbers may be glued to it.
  const startCell = found.map((h) => (h.b === h.a && h.a > 0 ? (lt.cell[h.a - 1] as number) : cellAt(h.a)))
  const rows: RowRead[] = []
  let endOffset = 0
  let fi = 0
  let end = from
  spec.rows.forEach((r, idx) => {
    const h = hits[idx]
    if (!h) {
      rows.push({ id: r.id, items: [], noise: [] })
      return
    }
    const myIdx = fi++
    const c0 = startCell[myIdx] as number
    const c1 = myIdx + 1 < startCell.length ? (startCell[myIdx + 1] as number) : cells.length - 1
    const row: RowRead = { id: r.id, items: [], noise: [] }
    if (h.b > h.a) {
      const la = lt.cell[h.a] as number
      const lb = lt.cell[h.b - 1] as number
      const lc = cells[la] as GCell
      const lcEnd = cells[lb] as GCell
      let raw = la === lb ? lc.text.slice(lt.at[h.a], (lt.at[h.b - 1] as number) + 1) : collect(cells, lt, h)
      for (const [a, b] of h.extra ?? []) raw += collect(cells, lt, { a, b, match: h.match })
      row.label = { raw, span: spanFrom(offsetIn(lc, lt.at[h.a] as number), offsetIn(lcEnd, (lt.at[h.b - 1] as number) + 1), lc), match: h.match }
    }
    const last = myIdx === startCell.length - 1
    let seenValue = false
    let stopAtNoise = false
    const headerBetween: string[] = []
    const textAfterValues: string[] = []
    let itemsBeforeHeader = -1
    for (let ci = c0; ci <= c1; ci++) {
      const c = cells[ci] as GCell
      if (c.kind !== 'text') {
        if (ci === c1 && !last && ci !== c0) break
        if (last && stopAtNoise) break
        row.items.push(itemOf(c))
        if (c.kind === 'value') seenValue = true
        end = ci + 1
        continue
      }
      if (!row.label && seenValue) textAfterValues.push(c.text)
      if (seenValue && c.box && c.conf !== undefined && !allLabel(ownerOf(ci))) (row.unread ??= []).push(unreadOf(c, c.box, c.conf))
      const o = ownerOf(ci)
      // Whitespace and skipped chars belong to the char before them.
      let prev = -2
      for (let k = 0; k < o.length; k++) {
        if (o[k] === -2) o[k] = prev
        else prev = o[k] as number
      }
      let stop = false
      let before = ''
      for (const piece of pieces(c, o, myIdx)) {
        const v = readValue(piece.text)
        const prevPiece = before
        before = piece.text
        // In positioned text every number is a text run of its own; a short one inside a label is part of
        // the label as recognised ('(7S) 其他处理'), only a long glued run is a row's numbers.
        const embedded = grid.source === 'positioned' && piece.text.length < 5
        // An enumeration comma between two words ('行政复议、行政诉讼' in a note under the table) is punctuation,
        // not the blank mark '、' a cell may hold ('无' or '空' there may still be a cell's word).
        const inWords = /^[、，,]$/.test(piece.text) && CJK1.test(c.text[piece.at - 1] ?? '') && CJK1.test(c.text[piece.at + piece.text.length] ?? '')
        if ((v.kind === 'number' || v.kind === 'blank') && !embedded && !inWords && !groupStart(prevPiece, piece.text, groupKeys)) {
          if (last && stopAtNoise) {
            stop = true
            break
          }
          row.items.push({ kind: v.kind === 'number' ? 'num' : 'blank', text: piece.text, start: piece.start, end: piece.end, line: c.line, glued: true, page: c.page })
          seenValue = true
        } else if (CJK.test(piece.text) || piece.text.length > 3 || SUB_HEADING.test(piece.text) || /[0-9０-９]/.test(piece.text)) {
          if (!row.label && seenValue && spec.header.length && headerOnly(piece.text, spec.header)) {
            if (!headerBetween.length) itemsBeforeHeader = row.items.length
            headerBetween.push(piece.text)
            continue
          }
          row.noise.push(piece.text)
          // A labelled last row ends at the first other text; an unlabelled one (表四) after its numbers.
          if (seenValue || row.label) stopAtNoise = true
          if (last && stopAtNoise) {
            stop = true
            break
          }
        }
      }
      if (stop) break
      end = ci + 1
    }
    // The small tables' numbers are read in template order only when their headings come in it
    // (直接起诉 before 复议后起诉); otherwise the row ends where the first heading stands, as before.
    const between = textAfterValues.join('')
    const direct = between.indexOf('未经复议直接起诉')
    const after = between.indexOf('复议后起诉')
    if (itemsBeforeHeader >= 0 && after >= 0 && (direct < 0 || after < direct)) row.items.length = itemsBeforeHeader
    // The label's own line (or, for 表四, the numbers' one line) as fields.
    let anchor = -1
    if (h.b > h.a && lt.cell[h.b - 1] === lt.cell[h.a]) anchor = lt.cell[h.a] as number
    const vals = row.items.filter((i) => i.kind !== 'empty')
    if (h.b === h.a && vals.length && vals.every((v) => v.line === (vals[0] as Item).line)) {
      const k = cells.findIndex((c) => c.start === (vals[0] as Item).start && c.kind === 'value')
      if (k >= 0) {
        anchor = k - 1
        while (anchor >= 0 && (cells[anchor] as GCell).line === (cells[k] as GCell).line) anchor--
      }
    }
    if (anchor >= -1) {
      const ref = cells[anchor >= 0 && h.b > h.a ? anchor : anchor + 1] as GCell | undefined
      if (ref && ref.col !== undefined) row.fields = lineFields(cells, anchor, ref.line, spec.cols.length, h.b > h.a)
    }
    const labelEnd = row.label?.span.end ?? -1
    for (const [gi, g] of groupAt.entries()) {
      if (g.at < labelEnd) continue
      if (!row.items.some((i) => i.kind !== 'empty' && i.start < g.at)) continue
      // What follows the group label, up to the next group label, is the group's own row.
      const next = groupAt[gi + 1]?.at ?? Infinity
      const own = row.items.filter((i) => i.start > g.at && i.start < next)
      if (own.some((i) => i.kind !== 'empty')) groupRows.push({ label: g.label, items: own })
      row.items = row.items.filter((i) => i.start < g.at)
      break
    }
    // Empty cells count only on the lines of the row's label or numbers (not those of a header line).
    const lines = new Set(row.items.filter((i) => i.kind !== 'empty').map((i) => i.line))
    if (h.b > h.a) lines.add((cells[lt.cell[h.a] as number] as GCell).line)
    row.items = row.items.filter((i) => i.kind !== 'empty' || lines.has(i.line))
    if (!row.label && spec.rows.length === 1) {
      // 表四 as one line per column group: the lines' cells, empty ones too, are the row's own grid.
      const byGroup = groupLines(cells, c0, c1, spec)
      const key = (xs: { start: number }[]): string => xs.map((x) => x.start).join()
      const inGroups = byGroup?.map((ci) => cells[ci] as GCell) ?? []
      const vals = row.items.filter((i) => i.kind !== 'empty')
      const byLines = byGroup || grid.text === undefined ? null : emptyLineCells(cells, vals, grid.text, spec.cols.length)
      if (byGroup && key(inGroups.filter((c) => c.kind === 'value')) === key(vals)) {
        row.items = inGroups.map(itemOf)
        row.fields = row.items
      } else if (byLines) {
        row.items = row.fields = byLines.map((x) => ('cell' in x ? itemOf(x.cell) : { kind: 'empty', text: '', start: x.at, end: x.at, line: x.line, glued: false }))
      }
    }
    for (const i of row.items) if (i.kind !== 'empty') endOffset = Math.max(endOffset, i.end)
    if (row.label) endOffset = Math.max(endOffset, row.label.span.end)
    rows.push(row)
  })
  let header = cells.slice(from < s.length ? cellAt(from) : 0, startCell[0] as number)
  if (headerSpan) {
    // 表四's header runs from its first group label to its first number.
    const h0 = cellAt(headerSpan.a)
    let h1 = h0
    while (h1 < cells.length && (cells[h1] as GCell).kind !== 'value') h1++
    header = cells.slice(h0, h1)
  }
  return { rows, header, end, endOffset, groupRows }
}

/**
 * Fields after cell `after` on line `line`, when they are exactly the n data cells: '| a | b |' rows
 * lose the empty fields before the first and after the last pipe (syntax); in a pipe row the data cells
 * are the last n, fields before them empty (a merged label).
 */
function lineFields(cells: GCell[], after: number, line: number, n: number, labelled: boolean): Item[] | undefined {
  const row: GCell[] = []
  for (let k = after + 1; k < cells.length && (cells[k] as GCell).line === line; k++) row.push(cells[k] as GCell)
  let first = after + 1
  while (first > 0 && (cells[first - 1] as GCell).line === line) first--
  const head = cells[first] as GCell | undefined
  const piped = !!head && head.kind === 'empty' && head.col === 0 && row.length > 0 && (row[row.length - 1] as GCell).kind === 'empty'
  if (piped) {
    row.pop()
    if (!labelled && row[0] === head) row.shift()
  }
  const extra = row.length - n
  const take = extra === 0 ? row : piped && extra > 0 && row.slice(0, extra).every((c) => c.kind === 'empty') ? row.slice(extra) : null
  return take && take.every((c) => c.kind !== 'text') ? take.map(itemOf) : undefined
}

function collect(cells: GCell[], lt: { cell: Int32Array; at: Int32Array }, h: Hit): string {
  let out = ''
  for (let k = h.a; k < h.b; k++) out += (cells[lt.cell[k] as number] as GCell).text[lt.at[k] as number]
  return out
}

function spanFrom(start: number, end: number, c: GCell): Span {
  const sp: Span = { start, end: Math.max(start, end) }
  if (c.page !== undefined) sp.page = c.page
  return sp
}

function itemOf(c: GCell): Item {
  const it: Item = { kind: c.kind === 'empty' ? 'empty' : readValue(c.text).kind === 'blank' ? 'blank' : 'num', text: c.text, start: c.start, end: c.end, line: c.line, glued: false }
  if (c.col !== undefined) it.col = c.col
  if (c.box) it.box = c.box
  if (c.page !== undefined) it.page = c.page
  if (c.conf !== undefined) it.conf = c.conf
  if (c.alts) it.alts = c.alts
  if (c.nglyph !== undefined) it.nglyph = c.nglyph
  return it
}

/** Runs of a text cell owned by row `r`, split at whitespace. */
function* pieces(c: GCell, owner: Int16Array, r: number): Generator<{ text: string; start: number; end: number; at: number }> {
  let i = 0
  const t = c.text
  while (i < t.length) {
    if (owner[i] !== r || /\s/.test(t[i] as string)) {
      i++
      continue
    }
    let j = i
    while (j < t.length && owner[j] === r && !/\s/.test(t[j] as string)) j++
    // Numbers glued to other text ('000第二十条…') are cut out at the digit boundary.
    NUM_RUN.lastIndex = 0
    const run = t.slice(i, j)
    let k = 0
    for (let m = NUM_RUN.exec(run); m; m = NUM_RUN.exec(run)) {
      // A short number right after a word belongs to it ('数据1', '第3页'); a long run is glued values.
      if (m.index > 0 && WORD_END.test(run[m.index - 1] as string) && m[0].length < 4) continue
      // An item's ordinal opening its own run ('5.要求行政机关确认…', a row name the reader did not match):
      // part of the text, not a cell.
      if (m.index === 0 && m[0].length <= 2 && ORDINAL_AFTER.test(t.slice(i + m[0].length, i + m[0].length + 2))) continue
      // A page number between dashes ('-5-') glued into the text of a web copy is page furniture.
      const after = run[m.index + m[0].length]
      if (m.index > 0 && DASH.test(run[m.index - 1] as string) && after !== undefined && DASH.test(after) && m[0].length <= 3) {
        k = m.index + m[0].length + 1
        continue
      }
      // A minus sign between two glued digit runs ('2648-18538': 上一年项目数量 2648, 本年增/减 -18, 处理决定数量 538)
      // belongs to the number after it: it is no blank mark standing for a cell of its own.
      // So does one opening a run of its own right before the digits ('行政处罚 2648 -18 538', Word's table to text).
      const minus =
        m.index - k === 1 && MINUS.test(run[k] as string) && ((k > 0 && /[0-9]/.test(run[k - 1] as string)) || (k === 0 && m.index + m[0].length === run.length))
      const from = minus ? k : m.index
      if (!minus && m.index > k) yield { text: run.slice(k, m.index), start: offsetIn(c, i + k), end: offsetIn(c, i + m.index), at: i + k }
      yield { text: run.slice(from, m.index + m[0].length), start: offsetIn(c, i + from), end: offsetIn(c, i + m.index + m[0].length), at: i + from }
      k = m.index + m[0].length
    }
    if (k < run.length) yield { text: run.slice(k), start: offsetIn(c, i + k), end: offsetIn(c, j), at: i + k }
    i = j
  }
}

/**
 * A blank mark that, after the ordinal just before it, starts a group's name: '（四）无' of '（四）无法提供'
 * broken over two lines by a text extraction ('(四) 无 2.没有现成信息…' / '法提供'). It is label text, not a
 * cell of the row above.
 */
function groupStart(prev: string, piece: string, groupKeys: string[]): boolean {
  if (!SUB_HEADING.test(prev)) return false
  const k = searchKey(prev + piece)
  return groupKeys.some((g) => g.startsWith(k) && g.length > k.length)
}

/** A header cell: the group names alone (行政复议 and 行政诉讼 may share one line of a text extraction). */
const HEADER_CELL_MAX = 16
/** Label text after a group name in which its column names must show. */
const HEADER_WINDOW = 80

/** How many distinct column names (not group names) of the spec a header string shows. */
function leafHeaders(h: string, spec: TableSpec): number {
  const groups = new Set(spec.cols.flatMap((c) => (c.path && c.path.length > 1 ? c.path.slice(0, -1).map(searchKey) : [])))
  const leaves = new Set(spec.cols.map((c) => searchKey(c.path?.[c.path.length - 1] ?? c.label ?? '')).filter((k) => k.length >= 2 && !groups.has(k)))
  let n = 0
  for (const k of leaves) if (h.includes(k)) n++
  return n
}
