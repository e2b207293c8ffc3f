// Digits compared with the page's own digits. A scanned report prints every number in one font, so a glyph
// can be checked against the digits read with confidence elsewhere on the same page: this confirms a digit
// that the recognizer keeps reading as a look-alike character ('7' as '了') and contradicts a digit it read
// wrongly but confidently.
import type { Gray, Rect } from './image.ts'

/** Glyph boxes inside r, left to right: connected dark components at least minH tall, broken pieces merged. */
export function glyphBoxes(g: Gray, r: Rect, thr: number, minH: number): Rect[] {
  const x0 = Math.max(0, Math.floor(r.x0))
  const y0 = Math.max(0, Math.floor(r.y0))
  const x1 = Math.min(g.w, Math.ceil(r.x1))
  const y1 = Math.min(g.h, Math.ceil(r.y1))
  const w = x1 - x0
  const h = y1 - y0
  if (w <= 0 || h <= 0) return []
  const seen = new Uint8Array(w * h)
  const dark = (x: number, y: number): boolean => (g.data[(y0 + y) * g.w + x0 + x] as number) < thr
  const stack: number[] = []
  const comps: Rect[] = []
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (seen[y * w + x] || !dark(x, y)) continue
      seen[y * w + x] = 1
      stack.push(y * w + x)
      const c = { x0: x, x1: x, y0: y, y1: y }
      while (stack.length) {
        const p = stack.pop() as number
        const px = p % w
        const py = (p - px) / w
        if (px < c.x0) c.x0 = px
        if (px > c.x1) c.x1 = px
        if (py < c.y0) c.y0 = py
        if (py > c.y1) c.y1 = py
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = px + dx
            const ny = py + dy
            if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue
            const q = ny * w + nx
            if (!seen[q] && dark(nx, ny)) {
              seen[q] = 1
              stack.push(q)
            }
          }
        }
      }
      comps.push(c)
    }
  }
  // pieces of a broken glyph share its columns: merge components that overlap horizontally
  comps.sort((a, b) => a.x0 - b.x0)
  const merged: Rect[] = []
  for (const c of comps) {
    const last = merged[merged.length - 1]
    const ov = last ? Math.min(last.x1, c.x1) - Math.max(last.x0, c.x0) : -1
    if (last && ov >= 0.5 * Math.min(last.x1 - last.x0 + 1, c.x1 - c.x0 + 1)) {
      last.x0 = Math.min(last.x0, c.x0)
      last.x1 = Math.max(last.x1, c.x1)
      last.y0 = Math.min(last.y0, c.y0)
      last.y1 = Math.max(last.y1, c.y1)
    } else merged.push({ ...c })
  }
  return merged
    .filter((c) => c.y1 - c.y0 + 1 >= minH)
    .map((c) => ({ x0: x0 + c.x0, y0: y0 + c.y0, x1: x0 + c.x1 + 1, y1: y0 + c.y1 + 1 }))
}

const GW = 16
const GH = 24

/**
 * The glyph as a GW×GH ink map: scaled to the grid height, aspect kept (a '1' stays narrow), centred;
 * each grid cell the share of dark pixels under it.
 */
function inkMap(g: Gray, b: Rect, thr: number): Float32Array {
  const out = new Float32Array(GW * GH)
  const bw = b.x1 - b.x0
  const bh = b.y1 - b.y0
  const s = GH / bh
  const offX = (GW - bw * s) / 2
  for (let y = b.y0; y < b.y1; y++) {
    for (let x = b.x0; x < b.x1; x++) {
      if ((g.data[y * g.w + x] as number) >= thr) continue
      const gx = Math.floor(offX + (x - b.x0) * s)
      const gy = Math.floor((y - b.y0) * s)
      if (gx < 0 || gx >= GW || gy < 0 || gy >= GH) continue
      out[gy * GW + gx] = (out[gy * GW + gx] as number) + 1
    }
  }
  const area = 1 / (s * s)
  for (let i = 0; i < out.length; i++) out[i] = Math.min(1, (out[i] as number) / area)
  return out
}

/** Normalized cross-correlation of two ink maps (1 = same shape). */
function ncc(a: Float32Array, b: Float32Array): number {
  let ma = 0
  let mb = 0
  for (let i = 0; i < a.length; i++) {
    ma += a[i] as number
    mb += b[i] as number
  }
  ma /= a.length
  mb /= b.length
  let num = 0
  let da = 0
  let db = 0
  for (let i = 0; i < a.length; i++) {
    const x = (a[i] as number) - ma
    const y = (b[i] as number) - mb
    num += x * y
    da += x * x
    db += y * y
  }
  return da > 0 && db > 0 ? num / Math.sqrt(da * db) : 0
}

export interface DigitMatch {
  digit: string
  score: number
  /** Score of the best other digit. */
  runnerUp: number
}

/** Digits of one page, learned from numbers read with confidence. */
export class DigitMatcher {
  private readonly samples = new Map<string, { map: Float32Array; aspect: number; owner: unknown }[]>()
  private readonly perDigit = 40

  /** Learn a digit; `owner` (the cell it comes from) is left out when that cell itself is checked. */
  add(digit: string, g: Gray, b: Rect, thr: number, owner: unknown): void {
    const list = this.samples.get(digit) ?? []
    if (list.length >= this.perDigit) return
    list.push({ map: inkMap(g, b, thr), aspect: (b.x1 - b.x0) / (b.y1 - b.y0), owner })
    this.samples.set(digit, list)
  }

  /** Samples of the digit learned from cells other than `owner`. */
  count(digit: string, owner?: unknown): number {
    return (this.samples.get(digit) ?? []).filter((sm) => sm.owner !== owner).length
  }

  /** The digit the glyph looks like most, with its score and the best other digit's score; null when no digit was learned. */
  match(g: Gray, b: Rect, thr: number, owner?: unknown): DigitMatch | null {
    if (this.samples.size === 0) return null
    const map = inkMap(g, b, thr)
    const aspect = (b.x1 - b.x0) / (b.y1 - b.y0)
    const scores: [string, number][] = []
    for (const [digit, list] of this.samples) {
      let best = -1
      for (const sm of list) {
        if (sm.owner === owner) continue
        // a glyph twice as wide or narrow is another glyph whatever its shape
        const ratio = Math.max(aspect, sm.aspect) / Math.max(0.01, Math.min(aspect, sm.aspect))
        const sc = ncc(map, sm.map) - (ratio > 1.35 ? 0.3 : 0)
        if (sc > best) best = sc
      }
      if (best > -1) scores.push([digit, best])
    }
    if (scores.length === 0) return null
    scores.sort((p, q) => q[1] - p[1])
    const [digit, score] = scores[0] as [string, number]
    return { digit, score, runnerUp: scores[1]?.[1] ?? -1 }
  }
}
