// End-to-end: search hits and a finding's text evidence in the Word (.docx, .doc), HTML and plain-text
// originals, in headless Chromium against the real engine. Four seeds, each in another format: a search
// for words near the end of the report opens it scrolled to those words, marked; selecting a finding on
// words far down scrolls to them and marks them (the words themselves, inside a longer paragraph); a
// click on them selects the finding; a finding whose words the text does not hold gets a note, not a
// crash and not a mark on other words.
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FindingDto, ReportDetail } from '../../src-main/shared/api.ts'
import { ROOT, SAMPLE, startUi, type UiEnv } from './env.ts'

function poll<T>(fn: () => Promise<T> | T, timeout = 20_000) {
  return expect.poll(fn, { timeout, interval: 50 })
}

const squeeze = (s: string): string => s.replace(/\s+/g, '')

/** The seeds and the format each is imported as, with the pane that shows it. */
const FILES = [
  { src: join(ROOT, 'test', 'fixtures', 'seeds', '001_3cdfaf53304c8eaa.docx'), name: '001.docx', pane: 'original-html' },
  { src: join(ROOT, 'test', 'fixtures', 'seeds', '002_3439ace2b5349fdf.html'), name: '002.html', pane: 'original-html' },
  { src: join(SAMPLE, '004_f4dd133f55a6f46e.txt'), name: '004.txt', pane: 'original-text' },
  { src: join(ROOT, 'test', 'fixtures', 'seeds', '000_b657cdc2b6fa0bce.doc'), name: '000.doc', pane: '' }
] as const
/** A PDF too: a hit on a version without text boxes is shown in its extracted text. */
const PDF = { src: join(ROOT, 'test', 'fixtures', 'seeds', '003_ba49bbb087adff7b.pdf'), name: '003.pdf' }

let env: UiEnv
let batchId = 0
const details = new Map<string, ReportDetail>()
const errors: string[] = []

/**
 * Words near the end of the report (from `from` of its length on) found in no other report of the
 * folder and only once in this one: a search for them has a single hit, far down.
 */
function wordsNearEnd(d: ReportDetail, from: number, len = 9): { start: number; words: string } {
  const others = [...details.values()].filter((x) => x.id !== d.id).map((x) => x.text)
  for (let at = Math.floor(d.text.length * from); at + len < d.text.length; at++) {
    const w = d.text.slice(at, at + len)
    if (/\s|[，。、；：“”（）]/.test(w) || /^\d|\d$/.test(w)) continue
    if (d.text.indexOf(w) !== at || d.text.lastIndexOf(w) !== at || others.some((t) => t.includes(w))) continue
    return { start: at, words: w }
  }
  throw new Error(`no unique words near the end of ${d.file}`)
}

const reportUrl = (id: number): string => `${env.srv.url.replace(/\?.*$/, '')}#/report/${id}`

/** Is the element inside the visible part of its scrolling pane? */
async function inPane(selector: string, pane: string): Promise<boolean> {
  const p = (await env.page.locator(`[data-test=${pane}]`).boundingBox())!
  const b = await env.page.locator(selector).first().boundingBox()
  return !!b && b.y >= p.y - 1 && b.y + b.height <= p.y + p.height + 1
}

const scrollTop = (pane: string): Promise<number> => env.page.locator(`[data-test=${pane}]`).evaluate((e) => (e as unknown as { scrollTop: number }).scrollTop)

beforeAll(async () => {
  env = await startUi()
  const { page, service } = env
  page.on('pageerror', (e) => errors.push(String(e)))
  const folder = join(env.dir, 'views')
  mkdirSync(folder, { recursive: true })
  for (const f of [...FILES, PDF]) copyFileSync(f.src, join(folder, f.name))
  await page.goto(env.srv.url)
  await page.fill('[data-test=folder-path]', folder)
  await page.click('[data-test=open-folder]')
  await page.locator('[data-test=report-row]').nth(FILES.length).waitFor({ timeout: 120_000 })
  batchId = (await service.listBatches())[0]!.id
  const b = await service.getBatch(batchId)
  for (const f of [...FILES, PDF]) details.set(f.name, await service.getReport(b.reports.find((r) => r.file === f.name)!.id))
}, 180_000)

