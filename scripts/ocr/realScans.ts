// Scans of the real reports, made at bench time (not committed: several MB): the three real WPS PDFs of
// test/accuracy/real rasterised with pdf.js as a desk scanner would send them, wrapped as image-only PDFs.
//
//   hzq2023_working.g150   grey JPEG at 150 dpi
//   hzq2024_working.r200   grey JPEG at 200 dpi, rotated 0.7 degree, paper noise
//   szfgs2024.seal150      colour JPEG at 150 dpi, rotated -0.5 degree, a red seal over the last lines
//   szfgs2024.tra200       the text converted to traditional characters (opencc-js cn -> tw) and drawn in
//                          place of the original glyphs (table rules kept), grey JPEG at 200 dpi
//
// Each <name>.scan.pdf gets <name>.expected.json (test/accuracy/expected/<report>.json) beside it, the shape
// scripts/bench-ocr.ts reads. Deterministic: the same bytes on every run (seeded noise).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import * as OpenCC from 'opencc-js'
import { pdfjsAssetOptions } from '../../src-main/engine/ingest/readers/pdfjsAssets.ts'

const require = createRequire(import.meta.url)
type Canvas = import('@napi-rs/canvas').Canvas
type Ctx = import('@napi-rs/canvas').SKRSContext2D

/** Part of the folder name the scans are kept in: bump when the scans change. */
export const REAL_SCANS_VERSION = 1

export interface ScanSpec {
  name: string
  report: string
  dpi: number
  rotate: number
  colour: boolean
  seal: boolean
  traditional: boolean
  quality: number
  /** Bottom share of the page holding a page footer (第 n 页 共 N 页), left out when placing the seal. */
  footer?: number
}

export const REAL_SCANS: ScanSpec[] = [
  { name: 'hzq2023_working.g150', report: 'hzq2023_working', dpi: 150, rotate: 0, colour: false, seal: false, traditional: false, quality: 55 },
  { name: 'hzq2024_working.r200', report: 'hzq2024_working', dpi: 200, rotate: 0.7, colour: false, seal: false, traditional: false, quality: 60 },
  { name: 'szfgs2024.seal150', report: 'szfgs2024', dpi: 150, rotate: -0.5, colour: true, seal: true, traditional: false, quality: 60 },
  { name: 'szfgs2024.tra200', report: 'szfgs2024', dpi: 200, rotate: 0, colour: false, seal: false, traditional: true, quality: 60 }
]

const SERIF = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc'
const SERIF_BOLD = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc'

/** The fonts the traditional runs and the seal are drawn with. */
export function registerScanFonts(): void {
  const { GlobalFonts } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas')
  if (!existsSync(SERIF)) throw new Error(`${SERIF} missing (apt-get install fonts-noto-cjk): the traditional and seal scans draw with it`)
  GlobalFonts.registerFromPath(SERIF, 'ScanSerif')
  if (existsSync(SERIF_BOLD)) GlobalFonts.registerFromPath(SERIF_BOLD, 'ScanSerifBold')
}

/** Make every scan of `specs` in `outDir` from the real PDFs in `realDir` (expected records from `expectedDir`). */
export async function makeRealScans(realDir: string, expectedDir: string, outDir: string, specs = REAL_SCANS): Promise<string[]> {
  registerScanFonts()
  mkdirSync(outDir, { recursive: true })
  const made: string[] = []
  for (const s of specs) {
    const pdf = join(outDir, `${s.name}.scan.pdf`)
    copyFileSync(join(expectedDir, `${s.report}.json`), join(outDir, `${s.name}.expected.json`))
    made.push(pdf)
    if (existsSync(pdf)) continue
    writeFileSync(pdf, await scanPdf(new Uint8Array(readFileSync(join(realDir, `${s.report}.pdf`))), s))
  }
  return made
}

