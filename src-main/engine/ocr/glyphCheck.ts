// Glyph checks on the value cells of a scanned page (see checkGlyphs): the shapes of a number's digits
// against the digits read with confidence elsewhere on the same page.
import { MIN_CONF } from '../parse/values.ts'
import { type TCell, VALUE_CELL_EM, minWordConf, wordsText } from './cellRead.ts'
import { DigitMatcher, glyphBoxes, type DigitMatch } from './glyphs.ts'
import type { Gray, Rect } from './image.ts'
import { digitsOf, DOUBT_CONF } from './layout.ts'
import { pointSeen } from './pointCheck.ts'
import { noteSign } from './signCheck.ts'

/**
 * Glyph checks on the value cells of a page. A number cannot have more glyphs than digits: a digit OCR
 * dropped ('913' read '93', a thin '1' lost) leaves it in doubt however sure the readings were (pieces of
 * one broken digit are joined first; fewer glyphs are digits that touch). Then each glyph is compared with the digits read with confidence elsewhere
 * on the page: a confident number whose glyph clearly looks like another digit is put in doubt, and a
 * doubtful one (a look-alike such as '了' for 7, or readings that disagreed) whose every glyph clearly
 * looks like its digit is confirmed.
 */
export function checkGlyphs(g: Gray, cells: TCell[], thr: number, em: number): void {
  const values: { c: TCell; digits: string; mapped: boolean; boxes: Rect[]; conf: number }[] = []
  for (const c of cells) {
    const d = digitsOf(wordsText(c.words))
    if (!d || c.rect.x1 - c.rect.x0 > VALUE_CELL_EM * em) continue
    const boxes = glyphBoxes(g, inner(c.rect), thr, 0.4 * em)
    const digits = d.digits.replace(/\D/g, '')
    values.push({ c, digits, mapped: d.mapped, boxes, conf: Math.min(c.conf ?? 100, minWordConf(c.words)) })
  }
  // fewer glyphs than digits: digits that touch fill as much width as they count; a digit made up from a
  // speck or what is left of a rule ('4' read '14') does not
  const sure = values.filter((v) => v.conf >= SURE_CONF && v.boxes.length === v.digits.length)
  const widths = sure.flatMap((v) => v.boxes.filter((_, i) => v.digits[i] !== '1').map((b) => b.x1 - b.x0)).sort((a, b) => a - b)
  const digitW = widths.length >= 3 ? (widths[widths.length >> 1] as number) : 0.45 * em
  const heights = sure.flatMap((v) => v.boxes.map((b) => b.y1 - b.y0)).sort((a, b) => a - b)
  const digitH = heights.length >= 3 ? (heights[heights.length >> 1] as number) : 0
  // a digit's width in a cell whose type is clearly larger or smaller than most of the page's digits (表四
  // printed larger than 表三): the page's digit width scaled by the height of the cell's glyphs
  const widthIn = (boxes: Rect[]): number => {
    const h = Math.max(0, ...boxes.map((b) => b.y1 - b.y0))
    const r = digitH > 0 && h > 0 ? h / digitH : 1
    return r >= SIZE_STEP || r <= 1 / SIZE_STEP ? digitW * r : digitW
  }
  for (const v of values) {
    if (v.boxes.length <= v.digits.length) continue
    // small digits of a low-resolution scan lose their thinnest strokes: a '0' falls apart into its two
    // arcs. Pieces close together that fit one digit's width between them are one glyph; two real digits
    // never fit (a digit's advance leaves a gap, or together they are wider than one digit)
    if (widths.length >= 3) v.boxes = joinPieces(v.boxes, widthIn(v.boxes), em)
    if (v.boxes.length > v.digits.length) {
      v.c.glyphDoubt = true
      v.c.conf = Math.min(v.c.conf ?? 100, DOUBT_CONF)
      v.conf = Math.min(v.conf, DOUBT_CONF)
    }
  }
  for (const v of values) {
    if (v.boxes.length === 0 || v.boxes.length >= v.digits.length) continue
    // a faint stroke may break a digit into pieces each too short to count ('5' of a grey 200 dpi scan):
    // a little lighter it is whole again (never more glyphs than digits taken from there)
    const lighter = glyphBoxes(g, inner(v.c.rect), Math.round(thr + (255 - thr) * LIGHTER), 0.4 * em)
    if (lighter.length > v.boxes.length && lighter.length <= v.digits.length) v.boxes = lighter
    if (v.boxes.length >= v.digits.length) continue
    const w = widthIn(v.boxes)
    const est = v.boxes.reduce((n, b) => n + Math.max(1, Math.round((b.x1 - b.x0) / w)), 0)
    if (est !== v.digits.length) {
      v.c.glyphDoubt = true
      v.c.conf = Math.min(v.c.conf ?? 100, DOUBT_CONF)
    }
  }
  // the sign: the dash the ink shows before the digits against the minus the readings have (signCheck.ts)
  for (const v of values) noteSign(g, v.c, v.boxes, thr, em)
  // an amount's decimal point where the ink shows one (pointCheck.ts); an amount's cell may span the table
  const boxesOf = new Map(values.map((v) => [v.c, v.boxes]))
  for (const c of cells) {
    const t = wordsText(c.words)
    if (/^\d+\.\d+$/.test(t)) c.pointSeen = pointSeen(g, boxesOf.get(c) ?? glyphBoxes(g, inner(c.rect), thr, 0.4 * em), t, thr)
  }
  const matcher = new DigitMatcher()
  for (const v of values) {
    if (v.mapped || v.conf < SURE_CONF || v.boxes.length !== v.digits.length) continue
    v.boxes.forEach((b, i) => matcher.add(v.digits[i] as string, g, b, thr, v.c))
  }
  // how many glyphs each number shows and what their shapes read: the parser's check on the alternative
  // readings of an unsure number (cellAlts.ts); a cell of a row of values read as no number at all ('4'
  // read '全') is looked at too
  for (const v of values) noteShape(g, v.c, v.boxes, thr, widthIn(v.boxes), matcher)
  for (const c of cells) {
    if (!c.valueRow || digitsOf(wordsText(c.words)) || c.rect.x1 - c.rect.x0 > VALUE_CELL_EM * em) continue
    const boxes = glyphBoxes(g, inner(c.rect), thr, 0.4 * em)
    noteShape(g, c, widths.length >= 3 ? joinPieces(boxes, widthIn(boxes), em) : boxes, thr, widthIn(boxes), matcher)
  }
  for (const v of values) {
    if (v.boxes.length !== v.digits.length) continue
    const seen = v.boxes.map((b) => matcher.match(g, b, thr, v.c))
    // what the shapes alone read, when every glyph is beyond doubt one learned digit (digitVerify.ts)
    if (
      v.boxes.length > 0 &&
      seen.every((m) => !!m && m.score >= VERIFY_MATCH && m.score - m.runnerUp >= VERIFY_MARGIN)
    ) {
      v.c.glyphs = seen.map((m) => (m as DigitMatch).digit).join('')
      v.c.glyphBox = {
        x0: Math.min(...v.boxes.map((b) => b.x0)),
        y0: Math.min(...v.boxes.map((b) => b.y0)),
        x1: Math.max(...v.boxes.map((b) => b.x1)),
        y1: Math.max(...v.boxes.map((b) => b.y1)),
      }
    }
    const clear = (m: DigitMatch | null): m is DigitMatch =>
      !!m && m.score >= GLYPH_MATCH && m.score - m.runnerUp >= GLYPH_MARGIN
    if (!v.mapped && v.conf >= MIN_CONF) {
      // a digit that clearly looks like another learned digit
      const wrong = seen.some(
        (m, i) => clear(m) && m.digit !== v.digits[i] && matcher.count(v.digits[i] as string, v.c) > 0,
      )
      if (wrong) {
        v.c.glyphDoubt = true
        v.c.conf = DOUBT_CONF
      }
    } else if (!v.c.signLost && (v.c.conf ?? 100) > 0 && seen.every((m, i) => clear(m) && m.digit === v.digits[i])) {
      // every glyph is the digit read: a look-alike becomes its digit, and the number is no longer in doubt
      v.c.words = v.c.words.map((w) => ({ ...w, text: digitsOf(w.text)?.digits ?? w.text }))
      v.c.conf = MIN_CONF + 5
      v.c.confirmed = true
    }
  }
}

