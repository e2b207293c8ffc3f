// Grey-level page images for OCR: threshold, skew estimate, table-rule removal, ink blobs, smoothing of
// bilevel scans, crops and PGM encoding for tesseract.
// Pure TypeScript on byte arrays (0 = black, 255 = white), no native code beyond the canvas that renders.
// Over 400 lines: one family of small pure functions on one image type; the rule and blob finders share
// their segment helpers, and splitting by function would scatter those without separating jobs.

export interface Gray {
  w: number
  h: number
  data: Uint8Array
}

/** A rectangle in image pixels, x1/y1 exclusive. */
export interface Rect {
  x0: number
  y0: number
  x1: number
  y1: number
}

export function grayFromRgba(rgba: Uint8Array | Uint8ClampedArray, w: number, h: number): Gray {
  const data = new Uint8Array(w * h)
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    // Rec. 601 luma; the canvas is opaque (white background drawn first)
    data[i] = (77 * (rgba[j] as number) + 150 * (rgba[j + 1] as number) + 29 * (rgba[j + 2] as number)) >> 8
  }
  return { w, h, data }
}

/** Otsu threshold, clamped so that a nearly empty page does not binarise its paper grain. */
export function otsu(g: Gray): number {
  const hist = new Float64Array(256)
  for (let i = 0; i < g.data.length; i++) {
    const k = g.data[i] as number
    hist[k] = (hist[k] as number) + 1
  }
  const total = g.data.length
  let sum = 0
  for (let i = 0; i < 256; i++) sum += i * (hist[i] as number)
  let sumB = 0
  let wB = 0
  let best = 0
  let thr = 128
  for (let t = 0; t < 256; t++) {
    wB += hist[t] as number
    if (wB === 0) continue
    const wF = total - wB
    if (wF === 0) break
    sumB += t * (hist[t] as number)
    const mB = sumB / wB
    const mF = (sum - sumB) / wF
    const between = wB * wF * (mB - mF) * (mB - mF)
    if (between > best) {
      best = between
      thr = t
    }
  }
  return Math.max(90, Math.min(200, thr))
}

/** Share of pixels darker than the threshold. */
export function inkShare(g: Gray, thr: number): number {
  let n = 0
  for (let i = 0; i < g.data.length; i++) if ((g.data[i] as number) < thr) n++
  return n / g.data.length
}

/** Dark points of a downsampled copy (a block is dark when its mean is below thr). */
function darkPoints(g: Gray, f: number, thr: number): { xs: Int32Array; ys: Int32Array; n: number; w: number; h: number } {
  const w = Math.floor(g.w / f)
  const h = Math.floor(g.h / f)
  const xs: number[] = []
  const ys: number[] = []
  const ff = f * f
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * g.w + x * f
        for (let dx = 0; dx < f; dx++) s += g.data[row + dx] as number
      }
      if (s / ff < thr) {
        xs.push(x)
        ys.push(y)
      }
    }
  }
  return { xs: Int32Array.from(xs), ys: Int32Array.from(ys), n: xs.length, w, h }
}

function profileScore(p: { xs: Int32Array; ys: Int32Array; n: number; w: number; h: number }, deg: number): number {
  const t = Math.tan((deg * Math.PI) / 180)
  const off = Math.ceil(Math.abs(t) * p.w) + 2
  const bins = new Float64Array(p.h + 2 * off + 2)
  for (let i = 0; i < p.n; i++) {
    const y = (p.ys[i] as number) - (p.xs[i] as number) * t + off
    const k = Math.floor(y)
    const fr = y - k
    bins[k] = (bins[k] as number) + 1 - fr
    bins[k + 1] = (bins[k + 1] as number) + fr
  }
  let s = 0
  for (let i = 0; i < bins.length; i++) s += (bins[i] as number) * (bins[i] as number)
  return s
}

/**
 * Skew of the text lines and table rules in degrees (projection-profile search): lines run along
 * y = y0 + x·tan(angle) in image coordinates (y down), so a positive angle is a clockwise tilt.
 */
export function estimateSkew(g: Gray, thr: number, maxDeg = 4): number {
  const coarse = darkPoints(g, 4, thr)
  if (coarse.n < 200) return 0
  let best = 0
  let bestScore = -1
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += 0.1) {
    const s = profileScore(coarse, d)
    if (s > bestScore) {
      bestScore = s
      best = d
    }
  }
  const fine = darkPoints(g, 2, thr)
  let refined = best
  bestScore = -1
  for (let d = best - 0.12; d <= best + 0.12 + 1e-9; d += 0.02) {
    const s = profileScore(fine, d)
    if (s > bestScore) {
      bestScore = s
      refined = d
    }
  }
  return Math.round(refined * 100) / 100
}

