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
import { MIN_CONF } from '../parse/values.ts'
import { DigitMatcher, glyphBoxes, type DigitMatch } from './glyphs.ts'
import { crop, encodePgm, estimateSkew, inkBlobs, inkShare, isBilevel, otsu, pad, removeRules, scale, soften, type Gray, type Rect, type Rule } from './image.ts'
import { cellConf, checkNumberCell, digitsOf, DOUBT_CONF, groupItems, isNumericLine, joinCell, normalizeText, type OcrCell, type OcrItem, type VRule } from './layout.ts'
import { isPhrase, repairLabel } from './lexicon.ts'
import type { OcrPool, OcrWord } from './pool.ts'
import { rotateGray, type OpenPdf } from './raster.ts'

export interface PageOcr {
  page: number
  lines: { text: string; box: Box; conf: number }[][]
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
export async function ocrPage(doc: OpenPdf, page: number, dpi: number, pool: OcrPool, signal?: AbortSignal): Promise<PageOcr> {
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
  for (const w of first.words.flatMap((wd) => splitAtRules(wd, vRules))) {
    const c = cellAt((w.bbox.x0 + w.bbox.x1) / 2, (w.bbox.y0 + w.bbox.y1) / 2)
    if (c === 'rule') {
      // read from what is left of a rule (or noise on it): not text, unless read with confidence
      if (w.confidence >= REREAD_CONF) outside.push(w)
      continue
    }
    if (!c) outside.push(w)
    else {
      c.words.push(w)
      if (w.confidence < REREAD_CONF) c.redo = true
    }
  }
  await tick()
  const blobs = inkBlobs(g, thr, { minPixels: Math.round(40 * (dpi / 300) ** 2), joinGap: Math.round(0.3 * em) })
  for (const b of blobs) {
    if (b.y1 - b.y0 < 0.35 * em && b.x1 - b.x0 < 0.35 * em) continue // a speck
    const c = cellAt((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)
    if (!c || c === 'rule') continue
    c.blobs.push(b)
    if (!c.words.some((w) => overlaps(w.bbox, b))) c.redo = true
  }

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
  const redo = [...tcells.values()].filter((c) => c.redo)
  const rowReads = await readValueRows(g, [...tcells.values()], thr, em, dpi, pool, signal)
  await Promise.all(redo.map((c) => settleCell(g, c, thr, em, dpi, pool, rowReads.get(c) ?? [], signal)))
  signal?.throwIfAborted()

  // lines: one per table row (each table cell one Cell, wrapped text joined), text outside tables as the PDF reader does
  const vr: VRule[] = vRules.map((r) => ({ x: (r.x0 + r.x1) / 2, y0: r.y0, y1: r.y1 }))
  checkGlyphs(g, [...tcells.values()], thr, em)
  const tableCells: { rect: Rect; cell: OcrCell }[] = []
  for (const c of tcells.values()) {
    const cell = joinCell(c.words.flatMap((w) => toItems(w, em, vRules, c.conf)))
    if (cell && c.confirmed) cell.confs = cell.confs.map(() => MIN_CONF + 5)
    if (cell) tableCells.push({ rect: c.rect, cell })
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
      const checked = checkNumberCell(c.text, cellConf(c), numeric, MIN_CONF)
      if (checked.drop) continue
      let text = checked.text
      let conf = checked.conf
      if (checked.text === c.text && (cells.length > 1 || c.text.length <= 40)) {
        // a label or a heading: fix unsure characters from the form's wording, then bracket look-alikes
        const fixed = repairLabel(c.text, c.confs)
        text = normalizeText(fixed.text)
        conf = Math.min(...fixed.confs)
      }
      out.push({ text, conf, box: pdfBox(c, toPage) })
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
 * Glyph checks on the value cells of a page. A number cannot have more glyphs than digits: a digit OCR
 * dropped ('913' read '93', a thin '1' lost) leaves it in doubt however sure the readings were (fewer
 * glyphs are digits that touch). Then each glyph is compared with the digits read with confidence elsewhere
 * on the page: a confident number whose glyph clearly looks like another digit is put in doubt, and a
 * doubtful one (a look-alike such as '了' for 7, or readings that disagreed) whose every glyph clearly
 * looks like its digit is confirmed.
 */
function checkGlyphs(g: Gray, cells: TCell[], thr: number, em: number): void {
  const values: { c: TCell; digits: string; mapped: boolean; boxes: Rect[]; conf: number }[] = []
  for (const c of cells) {
    const d = digitsOf(wordsText(c.words))
    if (!d || c.rect.x1 - c.rect.x0 > VALUE_CELL_EM * em) continue
    const inset = 3
    const boxes = glyphBoxes(g, { x0: c.rect.x0 + inset, y0: c.rect.y0 + inset, x1: c.rect.x1 - inset, y1: c.rect.y1 - inset }, thr, 0.4 * em)
    const digits = d.digits.replace(/\D/g, '')
    if (boxes.length > digits.length) c.conf = Math.min(c.conf ?? 100, DOUBT_CONF)
    values.push({ c, digits, mapped: d.mapped, boxes, conf: Math.min(c.conf ?? 100, minWordConf(c.words)) })
  }
  // fewer glyphs than digits: digits that touch fill as much width as they count; a digit made up from a
  // speck or what is left of a rule ('4' read '14') does not
  const widths = values
    .filter((v) => v.conf >= SURE_CONF && v.boxes.length === v.digits.length)
    .flatMap((v) => v.boxes.filter((_, i) => v.digits[i] !== '1').map((b) => b.x1 - b.x0))
    .sort((a, b) => a - b)
  const digitW = widths.length >= 3 ? (widths[widths.length >> 1] as number) : 0.45 * em
  for (const v of values) {
    if (v.boxes.length === 0 || v.boxes.length >= v.digits.length) continue
    const est = v.boxes.reduce((n, b) => n + Math.max(1, Math.round((b.x1 - b.x0) / digitW)), 0)
    if (est !== v.digits.length) v.c.conf = Math.min(v.c.conf ?? 100, DOUBT_CONF)
  }
  const matcher = new DigitMatcher()
  for (const v of values) {
    if (v.mapped || v.conf < SURE_CONF || v.boxes.length !== v.digits.length) continue
    v.boxes.forEach((b, i) => matcher.add(v.digits[i] as string, g, b, thr, v.c))
  }
  for (const v of values) {
    if (v.boxes.length !== v.digits.length) continue
    const seen = v.boxes.map((b) => matcher.match(g, b, thr, v.c))
    const clear = (m: DigitMatch | null): m is DigitMatch => !!m && m.score >= GLYPH_MATCH && m.score - m.runnerUp >= GLYPH_MARGIN
    if (!v.mapped && v.conf >= MIN_CONF) {
      // a digit that clearly looks like another learned digit
      const wrong = seen.some((m, i) => clear(m) && m.digit !== v.digits[i] && matcher.count(v.digits[i] as string, v.c) > 0)
      if (wrong) v.c.conf = DOUBT_CONF
    } else if ((v.c.conf ?? 100) > 0 && seen.every((m, i) => clear(m) && m.digit === v.digits[i])) {
      // every glyph is the digit read: a look-alike becomes its digit, and the number is no longer in doubt
      v.c.words = v.c.words.map((w) => ({ ...w, text: digitsOf(w.text)?.digits ?? w.text }))
      v.c.conf = MIN_CONF + 5
      v.c.confirmed = true
    }
  }
}

/** A confident reading for learning the page's digits. */
const SURE_CONF = 90
/** Glyph comparison: the shape must correlate this well with its digit, and this much better than with any other. */
const GLYPH_MATCH = 0.85
const GLYPH_MARGIN = 0.2

/** A word whose box straddles a vertical rule is two words (tesseract's CJK boxes run wide): cut it by its symbols. */
function splitAtRules(w: OcrWord, vRules: Rule[]): OcrWord[] {
  if (w.symbols.length < 2) return [w]
  const yc = (w.bbox.y0 + w.bbox.y1) / 2
  const cut = vRules.find((r) => {
    const x = (r.x0 + r.x1) / 2
    return x > w.bbox.x0 + 2 && x < w.bbox.x1 - 2 && r.y0 <= yc && r.y1 >= yc
  })
  if (!cut) return [w]
  const x = (cut.x0 + cut.x1) / 2
  const sides = [w.symbols.filter((sy) => (sy.bbox.x0 + sy.bbox.x1) / 2 < x), w.symbols.filter((sy) => (sy.bbox.x0 + sy.bbox.x1) / 2 >= x)]
  if (sides.some((sd) => sd.length === 0)) {
    // all symbols on one side: only the box was too wide
    const sd = sides.find((x2) => x2.length > 0) as OcrWord['symbols']
    return [{ ...w, bbox: symbolsBox(sd) }]
  }
  return sides.flatMap((sd) => splitAtRules({ ...w, text: sd.map((sy) => sy.text).join(''), symbols: sd, bbox: symbolsBox(sd) }, vRules))
}

function symbolsBox(syms: OcrWord['symbols']): OcrWord['bbox'] {
  return { x0: Math.min(...syms.map((sy) => sy.bbox.x0)), y0: Math.min(...syms.map((sy) => sy.bbox.y0)), x1: Math.max(...syms.map((sy) => sy.bbox.x1)), y1: Math.max(...syms.map((sy) => sy.bbox.y1)) }
}

interface TCell {
  rect: Rect
  words: OcrWord[]
  blobs: Rect[]
  redo: boolean
  /** Confidence cap for the cell's words when two readings disagreed. */
  conf?: number
  /** The cell stands among numbers in its row although its text is not one. */
  valueRow?: boolean
  /** A doubtful number whose glyphs all match the page's digits. */
  confirmed?: boolean
}

const PLACEHOLDER_RE = /^(?:\/|／|-|—|–|－|——|无|無|空|\\)$/

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

const NUMBERISH = /^[\d\s.,，]+$/

/** Text of a set of words, in reading order, for comparing two readings of one cell. */
function wordsText(words: OcrWord[]): string {
  return [...words]
    .sort((p, q) => p.lineBox.y0 - q.lineBox.y0 || p.bbox.x0 - q.bbox.x0)
    .map((w) => w.text)
    .join('')
    .replace(/\s+/g, '')
}

const minWordConf = (ws: OcrWord[]): number => (ws.length ? Math.min(...ws.map((w) => w.confidence)) : 0)

/**
 * Read a doubtful cell again on its own and keep the better reading. Two readings that agree confirm each
 * other; two that disagree on a number leave it uncertain. Ink that no reading explains is never dropped
 * silently: it becomes a digit guess with zero confidence, so the parser cannot take the row as blank.
 */
async function settleCell(g: Gray, c: TCell, thr: number, em: number, dpi: number, pool: OcrPool, rowReads: OcrWord[][], signal?: AbortSignal): Promise<void> {
  // binarised a little bolder than the page threshold: the thin strokes of an enlarged low-resolution scan
  // otherwise break up ('1' read as ']' or '了', '0' not read at all)
  const bold = Math.round(thr + (255 - thr) * 0.6)
  const second = await readCrop(g, c.rect, thr, em, dpi, pool, { level: bold }, signal)
  const t1 = wordsText(c.words)
  const t2 = wordsText(second)
  const c1 = minWordConf(c.words)
  const c2 = minWordConf(second)
  const textBlobs = c.blobs.filter((b) => b.y1 - b.y0 >= 0.45 * em)
  const n1 = NUMBERISH.test(t1)
  const n2 = NUMBERISH.test(t2)
  const narrow = c.rect.x1 - c.rect.x0 <= VALUE_CELL_EM * em
  const longText = (t: string): boolean => (t.match(/[\u4e00-\u9fff]/g) ?? []).length >= 3
  // nothing, or a stray character read with little confidence, where there is ink of text size
  const junk = (t: string, cf: number): boolean => t === '' || LOOKALIKE_ONLY.test(t) || (cf < JUNK_CONF && t.length <= 3 && !isPhrase(t))
  const unread = textBlobs.length > 0 && junk(t1, c1) && junk(t2, c2)
  if ((n1 || n2 || (c.valueRow && !isPhrase(t2)) || unread) && narrow && !longText(t2)) {
    const reading = (words: OcrWord[]): Reading => ({ words, text: wordsText(words), conf: minWordConf(words), free: true })
    const readings: Reading[] = [reading(c.words), reading(second), ...rowReads.map(reading)]
    let verdict = vote(readings)
    if (!verdict?.sure) {
      // more readings of the ink framed closely, enlarged, binarised bolder or kept grey
      const more = await Promise.all([
        readCrop(g, c.rect, thr, em, dpi, pool, { tight: true, level: bold, scale: 2 }, signal),
        readCrop(g, c.rect, thr, em, dpi, pool, { tight: true, level: null, scale: 1.5 }, signal)
      ])
      readings.push(...more.map(reading))
      verdict = vote(readings)
    }
    if (!verdict) {
      // no reading is a number: a reading forced to digits, flagged (tesseract's whitelist drops many clean
      // digits in line mode, so it is only a last resort)
      const w = await readCrop(g, c.rect, thr, em, dpi, pool, { tight: true, level: bold, scale: 1.5, psm: '13', whitelist: DIGITS }, signal)
      if (wordsText(w) !== '') verdict = { words: w, text: wordsText(w), conf: minWordConf(w), sure: false }
    }
    if (verdict) {
      c.words = verdict.words
      c.conf = verdict.sure ? verdict.conf : Math.min(verdict.conf, DOUBT_CONF)
      return
    }
    // nothing reads as a number: keep a text reading if there is one, else a zero-confidence guess
    if (t2 !== '' || t1 !== '') {
      c.words = t2 !== '' ? second : c.words
      c.conf = 0
      return
    }
    if (textBlobs.length === 0) return
    c.words = [syntheticWord('0', textBlobs)]
    c.conf = 0
    return
  }
  if (t2 === '') return
  if (t1 === t2) {
    c.words = c2 >= c1 ? second : c.words
    return
  }
  const covered = (ws: OcrWord[]): number => c.blobs.filter((b) => ws.some((w) => overlaps(w.bbox, b))).length
  const k1 = covered(c.words)
  const k2 = covered(second)
  const m1 = meanWordConf(c.words)
  const m2 = meanWordConf(second)
  const lex1 = isPhrase(t1)
  const lex2 = isPhrase(t2)
  const useSecond = t1 === '' || (lex2 && !lex1) || (lex1 === lex2 && (k2 > k1 || (k2 === k1 && m2 >= m1)))
  if (useSecond) c.words = second
}

/** A table cell holding one value is at most this many characters wide (T2 value cells span three columns). */
const VALUE_CELL_EM = 14

/**
 * Rows of values with a doubtful cell are read again as one line (the value cells only): a lone digit
 * is read much better with its neighbours beside it. Two readings (grey, and binarised bolder), each
 * word given to the cell it lies in.
 */
async function readValueRows(g: Gray, cells: TCell[], thr: number, em: number, dpi: number, pool: OcrPool, signal?: AbortSignal): Promise<Map<TCell, OcrWord[][]>> {
  const out = new Map<TCell, OcrWord[][]>()
  const isValue = (c: TCell): boolean => {
    const t = wordsText(c.words)
    return c.rect.x1 - c.rect.x0 <= VALUE_CELL_EM * em && (NUMBERISH.test(t) || c.valueRow === true || (t === '' && c.blobs.length > 0))
  }
  const bands: TCell[][] = []
  for (const c of cells.filter(isValue)) {
    const b = bands.find((band) => Math.abs((band[0] as TCell).rect.y0 - c.rect.y0) <= 0.3 * em && Math.abs((band[0] as TCell).rect.y1 - c.rect.y1) <= 0.3 * em)
    if (b) b.push(c)
    else bands.push([c])
  }
  const level = Math.round(thr + (255 - thr) * 0.4)
  await Promise.all(
    bands
      .filter((band) => band.some((c) => c.redo))
      .map(async (band) => {
        const r: Rect = {
          x0: Math.min(...band.map((c) => c.rect.x0)),
          x1: Math.max(...band.map((c) => c.rect.x1)),
          y0: Math.min(...band.map((c) => c.rect.y0)),
          y1: Math.max(...band.map((c) => c.rect.y1))
        }
        const reads = await Promise.all([
          readRegion(g, r, dpi, pool, { scale: 1 }, signal),
          readRegion(g, r, dpi, pool, { scale: 1.5, level }, signal)
        ])
        for (const c of band) {
          out.set(
            c,
            reads.map((words) => words.filter((w) => inside(w.bbox, c.rect)))
          )
        }
      })
  )
  return out
}

function inside(b: { x0: number; y0: number; x1: number; y1: number }, r: Rect): boolean {
  const x = (b.x0 + b.x1) / 2
  const y = (b.y0 + b.y1) / 2
  return x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1
}

/** One line read of a region (PSM 7), enlarged and optionally binarised; words in page pixels. */
async function readRegion(g: Gray, c: Rect, dpi: number, pool: OcrPool, opts: { scale: number; level?: number }, signal?: AbortSignal): Promise<OcrWord[]> {
  const inset = 2
  const r: Rect = { x0: Math.max(0, Math.floor(c.x0 + inset)), y0: Math.max(0, Math.floor(c.y0 + inset)), x1: Math.min(g.w, Math.ceil(c.x1 - inset)), y1: Math.min(g.h, Math.ceil(c.y1 - inset)) }
  const f = opts.scale
  const m = 20
  const img = pad(scale(crop(g, r), f, opts.level), m)
  const res = await pool.recognize(encodePgm(img), { psm: '7', dpi: Math.round(dpi * f), signal })
  const back = (b: { x0: number; y0: number; x1: number; y1: number }) => ({
    x0: r.x0 + (b.x0 - m) / f,
    y0: r.y0 + (b.y0 - m) / f,
    x1: r.x0 + (b.x1 - m) / f,
    y1: r.y0 + (b.y1 - m) / f
  })
  return res.words.map((w) => ({ ...w, bbox: back(w.bbox), baseline: back(w.baseline), lineBox: back(w.lineBox), symbols: w.symbols.map((sy) => ({ ...sy, bbox: back(sy.bbox) })) }))
}

const DIGITS = '0123456789'

interface Reading {
  words: OcrWord[]
  text: string
  conf: number
  /** Read without a character whitelist. */
  free: boolean
}

/**
 * The number the readings agree on, look-alike characters read as the digits they stand for ('了' -> 7).
 * Sure when at least two readings give the same number, at least one of them without a look-alike, and
 * no reading contradicts it (another number read with some confidence, or a character read confidently).
 * The confidence of a sure verdict is the best of the agreeing readings (the parser still flags it below
 * 80); an unsure verdict is capped below the parser's threshold by the caller.
 */
function vote(readings: Reading[]): { words: OcrWord[]; text: string; conf: number; sure: boolean } | null {
  const nums: (Reading & { digits: string; mapped: boolean })[] = []
  for (const r of readings) {
    const d = r.conf >= JUNK_CONF || LOOKALIKE_ONLY.test(r.text) ? digitsOf(r.text) : null
    if (d) nums.push({ ...r, ...d })
  }
  if (nums.length === 0) return null
  const groups = new Map<string, typeof nums>()
  for (const r of nums) groups.set(r.digits, [...(groups.get(r.digits) ?? []), r])
  const ranked = [...groups.entries()].sort(
    (p, q) => q[1].length - p[1].length || Math.max(...q[1].map((r) => r.conf)) - Math.max(...p[1].map((r) => r.conf))
  )
  const [text, agree] = ranked[0] as [string, typeof nums]
  const clean = agree.filter((r) => !r.mapped)
  const best = [...(clean.length ? clean : agree)].sort((p, q) => q.conf - p.conf)[0] as Reading & { mapped: boolean }
  const contradicted = readings.some((r) => {
    if (r.text === '') return false
    const d = digitsOf(r.text)
    if (d) return d.digits !== text && r.conf >= JUNK_CONF
    return r.conf >= MIN_CONF
  })
  const words = best.mapped ? best.words.map((w) => ({ ...w, text: digitsOf(w.text)?.digits ?? w.text })) : best.words
  return { words, text, conf: best.conf, sure: agree.length >= 2 && clean.length >= 1 && !contradicted }
}

/** A reading made only of the look-alikes OCR produces for digits counts even at low confidence. */
const LOOKALIKE_ONLY = /^[了丁丨口〕】［］OoDQlI|!SZzB]+$/

/** A first-pass reading below this confidence is noise, not a second opinion. */
const JUNK_CONF = 50

const meanWordConf = (ws: OcrWord[]): number => (ws.length ? ws.reduce((s, w) => s + w.confidence, 0) / ws.length : 0)

function syntheticWord(text: string, blobs: Rect[]): OcrWord {
  const box = { x0: Math.min(...blobs.map((b) => b.x0)), y0: Math.min(...blobs.map((b) => b.y0)), x1: Math.max(...blobs.map((b) => b.x1)), y1: Math.max(...blobs.map((b) => b.y1)) }
  return { text, confidence: 0, bbox: box, symbols: [{ text, confidence: 0, bbox: box }], baseline: { x0: box.x0, y0: box.y1, x1: box.x1, y1: box.y1 }, lineBox: box }
}

/** OCR a cell on its own, line by line (tesseract joins a short centred last line to the one above it):
 * crop inside the rules, split into text lines, each enlarged, binarised and framed in white; words come
 * back in page pixels. */
async function readCrop(
  g: Gray,
  c: Rect,
  thr: number,
  em: number,
  dpi: number,
  pool: OcrPool,
  opts: { whitelist?: string; tight?: boolean; level?: number | null; scale?: number; psm?: string },
  signal?: AbortSignal
): Promise<OcrWord[]> {
  const inset = 2
  const r: Rect = { x0: Math.max(0, Math.floor(c.x0 + inset)), y0: Math.max(0, Math.floor(c.y0 + inset)), x1: Math.min(g.w, Math.ceil(c.x1 - inset)), y1: Math.min(g.h, Math.ceil(c.y1 - inset)) }
  const f = opts.scale ?? CROP_SCALE
  const m = 20
  // binarise at `level` (null: keep the grey levels)
  const level = opts.level === null ? undefined : (opts.level ?? thr)
  const out: OcrWord[] = []
  for (const band of textLines(g, r, thr, em)) {
    const lr: Rect = { x0: r.x0, y0: Math.max(r.y0, band.y0 - 3), x1: r.x1, y1: Math.min(r.y1, band.y1 + 3) }
    if (opts.tight) {
      // frame the ink of the line closely: a lone digit in a wide cell is read far better
      const margin = Math.round(0.15 * em)
      lr.x0 = Math.max(r.x0, band.x0 - margin)
      lr.x1 = Math.min(r.x1, band.x1 + margin)
    }
    const img = pad(scale(crop(g, lr), f, level), m)
    const res = await pool.recognize(encodePgm(img), { psm: opts.psm ?? '7', whitelist: opts.whitelist, dpi: Math.round(dpi * f), signal })
    const back = (b: { x0: number; y0: number; x1: number; y1: number }) => ({
      x0: lr.x0 + (b.x0 - m) / f,
      y0: lr.y0 + (b.y0 - m) / f,
      x1: lr.x0 + (b.x1 - m) / f,
      y1: lr.y0 + (b.y1 - m) / f
    })
    for (const w of res.words) {
      out.push({ ...w, bbox: back(w.bbox), baseline: back(w.baseline), lineBox: back(w.lineBox), symbols: w.symbols.map((s) => ({ ...s, bbox: back(s.bbox) })) })
    }
  }
  return out
}

/** Rows of ink inside r, grouped into text lines no taller than about one character. */
function textLines(g: Gray, r: Rect, thr: number, em: number): { y0: number; y1: number; x0: number; x1: number }[] {
  const runs: { y0: number; y1: number; x0: number; x1: number }[] = []
  let start = -1
  let x0 = Infinity
  let x1 = -Infinity
  for (let y = r.y0; y <= r.y1; y++) {
    let ink = 0
    if (y < r.y1) {
      for (let x = r.x0; x < r.x1; x++) {
        if ((g.data[y * g.w + x] as number) < thr) {
          ink++
          if (start >= 0 || ink === 1) {
            x0 = Math.min(x0, x)
            x1 = Math.max(x1, x + 1)
          }
        }
      }
    }
    if (ink > 0 && start < 0) start = y
    else if (ink === 0 && start >= 0) {
      runs.push({ y0: start, y1: y, x0, x1 })
      start = -1
      x0 = Infinity
      x1 = -Infinity
    }
  }
  const lines: { y0: number; y1: number; x0: number; x1: number }[] = []
  for (const run of runs) {
    const last = lines[lines.length - 1]
    if (last && run.y1 - last.y0 <= 1.35 * em) {
      last.y1 = run.y1
      last.x0 = Math.min(last.x0, run.x0)
      last.x1 = Math.max(last.x1, run.x1)
    } else lines.push({ ...run })
  }
  // specks of noise are not lines
  return lines.filter((l) => l.y1 - l.y0 >= 0.2 * em)
}

/** Cells are read enlarged: small digits come out better. */
const CROP_SCALE = 1.5

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

const CJK_RE = /[\u4e00-\u9fff]/
const PUNCT_RE = /^[，。、；：“”‘’（）()《》〈〉,.;:'"!?！？\-—_…·]+$/

/** OCR word -> layout items with per-character confidences; a word that straddles a vertical rule is cut there. */
function toItems(w: OcrWord, em: number, vRules: Rule[], cap = 100): OcrItem[] {
  const pieces: { text: string; confs: number[]; box: { x0: number; y0: number; x1: number; y1: number } }[] = []
  const symConfs = (syms: OcrWord['symbols'], text: string): number[] => {
    // one confidence per UTF-16 unit of text; symbols normally spell the word exactly
    const joined = syms.map((s) => s.text).join('')
    if (joined === text) return syms.flatMap((s) => Array.from({ length: s.text.length }, () => Math.min(s.confidence, w.confidence, cap)))
    return Array.from({ length: text.length }, () => Math.min(w.confidence, cap))
  }
  const cut = vRules.find((r) => {
    const x = (r.x0 + r.x1) / 2
    return x > w.bbox.x0 + 2 && x < w.bbox.x1 - 2 && r.y0 <= (w.bbox.y0 + w.bbox.y1) / 2 && r.y1 >= (w.bbox.y0 + w.bbox.y1) / 2
  })
  if (cut && w.symbols.length > 1) {
    const x = (cut.x0 + cut.x1) / 2
    for (const side of [0, 1]) {
      const syms = w.symbols.filter((s) => ((s.bbox.x0 + s.bbox.x1) / 2 < x ? 0 : 1) === side)
      if (syms.length === 0) continue
      const text = syms.map((s) => s.text).join('')
      pieces.push({
        text,
        confs: symConfs(syms, text),
        box: { x0: Math.min(...syms.map((s) => s.bbox.x0)), y0: Math.min(...syms.map((s) => s.bbox.y0)), x1: Math.max(...syms.map((s) => s.bbox.x1)), y1: Math.max(...syms.map((s) => s.bbox.y1)) }
      })
    }
  } else pieces.push({ text: w.text, confs: symConfs(w.symbols, w.text), box: w.bbox })
  return pieces.map((p) => {
    const bh = p.box.y1 - p.box.y0
    const cjk = CJK_RE.test(p.text)
    const h = cjk ? Math.max(bh, 0.8 * em) : /^\d+$/.test(p.text) ? Math.max(bh / 0.72, 0.8 * em) : em
    // the word's line position: the centre of its tesseract text line (robust for '一', '，', digits next to
    // CJK), unless that line is too tall to be one line of text (tesseract joined two table rows)
    const lb = w.lineBox
    const own = cjk || PUNCT_RE.test(p.text) ? (p.box.y0 + p.box.y1) / 2 : p.box.y1 - 0.36 * em
    const base = lb.y1 - lb.y0 <= 1.7 * em ? (lb.y0 + lb.y1) / 2 : own
    return { text: p.text, confs: p.confs, x0: p.box.x0, y0: p.box.y0, x1: p.box.x1, y1: p.box.y1, base, h }
  })
}

function pdfBox(c: OcrCell, toPage: (x: number, y: number) => [number, number]): Box {
  const pts = [toPage(c.x0, c.y0), toPage(c.x1, c.y0), toPage(c.x0, c.y1), toPage(c.x1, c.y1)]
  const xs = pts.map((p) => p[0])
  const ys = pts.map((p) => p[1])
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

