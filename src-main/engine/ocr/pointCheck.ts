// The decimal point of an amount ('16220.85' 元), seen on the page. The glyph shapes verify digits only
// (glyphCheck.ts); a stray speck read as a point turns 1085 into 10.85, so an amount's point is only taken
// as verified where the ink shows one: a dot at the digits' foot in the gap where the reading puts it, and
// in no other gap.
import { glyphBoxes } from './glyphs.ts'
import type { Gray, Rect } from './image.ts'

/**
 * Whether the ink of a number shows its decimal point where `text` has it: `digits` are the number's digit
 * glyphs left to right (one per digit of `text`). False for anything else than digits with one point.
 */
export function pointSeen(g: Gray, digits: Rect[], text: string, thr: number): boolean {
  const m = /^(\d+)\.(\d+)$/.exec(text)
  if (!m || digits.length !== (m[1] as string).length + (m[2] as string).length) return false
  const at = (m[1] as string).length
  const top = Math.min(...digits.map((b) => b.y0))
  const bottom = Math.max(...digits.map((b) => b.y1))
  const h = bottom - top
  const light = Math.round(thr + (255 - thr) * LIGHT)
  for (let i = 1; i < digits.length; i++) {
    const a = digits[i - 1] as Rect
    const b = digits[i] as Rect
    const gap: Rect = { x0: a.x1, y0: top, x1: b.x0, y1: Math.round(bottom + 0.15 * h) }
    // standing apart from both digits: a grey sliver against a digit's edge is that digit's fringe
    const dot = gap.x1 > gap.x0 && glyphBoxes(g, gap, light, 1).some((d) => d.x0 > gap.x0 && d.x1 < gap.x1 && isDot(d, bottom, h))
    if (dot !== (i === at)) return false
  }
  return true
}

/** A point: small both ways, at the digits' foot. */
function isDot(d: Rect, bottom: number, h: number): boolean {
  const w = d.x1 - d.x0
  const t = d.y1 - d.y0
  return w >= 2 && t >= 2 && w <= DOT_MAX * h && t <= DOT_MAX * h && (d.y0 + d.y1) / 2 >= bottom - 0.3 * h
}

/** A point is at most this share of the digits' height either way. */
const DOT_MAX = 0.35
/** Share of the way from the ink threshold to white at which a small, blurred dot still counts as ink. */
const LIGHT = 0.3
