// From OCR words to the document model. Text outside tables is grouped the way the PDF reader groups a
// text layer (visual lines by position, cells split at wide gaps and at rules); a table cell becomes one
// Cell with its wrapped lines joined. Number-like cells are checked for characters OCR confuses with
// digits; the canonical text and offsets are built exactly as readers/pdf.ts builds them.
import { groupByBaseline } from '../ingest/readers/baselines.ts'
import type { Box, Cell, Line } from '../model.ts'

/**
 * Gap, in font heights, that separates two cells. The PDF reader uses 0.45 em on exact glyph positions;
 * OCR word boxes of CJK text are off by up to about half a character, so a wider gap is needed here.
 * Table columns are split at their rules in any case.
 */
const CELL_GAP_EM = 1.0
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/

/** One OCR word (or part of one) in page image pixels, after deskew. */
export interface OcrItem {
  text: string
  /** Confidence of each character of text. */
  confs: number[]
  x0: number
  y0: number
  x1: number
  y1: number
  /** Line position (centre of the text line) at the item. */
  base: number
  /** Font height estimate (em) in pixels. */
  h: number
}

export interface OcrCell {
  text: string
  confs: number[]
  x0: number
  y0: number
  x1: number
  y1: number
  h: number
  /** Centre of the cell's text lines (for ordering lines). */
  base: number
}

/** A vertical table rule: x and the y range it spans. */
export interface VRule {
  x: number
  y0: number
  y1: number
}

export const cellConf = (c: { confs: number[] }): number => (c.confs.length ? Math.min(...c.confs) : 0)

/** Items into visual lines (by line position), each sorted by x. */
function lines(items: OcrItem[]): OcrItem[][] {
  return groupByBaseline(items, (it) => ({ base: it.base, h: it.h, x: it.x0 }), true)
}

/** Items into lines by vertical overlap of their boxes (inside one table cell, where lines are well apart). */
function boxLines(items: OcrItem[]): OcrItem[][] {
  const sorted = [...items].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2)
  const out: { y0: number; y1: number; items: OcrItem[] }[] = []
  for (const it of sorted) {
    const last = out[out.length - 1]
    const ov = last ? Math.min(last.y1, it.y1) - Math.max(last.y0, it.y0) : 0
    if (last && ov > 0.4 * Math.min(last.y1 - last.y0, it.y1 - it.y0)) {
      last.items.push(it)
      last.y0 = Math.min(last.y0, it.y0)
      last.y1 = Math.max(last.y1, it.y1)
    } else out.push({ y0: it.y0, y1: it.y1, items: [it] })
  }
  return out.map((l) => l.items.sort((a, b) => a.x0 - b.x0))
}

function startCell(it: OcrItem): OcrCell {
  return { text: it.text, confs: [...it.confs], x0: it.x0, x1: it.x1, y0: it.y0, y1: it.y1, h: it.h, base: it.base }
}

function append(c: OcrCell, text: string, confs: number[], glue: string): void {
  c.text += glue + text
  for (let i = 0; i < glue.length; i++) c.confs.push(100)
  c.confs.push(...confs)
}

function grow(c: OcrCell, it: { x0: number; y0: number; x1: number; y1: number; h: number }): void {
  c.x0 = Math.min(c.x0, it.x0)
  c.x1 = Math.max(c.x1, it.x1)
  c.y0 = Math.min(c.y0, it.y0)
  c.y1 = Math.max(c.y1, it.y1)
  c.h = Math.max(c.h, it.h)
}

/** Text outside tables: visual lines split into cells at wide gaps and at vertical rules, as the PDF reader does. */
export function groupItems(items: OcrItem[], vrules: VRule[] = []): OcrCell[][] {
  return lines(items).map((line) => {
    const cells: OcrCell[] = []
    let c: OcrCell | undefined
    let prev: OcrItem | undefined
    for (const it of line) {
      const gap = c ? it.x0 - c.x1 : Infinity
      // OCR boxes of CJK words can be too wide: look for a rule between the two items' centres
      const ruled = c && prev ? ruleBetween(vrules, (prev.x0 + prev.x1) / 2, (it.x0 + it.x1) / 2, Math.min(prev.y0, it.y0), Math.max(prev.y1, it.y1)) : false
      prev = it
      if (c && !ruled && gap <= CELL_GAP_EM * Math.max(c.h, it.h)) {
        append(c, it.text, it.confs, glueFor(c.text, it.text, gap, it.h))
        grow(c, it)
      } else {
        c = startCell(it)
        cells.push(c)
      }
    }
    return cells
  })
}

