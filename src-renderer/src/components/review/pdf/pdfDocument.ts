// Loading a PDF original into pdf.js: the document's pages, the state shown while it opens or fails, and
// each page's text (whitespace removed) to tell which page holds a text evidence before it is drawn.
// pdf.js objects stay outside Vue's reactivity (their private fields do not survive proxies).
import type { PDFDocumentLoadingTask, PDFPageProxy } from 'pdfjs-dist'
import { ref } from 'vue'
import { loadPdfjs, PDF_OPTIONS } from '../../../domain/pdfjs.ts'

export const squeeze = (s: string): string => s.replace(/\s+/g, '')

/** Pages whose texts are indexed for finding evidence; a longer PDF is not worth the work up front. */
const INDEX_MAX_PAGES = 80

export function usePdfDocument() {
  const numPages = ref(0)
  const loading = ref(true)
  const error = ref('')
  /** The open document's pages (plain array, not reactive). */
  let pages: PDFPageProxy[] = []
  let pageTexts: string[] = []
  let task: PDFDocumentLoadingTask | null = null
  /** Bumped by every open and close: work begun for an earlier document sees it is stale and stops. */
  let gen = 0

  /**
   * Opens the bytes fetched by `bytes()`; resolves to the generation of this document, or null when
   * a newer open or a close came in between (or it failed: `error` says why). The caller lays the
   * pages out and then calls laidOut(): what waits for the end of loading finds the pages in place.
   */
  async function open(bytes: () => Promise<Uint8Array | null>): Promise<number | null> {
    const my = ++gen
    await close(false)
    loading.value = true
    error.value = ''
    try {
      const [lib, data] = await Promise.all([loadPdfjs(), bytes()])
      if (my !== gen) return null
      if (!data) throw new Error('数据库中没有这份 PDF 的原件')
      task = lib.getDocument({ data, ...PDF_OPTIONS })
      const doc = await task.promise
      if (my !== gen) return null
      const all = await Promise.all(Array.from({ length: doc.numPages }, (_, i) => doc.getPage(i + 1)))
      if (my !== gen) return null
      pages = all
      numPages.value = all.length
      // `loading` stays true: the viewer lays the pages out first, then calls laidOut()
      void indexTexts(my)
      return my
    } catch (e) {
      if (my === gen) {
        error.value = e instanceof Error ? e.message : String(e)
        loading.value = false
      }
      return null
    }
  }

  async function indexTexts(my: number): Promise<void> {
    if (pages.length > INDEX_MAX_PAGES) return
    const texts: string[] = []
    for (const p of pages) {
      const tc = await p.getTextContent()
      if (my !== gen) return
      texts.push(squeeze(tc.items.map((it) => ('str' in it ? it.str : '')).join('')))
    }
    pageTexts = texts
  }

  /** Destroys the document; `stale` (default) also stops any open still under way. */
  async function close(stale = true): Promise<void> {
    if (stale) gen++
    pages = []
    pageTexts = []
    numPages.value = 0
    const t = task
    task = null
    if (t) await t.destroy()
  }

  return {
    numPages,
    loading,
    error,
    pages: (): PDFPageProxy[] => pages,
    /** The 1-based page whose text holds these words (whitespace ignored), 0 when none is known. */
    pageWith: (words: string): number => {
      const needle = squeeze(words).slice(0, 24)
      return needle ? pageTexts.findIndex((s) => s.includes(needle)) + 1 : 0
    },
    isCurrent: (my: number): boolean => my === gen,
    laidOut: (): void => {
      loading.value = false
    },
    open,
    close
  }
}

export type PdfDocument = ReturnType<typeof usePdfDocument>
