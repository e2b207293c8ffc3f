// The same folder imported through the UI (browser mode, headless Chromium, real engine over the
// HTTP API) and through the command line (npm run review), each on a fresh database: the UI import
// must cost no more than the CLI's. Figures are printed, never asserted.
// Run: ./node_modules/.bin/node scripts/bench-import-ui-cli.ts [files]
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ROOT, startUi } from '../test/e2e/env.ts'

const N = Math.max(5, Number(process.argv[2] ?? process.env.BENCH_IMPORT_N ?? 60))
const NAMES = ['裴城镇', '官前乡', '平安镇', '头营镇', '王官集镇']
const town = (i: number): string => `${'东西南北中'[i % 5]}${'山河湖林田'[Math.floor(i / 5) % 5]}${i}镇`

const env = await startUi()
try {
  // a mixed folder: text reports under distinct township names, Word and PDF originals
  const folder = join(env.dir, 'import-bench')
  mkdirSync(folder, { recursive: true })
  const sample = join(ROOT, 'resources', 'sample')
  const seeds = readdirSync(sample).filter((f) => f.endsWith('.txt')).sort()
  const fx = join(ROOT, 'test', 'fixtures', 'seeds')
  const docx = readdirSync(fx).filter((f) => f.endsWith('.docx')).sort()
  const pdf = readdirSync(fx).filter((f) => f.endsWith('.pdf')).sort()
  for (let i = 0; i < N; i++) {
    const slot = i % 10
    if (slot < 6) {
      const k = i % seeds.length
      const t = readFileSync(join(sample, seeds[k] as string), 'utf8')
      writeFileSync(join(folder, `${String(i).padStart(4, '0')}.txt`), t.split(NAMES[k] as string).join(town(i)))
    } else if (slot < 8) copyFileSync(join(fx, docx[i % docx.length] as string), join(folder, `${String(i).padStart(4, '0')}.docx`))
    else copyFileSync(join(fx, pdf[i % pdf.length] as string), join(folder, `${String(i).padStart(4, '0')}.pdf`))
  }
  // BENCH_IMPORT_SCAN=1 adds a scanned report (OCR); each side has its own OCR cache (beside its database)
  const scan = process.env.BENCH_IMPORT_SCAN === '1'
  if (scan) copyFileSync(join(ROOT, 'test', 'fixtures', 'scans', '003_ba49bbb087adff7b.scan.pdf'), join(folder, 'scan.pdf'))

  // UI: from the click on 打开 to the overview listing every report (import, checks, overview drawn)
  const { page } = env
  await page.goto(env.srv.url)
  await page.fill('[data-test=folder-path]', folder)
  const t0 = performance.now()
  await page.click('[data-test=open-folder]')
  await page.locator('[data-test=report-table]').waitFor({ timeout: 600_000 })
  await page.waitForFunction(
    () => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } }).document
      return !d.querySelector('[data-test=import-progress][data-state=running]') && !d.querySelector('[data-test=import-progress][data-state=starting]')
    },
    undefined,
    { timeout: 600_000, polling: 100 }
  )
  const uiMs = performance.now() - t0
  const reports = (await env.service.getBatch((await env.service.listBatches())[0]!.id)).reports.length

  // CLI: a new process on a new database, as a reviewer would run it
  mkdirSync(join(env.dir, 'cli'), { recursive: true })
  const db = join(env.dir, 'cli', 'cli.db')
  const t1 = performance.now()
  const r = spawnSync(process.execPath, [join(ROOT, 'src-main', 'cli', 'review.ts'), folder, '--db', db], { encoding: 'utf8', cwd: ROOT, timeout: 600_000 })
  const cliMs = performance.now() - t1
  if (r.status !== 0) throw new Error(`命令行导入失败：${r.stderr}`)
  const done = /完成：.*$/m.exec(r.stdout)?.[0] ?? ''

  console.log(`同一文件夹 ${N + (scan ? 1 : 0)} 个文件（文本 / Word / PDF${scan ? ' / 扫描件' : ''}），各用新数据库和新的 OCR 缓存：`)
  console.log(`  经界面（浏览器模式，点击打开 → 概览列出 ${reports} 份）：${(uiMs / 1000).toFixed(1)} 秒`)
  console.log(`  命令行（npm run review，含进程启动）：${(cliMs / 1000).toFixed(1)} 秒  ${done}`)
  console.log(`  界面 / 命令行 = ${(uiMs / cliMs).toFixed(2)}`)
} finally {
  await env.close()
}
