// Offline OCR of scanned PDFs into the document model the PDF reader builds from a text layer, so that the
// parser reads a scan like any PDF: lines of cells (a table row per line), canonical text with offsets,
// boxes in PDF points (origin bottom-left), and on every OCR'd cell `conf`, 0..100. A number OCR is not
// sure of gets a confidence below the parser's MIN_CONF and is parsed as 'uncertain', never as a certain
// value. How a page is read: page.ts. Fully offline (tesseract.js with chi_sim from installed packages,
// see pool.ts); nothing is written outside the OS temp folder and the cache folder.
//
//   ocrPdf(buf, opts)          OCR the pages given (default all), whatever text layer they have
//   readPdfWithOcr(buf, opts)  readPdf, then OCR only the pages it marks as scanned (mixed PDFs page by page)
import type { PageInfo, ReadResult } from '../model.ts'
import { ReadError } from '../ingest/readers/errors.ts'
import { ENCRYPTED_MESSAGE } from '../ingest/readers/ole.ts'
import { readPdf } from '../ingest/readers/pdf.ts'
import { type OcrCache, fileSha256 } from './cache.ts'
import { TextBuilder } from './layout.ts'
import { ocrPage, type PageOcr } from './page.ts'
import { sharedPool, type Recognizer } from './pool.ts'
import { openPdf, type OpenPdf } from './raster.ts'

/** Version of this pipeline: part of the cache key, so that improved OCR is not shadowed by old results. */
export const OCR_VERSION = 'ocr-12'
export const NO_TEXT_MESSAGE = '扫描件中没有识别出文字（可能是空白页或图片）'

export interface OcrOptions {
  /** 1-based pages to OCR (default: all). */
  pages?: number[]
  /** Called after each page: pages done, pages to do. */
  onPage?: (done: number, total: number) => void
  signal?: AbortSignal
  /** Rendering resolution; 300 unless measured otherwise. */
  dpi?: number
  /** Worker pool (default: the shared process-wide pool). */
  pool?: Recognizer
  /** Results kept by file sha256 (e.g. `new OcrCache()`, under the app data folder); none by default. */
  cache?: OcrCache | null
  /** Longest scan OCR'd (a page takes a few seconds); longer ones are refused. Default 100 pages. */
  maxOcrPages?: number
  /** Time allowed for the OCR of one file (ms); the file is refused past it. Default: a minute a page, at least 5 minutes. */
  maxOcrMs?: number
}

/** Pages read before a scan that yields no text at all is given up (noise, photos, blank scans). */
const NOISE_PAGES = 3


/** OCR the pages of a PDF (default: all of them, whatever text layer they have) into a ReadResult. */
export async function ocrPdf(buf: Uint8Array, opts: OcrOptions = {}): Promise<ReadResult> {
  const signal = opts.signal
  signal?.throwIfAborted()
  if (buf.length === 0) throw new ReadError('empty', '文件为空（0 字节）')
  const dpi = opts.dpi ?? 300
  const cacheKey = opts.cache ? `${fileSha256(buf)}.${keyPart(opts.pages, dpi, 'ocrPdf', opts.pool ?? sharedPool())}` : ''
  if (opts.cache) {
    const hit = opts.cache.get(cacheKey)
    if (hit) {
      opts.onPage?.(1, 1)
      return hit
    }
  }
  let doc: OpenPdf
  try {
    doc = await openPdf(buf)
  } catch (e) {
    throw openError(e, signal)
  }
  try {
    const pages = (opts.pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1)).filter((p) => p >= 1 && p <= doc.numPages)
    const results = await ocrPages(doc, pages, dpi, opts)
    const info: PageInfo[] = []
    for (let p = 1; p <= doc.numPages; p++) {
      const s = await doc.pageSize(p)
      info.push(pages.includes(p) ? { width: s.width, height: s.height, scanned: true } : { width: s.width, height: s.height })
    }
    const out = new TextBuilder()
    for (const r of results) for (const line of r.lines) out.addLine(line.map((c) => ({ ...c, page: r.page })))
    const warnings = ocrWarnings(results)
    if (results.every((r) => r.readable < 10)) throw new ReadError('ocr-no-text', NO_TEXT_MESSAGE)
    const result: ReadResult = { kind: 'pdf', text: out.result(), lines: out.lines, pages: info, warnings }
    opts.cache?.set(cacheKey, result)
    return result
  } finally {
    await doc.close()
  }
}