/** A table rule found in the image: horizontal (y0..y1 thin) or vertical (x0..x1 thin). */
export interface Rule extends Rect {
  dir: 'h' | 'v'
}

interface Seg {
  dir: 'h' | 'v'
  /** Row (h) or column (v). */
  a: number
  b0: number
  b1: number
}

/**
 * Find long straight dark runs (table rules) and paint them white, so that OCR neither reads them as
 * '|', '1', 'l', '一' or '-' nor loses the digits next to them. Returns the rules found.
 * minLen is the shortest run taken for a rule, in pixels: longer than any glyph is wide (a dash '——' is
 * two characters) or tall.
 */
export function removeRules(g: Gray, thr: number, minLen: { h: number; v: number }): Rule[] {
  const { w, h, data } = g
  // rules are thin and anti-aliased (a hairline at 150 dpi is two light grey rows at 300): take light grey too
  const lenient = Math.round(thr + (255 - thr) * 0.6)
  const dark = new Uint8Array(w * h)
  for (let i = 0; i < dark.length; i++) dark[i] = (data[i] as number) < lenient ? 1 : 0
  const gapMax = 2
  const minFill = 0.9
  const segs: Seg[] = []
  // a pixel counts when it or a neighbour across the rule is dark (a rule between two pixel rows, or one
  // with a trace of slope left after deskewing)
  const scan = (dir: 'h' | 'v'): void => {
    const outer = dir === 'h' ? h : w
    const inner = dir === 'h' ? w : h
    const at = (a: number, b: number): number => (dir === 'h' ? a * w + b : b * w + a)
    const step = dir === 'h' ? w : 1
    for (let a = 0; a < outer; a++) {
      let start = -1
      let last = -1
      let on = 0
      for (let b = 0; b <= inner; b++) {
        let hit = false
        if (b < inner) {
          const i = at(a, b)
          hit = dark[i] === 1 || (a > 0 && dark[i - step] === 1) || (a + 1 < outer && dark[i + step] === 1)
        }
        if (hit) {
          if (start < 0) {
            start = b
            on = 0
          }
          last = b
          on++
        } else if (start >= 0 && (b - last > gapMax || b === inner)) {
          if (last - start + 1 >= minLen[dir] && on / (last - start + 1) >= minFill) segs.push({ dir, a, b0: start, b1: last + 1 })
          start = -1
        }
      }
    }
  }
  scan('h')
  scan('v')
  const found: { group: Seg[]; r: Rule }[] = []
  for (const group of mergeSegs(segs)) {
    const r = boundsOf(group)
    if (isRule(dark, w, h, r)) found.push({ group, r })
  }
  // A short vertical run that meets no horizontal rule is a stroke of a glyph in large type (a title's
  // '人' or '府' is taller than minLen at 300 dpi), not a table's rule: erasing it garbled the title.
  const hs = found.filter((f) => f.r.dir === 'h').map((f) => f.r)
  const tol = 6
  const keep = found.filter(({ r }) => r.dir === 'h' || r.y1 - r.y0 >= 2 * minLen.v || hs.some((q) => q.x0 - tol <= r.x1 && q.x1 + tol >= r.x0 && q.y0 - tol <= r.y1 && q.y1 + tol >= r.y0))
  const rules: Rule[] = []
  for (const { group, r } of keep) {
    rules.push(r)
    // paint the rule's dark pixels and their grey fringe white
    const halo = Math.round(thr + (255 - thr) * 0.85)
    for (const sg of group) {
      for (let b = sg.b0; b < sg.b1; b++) {
        const i = sg.dir === 'h' ? sg.a * w + b : b * w + sg.a
        if (dark[i]) data[i] = 255
      }
    }
    // the grey fringe up to 2 px beyond the rule's dark rows (or columns)
    const pad = 2
    if (r.dir === 'h') {
      for (let x = r.x0; x < r.x1; x++) {
        for (let y = Math.max(0, r.y0 - pad); y < Math.min(h, r.y1 + pad); y++) if ((data[y * w + x] as number) < halo && (y < r.y0 || y >= r.y1)) data[y * w + x] = 255
      }
    } else {
      for (let y = r.y0; y < r.y1; y++) {
        for (let x = Math.max(0, r.x0 - pad); x < Math.min(w, r.x1 + pad); x++) if ((data[y * w + x] as number) < halo && (x < r.x0 || x >= r.x1)) data[y * w + x] = 255
      }
    }
  }
  return rules
}

/**
 * A run of dark pixels is a rule when it is thin: just outside its thickness the page is mostly white.
 * Bold text can chain into a long run through touching strokes, but has ink above and below all along.
 */
