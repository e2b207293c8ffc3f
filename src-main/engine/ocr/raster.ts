// Rasterizing PDF pages in Node: pdf.js (legacy build) drawing into an @napi-rs/canvas canvas.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pdfjsAssetOptions } from '../ingest/readers/pdfjsAssets.ts'
import { grayFromRgba, type Gray } from './image.ts'

const require = createRequire(import.meta.url)

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type Canvas = import('@napi-rs/canvas').Canvas


// Non-embedded CJK fonts draw as empty boxes unless a CJK font is registered with the canvas. Scanned
// pages are images, but a mixed page (a scan with a typed stamp or page number) may carry such text.
const CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/STHeiti Light.ttc',
  'C:\\Windows\\Fonts\\simsun.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf'
]
let fontsDone = false
function registerCjkFont(): void {
  if (fontsDone) return
  fontsDone = true
  try {
    const { GlobalFonts } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas')
    const found = CJK_FONTS.find((f) => existsSync(f))
    if (!found) return
    for (const family of ['sans-serif', 'serif', 'SimSun', 'STSong-Light']) GlobalFonts.registerFromPath(found, family)
  } catch {
    // without a CJK font only non-embedded text renders as boxes; the scanned image is unaffected
  }
}

export interface OpenPdf {
  numPages: number
  /** Page size in PDF points (as readPdf reports it). */
  pageSize(p: number): Promise<{ width: number; height: number }>
  /** Render page p (1-based) at dpi as a grey image; `toPdf` maps image pixels to PDF user-space points. */
  render(p: number, dpi: number): Promise<{ gray: Gray; toPdf: (x: number, y: number) => [number, number] }>
  close(): Promise<void>
}

export async function openPdf(buf: Uint8Array): Promise<OpenPdf> {
  registerCjkFont()
  const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = pdfjs.getDocument({
    data: new Uint8Array(buf),
    ...pdfjsAssetOptions(),
    isOffscreenCanvasSupported: false,
    useSystemFonts: false,
    verbosity: 0
  })
  const doc = await task.promise
  const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas')
  return {
    numPages: doc.numPages,
    async pageSize(p) {
      const page = await doc.getPage(p)
      const vp = page.getViewport({ scale: 1 })
      return { width: vp.width, height: vp.height }
    },
    async render(p, dpi) {
      const page = await doc.getPage(p)
      const vp = page.getViewport({ scale: dpi / 72 })
      const w = Math.ceil(vp.width)
      const h = Math.ceil(vp.height)
      const canvas: Canvas = createCanvas(w, h)
      const ctx = canvas.getContext('2d')
      ctx.fillStyle = '#ffffff'
      ctx.fillRect(0, 0, w, h)
      await page.render({ canvasContext: ctx as never, canvas: canvas as never, viewport: vp }).promise
      const img = ctx.getImageData(0, 0, w, h)
      page.cleanup()
      const gray = grayFromRgba(img.data, w, h)
      return {
        gray,
        toPdf: (x, y) => {
          const [px, py] = vp.convertToPdfPoint(x, y) as [number, number]
          return [px, py]
        }
      }
    },
    async close() {
      await task.destroy()
    }
  }
}

/** Rotate a grey image by `deg` degrees about its centre (canvas convention: positive = clockwise), white fill. */
export function rotateGray(g: Gray, deg: number): Gray {
  const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas')
  const src = createCanvas(g.w, g.h)
  const sctx = src.getContext('2d')
  const rgba = sctx.createImageData(g.w, g.h)
  for (let i = 0, j = 0; i < g.data.length; i++, j += 4) {
    const v = g.data[i] as number
    rgba.data[j] = v
    rgba.data[j + 1] = v
    rgba.data[j + 2] = v
    rgba.data[j + 3] = 255
  }
  sctx.putImageData(rgba, 0, 0)
  const dst = createCanvas(g.w, g.h)
  const ctx = dst.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, g.w, g.h)
  ctx.translate(g.w / 2, g.h / 2)
  ctx.rotate((deg * Math.PI) / 180)
  ctx.translate(-g.w / 2, -g.h / 2)
  ctx.drawImage(src, 0, 0)
  return grayFromRgba(ctx.getImageData(0, 0, g.w, g.h).data, g.w, g.h)
}
