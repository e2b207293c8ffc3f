// Where each run of a PDF's text stands on its page: the box of every cell the reader placed (a line of
// prose, a table cell; from the PDF text layer or from OCR), with its offsets in the document text. Kept
// beside a version so that a text span of a finding can be drawn on the page (spanBoxes.ts) without the
// renderer searching the pdf.js text layer for the words.
//
// Stored packed (db table version_boxes): columns of zigzag varints, each value a delta from the run
// before, in quarter points, then deflated. A run costs 2.5–3 bytes: about 1 KB for a report of 3–6 pages
// (scripts/bench-boxes.ts), a seventh of the same runs as deflated JSON.
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { Box, ReadResult } from '../model.ts'

export interface LineBox {
  start: number
  end: number
  page: number
  box: Box
}

/** Format of the packed bytes; a reader meeting another one keeps no boxes (the UI falls back to searching). */
const FORMAT = 1
/** Quarter points: a tenth of a millimetre, far below what a highlight needs. */
const UNIT = 4

/** The placed runs of a read PDF (text layer or OCR), in text order; empty for other kinds. */
export function lineBoxesOf(read: Pick<ReadResult, 'kind' | 'lines'>): LineBox[] {
  if (read.kind !== 'pdf') return []
  const out: LineBox[] = []
  for (const line of read.lines)
    for (const c of line.cells) {
      if (!c.box || !c.page || c.end <= c.start) continue
      out.push({ start: c.start, end: c.end, page: c.page, box: c.box })
    }
  // Lines come in text order; a defensive sort keeps spanBoxes' binary search valid whatever a reader does.
  for (let i = 1; i < out.length; i++) {
    if ((out[i] as LineBox).start < (out[i - 1] as LineBox).start) {
      out.sort((a, b) => a.start - b.start)
      break
    }
  }
  return out
}

class Writer {
  private bytes: number[] = []
  uint(n: number): void {
    let v = n
    while (v >= 0x80) {
      this.bytes.push((v & 0x7f) | 0x80)
      v = Math.floor(v / 128)
    }
    this.bytes.push(v)
  }
  int(n: number): void {
    this.uint(n >= 0 ? n * 2 : -n * 2 - 1)
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes)
  }
}

class Reader {
  private at = 0
  private readonly b: Uint8Array
  constructor(b: Uint8Array) {
    this.b = b
  }
  uint(): number {
    let v = 0
    let mul = 1
    for (;;) {
      const byte = this.b[this.at++]
      if (byte === undefined) throw new RangeError('truncated')
      v += (byte & 0x7f) * mul
      if (byte < 0x80) return v
      mul *= 128
    }
  }
  int(): number {
    const u = this.uint()
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2
  }
}

const q = (x: number): number => Math.round(x * UNIT)

/** Packs runs column by column (all starts, then all lengths, ...): like values sit together and deflate well. */
export function packLineBoxes(boxes: readonly LineBox[]): Buffer {
  const w = new Writer()
  w.uint(FORMAT)
  w.uint(boxes.length)
  let prevEnd = 0
  for (const b of boxes) {
    w.int(b.start - prevEnd)
    prevEnd = b.end
  }
  for (const b of boxes) w.uint(b.end - b.start)
  let prevPage = 0
  for (const b of boxes) {
    w.int(b.page - prevPage)
    prevPage = b.page
  }
  let px = 0
  let py = 0
  for (const b of boxes) {
    const x = q(b.box[0])
    w.int(x - px)
    px = x
  }
  for (const b of boxes) {
    const y = q(b.box[1])
    w.int(y - py)
    py = y
  }
  for (const b of boxes) w.int(q(b.box[2]) - q(b.box[0]))
  for (const b of boxes) w.int(q(b.box[3]) - q(b.box[1]))
  return deflateRawSync(w.done(), { level: 6 })
}

/** The runs of packed bytes; bytes of an unknown format or damaged give none (never an exception). */
export function unpackLineBoxes(packed: Uint8Array): LineBox[] {
  try {
    const r = new Reader(inflateRawSync(packed))
    if (r.uint() !== FORMAT) return []
    const n = r.uint()
    let prevEnd = 0
    const out: LineBox[] = []
    const deltas: number[] = []
    for (let i = 0; i < n; i++) deltas.push(r.int())
    for (let i = 0; i < n; i++) {
      const start = prevEnd + (deltas[i] as number)
      const end = start + r.uint()
      prevEnd = end
      out.push({ start, end, page: 0, box: [0, 0, 0, 0] })
    }
    let page = 0
    for (const b of out) b.page = page += r.int()
    let x = 0
    for (const b of out) b.box[0] = (x += r.int()) / UNIT
    let y = 0
    for (const b of out) b.box[1] = (y += r.int()) / UNIT
    for (const b of out) b.box[2] = b.box[0] + r.int() / UNIT
    for (const b of out) b.box[3] = b.box[1] + r.int() / UNIT
    return out
  } catch {
    return []
  }
}

/** The packed runs of a read document, or null when it has none (not a PDF, or its lines were dropped). */
export function packedLineBoxes(read: Pick<ReadResult, 'kind' | 'lines'>): Buffer | null {
  const runs = lineBoxesOf(read)
  return runs.length > 0 ? packLineBoxes(runs) : null
}
