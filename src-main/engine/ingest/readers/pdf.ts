// PDF text layer through pdf.js (legacy build, Node): items grouped into visual lines by baseline,
// lines split into cells at wide horizontal gaps (table columns), each cell with its page box.
import type { Box, Cell, Line, PageInfo, ReadResult } from '../../model.ts'
import { ReadError } from './errors.ts'
import { groupByBaseline } from './baselines.ts'
import { pdfjsAssetOptions } from './pdfjsAssets.ts'
import { checkPdfStreams } from './pdfStreams.ts'
import { unifyRadicals } from '../../text/radicals.ts'
import { ENCRYPTED_MESSAGE } from './ole.ts'

const CORRUPT_MESSAGE = 'PDF 文件已损坏或不完整'
/** A page with fewer visible characters than this is checked for being a scan. */
const SCAN_MAX_CHARS = 20
/** Vector-drawn pages (text converted to outlines) have many paths and no text: OCR reads them too. */
const SCAN_MIN_PATHS = 50
/**
 * Horizontal gap (in font heights) that separates two cells. Measured on the LibreOffice seed PDFs: gaps
 * inside running text are at most 0.27 em, gaps between narrow table columns (表四 headers) at least 0.58 em.
 */
const CELL_GAP_EM = 0.45
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/

interface Item {
  s: string
  x: number
  y: number
  w: number
  h: number
}

interface PdfCell {
  text: string
  x0: number
  x1: number
  y0: number
  y1: number
  h: number
}


function hasPdfHeader(buf: Uint8Array): boolean {
  // some generators put a few junk bytes before the header; readers accept it within the first KB
  return new TextDecoder('latin1').decode(buf.subarray(0, 1024)).includes('%PDF-')
}

export async function readPdf(
  buf: Uint8Array,
  opts: { maxPages?: number; signal?: AbortSignal } = {}
): Promise<ReadResult> {
  const maxPages = opts.maxPages ?? 500
  const signal = opts.signal
  if (buf.length === 0) throw new ReadError('empty', '文件为空（0 字节）')
  if (!hasPdfHeader(buf)) throw new ReadError('not-pdf', '不是有效的 PDF 文件（缺少 %PDF- 文件头），可能是扩展名与实际格式不符')
  signal?.throwIfAborted()
  checkPdfStreams(buf)

  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = pdfjs.getDocument({
    data: new Uint8Array(buf), // a copy: pdf.js may take ownership of the array
    ...pdfjsAssetOptions(),
    isOffscreenCanvasSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0
  })
  // pdf.js promises never settle once the task is destroyed, so every await races the abort instead
  let onAbort = (): void => {}
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal?.reason)
  })
  aborted.catch(() => {}) // only observed through race()
  const race = <T,>(p: Promise<T>): Promise<T> => (signal ? Promise.race([p, aborted]) : p)
  signal?.addEventListener('abort', onAbort)
  if (signal?.aborted) onAbort() // aborted while pdf.js was being imported
  try {
    const doc = await race(task.promise)
    if (doc.numPages > maxPages) {
      throw new ReadError('too-many-pages', `PDF 共 ${doc.numPages} 页，超过上限 ${maxPages} 页，未读取`)
    }
    const out = new TextOut()
    const pages: PageInfo[] = []
    const warnings: string[] = []
    const scannedPages: number[] = []
    let textPages = 0
    for (let p = 1; p <= doc.numPages; p++) {
      signal?.throwIfAborted()
      let page
      try {
        page = await race(doc.getPage(p))
      } catch (e) {
        if (signal?.aborted) throw e
        warnings.push(`第 ${p} 页已损坏，无法读取，已跳过`)
        pages.push({ width: 0, height: 0 })
        continue
      }
      const vp = page.getViewport({ scale: 1 })
      const items = toItems((await race(page.getTextContent())).items)
      const chars = items.reduce((n, it) => n + it.s.replace(/\s/g, '').length, 0)
      let scanned = false
      if (chars >= SCAN_MAX_CHARS) textPages++
      else scanned = await race(looksScanned(page, pdfjs.OPS))
      pages.push(scanned ? { width: vp.width, height: vp.height, scanned } : { width: vp.width, height: vp.height })
      if (scanned) scannedPages.push(p)
      for (const line of groupLines(items)) out.addLine(line, p)
      page.cleanup()
    }
    const result: ReadResult = { kind: 'pdf', text: out.text.join(''), lines: out.lines, pages, warnings }
    if (scannedPages.length > 0 && textPages === 0) {
      // a scan may still carry a few characters (a stamp, a page number): it needs OCR all the same
      result.needsOcr = true
    } else if (scannedPages.length > 0) {
      warnings.push(`第 ${scannedPages.join('、')} 页是扫描图片，没有文字层，这些页的内容未读取（需要 OCR 或人工核对）`)
    } else if (out.lines.length === 0) {
      warnings.push('PDF 中没有读到任何文字')
    }
    return result
  } catch (e) {
    if (e instanceof ReadError) throw e
    if (signal?.aborted) throw signal.reason
    const name = (e as { name?: unknown } | null)?.name
    const err =
      name === 'PasswordException'
        ? new ReadError('encrypted', ENCRYPTED_MESSAGE)
        : new ReadError('corrupt', CORRUPT_MESSAGE + (name === 'InvalidPDFException' ? '' : '，无法读取'))
    err.cause = e
    throw err
  } finally {
    signal?.removeEventListener('abort', onAbort)
    await task.destroy()
  }
}

