// A small pool of tesseract.js workers (each one a worker_thread running the WASM engine), started
// lazily, reused across pages and files, fully offline: language data, worker script and core all come
// from installed packages, and nothing is cached or written into the working directory.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import type Tesseract from 'tesseract.js'

const require = createRequire(import.meta.url)

export interface OcrBox {
  x0: number
  y0: number
  x1: number
  y1: number
}
export interface OcrSymbol {
  text: string
  confidence: number
  bbox: OcrBox
}
export interface OcrWord {
  text: string
  confidence: number
  bbox: OcrBox
  symbols: OcrSymbol[]
  /** Baseline of the tesseract text line the word belongs to (image pixels). */
  baseline: OcrBox
  /** Box of that text line. */
  lineBox: OcrBox
}
export interface OcrPageResult {
  words: OcrWord[]
  confidence: number
}

export interface RecognizeOptions {
  /** Tesseract page segmentation mode ('3' auto, '6' block, '7' line, '8' word, '11' sparse text). */
  psm?: string
  whitelist?: string
  dpi?: number
  signal?: AbortSignal
}

type Worker = Tesseract.Worker

/** What page.ts needs of an OCR engine: tesseract (OcrPool) or PaddleOCR (paddle.ts). */
export interface Recognizer {
  /** Engine and models, for cache keys. */
  readonly tag: string
  /** Pages worth reading at once. */
  readonly size: number
  recognized: number
  recognize(image: Uint8Array, opts?: RecognizeOptions): Promise<OcrPageResult>
  terminate(opts?: { close?: boolean }): Promise<void>
}

/** tesseract language sets: simplified only, or simplified and traditional models together. */
export type TessLangs = 'chi_sim' | 'chi_sim+chi_tra'

interface Slot {
  worker: Promise<Worker>
  busy: boolean
}

interface Job {
  image: Uint8Array
  opts: RecognizeOptions
  resolve: (r: OcrPageResult) => void
  reject: (e: unknown) => void
  onAbort?: () => void
}

/** Version tag of the engine and its settings, for cache keys. */
export const ENGINE_TAG = 'tesseract.js@7.0.0/4.0.0_best_int'

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(2, availableParallelism()))
}

export class OcrPool implements Recognizer {
  readonly size: number
  readonly tag: string
  readonly langs: TessLangs
  /** Number of images recognized so far (pages and re-read crops): lets callers tell a cache hit from real work. */
  recognized = 0
  private slots: Slot[] = []
  private queue: Job[] = []
  private cacheDir: string | undefined
  private idleTimer: NodeJS.Timeout | undefined
  private readonly idleMs: number
  private closed = false

  constructor(opts: { size?: number; idleMs?: number; langs?: TessLangs } = {}) {
    this.size = Math.max(1, Math.min(opts.size ?? defaultPoolSize(), 4))
    // both: tesseract keeps, word by word, the reading of the model that is surest (see README: 扫描件)
    this.langs = opts.langs ?? 'chi_sim+chi_tra'
    this.tag = `${ENGINE_TAG}/${this.langs}`
    this.idleMs = opts.idleMs ?? 30_000
  }

  recognize(image: Uint8Array, opts: RecognizeOptions = {}): Promise<OcrPageResult> {
    if (this.closed) return Promise.reject(new Error('OCR pool is closed'))
    const signal = opts.signal
    if (signal?.aborted) return Promise.reject(signal.reason)
    return new Promise<OcrPageResult>((resolve, reject) => {
      const job: Job = { image, opts, resolve, reject }
      if (signal) {
        job.onAbort = () => {
          const i = this.queue.indexOf(job)
          if (i >= 0) this.queue.splice(i, 1)
          reject(signal.reason)
        }
        signal.addEventListener('abort', job.onAbort, { once: true })
      }
      this.queue.push(job)
      this.pump()
    })
  }

  /** Stop all workers (they are started again on the next job unless the pool is closed for good). */
  async terminate(opts: { close?: boolean } = {}): Promise<void> {
    if (opts.close) this.closed = true
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = undefined
    const slots = this.slots
    this.slots = []
    await Promise.all(slots.map((s) => s.worker.then((w) => w.terminate()).catch(() => undefined)))
    if (this.cacheDir) {
      rmSync(this.cacheDir, { recursive: true, force: true })
      this.cacheDir = undefined
    }
  }