afterAll(async () => {
  await env?.close()
})

/** The pane showing the report: .doc shows its HTML when the reader rebuilt one, else its text. */
function paneOf(name: string): string {
  const f = FILES.find((x) => x.name === name)!
  return f.pane || (details.get(name)!.html ? 'original-html' : 'original-text')
}

describe('search hits in the Word, HTML and text originals', () => {
  for (const f of FILES) {
    it(`a hit far down the ${f.name.split('.')[1]} report is scrolled into view and marked`, async () => {
      const { page } = env
      const d = details.get(f.name)!
      const pane = paneOf(f.name)
      const { words } = wordsNearEnd(d, 0.85)
      await page.goto(`${env.srv.url.replace(/\?.*$/, '')}#/batch/${batchId}`)
      await page.fill('[data-test=search-input]', words)
      await page.click('[data-test=search-go]')
      const hit = page.locator('[data-test=search-hit]', { hasText: '原文' })
      await hit.first().waitFor()
      expect(await hit.count()).toBe(1)
      await hit.first().click()
      const mark = `[data-test=${pane}] [data-test=search-hit-mark]`
      await page.locator(mark).first().waitFor({ state: 'visible', timeout: 20_000 })
      // exactly the words found are marked, wherever the marks split them (text nodes of a cell)
      expect(squeeze((await page.locator(mark).allTextContents()).join(''))).toBe(words)
      await poll(() => inPane(mark, pane)).toBe(true)
      // far down: the pane had to scroll well past its first screen
      const height = (await page.locator(`[data-test=${pane}]`).boundingBox())!.height
      expect(await scrollTop(pane)).toBeGreaterThan(height)
      await poll(() => page.locator('[data-test=locate-note]').count()).toBe(0)
      await env.shot(`views-hit-${f.name.replace('.', '-')}`)
    })
  }
})

describe('search hit in a PDF whose words have no place on the pages', () => {
  it('opens the extracted text, marked and scrolled to', async () => {
    const { page } = env
    const d = details.get(PDF.name)!
    // as a version read before text boxes were kept, whose original could not give them
    env.db.prepare('DELETE FROM version_boxes WHERE version_id = ?').run(d.versionId)
    const { words } = wordsNearEnd(d, 0.85)
    await page.goto(`${env.srv.url.replace(/\?.*$/, '')}#/batch/${batchId}`)
    await page.fill('[data-test=search-input]', words)
    await page.click('[data-test=search-go]')
    const hit = page.locator('[data-test=search-hit]', { hasText: '原文' })
    await hit.first().waitFor()
    await hit.first().click()
    const mark = '[data-test=original-text] [data-test=search-hit-mark]'
    await page.locator(mark).first().waitFor({ state: 'visible', timeout: 20_000 })
    expect(await page.locator('[data-test=text-mode]').getAttribute('class')).toContain('on')
    expect(squeeze((await page.locator(mark).allTextContents()).join(''))).toBe(words)
    await poll(() => inPane(mark, 'original-text')).toBe(true)
  })
})

