// Shared set-up for the browser end-to-end tests and the UI bench: builds the renderer once (only
// when a source is newer than the build), starts the REAL engine in-process on a temporary database,
// serves the built renderer in browser mode and drives it with headless Chromium (playwright-core).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { openDb, type Db } from '../../src-main/engine/db/open.ts'
import { startBrowserServer, type BrowserServer } from '../../src-main/server/http.ts'
import { ReviewService } from '../../src-main/server/service.ts'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SAMPLE = join(ROOT, 'resources', 'sample')
export const RENDERER = join(ROOT, 'out', 'renderer')
export const SHOTS = join(ROOT, 'test-output')

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic'
]

function newest(dir: string, skip: (p: string) => boolean): number {
  let t = 0
  if (!existsSync(dir)) return t
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (skip(p)) continue
    t = Math.max(t, e.isDirectory() ? newest(p, skip) : statSync(p).mtimeMs)
  }
  return t
}

function builtAt(): number {
  const f = join(RENDERER, 'index.html')
  return existsSync(f) ? statSync(f).mtimeMs : 0
}

function isFresh(): boolean {
  const skip = (p: string): boolean => p.includes(`${join('src-renderer', 'public', 'pdfjs')}`) || p.endsWith('node_modules')
  const src = Math.max(newest(join(ROOT, 'src-renderer'), skip), newest(join(ROOT, 'src-main', 'shared'), skip))
  return builtAt() > src
}

function run(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 240_000 })
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` }
}

/** Builds out/renderer with electron-vite unless it is newer than every renderer and contract source. */
export async function buildRenderer(): Promise<'fresh' | 'built' | 'built-renderer-only'> {
  const lock = join(ROOT, 'out', '.e2e-build.lock')
  mkdirSync(join(ROOT, 'out'), { recursive: true })
  for (let i = 0; ; i++) {
    if (isFresh()) return 'fresh'
    try {
      mkdirSync(lock)
      break
    } catch {
      // another test process is building: wait for it (a stale lock is taken over after 4 min)
      if (i > 480) rmSync(lock, { recursive: true, force: true })
      await new Promise((r) => setTimeout(r, 500))
    }
  }
  try {
    if (isFresh()) return 'fresh'
    const full = run([join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'])
    if (full.ok && isFresh()) return 'built'
    // The main-process bundle can fail on its own (e.g. a module being written in parallel);
    // the renderer alone is what these tests need.
    const ren = run([join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'src-renderer', 'vite.config.ts'), '--logLevel', 'warn'])
    if (!ren.ok) throw new Error(`界面构建失败：\n${full.out}\n${ren.out}`)
    console.warn(`electron-vite build failed; built the renderer alone.\n${full.out.slice(0, 2000)}`)
    return 'built-renderer-only'
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

export interface UiEnv {
  dir: string
  db: Db
  service: ReviewService
  srv: BrowserServer
  browser: Browser
  context: BrowserContext
  page: Page
  shot(name: string): Promise<string>
  close(): Promise<void>
}

export function chromePath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium'
}

/** Engine + server + browser, all fresh; the page is not opened yet. */
export async function startUi(opts: { viewport?: { width: number; height: number } } = {}): Promise<UiEnv> {
  await buildRenderer()
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-e2e-'))
  const { db } = openDb(join(dir, 'review.db'))
  const service = new ReviewService(db, { mode: 'browser', sampleFolder: SAMPLE, version: 'test', exportsDir: join(dir, 'exports') })
  const srv = await startBrowserServer(service, RENDERER)
  const browser = await chromium.launch({ executablePath: chromePath(), args: CHROME_ARGS, headless: true })
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1366, height: 768 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const page = await context.newPage()
  mkdirSync(SHOTS, { recursive: true })
  return {
    dir,
    db,
    service,
    srv,
    browser,
    context,
    page,
    async shot(name) {
      const file = join(SHOTS, `${name}.png`)
      await page.screenshot({ path: file })
      return file
    },
    async close() {
      await browser.close().catch(() => undefined)
      await srv.close()
      db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
