// pdf.js, loaded on first use (text and Word reports never pay for it), with the offline
// CMaps and standard fonts copied into the renderer at build time.
import type * as Pdfjs from 'pdfjs-dist'

let loading: Promise<typeof Pdfjs> | null = null

export function loadPdfjs(): Promise<typeof Pdfjs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default
    return lib
  })
  return loading
}

export const PDF_OPTIONS = {
  cMapUrl: './pdfjs/cmaps/',
  cMapPacked: true,
  standardFontDataUrl: './pdfjs/standard_fonts/'
} as const