/** All the text of one table cell (wrapped lines joined) as a single cell, like a Word table cell. */
export function joinCell(items: OcrItem[]): OcrCell | null {
  const ls = boxLines(items)
  let c: OcrCell | undefined
  let bases = 0
  for (const line of ls) {
    let first = true
    let lastX1 = 0
    for (const it of line) {
      if (!c) c = startCell(it)
      else if (first) append(c, it.text, it.confs, CJK.test(c.text.slice(-1)) || CJK.test(it.text.charAt(0)) ? '' : ' ')
      else append(c, it.text, it.confs, glueFor(c.text, it.text, it.x0 - lastX1, it.h))
      grow(c, it)
      first = false
      lastX1 = it.x1
    }
    bases += (line[0] as OcrItem).base
  }
  if (!c) return null
  c.base = bases / ls.length
  return c
}

function glueFor(before: string, after: string, gap: number, h: number): string {
  return gap > 0.25 * h && !(CJK.test(before.slice(-1)) && CJK.test(after.charAt(0))) && !before.endsWith(' ') ? ' ' : ''
}

/** A vertical rule lies between xa and xb and spans the text's height. */
function ruleBetween(vrules: VRule[], xa: number, xb: number, ya: number, yb: number): boolean {
  const mid = (ya + yb) / 2
  for (const r of vrules) if (r.x > xa && r.x < xb && r.y0 <= mid && r.y1 >= mid) return true
  return false
}

// ---------------------------------------------------------------------------------------------------
// Digits OCR may have got wrong

/** Characters OCR reads in place of a digit, and the digit they stand for. */
const LOOKALIKE: Record<string, string> = {
  O: '0', o: '0', D: '0', Q: '0', '〇': '0', 'º': '0', '°': '0', U: '0',
  l: '1', I: '1', '|': '1', '!': '1', i: '1', j: '1', ']': '1', '[': '1', 'ı': '1',
  S: '5', s: '5', B: '8', Z: '2', z: '2', g: '9', q: '9', G: '6', b: '6', T: '7', A: '4',
  // what chi_sim reads for lone digits
  '了': '7', '丁': '7', '丨': '1', '口': '0', '〕': '1', '】': '1', '［': '1', '］': '1'
}
const FULLWIDTH_DIGIT = /[０-９]/g

/** A minus sign as the recognizer writes it before the digits of a signed number ('-72'). */
export const MINUS_LEAD = /^[-−－–—]/

/**
 * A reading of a value cell with look-alike characters turned into digits ('了2' -> '72'), or null when it
 * is not made of digits and look-alikes only. `mapped` tells whether a look-alike was needed. A leading
 * minus is left out of `digits` and told by `minus`: readings of one number are compared by their digits,
 * and its sign is settled on the ink apart (signCheck.ts).
 */
export function digitsOf(text: string): { digits: string; mapped: boolean; minus: boolean } | null {
  let s = text.replace(/\s+/g, '').replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  const minus = MINUS_LEAD.test(s)
  if (minus) s = s.slice(1)
  // a long amount with its decimals ('75394432.52' 元) is a number too
  if (s === '' || (s.length > 9 && !/^[\d,]{1,12}\.\d{1,4}$/.test(s))) return null
  let out = ''
  let mapped = false
  for (const ch of s) {
    if (/[\d.,]/.test(ch)) out += ch
    else if (ch in LOOKALIKE) {
      out += LOOKALIKE[ch] as string
      mapped = true
    } else return null
  }
  return /\d/.test(out) ? { digits: out, mapped, minus } : null
}
/** Blank placeholders as the parser reads them (values.ts PLACEHOLDER), plus rule remnants. */
const PLACEHOLDER = /^(?:\/|／|-|—|–|－|——|无|無|空|\\|、|\||_|~|一)$/

/** Confidence given to a cell whose digits were changed or look doubtful: below the parser's MIN_CONF (80). */
export const DOUBT_CONF = 40

export interface CheckedCell {
  text: string
  conf: number
  /** Drop the cell: a low-confidence stray mark that would otherwise read as a certain blank. */
  drop?: boolean
}

/**
 * Check a cell of a line that holds table values. A number-like cell with look-alike characters is
 * normalised to digits and its confidence lowered; stray punctuation around or inside a number lowers it
 * too. Nothing that is not clearly a number is changed.
 */