/**
 * Read a PDF page by page: pages with a text layer from the text layer (readPdf), pages readPdf marks as
 * scanned by OCR. Lines stay in page order and all offsets are recomputed for the merged text.
 */
export async function readPdfWithOcr(
  buf: Uint8Array,
  opts: OcrOptions & {
    /** readPdf's limit on pages. */
    maxPages?: number
    /** What readPdf already returned for these bytes (the importer has it): not read again. */
    base?: ReadResult
  } = {}
): Promise<ReadResult> {
  const cacheKey = opts.cache ? `${fileSha256(buf)}.${keyPart(opts.pages, opts.dpi ?? 300, 'mixed', opts.pool ?? sharedPool())}` : ''
  if (opts.cache) {
    const hit = opts.cache.get(cacheKey)
    if (hit) {
      opts.onPage?.(1, 1)
      return hit
    }
  }
  const base = opts.base ?? (await readPdf(buf, { maxPages: opts.maxPages, signal: opts.signal }))
  const scanned = (base.pages ?? []).flatMap((p, i) => (p.scanned ? [i + 1] : [])).filter((p) => !opts.pages || opts.pages.includes(p))
  if (scanned.length === 0) return base
  let doc: OpenPdf
  try {
    doc = await openPdf(buf)
  } catch (e) {
    throw openError(e, opts.signal)
  }
  let results: PageOcr[]
  try {
    results = await ocrPages(doc, scanned, opts.dpi ?? 300, opts)
  } finally {
    await doc.close()
  }
  // page by page: a text-layer page keeps its lines; a scanned page's few text-layer characters (a stamp,
  // a page number) give way to its OCR
  const byPage = new Map(results.map((r) => [r.page, r]))
  const baseLines = new Map<number, ReadResult['lines']>()
  for (const line of base.lines) {
    const p = line.cells[0]?.page ?? 0
    baseLines.set(p, [...(baseLines.get(p) ?? []), line])
  }
  const out = new TextBuilder()
  const numPages = Math.max(base.pages?.length ?? 0, ...baseLines.keys())
  for (let p = 0; p <= numPages; p++) {
    const r = byPage.get(p)
    if (r) for (const line of r.lines) out.addLine(line.map((c) => ({ ...c, page: p })))
    else for (const line of baseLines.get(p) ?? []) out.addLine(line.cells, line.table)
  }
  const textPages = (base.pages ?? []).filter((pg) => !pg.scanned).length
  if (textPages === 0 && results.every((r) => r.readable < 10)) throw new ReadError('ocr-no-text', NO_TEXT_MESSAGE)
  const warnings = base.warnings.filter((w) => !w.includes('是扫描图片，没有文字层'))
  warnings.push(...ocrWarnings(results))
  const result: ReadResult = { kind: 'pdf', text: out.result(), lines: out.lines, pages: base.pages, warnings }
  opts.cache?.set(cacheKey, result)
  return result
}

/** pdf.js could not open the file: the reader's messages (readPdf has usually refused it before). */
function openError(e: unknown, signal?: AbortSignal): unknown {
  if (signal?.aborted) return signal.reason
  const name = (e as { name?: unknown } | null)?.name
  const err = name === 'PasswordException' ? new ReadError('encrypted', ENCRYPTED_MESSAGE) : new ReadError('corrupt', 'PDF 文件已损坏或不完整，无法读取')
  err.cause = e
  return err
}

function keyPart(pages: number[] | undefined, dpi: number, mode: string, engine: Recognizer): string {
  return `${OCR_VERSION}/${engine.tag}.${mode}.${dpi}.${pages ? pages.join('-') : 'all'}`
}

