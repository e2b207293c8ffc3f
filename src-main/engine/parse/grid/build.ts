// Stage 1: the grid builders. One per kind of source; each yields cells in logical reading order.
import type { Box } from '../../model.ts'
import { labelOrdinal } from '../normalize.ts'
import type { Token } from '../tokens.ts'
import { readValue } from '../values.ts'
import { isPageFurniture, ocrPageNumbers } from './footers.ts'
import { searchKey } from './search.ts'
import type { GCell, Grid } from './types.ts'

function kindOf(text: string): GCell['kind'] {
  // Numbers separated by spaces in one cell ('0  0  0', a text extraction) are several cells: read as text.
  if (/[0-9０-９][\s\u3000]+[0-9０-９]/.test(text)) return 'text'
  // A lone enumeration comma is a piece of a letter-spaced label ('三' '、' '本' …), not a blank mark.
  if (text.trim() === '、') return 'text'
  const k = readValue(text).kind
  if (k === 'number' || k === 'blank') return 'value'
  return k === 'empty' ? 'empty' : 'text'
}

function toCell(t: Token): GCell {
  const c: GCell = { text: t.text, start: t.start, end: t.end, kind: kindOf(t.text), line: t.line }
  if (t.col !== undefined) c.col = t.col
  if (t.table !== undefined) c.table = t.table
  if (t.page !== undefined) c.page = t.page
  if (t.box) c.box = t.box
  if (t.conf !== undefined) c.conf = t.conf
  if (t.alts) c.alts = t.alts
  if (t.nglyph !== undefined) c.nglyph = t.nglyph
  return c
}

/**
 * Choose the builder by what the source records: boxes (PDF, OCR), table indexes (docx/html/doc), or
 * neither. `labels` (from the template) tell which wrapped fragments belong together.
 */
export function buildGrid(tokens: Token[], labels: string[] = []): Grid {
  const pageNumbers = ocrPageNumbers(tokens)
  const cells = withoutFilledCopies(tokens.filter((t) => !isPageFurniture(t.text) && !pageNumbers.has(t)).map(toCell))
  const nonEmpty = cells.filter((c) => c.kind !== 'empty')
  const boxed = nonEmpty.filter((c) => c.box).length
  if (nonEmpty.length > 0 && boxed * 2 > nonEmpty.length) return { source: 'positioned', cells: positioned(cells, labels.map(searchKey)) }
  return { source: cells.some((c) => c.table !== undefined) ? 'table' : 'stream', cells }
}

/**
 * A converter that fills merged ranges (Excel 取消合并并填充, a table scraper) writes a merged label once per
 * column it spans: '四、结转下年度继续办理 | 四、结转下年度继续办理 | 四、…'. In fields of text (tabs, pipes) a
 * text field equal to the one just before it on the same line is such a copy (or a name the header repeats,
 * which says nothing more); kept, it would read as other text after the row's label and leave the row
 * without numbers. Numbers are never dropped: '0 | 0' may be two cells, even under a repeated name.
 */
function withoutFilledCopies(cells: GCell[]): GCell[] {
  return cells.filter((c, i) => {
    const prev = cells[i - 1]
    return !(prev && c.kind === 'text' && prev.kind === 'text' && prev.line === c.line && c.col !== undefined && prev.col === c.col - 1 && c.table === undefined && !c.box && prev.text === c.text)
  })
}

const X_TOL = 2.5

/**
 * Positioned text: merge a label wrapped over several lines into one cell (same left edge, next
 * fragment without an ordinal, at most one of its lines carrying the row's numbers), so that the
 * fragments of a label are contiguous whatever sits between them (numbers on the middle line, a
 * letter-spaced merged cell to its left, a page break).
 */
function positioned(cells: GCell[], labelKeys: string[]): GCell[] {
  // Fragments are joined only while together they stay a piece of one template label.
  const partOfLabel = (text: string): boolean => {
    const k = searchKey(text)
    return labelKeys.some((l) => l.includes(k))
  }
  const byLine = new Map<number, GCell[]>()
  for (const c of cells) {
    const l = byLine.get(c.line)
    if (l) l.push(c)
    else byLine.set(c.line, [c])
  }
  // A text cell owns the values of its line when no other text cell stands between it and them.
  const owns = new Set<GCell>()
  for (const line of byLine.values()) {
    const vals = line.filter((c) => c.kind === 'value' && c.box)
    if (!vals.length) continue
    const firstX = Math.min(...vals.map((v) => (v.box as Box)[0]))
    const texts = line.filter((c) => c.kind === 'text' && c.box && (c.box as Box)[0] < firstX)
    let best: GCell | undefined
    for (const t of texts) if (!best || (t.box as Box)[0] > (best.box as Box)[0]) best = t
    if (best) owns.add(best)
  }
  interface Chain { head: GCell; last: GCell; owned: number; lastLine: number }
  const open: Chain[] = []
  const drop = new Set<GCell>()
  for (const c of cells) {
    if (c.kind !== 'text' || !c.box) continue
    const x0 = c.box[0]
    const cxc = (c.box[0] + c.box[2]) / 2
    // Same left edge (left-aligned wrap), or centred under the fragment above (a centred header cell).
    const below = (l: GCell): boolean => {
      const b = l.box as Box
      return Math.abs(b[0] - x0) <= X_TOL || (cxc > b[0] && cxc < b[2] && (c.box as Box)[2] - x0 <= b[2] - b[0] + X_TOL)
    }
    let i = -1
    open.forEach((ch, k) => {
      if (below(ch.last) && (i < 0 || ch.lastLine > (open[i] as Chain).lastLine)) i = k
    })
    const ch = i >= 0 ? open[i] : undefined
    // A fragment that owns numbers does not continue a header line (信息内容 | 本年处理决定数量).
    const headerLike = owns.has(c) && (byLine.get(ch?.last.line ?? -1) ?? []).some((o) => o !== ch?.last && o.kind === 'text' && o.box && o.box[0] > x0)
    if (ch && !headerLike && canJoin(ch.last, c) && ch.owned + (owns.has(c) ? 1 : 0) <= 1 && c.line - ch.lastLine <= 4 && partOfLabel(ch.head.text + c.text)) {
      ch.head.text += c.text
      ;(ch.head.parts ??= []).push({ start: c.start, end: c.end, page: c.page, box: c.box })
      ch.last = c
      ch.lastLine = c.line
      ch.owned += owns.has(c) ? 1 : 0
      drop.add(c)
      continue
    }
    const fresh: Chain = { head: c, last: c, owned: owns.has(c) ? 1 : 0, lastLine: c.line }
    if (ch) open[i] = fresh
    else open.push(fresh)
  }
  return cells.filter((c) => !drop.has(c))
}

function canJoin(prev: GCell, next: GCell): boolean {
  if (labelOrdinal(next.text) !== '') return false
  if (/[。；;：:]$/.test(prev.text.trim())) return false
  const a = prev.box as Box
  const b = next.box as Box
  if (prev.page !== undefined && next.page !== undefined && prev.page !== next.page) return next.page === prev.page + 1
  const h = Math.max(a[3] - a[1], b[3] - b[1], 1)
  return a[1] - b[3] <= 2.5 * h && a[1] - b[3] >= -h / 2
}
