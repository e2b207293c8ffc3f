// Electron main process: a thin shell around the same ReviewService the browser mode serves.
// Sandboxed renderer, no Node in the page, one allow-listed IPC channel, no navigation or new windows.
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron'
import { join } from 'node:path'
import { openDb } from '../engine/db/open.ts'
import { setReadWorkerPath } from '../engine/ingest/readerPool.ts'
import { sharedPool } from '../engine/ocr/pool.ts'
import { isApiMethod } from '../shared/api.ts'
import { CSP } from '../server/http.ts'
import { ReviewService } from '../server/service.ts'

let win: BrowserWindow | null = null

function isOwnPage(url: string): boolean {
  return url.startsWith('file://') || (!!process.env.ELECTRON_RENDERER_URL && url.startsWith(process.env.ELECTRON_RENDERER_URL))
}

async function start(): Promise<void> {
  setReadWorkerPath(join(__dirname, 'readWorker.cjs'))
  const { db, notices } = openDb(join(app.getPath('userData'), 'review.db'))
  const service = new ReviewService(db, { mode: 'electron', sampleFolder: join(app.getAppPath(), 'resources', 'sample'), version: app.getVersion() })

  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false))
  // No remote content: only the app's own files (and the dev server in development).
  session.defaultSession.webRequest.onBeforeRequest((details, cb) => {
    const ok = isOwnPage(details.url) || details.url.startsWith('devtools://') || details.url.startsWith('blob:') || details.url.startsWith('data:')
    cb({ cancel: !ok })
  })

  ipcMain.handle('api', async (e, method: unknown, args: unknown) => {
    if (!e.senderFrame || !isOwnPage(e.senderFrame.url)) throw new Error('拒绝：来源不是本程序页面')
    if (!isApiMethod(method) || !Array.isArray(args)) throw new Error('未知的接口')
    const fn = service[method] as (...a: unknown[]) => Promise<unknown>
    return fn.apply(service, args)
  })
  ipcMain.handle('pick-folder', async () => {
    const r = await dialog.showOpenDialog({ title: '选择年报文件夹', properties: ['openDirectory'] })
    return r.canceled ? null : (r.filePaths[0] ?? null)
  })
  ipcMain.handle('original', (_e, versionId: unknown) => (typeof versionId === 'number' ? service.original(versionId) : null))
  service.onEvent((event, payload) => win?.webContents.send('api-event', event, payload))

  win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1100,
    minHeight: 640,
    title: '年报审核',
    webPreferences: { preload: join(__dirname, '../preload/index.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true }
  })
  win.webContents.on('will-navigate', (ev, url) => {
    if (!isOwnPage(url)) ev.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  if (process.env.ELECTRON_RENDERER_URL) await win.loadURL(process.env.ELECTRON_RENDERER_URL)
  else await win.loadFile(join(__dirname, '../renderer/index.html'))
  for (const n of notices) void dialog.showMessageBox(win, { type: 'warning', message: n })
  app.on('before-quit', () => {
    void sharedPool().terminate({ close: true })
    db.close()
  })
}

app.whenReady().then(start, (e: unknown) => {
  dialog.showErrorBox('年报审核无法启动', e instanceof Error ? e.message : String(e))
  app.quit()
})
app.on('window-all-closed', () => app.quit())