/**
 * The glyph count of a cell when every glyph is one digit wide at most (touching digits make a count
 * unknown), the box of its ink, and the digits the shapes read when each glyph clearly looks like one.
 */
function noteShape(g: Gray, c: TCell, boxes: Rect[], thr: number, digitW: number, matcher: DigitMatcher): void {
  if (boxes.length === 0) return
  c.inkBox = { x0: Math.min(...boxes.map((b) => b.x0)), y0: Math.min(...boxes.map((b) => b.y0)), x1: Math.max(...boxes.map((b) => b.x1)), y1: Math.max(...boxes.map((b) => b.y1)) }
  if (boxes.some((b) => b.x1 - b.x0 > SINGLE_WIDTH * digitW)) return
  c.nglyph = boxes.length
  const seen = boxes.map((b) => matcher.match(g, b, thr, c))
  if (seen.every((m) => !!m && m.score >= GLYPH_MATCH && m.score - m.runnerUp >= GLYPH_MARGIN)) c.shape = seen.map((m) => (m as DigitMatch).digit).join('')
}
/** A cell's inside, clear of what is left of its rules. */
const inner = (r: Rect): Rect => ({ x0: r.x0 + 3, y0: r.y0 + 3, x1: r.x1 - 3, y1: r.y1 - 3 })
/** Share of the way from the ink threshold to white at which a digit's faint strokes count as ink. */
const LIGHTER = 0.3
/** Glyphs this many times taller (or shorter) than most of the page's digits are of another type size. */
const SIZE_STEP = 1.25
/** A glyph wider than this many digit widths may be two digits that touch. */
const SINGLE_WIDTH = 1.4

/** Neighbouring glyph boxes that are pieces of one digit: at most PIECE_GAP em apart and PIECE_WIDTH digit widths together. */
function joinPieces(boxes: Rect[], digitW: number, em: number): Rect[] {
  const out: Rect[] = []
  for (const b of boxes) {
    const last = out[out.length - 1]
    if (last && b.x0 - last.x1 <= PIECE_GAP * em && b.x1 - last.x0 <= PIECE_WIDTH * digitW) {
      out[out.length - 1] = {
        x0: last.x0,
        y0: Math.min(last.y0, b.y0),
        x1: Math.max(last.x1, b.x1),
        y1: Math.max(last.y1, b.y1),
      }
    } else out.push(b)
  }
  return out
}
// the two arcs of a '0' fallen apart stand its counter apart (0.12 em on a 200 dpi traditional scan); two
// digits never fit in PIECE_WIDTH, so the gap can be that wide
const PIECE_GAP = 0.2
const PIECE_WIDTH = 1.2

/** A confident reading for learning the page's digits. */
const SURE_CONF = 90
/** Glyph comparison: the shape must correlate this well with its digit, and this much better than with any other. */
const GLYPH_MATCH = 0.85
const GLYPH_MARGIN = 0.2
/** Stricter, for a glyph reading that verifies a number on its own footing (a real arithmetic error is then kept). */
const VERIFY_MATCH = 0.9
const VERIFY_MARGIN = 0.35
