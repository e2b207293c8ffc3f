// Vite plugin used by both renderer builds: pdf.js needs its CMaps (Chinese fonts without embedded
// ToUnicode), standard fonts, wasm decoders (JBIG2/CCITT black-and-white scans) and ICC profiles offline.
import { cpSync, existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Plugin } from 'vite'

export function pdfjsAssets(out: string): Plugin {
  return {
    name: 'xxgk-pdfjs-assets',
    buildStart() {
      const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
      mkdirSync(out, { recursive: true })
      for (const dir of ['cmaps', 'standard_fonts', 'wasm', 'iccs']) {
        if (!existsSync(join(out, dir))) cpSync(join(root, dir), join(out, dir), { recursive: true })
      }
    }
  }
}