describe("a finding's text evidence in the Word, HTML and text originals", () => {
  /** A hand-added finding quoting words far down the report. */
  async function farFinding(d: ReportDetail): Promise<{ f: FindingDto; words: string }> {
    const { start, words } = wordsNearEnd(d, 0.75, 7)
    const f = await env.service.addFinding(d.id, { severity: 'warning', message: '核对这句话', evidence: [{ kind: 'text', start, end: start + words.length, text: words }] })
    return { f, words }
  }

  for (const f of FILES) {
    it(`the ${f.name.split('.')[1]} view scrolls to the quoted words, marks them, and a click on them selects the finding`, async () => {
      const { page } = env
      const d = details.get(f.name)!
      const pane = paneOf(f.name)
      const { f: finding, words } = await farFinding(d)
      await page.goto(reportUrl(d.id))
      await page.locator(`[data-test=finding][data-finding="${finding.id}"]`).click({ position: { x: 20, y: 10 } })
      // the words themselves: a mark of their own inside the paragraph (HTML), a run of the text (plain text)
      const sel = pane === 'original-html' ? `[data-test=${pane}] mark.ev-words[data-fids~="${finding.id}"]` : `[data-test=${pane}] mark.ev[data-fids~="${finding.id}"]`
      await page.locator(sel).first().waitFor({ state: 'visible', timeout: 20_000 })
      expect(squeeze((await page.locator(sel).allTextContents()).join(''))).toBe(words)
      // the paragraph around them is not coloured for this finding: the words stand out from it
      if (pane === 'original-html') expect(await page.locator(`[data-test=${pane}] [data-s]:not(mark)[data-fids~="${finding.id}"]`).count()).toBe(0)
      await poll(() => inPane(sel, pane)).toBe(true)
      expect(await scrollTop(pane)).toBeGreaterThan(0)
      // another finding selected, then a click on the marked words selects this one again
      await page.locator(`[data-test=finding]:not([data-finding="${finding.id}"])`).first().click({ position: { x: 20, y: 10 } })
      await poll(() => page.locator('[data-test=finding][aria-selected=true]').getAttribute('data-finding')).not.toBe(String(finding.id))
      await page.waitForTimeout(300)
      const m = page.locator(sel).first()
      await m.scrollIntoViewIfNeeded()
      await m.click()
      await poll(() => page.locator('[data-test=finding][aria-selected=true]').getAttribute('data-finding')).toBe(String(finding.id))
      await env.shot(`views-finding-${f.name.replace('.', '-')}`)
    })
  }

  it('words the text does not hold: a note in Chinese, nothing marked, no error', async () => {
    const { page } = env
    for (const name of ['001.docx', '004.txt']) {
      const d = details.get(name)!
      const pane = paneOf(name)
      const lost = '这段文字并不在这份年报之中'
      const f = await env.service.addFinding(d.id, { severity: 'warning', message: '原文已改动的引用', evidence: [{ kind: 'text', start: 100, end: 100 + lost.length, text: lost }] })
      await page.goto(reportUrl(d.id))
      await page.locator(`[data-test=finding][data-finding="${f.id}"]`).click({ position: { x: 20, y: 10 } })
      const note = page.locator('[data-test=locate-note]')
      await note.waitFor({ timeout: 20_000 })
      expect(await note.textContent()).toContain('未能在原文中定位这条发现引用的文字')
      expect(await note.textContent()).toContain('这段文字并不在这份')
      expect(await page.locator(`[data-test=${pane}] [data-fids~="${f.id}"]`).count()).toBe(0)
      // the next finding chosen clears the note
      await page.locator(`[data-test=finding]:not([data-finding="${f.id}"])`).first().click({ position: { x: 20, y: 10 } })
      await poll(() => note.count()).toBe(0)
    }
    expect(errors).toEqual([])
  })

  it('a quotation whose offsets moved (carried over from another version) is marked where its words now stand', async () => {
    const { page } = env
    const d = details.get('002.html')!
    const { start, words } = wordsNearEnd(d, 0.6, 8)
    // the offsets of an older text: 40 characters off
    const f = await env.service.addFinding(d.id, { severity: 'info', message: '旧版本中的引用', evidence: [{ kind: 'text', start: start - 40, end: start - 40 + words.length, text: words }] })
    await page.goto(reportUrl(d.id))
    await page.locator(`[data-test=finding][data-finding="${f.id}"]`).click({ position: { x: 20, y: 10 } })
    const sel = `[data-test=original-html] mark.ev-words[data-fids~="${f.id}"]`
    await page.locator(sel).first().waitFor({ state: 'visible', timeout: 20_000 })
    expect(squeeze((await page.locator(sel).allTextContents()).join(''))).toBe(words)
    await poll(() => page.locator('[data-test=locate-note]').count()).toBe(0)
  })
})