function toItems(raw: unknown[]): Item[] {
  const items: Item[] = []
  for (const r of raw) {
    const it = r as { str?: string; transform?: number[]; width?: number; height?: number }
    if (typeof it.str !== 'string' || !it.transform) continue
    // Radicals (⼀ U+2F00…, ⺠ U+2EA0…) stand in for ideographs in some Chinese PDF fonts.
    const s = unifyRadicals(it.str.replace(/[\u0000-\u001f\u007f]/g, ' '))
    if (s.trim() === '') continue
    const t = it.transform
    const h = Math.abs(it.height ?? 0) || Math.hypot(t[2] ?? 0, t[3] ?? 0) || 10
    items.push({ s, x: t[4] ?? 0, y: t[5] ?? 0, w: it.width ?? 0, h })
  }
  return items
}

/** Baselines within 40% of the font height form one line; within it, wide gaps start a new cell. */
function groupLines(items: Item[]): PdfCell[][] {
  const lines = groupByBaseline(items, (it) => ({ base: it.y, h: it.h, x: it.x }), false)

  return lines.map((line) => {
    const cells: PdfCell[] = []
    let c: PdfCell | undefined
    for (const it of line) {
      const gap = c ? it.x - c.x1 : Infinity
      if (c && gap <= CELL_GAP_EM * Math.max(c.h, it.h)) {
        const glue =
          gap > 0.25 * it.h && !(CJK.test(c.text.slice(-1)) && CJK.test(it.s.charAt(0))) && !c.text.endsWith(' ')
            ? ' '
            : ''
        c.text += glue + it.s
        c.x1 = Math.max(c.x1, it.x + it.w)
        c.y0 = Math.min(c.y0, it.y - 0.2 * it.h)
        c.y1 = Math.max(c.y1, it.y + 0.8 * it.h)
        c.h = Math.max(c.h, it.h)
      } else {
        c = { text: it.s, x0: it.x, x1: it.x + it.w, y0: it.y - 0.2 * it.h, y1: it.y + 0.8 * it.h, h: it.h }
        cells.push(c)
      }
    }
    return cells
  })
}

async function looksScanned(
  page: { getOperatorList(): Promise<{ fnArray: number[] }> },
  OPS: Record<string, number>
): Promise<boolean> {
  const images = new Set(
    [
      'paintImageXObject',
      'paintInlineImageXObject',
      'paintImageMaskXObject',
      'paintImageXObjectRepeat',
      'paintInlineImageXObjectGroup',
      'paintImageMaskXObjectGroup',
      'paintImageMaskXObjectRepeat'
    ].map((k) => OPS[k])
  )
  let paths = 0
  for (const fn of (await page.getOperatorList()).fnArray) {
    if (images.has(fn)) return true
    if (fn === OPS.constructPath) paths++
  }
  return paths >= SCAN_MIN_PATHS
}

const r2 = (n: number): number => Math.round(n * 100) / 100

class TextOut {
  text: string[] = []
  lines: Line[] = []
  private len = 0

  addLine(pcells: PdfCell[], page: number): void {
    const cells: Cell[] = []
    for (const pc of pcells) {
      const t = pc.text.trim()
      if (t === '') continue
      this.push(this.lines.length === 0 && cells.length === 0 ? '' : cells.length === 0 ? '\n' : '\t')
      const start = this.len
      this.push(t)
      const box: Box = [r2(pc.x0), r2(pc.y0), r2(pc.x1), r2(pc.y1)]
      cells.push({ text: t, start, end: this.len, page, box })
    }
    if (cells.length > 0) this.lines.push({ cells })
  }

  private push(s: string): void {
    this.text.push(s)
    this.len += s.length
  }
}
