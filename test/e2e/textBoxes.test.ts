// End-to-end: text evidence drawn as boxes on the PDF original, on a text PDF and on a scanned page, in
// headless Chromium against the real engine. Seed 003 as its PDF, and as the same PDF with page 2 replaced
// by its scan (OCR reads that page). A text finding on the same words of page 2 must be boxed where the
// words are printed: over the text layer's words on the PDF, and at the same place on the scan image,
// where the page shows ink. Selecting the finding scrolls to its box; a search hit scrolls to its words.
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FindingDto, ReportDetail } from '../../src-main/shared/api.ts'
import { ROOT, startUi, type UiEnv } from './env.ts'

function poll<T>(fn: () => Promise<T> | T, timeout = 20_000) {
  return expect.poll(fn, { timeout, interval: 50 })
}

interface Rect {
  x: number
  y: number
  width: number
  height: number
}
interface CanvasEl {
  width: number
  height: number
  getBoundingClientRect(): { left: number; top: number; width: number; height: number }
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null
}

/** Share of dark pixels of the canvas inside a page-relative rectangle (CSS pixels); runs in the page. */
const inkIn = (el: unknown, r: { x: number; y: number; w: number; h: number }): number => {
  const c = el as CanvasEl
  const k = c.width / c.getBoundingClientRect().width
  const ctx = c.getContext('2d')
  if (!ctx) return 0
  const px = ctx.getImageData(Math.round(r.x * k), Math.round(r.y * k), Math.max(1, Math.round(r.w * k)), Math.max(1, Math.round(r.h * k))).data
  let dark = 0
  for (let i = 0; i < px.length; i += 4) if ((px[i] as number) < 128 && (px[i + 1] as number) < 128 && (px[i + 2] as number) < 128) dark++
  return dark / (px.length / 4)
}

/** Words of page 2 present in both readings: the second row label of 表三's first block. */
const WORDS = '本年新收政府信息公开申请数量'

let env: UiEnv
let pdf: ReportDetail
let scan: ReportDetail
let batchId = 0

beforeAll(async () => {
  env = await startUi()
  const { page, service } = env
  const folder = join(env.dir, 'boxes')
  mkdirSync(folder, { recursive: true })
  copyFileSync(join(ROOT, 'test', 'fixtures', 'seeds', '003_ba49bbb087adff7b.pdf'), join(folder, '头营镇.pdf'))
  copyFileSync(join(ROOT, 'test', 'fixtures', 'scans', '003_ba49bbb087adff7b.mixed.pdf'), join(folder, '头营镇-第2页扫描.pdf'))
  await page.goto(env.srv.url)
  await page.fill('[data-test=folder-path]', folder)
  await page.click('[data-test=open-folder]')
  await page.locator('[data-test=report-row]').nth(1).waitFor({ timeout: 240_000 })
  batchId = (await service.listBatches())[0]!.id
  const b = await service.getBatch(batchId)
  const byFile = (f: string): number => b.reports.find((r) => r.file === f)!.id
  pdf = await service.getReport(byFile('头营镇.pdf'))
  scan = await service.getReport(byFile('头营镇-第2页扫描.pdf'))
}, 300_000)

afterAll(async () => {
  await env?.close()
})

/** A hand-added text finding on the words (as the reviewer adds one), returned with its boxes. */
async function textFinding(d: ReportDetail): Promise<FindingDto> {
  const start = d.text.indexOf(WORDS)
  expect(start, `“${WORDS}” in the text of ${d.file}`).toBeGreaterThan(0)
  const f = await env.service.addFinding(d.id, { severity: 'warning', message: '核对申请数量', evidence: [{ kind: 'text', start, end: start + WORDS.length, text: WORDS }] })
  const e = f.evidence[0]!
  expect(e.kind === 'text' && e.boxes?.[0]?.page).toBe(2)
  return f
}

/** Opens the report, selects the finding, and returns its drawn box and page rectangles once in view. */
async function boxOf(d: ReportDetail, f: FindingDto): Promise<{ box: Rect; page: Rect }> {
  const { page } = env
  await page.goto(`${env.srv.url.replace(/\?.*$/, '')}#/report/${d.id}`)
  await page.locator(`[data-test=finding][data-finding="${f.id}"]`).click({ position: { x: 20, y: 10 } })
  const box = page.locator(`.pdf-box.text[data-fids~="${f.id}"]`).first()
  await box.waitFor({ state: 'visible', timeout: 30_000 })
  const pageEl = page.locator('[data-test=pdf-pages] .page[data-page="2"]')
  await poll(() => pageEl.getAttribute('data-rendered'), 30_000).toBe('1')
  // selecting the finding brought its box into the pane
  const pane = (await page.locator('[data-test=pdf-pages]').boundingBox())!
  const bb = (await box.boundingBox())!
  expect(bb.y >= pane.y && bb.y + bb.height <= pane.y + pane.height).toBe(true)
  return { box: bb, page: (await pageEl.boundingBox())! }
}

