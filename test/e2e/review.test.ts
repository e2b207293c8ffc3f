// End-to-end: the reviewer's screens in browser mode, driven in headless Chromium against the real
// engine (in-process, temporary database): import through the UI, the overview, the side-by-side
// review of seed 003 with its blank 行政复议 cells, keyboard review with undo, a PDF original, and
// the API's token check.
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FindingDto, ReportDetail, Severity } from '../../src-main/shared/api.ts'
import { ROOT, SAMPLE, startUi, type UiEnv } from './env.ts'

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, parse: 0 }
const REVIEW_COLS = ['review_upheld', 'review_corrected', 'review_other', 'review_pending', 'review_total']

/** Minimal shapes of the DOM objects the page-side callbacks touch (the Node tsconfig has no DOM lib). */
interface Rect {
  top: number
  bottom: number
  left: number
  right: number
}
interface El {
  getBoundingClientRect(): Rect
  scrollTop: number
  getAttribute(n: string): string | null
  textContent: string | null
  closest(sel: string): El | null
  querySelector(sel: string): El | null
}
interface CanvasEl {
  width: number
  height: number
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null
}

/** Waits for a condition in the page; generous, because other suites may share the two cores. */
function poll<T>(fn: () => Promise<T> | T, timeout = 15_000) {
  return expect.poll(fn, { timeout, interval: 50 })
}

let env: UiEnv
let reportId = 0
let detail: ReportDetail

beforeAll(async () => {
  env = await startUi()
}, 240_000)

afterAll(async () => {
  await env?.close()
})

async function selectedId(): Promise<number> {
  return Number(await env.page.locator('[data-test=finding][aria-selected=true]').getAttribute('data-finding'))
}

/** Is the element inside the visible part of its scrolling pane? */
async function inView(pane: string, el: string): Promise<boolean> {
  return env.page.evaluate(
    ([p, e]) => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): El | null } }).document
      const pane = d.querySelector(p as string)
      const target = d.querySelector(e as string)
      if (!pane || !target) return false
      const a = pane.getBoundingClientRect()
      const b = target.getBoundingClientRect()
      return b.bottom > a.top && b.top < a.bottom && b.right > a.left && b.left < a.right
    },
    [pane, el]
  )
}

/** Non-white pixels of a canvas (every 4th pixel); runs in the page, so it must be self-contained. */
const countInk = (el: unknown): number => {
  const c = el as CanvasEl
  const ctx = c.getContext('2d')
  if (!ctx) return 0
  const px = ctx.getImageData(0, 0, c.width, c.height).data
  let n = 0
  for (let i = 0; i < px.length; i += 16) if ((px[i] as number) < 200 || (px[i + 1] as number) < 200 || (px[i + 2] as number) < 200) n++
  return n
}