/** One PDF rasterised as a desk scanner sends it (dpi, rotation, paper noise, seal, JPEG), as an image-only PDF. */
export async function scanPdf(buf: Uint8Array, s: ScanSpec): Promise<Uint8Array> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas')
  const task = pdfjs.getDocument({ data: buf, ...pdfjsAssetOptions(), isOffscreenCanvasSupported: false, useSystemFonts: false, verbosity: 0 })
  const doc = await task.promise
  const toTra = OpenCC.Converter({ from: 'cn', to: 'tw' })
  const rand = lcg(s.name.length * 7919 + s.dpi)
  const pages: { jpeg: Uint8Array; w: number; h: number; wPt: number; hPt: number }[] = []
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p)
    const vp = page.getViewport({ scale: s.dpi / 72 })
    const w = Math.ceil(vp.width)
    const h = Math.ceil(vp.height)
    const canvas: Canvas = createCanvas(w, h)
    const ctx = canvas.getContext('2d')
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, w, h)
    await page.render({ canvasContext: ctx as never, canvas: canvas as never, viewport: vp }).promise
    if (s.traditional) {
      // white out each run of text and draw it again in traditional characters, in the run's own box
      const tc = await page.getTextContent()
      for (const it of tc.items) {
        if (!('str' in it) || !it.str.trim()) continue
        const m = pdfjs.Util.transform(vp.transform, it.transform) as number[]
        const size = Math.hypot(m[2] as number, m[3] as number)
        const x = m[4] as number
        const y = m[5] as number
        const width = it.width * (s.dpi / 72)
        ctx.fillStyle = '#ffffff'
        ctx.fillRect(x - 1, y - size * 0.92, width + 2, size * 1.12)
        ctx.fillStyle = '#000000'
        const bold = /bold|hei/i.test(it.fontName) || /bold|hei/i.test(tc.styles[it.fontName]?.fontFamily ?? '')
        ctx.font = `${size.toFixed(1)}px ${bold ? 'ScanSerifBold' : 'ScanSerif'}`
        drawRun(ctx, toTra(it.str), x, y, width, size)
      }
    }
    if (s.seal && p === doc.numPages) drawSeal(ctx, w, lastInkRow(ctx, w, Math.round(h * (1 - (s.footer ?? 0)))), s.dpi)
    const out: Canvas = createCanvas(w, h)
    const octx = out.getContext('2d')
    octx.fillStyle = '#ffffff'
    octx.fillRect(0, 0, w, h)
    octx.translate(w / 2, h / 2)
    octx.rotate((s.rotate * Math.PI) / 180)
    octx.translate(-w / 2, -h / 2)
    octx.drawImage(canvas, 0, 0)
    octx.setTransform(1, 0, 0, 1, 0, 0)
    const img = octx.getImageData(0, 0, w, h)
    // paper grain: a little seeded noise on every pixel, grey unless the scan is in colour
    for (let i = 0; i < img.data.length; i += 4) {
      const n = Math.round((rand() + rand() + rand() - 1.5) * 14)
      for (let k = 0; k < 3; k++) img.data[i + k] = clamp((img.data[i + k] as number) + n)
      if (!s.colour) {
        const g = Math.round(0.299 * (img.data[i] as number) + 0.587 * (img.data[i + 1] as number) + 0.114 * (img.data[i + 2] as number))
        img.data[i] = img.data[i + 1] = img.data[i + 2] = g
      }
    }
    octx.putImageData(img, 0, 0)
    const jpeg = await out.encode('jpeg', s.quality)
    const base = page.getViewport({ scale: 1 })
    pages.push({ jpeg: new Uint8Array(jpeg), w, h, wPt: base.width, hPt: base.height })
    page.cleanup()
  }
  await task.destroy()
  return imagePdf(pages)
}

/** A run of text spread over its original width (traditional forms are as many characters as simplified ones). */
function drawRun(ctx: Ctx, text: string, x: number, y: number, width: number, size: number): void {
  const chars = [...text]
  const natural = ctx.measureText(text).width
  if (chars.length <= 1 || Math.abs(natural - width) < size * 0.3) {
    ctx.fillText(text, x, y, Math.max(width, size))
    return
  }
  // place each character at its share of the run, as the PDF's glyph positions did
  let cx = x
  const scale = width / natural
  for (const ch of chars) {
    ctx.fillText(ch, cx, y)
    cx += ctx.measureText(ch).width * scale
  }
}

