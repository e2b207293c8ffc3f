// The sign of a number in a table cell. The 2019 template's 本年增/减 column holds signed numbers, and a
// thin '-' before the digits is the stroke OCR drops most easily ('-72' read as a confident '72'): the sign
// is a number's most important character there. It is settled apart from the digits (which the readings
// compare without it), by two witnesses that share nothing: the ink (a dash standing before the digits,
// minusBefore) and a reading with the minus. Both: negative. Neither: positive. One without the other: the
// faint dash is read once more, binarised light enough to show it; only a reading of the minus where the
// dash stands, before the same digits, settles it. Otherwise the number stays in doubt. A sign is never
// added from the ink alone.
import { JUNK_CONF, wordsText, type TCell } from './cellRead.ts'
import { glyphBoxes } from './glyphs.ts'
import { crop, encodePgm, pad, scale, type Gray, type Rect } from './image.ts'
import { digitsOf, DOUBT_CONF, MINUS_LEAD } from './layout.ts'
import type { Recognizer } from './pool.ts'

/** Whether a reading of the cell (its own, or one made while settling it) has a minus before its digits. */
function minusRead(c: TCell): boolean {
  const own = wordsText(c.words)
  const texts = [own, ...(c.readings ?? []).filter((r) => r.conf >= JUNK_CONF).map((r) => r.text)]
  return texts.some((t) => digitsOf(t)?.minus === true)
}

/**
 * The sign of a value cell from its digit glyphs (checkGlyphs): `minus` when the ink shows the dash and a
 * reading has it, `signLost` (in doubt) when only one of them does.
 */
export function noteSign(g: Gray, c: TCell, digits: Rect[], thr: number, em: number): void {
  const dash = digits.length > 0 ? minusBefore(g, c.rect, digits, thr, em) : null
  const read = minusRead(c)
  if (dash) c.dash = dash
  if (dash && read) c.minus = true
  else if (dash || read) c.signLost = true
}

/**
 * The cells whose ink shows a dash no reading has: the dash and the digits read once more, binarised at the
 * level at which the faint dash was seen, as digits and minus only. The sign is taken when that reading puts
 * a confident minus where the dash stands, before the digits the cell was read as.
 */
export async function readSigns(g: Gray, cells: TCell[], thr: number, dpi: number, pool: Recognizer, signal?: AbortSignal): Promise<void> {
  await Promise.all(
    cells.map(async (c) => {
      if (!c.signLost || !c.dash || !c.inkBox || minusRead(c)) return
      const want = digitsOf(wordsText(c.words))
      if (!want || want.mapped) return
      if (await signSeen(g, c.dash, c.inkBox, want.digits, thr, dpi, pool, signal)) {
        c.minus = true
        c.signLost = false
      }
    })
  )
}

/**
 * The sign settled on a cell's text: a negative number written '-' and its digits (whichever reading the
 * digits came from), a number whose sign is in doubt kept below the parser's MIN_CONF.
 */
export function applySign(cell: { text: string; confs: number[] }, c: TCell): void {
  const d = digitsOf(cell.text)
  if (c.minus && d) {
    const body = cell.text.replace(/\s+/g, '').replace(MINUS_LEAD, '')
    const conf = cell.confs.length ? Math.min(...cell.confs) : 0
    cell.text = `-${body}`
    cell.confs = Array.from({ length: cell.text.length }, () => conf)
  }
  if (c.signLost) cell.confs = cell.confs.map((x) => Math.min(x, DOUBT_CONF))
}

async function signSeen(g: Gray, dash: Rect, digits: Rect, want: string, thr: number, dpi: number, pool: Recognizer, signal?: AbortSignal): Promise<boolean> {
  const h = digits.y1 - digits.y0
  const m = Math.max(3, Math.round(0.3 * h))
  const r: Rect = { x0: Math.max(0, dash.x0 - m), y0: Math.max(0, Math.min(dash.y0, digits.y0) - m), x1: Math.min(g.w, digits.x1 + m), y1: Math.min(g.h, Math.max(dash.y1, digits.y1) + m) }
  const light = Math.round(thr + (255 - thr) * LIGHT)
  const padPx = 20
  for (const f of SIGN_SCALES) {
    const res = await pool.recognize(encodePgm(pad(scale(crop(g, r), f, light), padPx)), { psm: '7', whitelist: '-0123456789', dpi: Math.round(dpi * f), signal })
    const text = res.words.map((w) => w.text).join('')
    const d = digitsOf(text)
    const sym = res.words[0]?.symbols[0]
    if (!d?.minus || d.mapped || d.digits !== want || !sym || sym.confidence < SIGN_CONF) continue
    // the minus read where the ink shows the dash, not on a speck beside it
    const x = r.x0 + ((sym.bbox.x0 + sym.bbox.x1) / 2 - padPx) / f
    if (x >= dash.x0 - 0.25 * h && x <= dash.x1 + 0.25 * h) return true
  }
  return false
}

/** The dash and digits are read at these scales (a blurred dash is read at one and not the other). */
const SIGN_SCALES = [1, 2]
/** The minus must be read with this symbol confidence (the digits are settled by the cell's other readings). */
const SIGN_CONF = 90

/**
 * The dash standing before a number's digit glyphs in its cell, or null: the nearest ink left of the first
 * digit, at most DASH_GAP_EM em before it, at least DASH_MIN_EM em wide and wider than thick, no thicker
 * than a third of the digits' height, its middle level with the digits' middle. A low-resolution scan blurs
 * the thin stroke into a short grey smear, so it is looked for at a lighter threshold; specks, rule remnants
 * along the cell's edges and the characters of a label do not fit.
 */
export function minusBefore(g: Gray, cell: Rect, digits: Rect[], thr: number, em: number): Rect | null {
  const first = digits[0]
  if (!first) return null
  const top = Math.min(...digits.map((b) => b.y0))
  const bottom = Math.max(...digits.map((b) => b.y1))
  const h = bottom - top
  const inset = 3
  // a thin stroke blurred by a low-resolution scan or JPEG stays lighter than the page's ink threshold
  const light = Math.round(thr + (255 - thr) * LIGHT)
  const left = glyphBoxes(g, { x0: cell.x0 + inset, y0: cell.y0 + inset, x1: first.x0, y1: cell.y1 - inset }, light, 1)
  // the ink nearest the digits: anything else between a dash and the digits makes it something else
  // (not the grey fringe of the first digit itself, which the lighter threshold shows as a sliver against it)
  const fringe = (b: Rect): boolean => b.x1 >= first.x0 - 1 && b.x1 - b.x0 < DASH_MIN_EM * em
  const near = left.filter((b) => b.y1 > top && b.y0 < bottom && !fringe(b)).sort((p, q) => q.x1 - p.x1)[0]
  if (!near) return null
  const w = near.x1 - near.x0
  const t = near.y1 - near.y0
  const mid = (near.y0 + near.y1) / 2
  if (first.x0 - near.x1 > DASH_GAP_EM * em) return null
  if (w < DASH_MIN_EM * em || w < DASH_ASPECT * t || t > h / 3) return null
  if (mid < top + 0.25 * h || mid > bottom - 0.25 * h) return null
  return near
}

const DASH_GAP_EM = 0.8
/** Share of the way from the ink threshold to white at which a faint dash still counts as ink. */
const LIGHT = 0.7
const DASH_MIN_EM = 0.15
const DASH_ASPECT = 1.1