describe('text evidence drawn as boxes on the PDF original', () => {
  let pdfBox: { x: number; y: number; w: number; h: number }

  it('a text PDF: the box covers the words of the text layer', async () => {
    const f = await textFinding(pdf)
    const { box, page } = await boxOf(pdf, f)
    // the pdf.js text layer item holding the words: the box lies on its line, within its width
    const items = env.page.locator('[data-test=pdf-pages] .page[data-page="2"] .textLayer span:not(.markedContent)', { hasText: WORDS })
    const texts = await items.allTextContents()
    expect(texts.length).toBeGreaterThan(0)
    const k = texts.reduce((best, t, i) => (t.length < (texts[best] as string).length ? i : best), 0)
    const item = items.nth(k)
    const ib = (await item.boundingBox())!
    const cy = box.y + box.height / 2
    expect(cy).toBeGreaterThan(ib.y)
    expect(cy).toBeLessThan(ib.y + ib.height)
    // the item may hold more than the words (一、本年新收…): all full-width, so each character is a share
    const t = texts[k] as string
    const per = ib.width / t.length
    expect(Math.abs(box.x - (ib.x + per * t.indexOf(WORDS)))).toBeLessThan(4)
    expect(Math.abs(box.width - per * WORDS.length)).toBeLessThan(6)
    pdfBox = { x: box.x - page.x, y: box.y - page.y, w: box.width, h: box.height }
    await env.shot('boxes-01-pdf-text')
    // a click on the highlighted words selects their finding, as a click on a cell's rectangle does
    const p = env.page
    const other = p.locator(`[data-test=finding]:not([data-finding="${f.id}"])`).first()
    await other.click({ position: { x: 20, y: 10 } })
    await poll(() => p.locator('[data-test=finding][aria-selected=true]').getAttribute('data-finding')).not.toBe(String(f.id))
    const drawn = p.locator(`.pdf-box.text[data-fids~="${f.id}"]`).first()
    // the pane scrolls to the other finding's evidence after a tick: bring the words back once it has
    const scrollTop = (): Promise<number> => p.locator('[data-test=pdf-pages]').evaluate((e) => (e as unknown as { scrollTop: number }).scrollTop)
    let last = -1
    await poll(async () => {
      const now = await scrollTop()
      const still = now === last
      last = now
      await new Promise((r) => setTimeout(r, 150))
      return still
    }).toBe(true)
    await drawn.scrollIntoViewIfNeeded()
    const at = (await drawn.boundingBox())!
    await p.mouse.click(at.x + at.width / 2, at.y + at.height / 2)
    await poll(() => p.locator('[data-test=finding][aria-selected=true]').getAttribute('data-finding')).toBe(String(f.id))
  })

  it('a scanned page: the box stands where the PDF prints the words, over the ink of the scan', async () => {
    const f = await textFinding(scan)
    const { box, page } = await boxOf(scan, f)
    const rel = { x: box.x - page.x, y: box.y - page.y, w: box.width, h: box.height }
    // the scan is a picture of the same page at the same size: the same place within a few pixels
    expect(Math.abs(rel.x - pdfBox.x)).toBeLessThan(6)
    expect(Math.abs(rel.y + rel.h / 2 - (pdfBox.y + pdfBox.h / 2))).toBeLessThan(6)
    expect(Math.abs(rel.w - pdfBox.w)).toBeLessThan(12)
    // the words are printed there: ink under the box, far more than in the same box moved into the margin
    const canvas = env.page.locator('[data-test=pdf-pages] .page[data-page="2"] canvas')
    const under = await canvas.evaluate(inkIn, { x: rel.x, y: rel.y, w: rel.w, h: rel.h })
    const margin = await canvas.evaluate(inkIn, { x: 4, y: rel.y, w: Math.min(rel.w, 40), h: rel.h })
    expect(under).toBeGreaterThan(0.08)
    expect(under).toBeGreaterThan(4 * margin)
    await env.shot('boxes-02-scan-text')
  })

  it('a search hit opened from the folder scrolls the PDF to its words and marks them', async () => {
    const { page } = env
    await page.goto(`${env.srv.url.replace(/\?.*$/, '')}#/batch/${batchId}`)
    await page.fill('[data-test=search-input]', '复议直接起诉')
    await page.click('[data-test=search-go]')
    const hit = page.locator('[data-test=search-hit]', { hasText: '原文' }).first()
    await hit.waitFor()
    await hit.click()
    const mark = page.locator('[data-test=search-hit-box]').first()
    await mark.waitFor({ state: 'visible', timeout: 30_000 })
    const pane = (await page.locator('[data-test=pdf-pages]').boundingBox())!
    await poll(async () => {
      const mb = await mark.boundingBox()
      return !!mb && mb.y >= pane.y && mb.y + mb.height <= pane.y + pane.height
    }).toBe(true)
    await env.shot('boxes-03-search-hit')
  })

  it('a version read before text boxes were kept: its words are still marked, in the text layer', async () => {
    const { page } = env
    env.db.prepare('DELETE FROM version_boxes WHERE version_id = ?').run(pdf.versionId)
    const d = await env.service.getReport(pdf.id)
    const f = d.findings.find((x) => x.manual)!
    expect(f.evidence.some((e) => e.kind === 'text' && e.boxes)).toBe(false)
    await page.goto(`${env.srv.url.replace(/\?.*$/, '')}#/report/${pdf.id}`)
    await page.locator(`[data-test=finding][data-finding="${f.id}"]`).click({ position: { x: 20, y: 10 } })
    const marked = page.locator(`[data-test=pdf-pages] .page[data-page="2"] .textLayer span.ev[data-fids~="${f.id}"]`).first()
    await marked.waitFor({ state: 'visible', timeout: 30_000 })
    expect(await marked.textContent()).toContain(WORDS)
    expect(await page.locator(`.pdf-box.text[data-fids~="${f.id}"]`).count()).toBe(0)
  })
})