function isRule(dark: Uint8Array, w: number, h: number, r: Rule): boolean {
  const thick = r.dir === 'h' ? r.y1 - r.y0 : r.x1 - r.x0
  if (thick > 12) return false
  // look 4 px beyond the rule on each side: the edge of a row of text (bottoms of glyphs) is inked on one side
  const off = 4
  let sideA = 0
  let sideB = 0
  let total = 0
  if (r.dir === 'h') {
    for (let x = r.x0; x < r.x1; x++) {
      total++
      if (r.y0 - off >= 0 && dark[(r.y0 - off) * w + x] === 1) sideA++
      if (r.y1 - 1 + off < h && dark[(r.y1 - 1 + off) * w + x] === 1) sideB++
    }
  } else {
    for (let y = r.y0; y < r.y1; y++) {
      total++
      if (r.x0 - off >= 0 && dark[y * w + r.x0 - off] === 1) sideA++
      if (r.x1 - 1 + off < w && dark[y * w + r.x1 - 1 + off] === 1) sideB++
    }
  }
  return sideA / total < 0.3 && sideB / total < 0.3
}

function boundsOf(group: Seg[]): Rule {
  const dir = (group[0] as Seg).dir
  let a0 = Infinity
  let a1 = -Infinity
  let b0 = Infinity
  let b1 = -Infinity
  for (const sg of group) {
    a0 = Math.min(a0, sg.a)
    a1 = Math.max(a1, sg.a + 1)
    b0 = Math.min(b0, sg.b0)
    b1 = Math.max(b1, sg.b1)
  }
  return dir === 'h' ? { dir, x0: b0, x1: b1, y0: a0, y1: a1 } : { dir, x0: a0, x1: a1, y0: b0, y1: b1 }
}

/** Runs in adjacent rows (or columns) that overlap belong to one rule (a rule several pixels thick). */
function mergeSegs(segs: Seg[]): Seg[][] {
  const out: Seg[][] = []
  for (const dir of ['h', 'v'] as const) {
    const list = segs.filter((sg) => sg.dir === dir).sort((p, q) => p.a - q.a || p.b0 - q.b0)
    const parent = list.map((_, i) => i)
    const find = (i: number): number => {
      while (parent[i] !== i) {
        parent[i] = parent[parent[i] as number] as number
        i = parent[i] as number
      }
      return i
    }
    // segments of the previous row/column, compared with the current ones
    let prevStart = 0
    let curStart = 0
    for (let i = 0; i < list.length; i++) {
      const sg = list[i] as Seg
      if (i > 0 && sg.a !== (list[i - 1] as Seg).a) {
        prevStart = (list[i - 1] as Seg).a === sg.a - 1 ? curStart : i
        curStart = i
      }
      for (let k = prevStart; k < curStart; k++) {
        const o = list[k] as Seg
        if (o.a === sg.a - 1 && o.b0 < sg.b1 && o.b1 > sg.b0) parent[find(i)] = find(k)
      }
    }
    const groups = new Map<number, Seg[]>()
    list.forEach((sg, i) => {
      const r = find(i)
      const g = groups.get(r)
      if (g) g.push(sg)
      else groups.set(r, [sg])
    })
    out.push(...groups.values())
  }
  return out
}

/**
 * Blobs of ink: connected dark components (on a 2× downsampled copy), small specks dropped, then
 * components close to each other on the same text line merged. Boxes are in full-resolution pixels.
 */
export function inkBlobs(g: Gray, thr: number, opts: { minPixels: number; joinGap: number }): Rect[] {
  const f = 2
  const w = Math.floor(g.w / f)
  const h = Math.floor(g.h / f)
  const dark = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let mn = 255
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * g.w + x * f
        for (let dx = 0; dx < f; dx++) mn = Math.min(mn, g.data[row + dx] as number)
      }
      dark[y * w + x] = mn < thr ? 1 : 0
    }
  }
  const seen = new Uint8Array(w * h)
  const stack = new Int32Array(w * h)
  const comps: (Rect & { n: number })[] = []
  for (let i = 0; i < dark.length; i++) {
    if (!dark[i] || seen[i]) continue
    let sp = 0
    stack[sp++] = i
    seen[i] = 1
    let n = 0
    let x0 = w
    let y0 = h
    let x1 = 0
    let y1 = 0
    while (sp > 0) {
      const p = stack[--sp] as number
      const x = p % w
      const y = (p - x) / w
      n++
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy
        if (yy < 0 || yy >= h) continue
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx
          if (xx < 0 || xx >= w) continue
          const q = yy * w + xx
          if (dark[q] && !seen[q]) {
            seen[q] = 1
            stack[sp++] = q
          }
        }
      }
    }
    if (n * f * f >= opts.minPixels) comps.push({ x0: x0 * f, y0: y0 * f, x1: (x1 + 1) * f, y1: (y1 + 1) * f, n })
  }
  // merge components of one word/number: overlapping vertically and within joinGap horizontally
  comps.sort((a, b) => a.x0 - b.x0)
  const blobs: Rect[] = []
  for (const c of comps) {
    let merged = false
    for (const b of blobs) {
      const vOverlap = Math.min(b.y1, c.y1) - Math.max(b.y0, c.y0)
      if (vOverlap > 0.3 * Math.min(b.y1 - b.y0, c.y1 - c.y0) && c.x0 - b.x1 <= opts.joinGap && c.x1 >= b.x0 - opts.joinGap) {
        b.x0 = Math.min(b.x0, c.x0)
        b.y0 = Math.min(b.y0, c.y0)
        b.x1 = Math.max(b.x1, c.x1)
        b.y1 = Math.max(b.y1, c.y1)
        merged = true
        break
      }
    }
    if (!merged) blobs.push({ x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 })
  }
  return blobs
}