  private pump(): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer)
      this.idleTimer = undefined
    }
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy)
      if (!slot && this.slots.length < this.size) {
        slot = { worker: this.startWorker(), busy: false }
        this.slots.push(slot)
      }
      if (!slot) return
      const job = this.queue.shift() as Job
      void this.run(slot, job)
    }
    if (this.slots.length > 0 && this.slots.every((s) => !s.busy)) {
      this.idleTimer = setTimeout(() => void this.terminate(), this.idleMs)
      this.idleTimer.unref()
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    slot.busy = true
    const signal = job.opts.signal
    let killed = false
    // a running recognition cannot be interrupted: cancelling ends its worker thread, a new one starts on demand
    const kill = (): void => {
      killed = true
      this.slots = this.slots.filter((s) => s !== slot)
      void slot.worker.then((w) => w.terminate()).catch(() => undefined)
      job.reject(signal?.reason)
      this.pump()
    }
    if (signal && job.onAbort) signal.removeEventListener('abort', job.onAbort)
    signal?.addEventListener('abort', kill, { once: true })
    try {
      const worker = await slot.worker
      if (killed) return
      const params: Record<string, string> = {
        tessedit_pageseg_mode: job.opts.psm ?? '3',
        user_defined_dpi: String(job.opts.dpi ?? 300),
        tessedit_char_whitelist: job.opts.whitelist ?? ''
      }
      const r = await worker.recognize(job.image as unknown as Buffer, params as Partial<Tesseract.RecognizeOptions>, { blocks: true, text: false })
      if (killed) return
      this.recognized++
      job.resolve(flatten(r.data))
    } catch (e) {
      if (killed) return
      // a failed worker is replaced
      this.slots = this.slots.filter((s) => s !== slot)
      void slot.worker.then((w) => w.terminate()).catch(() => undefined)
      job.reject(e instanceof Error ? e : new Error(String(e)))
    } finally {
      signal?.removeEventListener('abort', kill)
      slot.busy = false
      if (!killed) this.pump()
    }
  }

  private startWorker(): Promise<Worker> {
    const T = require('tesseract.js') as typeof Tesseract
    // tesseract.js would write chi_sim.traineddata into the working directory without a cache path. Each
    // language ships in its own package, and tesseract.js takes one folder: the (gzipped) models are copied
    // into a temporary folder and read from there as its cache, never written.
    if (!this.cacheDir) {
      const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-ocr-'))
      for (const lang of this.langs.split('+')) {
        const src = path.join(path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int', `${lang}.traineddata.gz`)
        copyFileSync(src, path.join(dir, `${lang}.traineddata`))
      }
      this.cacheDir = dir
    }
    return T.createWorker(this.langs, T.OEM.LSTM_ONLY, {
      langPath: this.cacheDir,
      gzip: true,
      cacheMethod: 'readOnly',
      cachePath: this.cacheDir,
      workerPath: require.resolve('tesseract.js/src/worker-script/node/index.js'),
      corePath: path.dirname(require.resolve('tesseract.js-core/package.json')),
      errorHandler: () => {}
    }, {
      // chi_tra's own config asks for its vertical-text model (chi_tra_vert), which is not shipped: without
      // this tesseract reports a failed load and drops chi_tra
      tessedit_load_sublangs: ''
    } as Partial<Tesseract.InitOptions>)
  }
}

interface RawBlock {
  paragraphs?: { lines?: { words?: RawWord[]; baseline?: OcrBox; bbox: OcrBox }[] }[]
}
interface RawWord {
  text: string
  confidence: number
  bbox: OcrBox
  symbols?: OcrSymbol[]
}

function flatten(page: Tesseract.Page): OcrPageResult {
  const words: OcrWord[] = []
  for (const b of (page.blocks ?? []) as unknown as RawBlock[]) {
    for (const p of b.paragraphs ?? []) {
      for (const l of p.lines ?? []) {
        for (const w of l.words ?? []) {
          if (!w.text || w.text.trim() === '') continue
          words.push({
            text: w.text,
            confidence: w.confidence,
            bbox: w.bbox,
            symbols: (w.symbols ?? []).map((s) => ({ text: s.text, confidence: s.confidence, bbox: s.bbox })),
            baseline: l.baseline ?? { x0: l.bbox.x0, y0: l.bbox.y1, x1: l.bbox.x1, y1: l.bbox.y1 },
            lineBox: l.bbox
          })
        }
      }
    }
  }
  return { words, confidence: page.confidence }
}

let shared: OcrPool | undefined
/** The process-wide pool (reused across files); its workers stop after a while without work. */
export function sharedPool(): OcrPool {
  shared ??= new OcrPool()
  return shared
}
