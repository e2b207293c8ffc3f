// Renderer-only build (`npm run build:renderer`): the same output as the renderer part of
// electron.vite.config.ts, for when only the reviewer's screens need rebuilding.
import { cpSync, existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')

function pdfjsAssets(): Plugin {
  return {
    name: 'xxgk-pdfjs-assets',
    buildStart() {
      const pkg = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
      const out = join(here, 'public', 'pdfjs')
      if (existsSync(join(out, 'cmaps'))) return
      mkdirSync(out, { recursive: true })
      cpSync(join(pkg, 'cmaps'), join(out, 'cmaps'), { recursive: true })
      cpSync(join(pkg, 'standard_fonts'), join(out, 'standard_fonts'), { recursive: true })
    }
  }
}

export default defineConfig({
  root: here,
  base: './',
  publicDir: join(here, 'public'),
  plugins: [vue(), pdfjsAssets()],
  build: { outDir: join(root, 'out', 'renderer'), emptyOutDir: true, rollupOptions: { input: join(here, 'index.html') } }
})
