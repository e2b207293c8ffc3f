// UI timing (measured, not asserted): from clicking a report in the overview to both panes drawn,
// for a text report and a Word report, and to the first PDF page on its canvas. Real engine,
// real Chromium at 1366×768, the same set-up as the end-to-end tests.
// Run: ./node_modules/.bin/node scripts/bench-ui.ts [runs]
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, startUi } from '../test/e2e/env.ts'

const RUNS = Math.max(2, Number(process.argv[2] ?? 5))
const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds')
const CASES = [
  { name: '文本 .txt（头营镇）', src: join(ROOT, 'resources', 'sample', '003_ba49bbb087adff7b.txt'), ready: ['[data-test=original-text] mark', '[data-test=table-T4] td.cell'] },
  { name: 'Word .docx（平安镇）', src: join(SEEDS, '002_3439ace2b5349fdf.docx'), ready: ['[data-test=original-html] [data-s]', '[data-test=table-T4] td.cell'] },
  { name: 'PDF 第一页（头营镇）', src: join(SEEDS, '003_ba49bbb087adff7b.pdf'), ready: ['[data-test=pdf-pages] .page[data-page="1"][data-rendered="1"]', '[data-test=table-T4] td.cell'] }
]

interface PageDoc {
  querySelector(s: string): { click(): void } | null
}

const env = await startUi()
try {
  const folder = join(env.dir, 'bench')
  mkdirSync(folder, { recursive: true })
  for (const c of CASES) copyFileSync(c.src, join(folder, c.src.split('/').pop() as string))
  const { page, service } = env
  await page.goto(env.srv.url)
  await page.fill('[data-test=folder-path]', folder)
  const t0 = Date.now()
  await page.click('[data-test=open-folder]')
  await page.waitForFunction((n) => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('[data-test=report-row]').length === n, CASES.length, { timeout: 60_000 })
  const importMs = Date.now() - t0
  const batch = await service.getBatch((await service.listBatches())[0]!.id)

  const rows: string[] = []
  for (const c of CASES) {
    const file = c.src.split('/').pop() as string
    const id = batch.reports.find((r) => r.file === file)!.id
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      await page.click('[data-test=crumb-batch]')
      await page.locator(`[data-test=report-row][data-report="${id}"]`).waitFor()
      const ms = await page.evaluate(
        async ([rowSel, ready]) => {
          const g = globalThis as unknown as { document: PageDoc; performance: { now(): number }; requestAnimationFrame(cb: () => void): void }
          const start = g.performance.now()
          g.document.querySelector(rowSel as string)!.click()
          await new Promise<void>((resolve) => {
            const tick = (): void => ((ready as string[]).every((s) => g.document.querySelector(s)) ? resolve() : g.requestAnimationFrame(tick))
            tick()
          })
          // one more frame so the result is painted, not just in the DOM
          await new Promise<void>((r) => g.requestAnimationFrame(() => r()))
          return g.performance.now() - start
        },
        [`[data-test=report-row][data-report="${id}"]`, c.ready] as const
      )
      times.push(ms)
    }
    const warm = times.slice(1).sort((a, b) => a - b)
    const median = warm[Math.floor(warm.length / 2)] as number
    rows.push(`首次 ${times[0]!.toFixed(0).padStart(5)} ms  之后中位数 ${median.toFixed(0).padStart(5)} ms  ${c.name}（${RUNS} 次：${times.map((t) => t.toFixed(0)).join(' / ')}）`)
  }
  console.log(`界面计时（Chromium 1366×768，真实引擎；点击年报 → 两侧窗格绘制完成）`)
  console.log(`导入 ${CASES.length} 个文件并检查（经界面）：${importMs} ms`)
  for (const r of rows) console.log(r)
} finally {
  await env.close()
}
