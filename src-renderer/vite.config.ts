// Renderer-only build (`npm run build:renderer`): the same output as the renderer part of
// electron.vite.config.ts, for when only the reviewer's screens need rebuilding.
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { pdfjsAssets } from '../scripts/pdfjs-assets.ts'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')

export default defineConfig({
  root: here,
  base: './',
  publicDir: join(here, 'public'),
  plugins: [vue(), pdfjsAssets(join(here, 'public', 'pdfjs'))],
  build: { outDir: join(root, 'out', 'renderer'), emptyOutDir: true, rollupOptions: { input: join(here, 'index.html') } }
})
