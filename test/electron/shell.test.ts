// The desktop shell's decisions, tested without Electron: only the app's own page loads and may call
// the API, a dropped township file cannot replace it, nothing opens outside, a second start focuses
// the first, a failed start ends in the Chinese dialog, DevTools are off in the built app.
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it, vi } from 'vitest'
import {
  APP_INDEX_URL,
  appPageUrl,
  claimSingleInstance,
  FATAL_TITLE,
  ipcHandlers,
  isAllowedRequest,
  isAppPage,
  navigationGuard,
  permissionCheckHandler,
  permissionRequestHandler,
  REFUSED_SENDER,
  resolveAppFile,
  runStart,
  senderIsAppPage,
  windowOpenHandler,
  windowOptions,
  withCsp
} from '../../src-main/electron/shell.ts'
import { CSP } from '../../src-main/server/http.ts'
import { ApiArgError } from '../../src-main/server/validate.ts'
import type { ReviewApi } from '../../src-main/shared/api.ts'
import { tempDir } from '../helpers/tmp.ts'

const APP = appPageUrl(undefined)
const DEV = appPageUrl('http://localhost:5173')
const tmp = tempDir()
afterAll(() => tmp.cleanup())

/** A township's report dropped on the window: the URL Chromium would navigate to. */
const droppedHtml = pathToFileURL(join(tmp.dir, '头营镇2023年报.html')).href

function navigate(guard: (e: { url: string; preventDefault(): void }) => void, url: string): boolean {
  let prevented = false
  guard({ url, preventDefault: () => (prevented = true) })
  return !prevented
}

describe('the app page', () => {
  it('is the built index on app://, or the dev server, exactly', () => {
    expect(APP).toBe(APP_INDEX_URL)
    expect(APP).toBe('app://renderer/index.html')
    expect(DEV).toBe('http://localhost:5173/')
  })

  it('matches only that URL (the hash is the in-app route)', () => {
    expect(isAppPage('app://renderer/index.html', APP)).toBe(true)
    expect(isAppPage('app://renderer/index.html#/batch/3', APP)).toBe(true)
    expect(isAppPage('app://renderer/other.html', APP)).toBe(false)
    expect(isAppPage('app://renderer/index.html?x=1', APP)).toBe(false)
    expect(isAppPage('app://evil/index.html', APP)).toBe(false)
    expect(isAppPage('file:///C:/app/out/renderer/index.html', APP)).toBe(false)
    expect(isAppPage(droppedHtml, APP)).toBe(false)
    expect(isAppPage('http://localhost:5173/#/report/2', DEV)).toBe(true)
    expect(isAppPage('http://localhost:5174/', DEV)).toBe(false)
    expect(isAppPage('http://user:pw@localhost:5173/', DEV)).toBe(false)
    expect(isAppPage('not a url', APP)).toBe(false)
  })
})

describe('navigation, new windows, permissions', () => {
  it('a dropped .html, a file:// page or an external link never replaces the app page', () => {
    const guard = navigationGuard(APP)
    expect(navigate(guard, droppedHtml)).toBe(false)
    expect(navigate(guard, 'file:///etc/passwd')).toBe(false)
    expect(navigate(guard, 'https://example.com/')).toBe(false)
    expect(navigate(guard, 'app://renderer/assets/x.js')).toBe(false)
    expect(navigate(guard, 'app://renderer/index.html#/home')).toBe(true)
    expect(navigate(navigationGuard(DEV), droppedHtml)).toBe(false)
  })

  it('window.open is denied for every URL and nothing is handed to the system browser', () => {
    for (const url of ['https://www.gov.cn/', 'http://x/', droppedHtml, APP, 'mailto:a@b.c']) expect(windowOpenHandler({ url })).toEqual({ action: 'deny' })
  })

  it('every permission request and check is refused', () => {
    const cb = vi.fn()
    permissionRequestHandler(null, 'media', cb)
    permissionRequestHandler(null, 'openExternal', cb)
    expect(cb.mock.calls).toEqual([[false], [false]])
    expect(permissionCheckHandler()).toBe(false)
  })
})

