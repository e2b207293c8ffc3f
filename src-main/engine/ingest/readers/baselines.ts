// Text pieces with a baseline and a height into visual lines: pieces whose baselines are within
// 40 % of the larger height share a line. Used for PDF text items and for OCR words alike.

export interface Placed {
  /** Baseline position along the reading direction (top to bottom after `order`). */
  base: number
  h: number
  x: number
}

/**
 * `down` is true when larger baseline values come later on the page (image coordinates) and false
 * when they come earlier (PDF coordinates, origin bottom-left). Each line is sorted by x.
 */
export function groupByBaseline<T>(items: T[], at: (t: T) => Placed, down: boolean): T[][] {
  const sorted = [...items].sort((a, b) => {
    const pa = at(a)
    const pb = at(b)
    return (down ? pa.base - pb.base : pb.base - pa.base) || pa.x - pb.x
  })
  const lines: T[][] = []
  let cur: T[] = []
  let ref: Placed = { base: 0, h: 0, x: 0 }
  for (const it of sorted) {
    const p = at(it)
    if (cur.length > 0 && Math.abs(p.base - ref.base) <= 0.4 * Math.max(ref.h, p.h)) {
      cur.push(it)
      continue
    }
    if (cur.length > 0) lines.push(cur)
    cur = [it]
    ref = p
  }
  if (cur.length > 0) lines.push(cur)
  for (const l of lines) l.sort((a, b) => at(a).x - at(b).x)
  return lines
}