function ocrWarnings(results: PageOcr[]): string[] {
  const w: string[] = []
  const read = results.filter((r) => r.readable >= 10).map((r) => r.page)
  const empty = results.filter((r) => r.readable < 10).map((r) => r.page)
  if (read.length > 0) {
    w.push(`第 ${read.join('、')} 页是扫描件，文字由 OCR 识别；识别没有把握的数字已标为“不确定”，请对照原件核对`)
  }
  if (empty.length > 0) w.push(`第 ${empty.join('、')} 页${NO_TEXT_MESSAGE}`)
  const skewed = results.filter((r) => Math.abs(r.skew) >= 0.3)
  if (skewed.length > 0) w.push(`第 ${skewed.map((r) => r.page).join('、')} 页扫描歪斜（约 ${skewed.map((r) => Math.abs(r.skew).toFixed(1)).join('、')}°），已校正后识别`)
  return w
}

/**
 * OCR several pages: rendering runs here, one page ahead of the pool's workers; results in page order.
 * Bounded per file: a time limit, and a scan whose first pages yield no text at all is given up.
 */
async function ocrPages(doc: OpenPdf, pages: number[], dpi: number, opts: OcrOptions): Promise<PageOcr[]> {
  const max = opts.maxOcrPages ?? 100
  if (pages.length > max) throw new ReadError('too-many-pages', `扫描件共 ${pages.length} 页需要识别，超过 OCR 上限 ${max} 页，未识别`)
  const pool = opts.pool ?? sharedPool()
  const outer = opts.signal
  // A page takes 7–10 s idle and several times that on a loaded laptop; a long real scan must not be refused for its
  // length alone, while noise is cut by NOISE_PAGES and the page cap.
  const limitMs = opts.maxOcrMs ?? Math.max(5 * 60_000, pages.length * 60_000)
  // The file's own stop: the caller's cancel, the time limit, or a scan that is noise.
  const stop = new AbortController()
  let stopped: ReadError | null = null
  const halt = (why: ReadError): void => {
    if (stopped) return
    stopped = why
    stop.abort(why)
  }
  const onOuter = (): void => stop.abort(outer?.reason)
  outer?.addEventListener('abort', onOuter)
  if (outer?.aborted) onOuter()
  const timer = setTimeout(
    () => halt(new ReadError('ocr-timeout', `OCR 识别超时（超过 ${Math.round(limitMs / 1000)} 秒，已识别 ${done}/${pages.length} 页），未导入；扫描件可能过长或质量太差`)),
    limitMs
  )
  const signal = stop.signal
  const results: PageOcr[] = new Array(pages.length)
  let next = 0
  let done = 0
  let readableSoFar = 0
  let failed = false
  const lane = async (): Promise<void> => {
    while (next < pages.length && !failed) {
      signal.throwIfAborted()
      const i = next++
      try {
        results[i] = await ocrPage(doc, pages[i] as number, dpi, pool, signal)
      } catch (e) {
        failed = true
        throw e
      }
      done++
      readableSoFar += (results[i] as PageOcr).readable
      if (done >= NOISE_PAGES && done < pages.length && readableSoFar < 10) {
        halt(new ReadError('ocr-no-text', `扫描件前 ${done} 页没有识别出文字（可能是空白页、图片或杂乱的扫描），其余 ${pages.length - done} 页未识别，未导入`))
      }
      opts.onPage?.(done, pages.length)
    }
  }
  try {
    const lanes = Array.from({ length: Math.min(pages.length, pool.size) }, lane)
    const settled = await Promise.allSettled(lanes)
    if (stopped) throw stopped
    const error = settled.find((st) => st.status === 'rejected')
    if (error) throw outer?.aborted ? outer.reason : (error as PromiseRejectedResult).reason
    return results
  } finally {
    clearTimeout(timer)
    outer?.removeEventListener('abort', onOuter)
  }
}