/** A page that holds only black and white (a bilevel scan: fax, CCITT, JBIG2). */
export function isBilevel(g: Gray): boolean {
  let mid = 0
  for (let i = 0; i < g.data.length; i += 7) {
    const v = g.data[i] as number
    if (v > 16 && v < 240) mid++
  }
  return mid / (g.data.length / 7) < 0.002
}

/** Separable [1 2 1] blur, `passes` times: gives the jagged edges of a bilevel scan back some grey. */
export function soften(g: Gray, passes = 1): void {
  const { w, h } = g
  const tmp = new Uint8Array(w * h)
  for (let p = 0; p < passes; p++) {
    const d = g.data
    for (let y = 0; y < h; y++) {
      const row = y * w
      for (let x = 0; x < w; x++) {
        const l = d[row + Math.max(0, x - 1)] as number
        const r = d[row + Math.min(w - 1, x + 1)] as number
        tmp[row + x] = (l + 2 * (d[row + x] as number) + r + 2) >> 2
      }
    }
    for (let y = 0; y < h; y++) {
      const up = Math.max(0, y - 1) * w
      const dn = Math.min(h - 1, y + 1) * w
      const row = y * w
      for (let x = 0; x < w; x++) d[row + x] = ((tmp[up + x] as number) + 2 * (tmp[row + x] as number) + (tmp[dn + x] as number) + 2) >> 2
    }
  }
}

export function crop(g: Gray, r: Rect): Gray {
  const x0 = Math.max(0, Math.floor(r.x0))
  const y0 = Math.max(0, Math.floor(r.y0))
  const x1 = Math.min(g.w, Math.ceil(r.x1))
  const y1 = Math.min(g.h, Math.ceil(r.y1))
  const w = Math.max(1, x1 - x0)
  const h = Math.max(1, y1 - y0)
  const data = new Uint8Array(w * h).fill(255)
  for (let y = 0; y < h && y0 + y < g.h; y++) data.set(g.data.subarray((y0 + y) * g.w + x0, (y0 + y) * g.w + x0 + w), y * w)
  return { w, h, data }
}

/** Bilinear rescale by factor f, then (optionally) binarise at thr. */
export function scale(g: Gray, f: number, thr?: number): Gray {
  const w = Math.max(1, Math.round(g.w * f))
  const h = Math.max(1, Math.round(g.h * f))
  const data = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    const sy = Math.min(g.h - 1, Math.max(0, (y + 0.5) / f - 0.5))
    const y0 = Math.floor(sy)
    const y1 = Math.min(g.h - 1, y0 + 1)
    const fy = sy - y0
    for (let x = 0; x < w; x++) {
      const sx = Math.min(g.w - 1, Math.max(0, (x + 0.5) / f - 0.5))
      const x0 = Math.floor(sx)
      const x1 = Math.min(g.w - 1, x0 + 1)
      const fx = sx - x0
      const a = (g.data[y0 * g.w + x0] as number) * (1 - fx) + (g.data[y0 * g.w + x1] as number) * fx
      const b = (g.data[y1 * g.w + x0] as number) * (1 - fx) + (g.data[y1 * g.w + x1] as number) * fx
      const v = a * (1 - fy) + b * fy
      data[y * w + x] = thr === undefined ? Math.round(v) : v < thr ? 0 : 255
    }
  }
  return { w, h, data }
}

/** The image with a white margin around it (tesseract reads glyphs touching the border poorly). */
export function pad(g: Gray, m: number): Gray {
  const w = g.w + 2 * m
  const h = g.h + 2 * m
  const data = new Uint8Array(w * h).fill(255)
  for (let y = 0; y < g.h; y++) data.set(g.data.subarray(y * g.w, (y + 1) * g.w), (y + m) * w + m)
  return { w, h, data }
}

/** Binary PGM (P5): Leptonica reads it without decoding work, and it is built without copying pixels twice. */
export function encodePgm(g: Gray): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${g.w} ${g.h}\n255\n`)
  const out = new Uint8Array(head.length + g.data.length)
  out.set(head, 0)
  out.set(g.data, head.length)
  return out
}
