// Shaded table cells (a grey fill behind header rows, common in WPS and Word tables) made white before the
// rules are looked for. A fill is as dark as a rule at the lenient level rule detection needs for hairlines,
// so the rule at its edge merged with it into one thick band that is no rule: the shaded row lost its
// borders, its text was taken for a rule and dropped, and the rows around it ran together.
import type { Gray } from './image.ts'

/**
 * Paint white the pixels of grey fills: lighter than text strokes (well above the ink threshold `thr`),
 * clearly darker than the paper, and in a neighbourhood mostly of such pixels (a wide area, not the
 * grey edge of a glyph or a rule). Text inside the fill is darker and stays. Returns how many pixels
 * were painted.
 */
export function flattenFill(g: Gray, thr: number, dpi: number): number {
  const { w, h, data } = g
  const paper = paperLevel(g, thr)
  // text strokes and rules are darker than `lo` (the ink threshold: nothing read as ink is ever painted,
  // so no digit can vanish); the paper and its grain lighter than `hi`
  const lo = thr
  const hi = paper - 25
  if (hi <= lo) return 0
  const r = Math.max(3, Math.round(dpi * 0.04))
  const win = 2 * r + 1
  // horizontal then vertical box counts of fill-grey pixels
  const row = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    let s = 0
    const o = y * w
    for (let x = -r; x < w; x++) {
      const add = x + r
      if (add < w) {
        const v = data[o + add] as number
        if (v > lo && v < hi) s++
      }
      const drop = x - r - 1
      if (drop >= 0) {
        const v = data[o + drop] as number
        if (v > lo && v < hi) s--
      }
      if (x >= 0) row[o + x] = s
    }
  }
  const need = Math.round(0.5 * win * win)
  let painted = 0
  const col = new Uint16Array(w)
  // running vertical sums over the window, one row at a time
  for (let y = -r; y < h; y++) {
    const add = y + r
    if (add < h) for (let x = 0; x < w; x++) col[x] = (col[x] as number) + (row[add * w + x] as number)
    const drop = y - r - 1
    if (drop >= 0) for (let x = 0; x < w; x++) col[x] = (col[x] as number) - (row[drop * w + x] as number)
    if (y < 0) continue
    const o = y * w
    for (let x = 0; x < w; x++) {
      if ((col[x] as number) < need) continue
      const v = data[o + x] as number
      if (v > lo) {
        data[o + x] = 255
        painted++
      }
    }
  }
  return painted
}

/** The paper's grey level: the median of the pixels lighter than the ink threshold. */
function paperLevel(g: Gray, thr: number): number {
  const hist = new Uint32Array(256)
  let n = 0
  for (let i = 0; i < g.data.length; i += 7) {
    const v = g.data[i] as number
    if (v > thr) {
      hist[v] = (hist[v] as number) + 1
      n++
    }
  }
  let acc = 0
  for (let v = 255; v >= 0; v--) {
    acc += hist[v] as number
    if (acc >= n / 2) return v
  }
  return 255
}
