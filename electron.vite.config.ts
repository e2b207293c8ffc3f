import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { pdfjsAssets } from './scripts/pdfjs-assets.ts'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src-main/electron/main.ts'), readWorker: resolve('src-main/engine/ingest/readWorker.ts'), checkWorker: resolve('src-main/engine/checks/checkWorker.ts') }, external: ['better-sqlite3'], output: { format: 'cjs', entryFileNames: '[name].cjs' } }
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
    plugins: [vue(), pdfjsAssets(resolve('src-renderer/public/pdfjs'))]
  }
})
