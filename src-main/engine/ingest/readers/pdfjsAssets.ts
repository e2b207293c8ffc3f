// pdf.js in Node needs its assets as file-system folders: CMaps (Chinese fonts without embedded
// ToUnicode give no text without them), standard fonts, and the JBIG2/CCITT/JPEG 2000 decoders
// and ICC profiles used by scanned pages. Shared by the PDF reader and the OCR rasteriser.
import { createRequire } from 'node:module'
import path from 'node:path'

let root: string | undefined

export function pdfjsRoot(): string {
  root ??= path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  return root
}

/** getDocument options pointing at the installed package's assets (pdf.js appends file names). */
export function pdfjsAssetOptions(): { cMapUrl: string; cMapPacked: true; standardFontDataUrl: string; wasmUrl: string; iccUrl: string } {
  const dir = (name: string): string => path.join(pdfjsRoot(), name) + path.sep
  return { cMapUrl: dir('cmaps'), cMapPacked: true, standardFontDataUrl: dir('standard_fonts'), wasmUrl: dir('wasm'), iccUrl: dir('iccs') }
}