describe('requests and the app:// files', () => {
  const ctx = { appUrl: APP, packaged: true }
  it('the built app fetches only its own files, blobs and data URLs', () => {
    expect(isAllowedRequest('app://renderer/assets/index-1.js', ctx)).toBe(true)
    expect(isAllowedRequest('blob:app://renderer/1234', ctx)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,AA', ctx)).toBe(true)
    expect(isAllowedRequest(droppedHtml, ctx)).toBe(false)
    expect(isAllowedRequest('file:///C:/Windows/win.ini', ctx)).toBe(false)
    expect(isAllowedRequest('https://example.com/x.js', ctx)).toBe(false)
    expect(isAllowedRequest('app://other/x', ctx)).toBe(false)
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', ctx)).toBe(false)
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', ctx)).toBe(false)
  })

  it('in development the dev server and DevTools are reachable too', () => {
    const dev = { appUrl: DEV, devServerUrl: 'http://localhost:5173', packaged: false }
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true)
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', dev)).toBe(true)
    expect(isAllowedRequest('http://localhost:8080/', dev)).toBe(false)
  })

  it('serves files of the renderer folder only, each with the CSP header', () => {
    const dir = join(tmp.dir, 'renderer')
    mkdirSync(join(dir, 'assets'), { recursive: true })
    writeFileSync(join(dir, 'index.html'), '<!doctype html>')
    const index = resolveAppFile('app://renderer/index.html', dir)
    expect(index?.file).toBe(join(dir, 'index.html'))
    expect(index?.headers['Content-Security-Policy']).toBe(CSP)
    expect(index?.headers['Content-Type']).toContain('text/html')
    expect(resolveAppFile('app://renderer/', dir)?.file).toBe(join(dir, 'index.html'))
    expect(resolveAppFile('app://renderer/assets/a.js', dir)?.headers['Content-Type']).toContain('text/javascript')
    expect(resolveAppFile('app://renderer/pdfjs/openjpeg.wasm', dir)?.headers['Content-Type']).toBe('application/wasm')
    // dot segments never lead out of the folder: the URL parser folds them, decoded ones are refused
    expect(resolveAppFile('app://renderer/../../etc/passwd', dir)?.file).toBe(join(dir, 'etc', 'passwd'))
    for (const u of ['app://renderer/%2e%2e/%2e%2e/etc/passwd', 'app://renderer/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', 'app://renderer/..%5c..%5cwin.ini']) {
      const r = resolveAppFile(u, dir)
      expect(r === null || r.file.startsWith(join(dir, '/')), u).toBe(true)
    }
    expect(resolveAppFile('app://renderer/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', dir)).toBeNull()
    expect(resolveAppFile('app://renderer/a%00.html', dir)).toBeNull()
    expect(resolveAppFile('app://other/index.html', dir)).toBeNull()
    expect(resolveAppFile('file:///etc/passwd', dir)).toBeNull()
  })

  it('puts the CSP on every response, replacing one the response brought', () => {
    const h = withCsp({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] })
    expect(h).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] })
    expect(CSP).toContain("default-src 'self'")
    expect(CSP).toContain("object-src 'none'")
    expect(CSP).not.toMatch(/script-src[^;]*'unsafe-inline'/)
  })
})

describe('window options', () => {
  it('sandboxed, isolated, no Node, no drag-and-drop navigation, no webview; DevTools only in development', () => {
    const built = windowOptions({ preload: '/p/index.cjs', packaged: true })
    expect(built.webPreferences).toMatchObject({
      preload: '/p/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false
    })
    expect(windowOptions({ preload: '/p/index.cjs', packaged: false }).webPreferences?.devTools).toBe(true)
  })
})

