import { cpSync, existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

// pdf.js needs its CMaps (Chinese fonts without embedded ToUnicode) and standard fonts offline.
function pdfjsAssets(): Plugin {
  return {
    name: 'xxgk-pdfjs-assets',
    buildStart() {
      const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
      const out = resolve('src-renderer/public/pdfjs')
      if (existsSync(join(out, 'cmaps'))) return
      mkdirSync(out, { recursive: true })
      cpSync(join(root, 'cmaps'), join(out, 'cmaps'), { recursive: true })
      cpSync(join(root, 'standard_fonts'), join(out, 'standard_fonts'), { recursive: true })
    }
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src-main/electron/main.ts'), readWorker: resolve('src-main/engine/ingest/readWorker.ts') }, external: ['better-sqlite3'], output: { format: 'cjs', entryFileNames: '[name].cjs' } }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve('src-main/electron/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } }
    }
  },
  renderer: {
    root: 'src-renderer',
    publicDir: resolve('src-renderer/public'),
    build: { outDir: resolve('out/renderer'), rollupOptions: { input: resolve('src-renderer/index.html') } },
    plugins: [vue(), pdfjsAssets()]
  }
})
