// The desktop shell's security decisions as plain functions, so they are tested without Electron:
// window options, which page may load and call the API, what may be requested, and what happens
// to navigation, new windows, permissions, a second instance and a failed start.
// Only types come from electron here; main.ts wires these into the real objects.
import { extname, resolve, sep } from 'node:path'
import type { BrowserWindowConstructorOptions, HandlerDetails, WindowOpenHandlerResponse } from 'electron'
import type { ReviewApi } from '../shared/api.ts'
import { CSP, MIME } from '../server/http.ts'
import { callApi, id } from '../server/validate.ts'

/** The built renderer is served from this privileged scheme, never from file:// (any local file would share its origin). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

export const FATAL_TITLE = '年报审核无法启动'

/** The one page the window may show: the dev server in development, else the built index. */
export function appPageUrl(devServerUrl: string | undefined): string {
  return devServerUrl ? new URL(devServerUrl).href : APP_INDEX_URL
}

/** True only for the app's own page (same scheme, host, port, path and query; the hash is the in-app route). */
export function isAppPage(url: string, appUrl: string): boolean {
  let u: URL
  let a: URL
  try {
    u = new URL(url)
    a = new URL(appUrl)
  } catch {
    return false
  }
  return u.protocol === a.protocol && u.host === a.host && u.pathname === a.pathname && u.search === a.search && !u.username && !u.password
}

export interface ShellContext {
  /** Exact URL of the app's page (appPageUrl). */
  appUrl: string
  /** Dev server URL when running `electron-vite dev`. */
  devServerUrl?: string
  packaged: boolean
}

/** What the window's session may fetch: the app's own files (or dev server), in-memory blobs and data URLs. */
export function isAllowedRequest(url: string, ctx: ShellContext): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST
  if (u.protocol === 'blob:' || u.protocol === 'data:') return true
  if (u.protocol === 'devtools:') return !ctx.packaged
  if (ctx.devServerUrl && !ctx.packaged) {
    const dev = new URL(ctx.devServerUrl)
    if ((u.protocol === 'http:' || u.protocol === 'ws:') && u.host === dev.host) return true
  }
  return false
}

/** The file an app:// request names inside the renderer folder (null when it names anything else). */
export function resolveAppFile(url: string, rendererDir: string): { file: string; headers: Record<string, string> } | null {
  let path: string
  try {
    const u = new URL(url)
    if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null
    path = decodeURIComponent(u.pathname)
  } catch {
    return null
  }
  if (path.includes('\u0000') || path.includes('\\')) return null
  if (path === '/' || path === '') path = '/index.html'
  const root = resolve(rendererDir)
  const file = resolve(root, `.${path}`)
  if (!file.startsWith(root + sep)) return null
  return {
    file,
    headers: {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache'
    }
  }
}

/** Response headers with the CSP added (dev server pages, and anything else the session loads). */
export function withCsp(headers: Record<string, string | string[]> | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() !== 'content-security-policy') out[k] = v
  out['Content-Security-Policy'] = [CSP]
  return out
}

export function windowOptions(o: { preload: string; packaged: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1100,
    minHeight: 640,
    title: '年报审核',
    webPreferences: {
      preload: o.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // a file dropped on the window must never replace the app's page
      navigateOnDragDrop: false,
      devTools: !o.packaged,
      spellcheck: false,
      safeDialogs: true
    }
  }
}

interface PreventableUrl {
  url: string
  preventDefault(): void
}

/** will-navigate / will-frame-navigate / will-redirect: only the app's own page may load. */
export function navigationGuard(appUrl: string): (e: PreventableUrl) => void {
  return (e) => {
    if (!isAppPage(e.url, appUrl)) e.preventDefault()
  }
}

/** New windows are never opened, and content links are never handed to the system browser. */
export function windowOpenHandler(_details: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse {
  return { action: 'deny' }
}

export function permissionRequestHandler(_wc: unknown, _permission: string, cb: (granted: boolean) => void): void {
  cb(false)
}

export function permissionCheckHandler(): boolean {
  return false
}

/** The parts of an IPC event the sender check reads. */
export interface IpcEventLike {
  senderFrame: { url: string; parent: unknown } | null
}

/** IPC is answered only for the app's page in the window's top frame. */
export function senderIsAppPage(e: IpcEventLike, appUrl: string): boolean {
  const f = e.senderFrame
  return !!f && f.parent === null && isAppPage(f.url, appUrl)
}

export const REFUSED_SENDER = '拒绝：来源不是本程序页面'

export interface IpcDeps {
  service: ReviewApi & { original(versionId: number): Uint8Array | null }
  appUrl: string
  pickFolder(): Promise<string | null>
}

type IpcHandler = (e: IpcEventLike, ...args: unknown[]) => Promise<unknown>

/** The three IPC channels, each refusing any sender but the app's page; API arguments go through callApi's checks. */
export function ipcHandlers(deps: IpcDeps): Record<'api' | 'pick-folder' | 'original', IpcHandler> {
  const guard =
    (h: (...args: unknown[]) => Promise<unknown>): IpcHandler =>
    async (e, ...args) => {
      if (!senderIsAppPage(e, deps.appUrl)) throw new Error(REFUSED_SENDER)
      return h(...args)
    }
  return {
    api: guard((method, args) => callApi(deps.service, method, args)),
    'pick-folder': guard(() => deps.pickFolder()),
    original: guard(async (versionId) => deps.service.original(id(versionId, 'versionId')))
  }
}

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean
  quit(): void
  on(event: 'second-instance', listener: () => void): unknown
}

export interface FocusableWindow {
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
}

export function focusWindow(win: FocusableWindow | null): void {
  if (!win) return
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}

/**
 * One app per user data folder (two would share one database): a second start quits at once and
 * brings the first one's window to the front. Returns false in the second instance.
 */
export function claimSingleInstance(app: SingleInstanceApp, getWindow: () => FocusableWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', () => focusWindow(getWindow()))
  return true
}

/** Runs the start-up; any error (newer database, unmovable file, read-only folder…) ends in the Chinese dialog and a quit. */
export async function runStart(start: () => Promise<void>, showError: (title: string, message: string) => void, quit: () => void): Promise<boolean> {
  try {
    await start()
    return true
  } catch (e) {
    showError(FATAL_TITLE, e instanceof Error && e.message ? e.message : String(e))
    quit()
    return false
  }
}
