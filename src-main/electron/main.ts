// Electron main process: a thin shell around the same ReviewService the browser mode serves.
// Every decision (window options, allowed page, requests, IPC senders, single instance, a failed
// start) lives in shell.ts as a plain function with its tests; this file only wires them in.
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { openDb } from '../engine/db/open.ts'
import { setReadWorkerPath } from '../engine/ingest/readerPool.ts'
import { sharedPool } from '../engine/ocr/pool.ts'
import { ReviewService } from '../server/service.ts'
import {
  APP_SCHEME,
  appPageUrl,
  claimSingleInstance,
  ipcHandlers,
  isAllowedRequest,
  navigationGuard,
  permissionCheckHandler,
  permissionRequestHandler,
  resolveAppFile,
  runStart,
  windowOpenHandler,
  windowOptions,
  withCsp,
  type ShellContext
} from './shell.ts'

let win: BrowserWindow | null = null

// Must happen before 'ready': the renderer is served from app://renderer/, a standard secure origin of its own.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } }])

async function start(): Promise<void> {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  const ctx: ShellContext = { appUrl: appPageUrl(devServerUrl), devServerUrl, packaged: app.isPackaged }
  const rendererDir = join(__dirname, '../renderer')

  setReadWorkerPath(join(__dirname, 'readWorker.cjs'))
  const { db, notices } = openDb(join(app.getPath('userData'), 'review.db'))
  app.on('before-quit', () => {
    void sharedPool().terminate({ close: true })
    if (db.open) db.close()
  })
  const service = new ReviewService(db, { mode: 'electron', sampleFolder: join(app.getAppPath(), 'resources', 'sample'), version: app.getVersion() })

  protocol.handle(APP_SCHEME, async (req) => {
    const r = req.method === 'GET' || req.method === 'HEAD' ? resolveAppFile(req.url, rendererDir) : null
    if (!r) return new Response('未找到', { status: 404 })
    try {
      return new Response(new Uint8Array(await readFile(r.file)), { headers: r.headers })
    } catch {
      return new Response('未找到', { status: 404 })
    }
  })
  const ses = session.defaultSession
  ses.webRequest.onHeadersReceived((details, cb) => cb({ responseHeaders: withCsp(details.responseHeaders) }))
  ses.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !isAllowedRequest(details.url, ctx) }))
  ses.setPermissionRequestHandler(permissionRequestHandler)
  ses.setPermissionCheckHandler(permissionCheckHandler)

  const handlers = ipcHandlers({
    service,
    appUrl: ctx.appUrl,
    pickFolder: async () => {
      const r = await dialog.showOpenDialog({ title: '选择年报文件夹', properties: ['openDirectory'] })
      return r.canceled ? null : (r.filePaths[0] ?? null)
    }
  })
  for (const [channel, h] of Object.entries(handlers)) ipcMain.handle(channel, (e, ...args: unknown[]) => h(e, ...args))
  service.onEvent((event, payload) => win?.webContents.send('api-event', event, payload))

  win = new BrowserWindow(windowOptions({ preload: join(__dirname, '../preload/index.cjs'), packaged: app.isPackaged }))
  const guard = navigationGuard(ctx.appUrl)
  win.webContents.on('will-navigate', guard)
  win.webContents.on('will-frame-navigate', guard)
  win.webContents.on('will-redirect', guard)
  win.webContents.on('will-attach-webview', (e) => e.preventDefault())
  win.webContents.setWindowOpenHandler(windowOpenHandler)
  win.on('closed', () => {
    win = null
  })
  await win.loadURL(ctx.appUrl)
  for (const n of notices) void dialog.showMessageBox(win, { type: 'warning', message: n })
}

if (claimSingleInstance(app, () => win)) {
  app.whenReady().then(
    () => runStart(start, (title, message) => dialog.showErrorBox(title, message), () => app.quit()),
    (e: unknown) => {
      dialog.showErrorBox('年报审核无法启动', e instanceof Error ? e.message : String(e))
      app.quit()
    }
  )
  app.on('window-all-closed', () => app.quit())
}