function lastInkRow(ctx: Ctx, w: number, h: number): number {
  const d = ctx.getImageData(0, 0, w, h).data
  for (let y = h - 1; y >= 0; y--) {
    let ink = 0
    for (let x = 0; x < w; x++) if ((d[(y * w + x) * 4] as number) < 128) ink++
    // a page number is a few glyphs; the last line of text has more ink
    if (ink > w * 0.02) return y
  }
  return h / 2
}

/** A red round seal (ring, star, a name along the top) over the last lines of text, as on a 落款. */
function drawSeal(ctx: Ctx, w: number, lastRow: number, dpi: number): void {
  const r = dpi * 0.8
  const cx = w * 0.62
  const cy = Math.max(r, lastRow - dpi * 0.3)
  ctx.save()
  ctx.globalAlpha = 0.78
  ctx.strokeStyle = 'rgb(215,30,40)'
  ctx.fillStyle = 'rgb(215,30,40)'
  ctx.lineWidth = Math.max(3, dpi / 40)
  ctx.beginPath()
  ctx.arc(cx, cy, r, 0, 2 * Math.PI)
  ctx.stroke()
  ctx.beginPath()
  for (let i = 0; i < 10; i++) {
    const rr = i % 2 === 0 ? r * 0.3 : r * 0.12
    const a = ((-90 + 36 * i) * Math.PI) / 180
    ctx[i === 0 ? 'moveTo' : 'lineTo'](cx + rr * Math.cos(a), cy + rr * Math.sin(a))
  }
  ctx.closePath()
  ctx.fill()
  const text = '淮安市人民政府办公室'
  ctx.font = `${(dpi * 0.16).toFixed(0)}px ScanSerifBold, ScanSerif`
  const n = [...text].length
  ;[...text].forEach((ch, i) => {
    const a = ((-160 + (140 * i) / (n - 1)) * Math.PI) / 180
    ctx.save()
    ctx.translate(cx + 0.72 * r * Math.cos(a), cy + 0.72 * r * Math.sin(a))
    ctx.rotate(a + Math.PI / 2)
    ctx.fillText(ch, -dpi * 0.08, dpi * 0.06)
    ctx.restore()
  })
  ctx.restore()
}

/** A minimal PDF: one JPEG image per page, filling the page (no text layer). */
function imagePdf(pages: { jpeg: Uint8Array; w: number; h: number; wPt: number; hPt: number }[]): Uint8Array {
  const chunks: Uint8Array[] = []
  const offsets: number[] = []
  let size = 0
  const put = (b: Uint8Array | string): void => {
    const u = typeof b === 'string' ? new TextEncoder().encode(b) : b
    chunks.push(u)
    size += u.length
  }
  const obj = (n: number, body: string, stream?: Uint8Array): void => {
    offsets[n] = size
    put(`${n} 0 obj\n${body}\n`)
    if (stream) {
      put('stream\n')
      put(stream)
      put('\nendstream\n')
    }
    put('endobj\n')
  }
  put('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ')
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
  obj(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`)
  pages.forEach((p, i) => {
    const n = 3 + i * 3
    const content = `q ${p.wPt.toFixed(2)} 0 0 ${p.hPt.toFixed(2)} 0 0 cm /Im0 Do Q`
    obj(n, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${p.wPt.toFixed(2)} ${p.hPt.toFixed(2)}] /Resources << /XObject << /Im0 ${n + 2} 0 R >> >> /Contents ${n + 1} 0 R >>`)
    obj(n + 1, `<< /Length ${content.length} >>`, new TextEncoder().encode(content))
    // a colour JPEG has three components; the grey ones were drawn grey but are encoded as RGB by the canvas
    obj(n + 2, `<< /Type /XObject /Subtype /Image /Width ${p.w} /Height ${p.h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>`, p.jpeg)
  })
  const xref = size
  const count = 3 + pages.length * 3
  put(`xref\n0 ${count}\n0000000000 65535 f \n`)
  for (let n = 1; n < count; n++) put(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`)
  put(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  const out = new Uint8Array(size)
  let o = 0
  for (const c of chunks) {
    out.set(c, o)
    o += c.length
  }
  return out
}

function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 4294967296
  }
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v)