describe('IPC', () => {
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } })

  it('answers only the app page in the top frame', () => {
    expect(senderIsAppPage(frame('app://renderer/index.html#/batch/1'), APP)).toBe(true)
    expect(senderIsAppPage(frame(droppedHtml), APP)).toBe(false)
    expect(senderIsAppPage(frame('file:///C:/app/out/renderer/index.html'), APP)).toBe(false)
    expect(senderIsAppPage(frame('app://renderer/index.html', { url: 'app://renderer/index.html' }), APP)).toBe(false)
    expect(senderIsAppPage({ senderFrame: null }, APP)).toBe(false)
  })

  it('every channel refuses another sender, and API arguments are checked before the service', async () => {
    const calls: unknown[][] = []
    const service = new Proxy(
      {},
      {
        get: (_t, name) =>
          (...args: unknown[]) => {
            calls.push([name, ...args])
            return name === 'original' ? new Uint8Array([1]) : Promise.resolve({ ok: name })
          }
      }
    ) as ReviewApi & { original(v: number): Uint8Array | null }
    const pickFolder = vi.fn(async () => join(tmpdir(), 'x'))
    const h = ipcHandlers({ service, appUrl: APP, pickFolder })
    const bad = frame(droppedHtml)
    await expect(h.api(bad, 'listBatches', [])).rejects.toThrow(REFUSED_SENDER)
    await expect(h['pick-folder'](bad)).rejects.toThrow(REFUSED_SENDER)
    await expect(h.original(bad, 1)).rejects.toThrow(REFUSED_SENDER)
    expect(calls).toEqual([])
    expect(pickFolder).not.toHaveBeenCalled()

    const good = frame('app://renderer/index.html#/home')
    expect(await h.api(good, 'listBatches', [])).toEqual({ ok: 'listBatches' })
    await expect(h.api(good, 'exportSummary', ['../../../../x'])).rejects.toThrow(ApiArgError)
    await expect(h.api(good, 'addFinding', [1, { severity: 'warning', message: 'x', evidence: 'notarray' }])).rejects.toThrow(ApiArgError)
    await expect(h.api(good, 'saveSettings', [1, { deadline: '2024-13-45' }])).rejects.toThrow(ApiArgError)
    await expect(h.api(good, 'constructor', [])).rejects.toThrow(/未知的接口/)
    await expect(h.original(good, '1')).rejects.toThrow(ApiArgError)
    expect(await h.original(good, 3)).toEqual(new Uint8Array([1]))
    expect(await h['pick-folder'](good)).toBe(join(tmpdir(), 'x'))
    expect(calls).toEqual([['listBatches'], ['original', 3]])
  })
})

describe('single instance and start-up failures', () => {
  it('a second start quits and focuses the first window; the first keeps running', () => {
    const listeners: (() => void)[] = []
    const win = { isMinimized: vi.fn(() => true), restore: vi.fn(), show: vi.fn(), focus: vi.fn() }
    const first = { requestSingleInstanceLock: () => true, quit: vi.fn(), on: (_e: 'second-instance', l: () => void) => listeners.push(l) }
    expect(claimSingleInstance(first, () => win)).toBe(true)
    expect(first.quit).not.toHaveBeenCalled()
    const second = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() }
    expect(claimSingleInstance(second, () => null)).toBe(false)
    expect(second.quit).toHaveBeenCalledOnce()
    expect(second.on).not.toHaveBeenCalled()
    // the first instance hears of the second one and comes to the front
    listeners.forEach((l) => l())
    expect(win.restore).toHaveBeenCalledOnce()
    expect(win.focus).toHaveBeenCalledOnce()
  })

  it('an error thrown inside start shows 无法启动 with its message and quits', async () => {
    const shown: [string, string][] = []
    const quit = vi.fn()
    const ok = await runStart(
      async () => {
        await Promise.resolve()
        throw new Error('数据库由更新版本的年报审核创建，请升级本程序')
      },
      (t, m) => shown.push([t, m]),
      quit
    )
    expect(ok).toBe(false)
    expect(shown).toEqual([[FATAL_TITLE, '数据库由更新版本的年报审核创建，请升级本程序']])
    expect(FATAL_TITLE).toContain('无法启动')
    expect(quit).toHaveBeenCalledOnce()
    expect(await runStart(async () => undefined, () => shown.push(['x', 'y']), quit)).toBe(true)
    expect(shown).toHaveLength(1)
  })
})
