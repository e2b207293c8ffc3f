// One scanned page through OCR, into lines of cells like the PDF reader's (see ocrPdf.ts for the whole).
//
// 1. Render with pdf.js at `dpi`, undo the skew (projection profiles), erase the table rules so they are
//    neither read as '|'/'1'/'一' nor glue digits, and keep them as the grid of table cells.
// 2. Read the page as one block of text (tesseract PSM 6); a poor reading is repeated on a smoothed copy.
// 3. Cells the first reading may have got wrong are read again: ink nobody read, words of low confidence,
//    text lines lost, a character standing among numbers. Labels are read again line by line. A number is
//    settled by a vote among several readings (the first one, the cell alone, the row of values as one
//    line, the ink framed closely, enlarged, binarised or grey): it is only certain when two readings agree
//    and none contradicts them.
// 4. Glyph checks: a number has no more glyphs than digits, and its glyphs look like the digits read with
//    confidence elsewhere on the page (which also confirms a '7' the recognizer calls '了').
// 5. Lines: one per table row (a table cell is one Cell, its wrapped lines joined), text outside tables
//    grouped like the PDF reader's; boxes in PDF points; every Cell's `conf` is its lowest character
//    confidence, below the parser's MIN_CONF whenever a number is in doubt.
import type { Box } from '../model.ts'
import { MIN_CONF, VERIFIED_CONF } from '../parse/values.ts'
import { confirmedByRow, NUMBERISH, PLACEHOLDER_RE, readRegion, readValueRows, settleCell, textLines, VALUE_CELL_EM, wordsText, type TCell } from './cellRead.ts'
import { flattenFill } from './fill.ts'
import { cellAlternatives } from './cellAlts.ts'
import { confirmShort, rereadUnsure, settleByGlyphCount, verifyDigits } from './digitVerify.ts'
import { checkGlyphs } from './glyphCheck.ts'
import { applySign, readSigns } from './signCheck.ts'
import { encodePgm, estimateSkew, inkBlobs, inkShare, isBilevel, otsu, removeRules, soften, type Gray, type Rect, type Rule } from './image.ts'
import { cellConf, checkNumberCell, groupItems, isNumericLine, joinCell, normalizeText, type OcrCell, type VRule } from './layout.ts'
import { isPhrase, repairLabel } from './lexicon.ts'
import type { OcrWord, Recognizer } from './pool.ts'
import { rotateGray, type OpenPdf } from './raster.ts'
import { pdfBox, splitAtRules, toItems } from './words.ts'

export interface PageOcr {
  page: number
  lines: { text: string; box: Box; conf: number; alts?: string[]; nglyph?: number }[][]
  /** Skew found and undone, in degrees. */
  skew: number
  /** Mean word confidence, and how many CJK/digit characters were read with confidence ≥ 70. */
  confidence: number
  readable: number
  rereads: number
}

