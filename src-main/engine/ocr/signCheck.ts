// A minus sign the recognizer did not read. The 2019 template's 本年增/减 column holds signed numbers, and
// a thin '-' before the digits is the stroke OCR drops most easily ('-72' read as a confident '72'): the sign
// is a number's most important character there, so a number read without it, with a dash standing before
// its digits, cannot be certain. Nothing is added to the reading: the number is only put in doubt.
import { glyphBoxes } from './glyphs.ts'
import type { Gray, Rect } from './image.ts'

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