export function checkNumberCell(text: string, conf: number, numericLine: boolean, minConf: number, pointSeen = false): CheckedCell {
  const s = text.replace(/\s+/g, '').replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  if (s === '') return { text, conf }
  if (PLACEHOLDER.test(s)) {
    // '一', '|', '_' and '~' are what a leftover rule or speck reads as; '-' '/' '—' are real blanks when sure
    if (!numericLine) return { text, conf }
    if (/^[|_~一]$/.test(s)) return { text, conf, drop: true }
    return conf < minConf ? { text, conf, drop: true } : { text, conf }
  }
  const hasDigit = /\d/.test(s)
  const chars = [...s]
  const allLikely = chars.every((ch) => /[\d.,，。·:]/.test(ch) || ch in LOOKALIKE)
  if (!allLikely) return { text, conf }
  if (!hasDigit && !(numericLine && chars.length <= 3)) return { text, conf }
  let doubt = false
  let out = ''
  for (const ch of chars) {
    if (/\d/.test(ch)) out += ch
    else if (ch in LOOKALIKE) {
      out += LOOKALIKE[ch] as string
      doubt = true
    } else out += ch === '，' ? ',' : ch === '。' || ch === '·' ? '.' : ch === ':' ? '' : ch
    if (ch === ':') doubt = true
  }
  // punctuation before or after the digits is a speck or a rule remnant, not part of the number
  const trimmed = out.replace(/^[.,]+/, '').replace(/[.,]+$/, '')
  if (trimmed !== out) doubt = true
  out = trimmed
  if (out === '') return { text, conf, drop: numericLine && conf < minConf }
  // a separator inside the digits: a thousands comma is plausible (1,234) but still doubted if OCR was unsure;
  // a decimal point is only real in amounts (万元), and a stray one turns 10 into 1.0: it needs full confidence, or
  // the ink showing a point standing alone in its gap (pointCheck.ts) and the digits' own confidence
  if (/[.,]/.test(out)) {
    const thousands = /^\d{1,3}(,\d{3})+$/.test(out)
    const decimal = /^\d+\.\d{1,4}$/.test(out)
    if (!thousands && !decimal) {
      out = out.replace(/[.,]/g, '')
      doubt = true
    } else if (conf < 95 && !(decimal && pointSeen && conf >= minConf)) doubt = true
  }
  if (out.length > 1 && out.startsWith('0') && !out.startsWith('0.')) doubt = true // '07' is not written in a report
  return { text: out, conf: doubt ? Math.min(conf, DOUBT_CONF) : conf }
}

/**
 * Fix what OCR regularly gets wrong in labels without changing their meaning: an ordinal's brackets read
 * as '〈' or '《' ('第二十条第〈五)项' -> '第二十条第（五）项').
 */
export function normalizeText(text: string): string {
  return text.replace(/[《〈(（{]\s*([一二三四五六七八九十]{1,3})\s*[)）〉》}]/g, '（$1）')
}

/** A line holds table values when at least two of its cells are numbers (or look-alikes of numbers). */
export function isNumericLine(cells: { text: string }[]): boolean {
  let n = 0
  for (const c of cells) {
    const s = c.text.replace(/\s+/g, '')
    if (/^[\d０-９][\d０-９.,，]*$/.test(s)) n++
  }
  return n >= 2 || (cells.length >= 2 && n >= 1)
}

// ---------------------------------------------------------------------------------------------------
// Canonical text with offsets, exactly as readers/pdf.ts builds it

const r2 = (n: number): number => Math.round(n * 100) / 100

export class TextBuilder {
  text: string[] = []
  lines: Line[] = []
  private len = 0

  /** Append a line of cells (text, page, box, conf); empty cells are skipped, offsets are assigned here. */
  addLine(cells: { text: string; page?: number; box?: Box; conf?: number; alts?: string[]; nglyph?: number }[], table?: number): void {
    const out: Cell[] = []
    for (const pc of cells) {
      const t = pc.text.trim()
      if (t === '') continue
      this.push(this.lines.length === 0 && out.length === 0 ? '' : out.length === 0 ? '\n' : '\t')
      const start = this.len
      this.push(t)
      const cell: Cell = { text: t, start, end: this.len }
      if (pc.page !== undefined) cell.page = pc.page
      if (pc.box) cell.box = [r2(pc.box[0]), r2(pc.box[1]), r2(pc.box[2]), r2(pc.box[3])]
      if (pc.conf !== undefined) cell.conf = Math.round(pc.conf * 10) / 10
      if (pc.alts?.length) cell.alts = pc.alts
      if (pc.nglyph !== undefined) cell.nglyph = pc.nglyph
      out.push(cell)
    }
    if (out.length > 0) this.lines.push(table === undefined ? { cells: out } : { cells: out, table })
  }

  result(): string {
    return this.text.join('')
  }

  private push(s: string): void {
    this.text.push(s)
    this.len += s.length
  }
}
