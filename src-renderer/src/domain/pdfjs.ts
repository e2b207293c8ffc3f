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

// Absolute URLs: the worker resolves relative ones against its own script under assets/.
const at = (path: string): string => new URL(path, document.baseURI).href

export const PDF_OPTIONS = {
  cMapUrl: at('./pdfjs/cmaps/'),
  cMapPacked: true,
  standardFontDataUrl: at('./pdfjs/standard_fonts/'),
  // Scanned reports are often JBIG2 or CCITT images: without the decoders they render blank.
  wasmUrl: at('./pdfjs/wasm/'),
  iccUrl: at('./pdfjs/iccs/')
} as const