/** A word below this confidence inside a table cell makes the whole cell be read again on its own. */
const REREAD_CONF = 85
/** A page read with a mean confidence below this is read again, smoothed. */
const NOISY_CONF = 82
/** Let other work of the calling thread run between the heavy steps (the app's main process stays responsive). */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** One page: image preparation, first pass, cell re-reads, lines. */
export async function ocrPage(doc: OpenPdf, page: number, dpi: number, pool: Recognizer, signal?: AbortSignal): Promise<PageOcr> {
  const { gray: raw, toPdf } = await doc.render(page, dpi)
  await tick()
  signal?.throwIfAborted()
  let thr = otsu(raw)
  const empty: PageOcr = { page, lines: [], skew: 0, confidence: 0, readable: 0, rereads: 0 }
  const ink = inkShare(raw, thr)
  // Blank, or inked over a third of its area (noise, a photo, a black scan): no text to read, and
  // recognising such a page takes minutes.
  if (ink < 0.0005 || ink > 0.35) return empty
  const skew = estimateSkew(raw, thr)
  await tick()
  const g = Math.abs(skew) >= 0.05 ? rotateGray(raw, -skew) : raw
  await tick()
  // deskewed pixel -> original pixel -> PDF point
  const cx = g.w / 2
  const cy = g.h / 2
  const a = (skew * Math.PI) / 180
  const cos = Math.cos(a)
  const sin = Math.sin(a)
  const toPage = (x: number, y: number): [number, number] => {
    const dx = x - cx
    const dy = y - cy
    return toPdf(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos)
  }
  // shaded header rows: their fill would hide the rules around them
  if (flattenFill(g, thr, dpi) > 0) thr = otsu(g)
  const rules = removeRules(g, thr, { h: Math.round(dpi * 0.45), v: Math.round(dpi * 0.25) })
  await tick()
  // a black-and-white scan: the recognizer reads smooth edges far better than pixel stairs
  if (isBilevel(g)) {
    soften(g, 2)
    thr = otsu(g)
  }
  const hRules = rules.filter((r) => r.dir === 'h')
  const vRules = rules.filter((r) => r.dir === 'v')
  let first = await pool.recognize(encodePgm(g), { psm: '6', dpi, signal })
  signal?.throwIfAborted()
  if (first.confidence < NOISY_CONF) {
    // a poor first reading (a noisy or grainy scan): read a slightly smoothed copy and keep the better one
    const smooth: Gray = { w: g.w, h: g.h, data: new Uint8Array(g.data) }
    soften(smooth, 1)
    const again = await pool.recognize(encodePgm(smooth), { psm: '6', dpi, signal })
    signal?.throwIfAborted()
    if (again.confidence > first.confidence) {
      first = again
      g.data.set(smooth.data)
    }
  }
  const em = pageEm(first.words, dpi)
  // a table cut by the page break has no rule above its first row (or below its last): close it, or that
  // row's cells are taken for prose and never read again as cells
  hRules.push(...closingRules(hRules, vRules, em))

  // table cells (between rules) with the words and the ink inside them
  const tcells = new Map<string, TCell>()
  const cellAt = (x: number, y: number): TCell | null | 'rule' => {
    const r = enclosingCell(x, y, hRules, vRules)
    if (r === 'rule') return r
    if (!r || r.x1 - r.x0 < 0.6 * em || r.y1 - r.y0 < 0.6 * em) return null
    const k = `${r.x0},${r.y0},${r.x1},${r.y1}`
    let c = tcells.get(k)
    if (!c) tcells.set(k, (c = { rect: r, words: [], blobs: [], redo: false }))
    return c
  }
  const outside: OcrWord[] = []
  const onRule: OcrWord[] = []
  for (const w of first.words.flatMap((wd) => splitAtRules(wd, vRules))) {
    const c = cellAt((w.bbox.x0 + w.bbox.x1) / 2, (w.bbox.y0 + w.bbox.y1) / 2)
    if (c === 'rule') {
      // read from what is left of a rule (or noise on it): not text, unless read with confidence
      if (w.confidence >= REREAD_CONF) onRule.push(w)
      continue
    }
    if (!c) outside.push(w)
    else {
      c.words.push(w)
      if (w.confidence < REREAD_CONF) c.redo = true
    }
  }
  const blobs = inkBlobs(g, thr, { minPixels: Math.round(40 * (dpi / 300) ** 2), joinGap: Math.round(0.3 * em) })
  for (const b of blobs) {
    if (b.y1 - b.y0 < 0.35 * em && b.x1 - b.x0 < 0.35 * em) continue // a speck
    const c = cellAt((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)
    if (!c || c === 'rule') continue
    c.blobs.push(b)
    if (!c.words.some((w) => overlaps(w.bbox, b))) c.redo = true
  }
  // a word centred on a rule over ink the cells beside it hold is that ink read across the rule (two zeros
  // either side of it read as one '0'): the cells read it again on their own; kept, it would be a value
  // standing on a line of its own
  const cellInk = [...tcells.values()].flatMap((c) => [...c.words.map((w) => w.bbox), ...c.blobs])
  for (const w of onRule) if (!cellInk.some((r) => overlaps(w.bbox, r))) outside.push(w)
  await rereadLargeLines(g, outside, em, dpi, pool, signal)
  await tick()

  // a cell whose text lines were not all read (a wrapped label or header losing its second line)
  for (const c of tcells.values()) {
    if (c.redo || c.blobs.length === 0) continue
    const inkLines = textLines(g, c.rect, thr, em).length
    if (lineCount(c.words, em) < inkLines) c.redo = true
  }
  // rows of values: a cell there that is not clearly a label holds a value, even if OCR read a character
  // ('7' -> '了', '2' -> '之') or nothing at all
  for (const c of tcells.values()) {
    const t = wordsText(c.words)
    if (NUMBERISH.test(t) || PLACEHOLDER_RE.test(t) || t.length > 4 || isPhrase(t)) continue
    if (c.rect.x1 - c.rect.x0 > VALUE_CELL_EM * em || (t === '' && c.blobs.length === 0)) continue
    const row = [...tcells.values()].filter((o) => o !== c && Math.abs(o.rect.y0 - c.rect.y0) <= 0.3 * em && Math.abs(o.rect.y1 - c.rect.y1) <= 0.3 * em)
    if (row.filter((o) => NUMBERISH.test(wordsText(o.words))).length >= 2) {
      c.valueRow = true
      c.redo = true
    }
  }
  // read doubtful cells again, each on its own
  const rowReads = await readValueRows(g, [...tcells.values()], thr, em, dpi, pool, signal)
  for (const c of tcells.values()) {
    if (!c.redo && NUMBERISH.test(wordsText(c.words)) && !confirmedByRow(c, rowReads.get(c) ?? [])) c.redo = true
  }
  const redo = [...tcells.values()].filter((c) => c.redo)
  await Promise.all(redo.map((c) => settleCell(g, c, thr, em, dpi, pool, rowReads.get(c) ?? [], signal)))
  signal?.throwIfAborted()

  // lines: one per table row (each table cell one Cell, wrapped text joined), text outside tables as the PDF reader does
  const vr: VRule[] = vRules.map((r) => ({ x: (r.x0 + r.x1) / 2, y0: r.y0, y1: r.y1 }))
  checkGlyphs(g, [...tcells.values()], thr, em)
  await readSigns(g, [...tcells.values()], thr, dpi, pool, signal)
  await verifyDigits(g, [...tcells.values()], em, dpi, pool, signal)
  await rereadUnsure(g, [...tcells.values()], em, dpi, pool, signal)
  signal?.throwIfAborted()
  settleByGlyphCount([...tcells.values()])
  // short numbers no recogniser verified: a second reading of their own (digitVerify.ts)
  await confirmShort(g, [...tcells.values()], em, dpi, pool, signal)
  const tableCells: { rect: Rect; cell: OcrCell }[] = []
  const source = new Map<OcrCell, TCell>()
  for (const c of tcells.values()) {
    const cell = joinCell(c.words.flatMap((w) => toItems(w, em, vRules, c.conf)))
    if (cell && c.confirmed) cell.confs = cell.confs.map(() => MIN_CONF + 5)
    if (cell && c.verified) cell.confs = cell.confs.map(() => VERIFIED_CONF)
    if (cell) applySign(cell, c)
    if (cell) tableCells.push({ rect: c.rect, cell })
    if (cell) source.set(cell, c)
  }
  const rows = tableRows(tableCells, em)
  const prose = groupItems(outside.flatMap((w) => toItems(w, em, vRules)), vr)
  const all: { y: number; cells: OcrCell[] }[] = [
    ...rows,
    ...prose.map((cells) => ({ y: cells.reduce((s, c) => s + c.base, 0) / cells.length, cells }))
  ].sort((p, q) => p.y - q.y)

  const lines: PageOcr['lines'] = []
  for (const { cells } of all) {
    const numeric = isNumericLine(cells)
    const out: { text: string; box: Box; conf: number }[] = []
    for (const c of cells) {
      const src = source.get(c)
      const done = finishCell(c, numeric, cells.length > 1, src?.pointSeen)
      if (!done) continue
      const { text, conf } = done
      // an unsure number keeps its other readings and glyph count, for the table identities (cellAlts.ts)
      const unsure = src && (conf < MIN_CONF || (src.valueRow && !/^\d+$/.test(text)))
      const alts = unsure ? cellAlternatives(src, text) : []
      out.push({ text, conf, box: pdfBox(c, toPage), ...(alts.length ? { alts } : {}), ...(unsure && src.nglyph !== undefined ? { nglyph: src.nglyph } : {}) })
    }
    if (out.length > 0) lines.push(out)
  }
  const words = [...outside, ...[...tcells.values()].flatMap((c) => c.words)]
  let readable = 0
  for (const wd of words) if (wd.confidence >= 70) readable += (wd.text.match(/[\u4e00-\u9fff\d]/g) ?? []).length
  const confidence = words.length ? words.reduce((s, wd) => s + wd.confidence, 0) / words.length : 0
  return { page, lines, skew, confidence: Math.round(confidence), readable, rereads: redo.length }
}

/**
 * A cell's final text and confidence: a number checked (look-alikes, stray marks, separators), anything else
 * a label or heading whose unsure characters the form's wording fixes; null for a mark to drop.
 */
export function finishCell(c: OcrCell, numericLine: boolean, inRow: boolean, pointSeen = false): { text: string; conf: number } | null {
  const checked = checkNumberCell(c.text, cellConf(c), numericLine, MIN_CONF, pointSeen)
  if (checked.drop) return null
  if (checked.text !== c.text || (!inRow && c.text.length > 40)) return { text: checked.text, conf: checked.conf }
  const fixed = repairLabel(c.text, c.confs)
  // a number checkNumberCell put in doubt without changing it ('75394432.52' read below 95, '07') stays in doubt
  const conf = checked.conf < cellConf(c) ? Math.min(checked.conf, ...fixed.confs) : Math.min(...fixed.confs)
  return { text: normalizeText(fixed.text), conf }
}

/**
 * Lines outside tables in type larger than the body's (the title, headings), or read with little
 * confidence, read again on their own at body size: a large title enlarged from a low-resolution scan is
 * read far worse than the same line shrunk ('洪泽区人民政府' came out '潜详区人民政府' at full size). The
 * reading with the better mean confidence is kept.
 */
async function rereadLargeLines(g: Gray, outside: OcrWord[], em: number, dpi: number, pool: Recognizer, signal?: AbortSignal): Promise<void> {
  // text lines by where the words stand (tesseract may split a spaced-out title into several lines)
  const lines: OcrWord[][] = []
  const mid = (w: OcrWord): number => (w.bbox.y0 + w.bbox.y1) / 2
  for (const w of [...outside].sort((p, q) => mid(p) - mid(q))) {
    const last = lines[lines.length - 1]
    if (last && Math.abs(mid(w) - mid(last[0] as OcrWord)) <= 0.5 * em) last.push(w)
    else lines.push([w])
  }
  const mean = (ws: OcrWord[]): number => (ws.length ? ws.reduce((s, w) => s + w.confidence, 0) / ws.length : 0)
  await Promise.all(
    lines.map(async (ws) => {
      const box = { x0: Math.min(...ws.map((w) => w.bbox.x0)), y0: Math.min(...ws.map((w) => w.bbox.y0)), x1: Math.max(...ws.map((w) => w.bbox.x1)), y1: Math.max(...ws.map((w) => w.bbox.y1)) }
      const h = box.y1 - box.y0
      const large = h > 1.15 * em
      if (!large && mean(ws) >= LINE_REREAD_CONF) return
      if (!ws.some((w) => /[\u4e00-\u9fff]/.test(w.text))) return
      // shrink to about body size; a body-size line of little confidence is tried at 0.7 of its size
      const f = Math.min(0.8, Math.max(0.3, large ? (1.0 * em) / h : 0.7))
      const m = Math.round(0.2 * em)
      const r: Rect = { x0: Math.max(0, box.x0 - m), y0: Math.max(0, box.y0 - m), x1: Math.min(g.w, box.x1 + m), y1: Math.min(g.h, box.y1 + m) }
      const again = await readRegion(g, r, dpi, pool, { scale: f, inset: 0 }, signal)
      if (again.length === 0 || mean(again) < mean(ws) + 3) return
      // the new words take the old ones' place (same text line for grouping)
      for (const w of ws) outside.splice(outside.indexOf(w), 1)
      outside.push(...again)
    })
  )
}

/** A line outside tables read with a mean word confidence below this is read again on its own. */
const LINE_REREAD_CONF = 75

/** Cells into table rows: cells between the same two rules form a row; a cell spanning several rows joins the row its text sits in. */
function tableRows(cells: { rect: Rect; cell: OcrCell }[], em: number): { y: number; cells: OcrCell[] }[] {
  const tol = 0.3 * em
  const rows: { top: number; bottom: number; members: { rect: Rect; cell: OcrCell }[] }[] = []
  const sorted = [...cells].sort((p, q) => p.rect.y1 - p.rect.y0 - (q.rect.y1 - q.rect.y0))
  for (const c of sorted) {
    let row = rows.find((r) => Math.abs(r.top - c.rect.y0) <= tol && Math.abs(r.bottom - c.rect.y1) <= tol)
    row ??= rows.find((r) => r.top >= c.rect.y0 - tol && r.bottom <= c.rect.y1 + tol && c.cell.base >= r.top && c.cell.base <= r.bottom)
    if (!row) rows.push((row = { top: c.rect.y0, bottom: c.rect.y1, members: [] }))
    row.members.push(c)
  }
  return rows.map((r) => ({
    y: (r.top + r.bottom) / 2,
    cells: r.members.sort((p, q) => p.rect.x0 - q.rect.x0 || p.cell.base - q.cell.base).map((m) => m.cell)
  }))
}


/** Median height of CJK words: the body font size in pixels (fallback: 10.5 pt). */
function pageEm(words: OcrWord[], dpi: number): number {
  const hs = words.filter((w) => /[\u4e00-\u9fff]/.test(w.text) && w.confidence >= 60).map((w) => w.bbox.y1 - w.bbox.y0)
  if (hs.length < 5) return (10.5 / 72) * dpi
  hs.sort((a, b) => a - b)
  return hs[hs.length >> 1] as number
}

function overlaps(a: { x0: number; y0: number; x1: number; y1: number }, b: Rect): boolean {
  return a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0
}

/**
 * The table cell around a point: nearest rules on all four sides that span the point; null outside tables,
 * 'rule' for a point on a rule itself.
 */
function enclosingCell(x: number, y: number, hRules: Rule[], vRules: Rule[]): Rect | null | 'rule' {
  const tol = 4
  for (const r of vRules) if (x >= r.x0 - 1 && x <= r.x1 + 1 && y >= r.y0 && y <= r.y1) return 'rule'
  for (const r of hRules) if (y >= r.y0 - 1 && y <= r.y1 + 1 && x >= r.x0 && x <= r.x1) return 'rule'
  let left = -Infinity
  let right = Infinity
  let top = -Infinity
  let bottom = Infinity
  for (const r of vRules) {
    if (r.y0 - tol > y || r.y1 + tol < y) continue
    if (r.x1 <= x && r.x1 > left) left = r.x1
    if (r.x0 >= x && r.x0 < right) right = r.x0
  }
  for (const r of hRules) {
    if (r.x0 - tol > x || r.x1 + tol < x) continue
    if (r.y1 <= y && r.y1 > top) top = r.y1
    if (r.y0 >= y && r.y0 < bottom) bottom = r.y0
  }
  if (![left, right, top, bottom].every(Number.isFinite)) return null
  return { x0: left, y0: top, x1: right, y1: bottom }
}


/**
 * Horizontal rules where vertical rules end with no horizontal rule there: the top of a table continued
 * from the previous page, the bottom of one continued on the next. Only where at least two vertical rules
 * end level with each other (a lone vertical line is not a table).
 */
export function closingRules(hRules: Rule[], vRules: Rule[], em: number): Rule[] {
  const tol = 0.6 * em
  const long = vRules.filter((r) => r.y1 - r.y0 >= 2 * em)
  const closed = (y: number, x: number): boolean => hRules.some((h) => Math.abs((h.y0 + h.y1) / 2 - y) <= tol && h.x0 - tol <= x && h.x1 + tol >= x)
  const out: Rule[] = []
  for (const end of ['top', 'bottom'] as const) {
    const open = long.filter((r) => !closed(end === 'top' ? r.y0 : r.y1, (r.x0 + r.x1) / 2)).sort((p, q) => (end === 'top' ? p.y0 - q.y0 : q.y1 - p.y1))
    while (open.length > 0) {
      const y = end === 'top' ? (open[0] as Rule).y0 : (open[0] as Rule).y1
      const group = open.filter((r) => Math.abs((end === 'top' ? r.y0 : r.y1) - y) <= tol)
      for (const r of group) open.splice(open.indexOf(r), 1)
      if (group.length < 2) continue
      const x0 = Math.min(...group.map((r) => r.x0))
      const x1 = Math.max(...group.map((r) => r.x1))
      out.push({ dir: 'h', x0, x1, y0: y - 1, y1: y + 1 })
    }
  }
  return out
}

/** Number of text lines the words form. */
function lineCount(words: OcrWord[], em: number): number {
  const ys = words.map((w) => (w.bbox.y0 + w.bbox.y1) / 2).sort((a, b) => a - b)
  let n = 0
  let last = -Infinity
  for (const y of ys) {
    if (y - last > 0.6 * em) n++
    last = y
  }
  return n
}