describe('reviewer screens (browser mode, 1366×768)', () => {
  it('the API refuses a request without the token (401)', async () => {
    const base = `http://127.0.0.1:${env.srv.port}`
    const none = await fetch(`${base}/api/call/appInfo`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' })
    expect(none.status).toBe(401)
    const wrong = await fetch(`${base}/api/call/listBatches`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Token': 'x'.repeat(48) }, body: '[]' })
    expect(wrong.status).toBe(401)
    expect((await fetch(`${base}/api/original/1`)).status).toBe(401)
    const ok = await fetch(`${base}/api/call/appInfo`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Token': env.srv.token }, body: '[]' })
    expect(ok.status).toBe(200)
  })

  it('opens with the token, keeps it for the tab and removes it from the address bar', async () => {
    const { page } = env
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(env.srv.url)
    await page.getByRole('heading', { name: '打开文件夹' }).waitFor()
    expect(page.url()).not.toContain('token=')
    expect(await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('xxgk-token'))).toBe(env.srv.token)
    await poll(() => page.locator('.who .mode').textContent()).toContain('浏览器模式')
    // dropping a folder: the browser cannot know its path, the page says so
    await page.locator('[data-test=drop-zone]').dispatchEvent('drop', {
      dataTransfer: await page.evaluateHandle(() => {
        const g = globalThis as unknown as { DataTransfer: new () => { items: { add(f: unknown): void } }; File: new (parts: string[], name: string) => unknown }
        const dt = new g.DataTransfer()
        dt.items.add(new g.File(['x'], '年报'))
        return dt
      })
    })
    await poll(() => page.locator('[data-test=drop-note]').textContent()).toContain('桌面版')
    await env.shot('e2e-01-home')
    expect(errors).toEqual([])
  })

  it('a browser opened with a one-time code gets in once; the same link again is refused', async () => {
    const url = env.srv.openUrl()
    expect(url).not.toContain(env.srv.token)
    const p = await env.context.newPage()
    const q = await env.context.newPage()
    try {
      await p.goto(url)
      await p.getByRole('heading', { name: '打开文件夹' }).waitFor()
      expect(p.url()).not.toContain('code=')
      expect(await p.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('xxgk-token'))).toBe(env.srv.token)
      await q.goto(url)
      await poll(() => q.locator('[data-test=no-token]').textContent()).toContain('已经用过或已过期')
      expect(q.url()).not.toContain('code=')
    } finally {
      await p.close()
      await q.close()
    }
  })

  it('imports the sample folder through the UI, with progress, into a 5-row overview', async () => {
    const { page } = env
    // record every state the progress bar shows (the import of five text files is quick)
    await page.evaluate(() => {
      const g = globalThis as unknown as { document: { body: unknown; querySelector(s: string): El | null }; __progress: string[]; MutationObserver: new (cb: () => void) => { observe(n: unknown, o: object): void } }
      g.__progress = []
      new g.MutationObserver(() => {
        const el = g.document.querySelector('[data-test=import-progress]')
        if (el) g.__progress.push(`${el.getAttribute('data-state')}|${el.querySelector('[data-test=progress-count]')?.textContent ?? ''}`)
      }).observe(g.document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    })
    await page.fill('[data-test=folder-path]', SAMPLE)
    await page.click('[data-test=open-folder]')
    await poll(() => page.locator('[data-test=report-row]').count(), 30_000).toBe(5)
    const seen = await page.evaluate(() => (globalThis as unknown as { __progress: string[] }).__progress)
    expect(seen.some((s) => s.startsWith('done|5 / 5'))).toBe(true)
    await poll(() => page.locator('[data-test=report-table]').textContent()).toContain('头营镇')
    await poll(() => page.locator('[data-test=file-events]').textContent()).toContain('所有文件都已读入')
    await env.shot('e2e-02-overview')
  })

  it('a township file dropped on the overview does not replace the app page', async () => {
    const { page } = env
    const before = page.url()
    const notPrevented = await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { body: { dispatchEvent(e: unknown): boolean } }
        DataTransfer: new () => { items: { add(f: unknown): void } }
        DragEvent: new (t: string, o: object) => unknown
        File: new (parts: string[], name: string, o: object) => unknown
      }
      const dt = new g.DataTransfer()
      dt.items.add(new g.File(['<html><body>年报</body></html>'], '头营镇2023年报.html', { type: 'text/html' }))
      const over = g.document.body.dispatchEvent(new g.DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }))
      const drop = g.document.body.dispatchEvent(new g.DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }))
      return [over, drop]
    })
    // false: the page cancelled the browser's default (opening the file in place of the app)
    expect(notPrevented).toEqual([false, false])
    await poll(() => page.locator('.toast').last().textContent()).toContain('浏览器中无法导入拖入的文件夹')
    expect(page.url()).toBe(before)
    await poll(() => page.locator('[data-test=report-row]').count()).toBe(5)
  })

  it('sorts by a clicked header and filters by text and review status', async () => {
    const { page } = env
    const rows = page.locator('[data-test=report-row]')
    await page.click('[data-test=sort-warnings]')
    const warnings = (await rows.locator('td.n-warning').allTextContents()).map(Number)
    expect(warnings).toEqual([...warnings].sort((a, b) => b - a))
    await page.click('[data-test=sort-warnings]')
    const asc = (await rows.locator('td.n-warning').allTextContents()).map(Number)
    expect(asc).toEqual([...asc].sort((a, b) => a - b))
    await page.fill('[data-test=report-filter]', '头营')
    await poll(() => rows.count()).toBe(1)
    await page.fill('[data-test=report-filter]', '')
    await page.selectOption('[data-test=status-filter]', '已通过')
    await poll(() => rows.count()).toBe(0)
    await page.selectOption('[data-test=status-filter]', '')
    await page.click('[data-test=sort-township]')
    await poll(() => rows.count()).toBe(5)
  })

  it('saves the batch settings (year, deadline, roster, reviewer) and re-checks', async () => {
    const { page, service } = env
    const batchId = (await service.listBatches())[0]!.id
    await page.fill('[data-test=set-year]', '2023')
    await page.fill('[data-test=set-deadline]', '2024-01-31')
    await page.fill('[data-test=set-roster]', '头营镇\n平安镇\n裴城镇\n官前乡\n王官集镇\n彭堡镇')
    await page.fill('[data-test=set-reviewer]', '李审核')
    await page.click('[data-test=save-settings]')
    await poll(() => page.locator('.who .reviewer').textContent()).toContain('李审核')
    const saved = await service.getBatch(batchId)
    expect(saved.settings).toMatchObject({ year: 2023, deadline: '2024-01-31', roster: ['头营镇', '平安镇', '裴城镇', '官前乡', '王官集镇', '彭堡镇'] })
    expect((await service.appInfo()).reviewer).toBe('李审核')
    await env.shot('e2e-02b-settings')
  })

  it('exports: the summary (.xlsx) is offered as a download through /api/download', async () => {
    const { page } = env
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-test=export-summary]')])
    expect(dl.suggestedFilename()).toMatch(/\.xlsx$/)
    expect(dl.url()).toContain('/api/download?token=')
    await dl.delete()
  })

  it('seed 003: the five blank 行政复议 cells of table 四 are highlighted on both sides', async () => {
    const { page, service } = env
    const batch = await service.getBatch((await service.listBatches())[0]!.id)
    reportId = batch.reports.find((r) => r.township === '头营镇')!.id
    detail = await service.getReport(reportId)
    await page.locator(`[data-test=report-row][data-report="${reportId}"]`).click()
    await poll(() => page.locator('[data-test=report-title]').textContent()).toBe('头营镇')
    await page.locator('[data-test=table-T4]').waitFor()

    const cites = (col: string): FindingDto[] =>
      detail.findings.filter((f) => f.state === 'open' && f.evidence.some((e) => e.kind === 'cell' && e.table === 'T4' && e.col === col))
    for (const col of REVIEW_COLS) {
      const fs = cites(col)
      expect(fs.length, `a finding cites T4 ${col}`).toBeGreaterThan(0)
      const sev = fs.map((f) => f.severity).sort((a, b) => RANK[b] - RANK[a])[0]!
      // right: the parsed T4 cell, blank and coloured by its most severe finding
      const cell = page.locator(`[data-test=table-T4] [data-cell="T4|counts|${col}"]`)
      await poll(() => cell.getAttribute('class')).toMatch(new RegExp(`\\bev\\b.*\\bsev-${sev}\\b|\\bsev-${sev}\\b.*\\bev\\b`))
      await poll(() => cell.getAttribute('class')).toMatch(/st-blank/)
      expect((await cell.textContent())?.trim()).toBe('')
      expect(await cell.getAttribute('title')).toContain(fs[0]!.message)
      // left: the span of the blank cell in the original text is marked
      const span = detail.cells.find((c) => c.table === 'T4' && c.col === col)!.span!
      // a blank cell is a zero-width span: an empty marked box at its place in the text
      const mark = page.locator(`[data-test=original-text] mark.ev${span.end === span.start ? '.point' : ''}[data-o="${span.start}"]`)
      await poll(() => mark.count()).toBe(1)
      await poll(() => mark.getAttribute('class')).toMatch(new RegExp(`sev-${sev}`))
      expect(await mark.getAttribute('data-fids')).toContain(String(fs[0]!.id))
    }
    // hovering a highlighted cell shows the rule's message
    await page.locator(`[data-cell="T4|counts|review_total"]`).hover()
    await env.shot('e2e-03-review-003')
  })

  it('J/K step through the findings and both panes scroll to the evidence; C confirms, Ctrl+Z undoes', async () => {
    const { page, service } = env
    await page.locator('[data-test=findings-list]').click({ position: { x: 5, y: 5 } })
    const first = await selectedId()
    await page.keyboard.press('j')
    const second = await selectedId()
    expect(second).not.toBe(first)
    await page.keyboard.press('k')
    expect(await selectedId()).toBe(first)
    await page.keyboard.press('ArrowDown')
    expect(await selectedId()).toBe(second)
    await page.keyboard.press('ArrowUp')

    // walk with J to the first finding that cites the blank 行政复议 cells
    const target = detail.findings.find((f) => f.evidence.some((e) => e.kind === 'cell' && e.table === 'T4' && e.col === 'review_upheld'))!
    const parsed = page.locator('[data-test=parsed-pane]')
    // start from the top of both panes
    for (const pane of ['[data-test=parsed-pane]', '[data-test=original-text]'])
      await page.locator(pane).evaluate((el) => {
        ;(el as unknown as El).scrollTop = 0
      })
    const before = await parsed.evaluate((el) => (el as unknown as El).scrollTop)
    expect(before).toBe(0)
    for (let i = 0; i < detail.findings.length && (await selectedId()) !== target.id; i++) await page.keyboard.press('j')
    expect(await selectedId()).toBe(target.id)
    await poll(() => parsed.evaluate((el) => (el as unknown as El).scrollTop)).toBeGreaterThan(before)
    expect(await inView('[data-test=parsed-pane]', '[data-cell="T4|counts|review_upheld"]')).toBe(true)
    const span = detail.cells.find((c) => c.table === 'T4' && c.col === 'review_upheld')!.span!
    expect(await inView('[data-test=original-text]', `mark[data-o="${span.start}"]`)).toBe(true)
    expect(await inView('[data-test=findings-list]', `[data-finding="${target.id}"]`)).toBe(true)
    await poll(() => page.locator(`[data-cell="T4|counts|review_upheld"]`).getAttribute('class')).toMatch(/\bsel\b/)
    await env.shot('e2e-04-keyboard-t4')

    const confirmed = page.locator('[data-test=count-confirmed]')
    const n0 = Number(await confirmed.textContent())
    await page.keyboard.press('c')
    await poll(() => confirmed.textContent()).toBe(String(n0 + 1))
    await poll(() => page.locator(`[data-finding="${target.id}"] [data-test=decision]`).textContent()).toBe('已确认')
    expect((await service.getReport(reportId)).findings.find((f) => f.id === target.id)?.decision).toBe('confirmed')
    await env.shot('e2e-05-confirmed')

    await page.keyboard.press('Control+z')
    await poll(() => confirmed.textContent()).toBe(String(n0))
    await poll(() => page.locator(`[data-finding="${target.id}"] [data-test=decision]`).count()).toBe(0)
    expect((await service.getReport(reportId)).findings.find((f) => f.id === target.id)?.decision).toBeNull()

    // D dismisses; the overview's counts follow
    await page.keyboard.press('d')
    await poll(() => page.locator(`[data-finding="${target.id}"] [data-test=decision]`).textContent()).toBe('已排除')
    await page.keyboard.press('Control+z')
    await poll(() => page.locator(`[data-finding="${target.id}"] [data-test=decision]`).count()).toBe(0)

    // Ctrl+→ opens the next report of the overview
    await page.keyboard.press('Control+ArrowRight')
    await poll(() => page.locator('[data-test=report-title]').textContent()).not.toBe('头营镇')
    await page.locator('[data-test=table-T3]').waitFor()
    await env.shot('e2e-06-next-report')
  })

  it('a Word original: the blank 行政复议 cells of seed 003 are highlighted in the document and the parsed table', async () => {
    const { page, service } = env
    const folder = join(env.dir, 'pdf-folder')
    mkdirSync(folder, { recursive: true })
    for (const f of ['003_ba49bbb087adff7b.pdf', '003_ba49bbb087adff7b.docx']) copyFileSync(join(ROOT, 'test', 'fixtures', 'seeds', f), join(folder, f))
    await page.click('.brand')
    await page.fill('[data-test=folder-path]', folder)
    await page.click('[data-test=open-folder]')
    await poll(() => page.locator('[data-test=report-row]').count(), 30_000).toBe(2)
    const b = await service.getBatch((await service.listBatches()).find((x) => x.root.endsWith('pdf-folder'))!.id)
    const docx = await service.getReport(b.reports.find((r) => r.kind === 'docx')!.id)
    await page.locator(`[data-test=report-row][data-report="${docx.id}"]`).click()
    await page.locator('[data-test=original-html]').waitFor()
    for (const col of REVIEW_COLS) {
      const span = docx.cells.find((c) => c.table === 'T4' && c.col === col)!.span!
      const td = page.locator(`[data-test=original-html] td[data-s="${span.start}"][data-e="${span.end}"]`)
      await poll(() => td.getAttribute('class')).toMatch(/\bev\b.*\bblank\b/)
      await poll(() => page.locator(`[data-test=table-T4] [data-cell="T4|counts|${col}"]`).getAttribute('class')).toMatch(/\bev\b/)
    }
    await page.locator(`[data-test=finding][data-rule="TBL-BLANK"]`).click()
    expect(await inView('[data-test=original-html]', `td.ev.blank`)).toBe(true)
    await env.shot('e2e-07-word-003')
  })

  it('a PDF original: the first page renders and a table-四 finding is drawn as a rectangle on its page', async () => {
    const { page, service } = env
    const b = await service.getBatch((await service.listBatches()).find((x) => x.root.endsWith('pdf-folder'))!.id)
    const pdf = await service.getReport(b.reports.find((r) => r.kind === 'pdf')!.id)
    await page.click('[data-test=crumb-batch]')
    await page.locator(`[data-test=report-row][data-report="${pdf.id}"]`).click()

    const first = page.locator('[data-test=pdf-pages] .page[data-page="1"]')
    await poll(() => first.getAttribute('data-rendered'), 30_000).toBe('1')
    expect(await first.locator('canvas').evaluate(countInk)).toBeGreaterThan(300)
    await env.shot('e2e-08-pdf')

    const t4 = pdf.findings.find((f) => f.state === 'open' && f.evidence.some((e) => e.kind === 'cell' && e.table === 'T4'))!
    expect(t4, 'a finding cites a table-四 cell').toBeTruthy()
    await page.locator(`[data-test=finding][data-finding="${t4.id}"]`).click()
    const box = page.locator(`.pdf-box[data-fids~="${t4.id}"]`).first()
    await box.waitFor({ state: 'visible' })
    const pageEl = box.locator('xpath=ancestor::div[contains(@class,"page")][@data-page]')
    await poll(() => pageEl.getAttribute('data-rendered'), 30_000).toBe('1')
    expect(await pageEl.locator('canvas').evaluate(countInk)).toBeGreaterThan(300)
    const [bb, pb] = [await box.boundingBox(), await pageEl.boundingBox()]
    expect(bb && pb && bb.x >= pb.x && bb.y >= pb.y && bb.x + bb.width <= pb.x + pb.width && bb.y + bb.height <= pb.y + pb.height).toBe(true)
    expect(await inView('[data-test=pdf-pages]', `.pdf-box[data-fids~="${t4.id}"]`)).toBe(true)
    await poll(() => box.getAttribute('class')).toMatch(new RegExp(`sev-${t4.severity}`))
    // the same cells are highlighted on the parsed side
    await page.locator('[data-test=table-T4] td.ev').first().waitFor({ state: 'visible' })
    await env.shot('e2e-09-pdf-t4')

    // zoom and page navigation
    const zoom = page.locator('[data-test=zoom-level]')
    const z0 = await zoom.textContent()
    await page.click('[data-test=zoom-in]')
    await poll(() => zoom.textContent()).not.toBe(z0 ?? '')
    await page.fill('[data-test=page-input]', '3')
    await page.press('[data-test=page-input]', 'Enter')
    await poll(() => page.locator('[data-test=pdf-pages] .page[data-page="3"]').getAttribute('data-rendered'), 30_000).toBe('1')
  })
  it('a scanned PDF: recognised on import, shown as the page image with the finding drawn on it', async () => {
    const { page, service } = env
    const folder = join(env.dir, 'scan-folder')
    mkdirSync(folder, { recursive: true })
    copyFileSync(join(ROOT, 'test', 'fixtures', 'scans', '003_ba49bbb087adff7b.scan.pdf'), join(folder, '头营镇-扫描件.pdf'))
    await page.click('.brand')
    await page.fill('[data-test=folder-path]', folder)
    await page.click('[data-test=open-folder]')
    await poll(() => page.locator('[data-test=report-row]').count(), 120_000).toBe(1)
    const b = await service.getBatch((await service.listBatches()).find((x) => x.root.endsWith('scan-folder'))!.id)
    const scan = await service.getReport(b.reports[0]!.id)
    expect(scan).toMatchObject({ kind: 'pdf', township: '头营镇', status: 'ok' })
    await page.locator(`[data-test=report-row][data-report="${scan.id}"]`).click()
    const t4 = scan.findings.find((f) => f.state === 'open' && f.evidence.some((e) => e.kind === 'cell' && e.table === 'T4'))!
    expect(t4, 'a finding cites a table-四 cell of the scan').toBeTruthy()
    await page.locator(`[data-test=finding][data-finding="${t4.id}"]`).click()
    const box = page.locator(`.pdf-box[data-fids~="${t4.id}"]`).first()
    await box.waitFor({ state: 'visible', timeout: 30_000 })
    const pageEl = box.locator('xpath=ancestor::div[contains(@class,"page")][@data-page]')
    await poll(() => pageEl.getAttribute('data-rendered'), 30_000).toBe('1')
    expect(await pageEl.locator('canvas').evaluate(countInk)).toBeGreaterThan(300)
    await env.shot('e2e-10-scan')
  }, 180_000)
})
