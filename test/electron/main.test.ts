// main.ts wired to a stand-in electron module: the real start-up runs (database, service) and the
// test reads what the shell handed to Electron — the window options, the page it loads, the
// navigation/new-window/IPC handlers, the single-instance lock, and the dialog on a failed start.
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../helpers/tmp.ts'

type Fn = (...a: unknown[]) => unknown

interface Fake {
  lock: boolean
  packaged: boolean
  userData: string
  privileged: unknown[]
  protocolHandlers: Map<string, Fn>
  ipc: Map<string, Fn>
  windows: { options: Record<string, unknown>; loaded: string[]; events: Map<string, Fn>; openHandler: Fn | null }[]
  errors: [string, string][]
  quit: number
  appEvents: Map<string, Fn>
  permissionRequest: Fn | null
  beforeRequest: Fn | null
}

let fake: Fake
const dirs: (() => void)[] = []

function freshFake(over: Partial<Fake> = {}): Fake {
  const t = tempDir('xxgk-electron-')
  dirs.push(t.cleanup)
  return {
    lock: true,
    packaged: true,
    userData: t.dir,
    privileged: [],
    protocolHandlers: new Map(),
    ipc: new Map(),
    windows: [],
    errors: [],
    quit: 0,
    appEvents: new Map(),
    permissionRequest: null,
    beforeRequest: null,
    ...over
  }
}

vi.mock('electron', () => {
  class BrowserWindow {
    rec: Fake['windows'][number]
    webContents: Record<string, Fn>
    constructor(options: Record<string, unknown>) {
      const rec: Fake['windows'][number] = { options, loaded: [], events: new Map(), openHandler: null }
      this.rec = rec
      fake.windows.push(rec)
      this.webContents = {
        on: (ev: unknown, l: unknown) => rec.events.set(ev as string, l as Fn),
        setWindowOpenHandler: (h: unknown) => {
          rec.openHandler = h as Fn
        },
        send: () => undefined
      }
    }
    on(): void {}
    async loadURL(url: string): Promise<void> {
      this.rec.loaded.push(url)
    }
    async loadFile(file: string): Promise<void> {
      this.rec.loaded.push(`loadFile:${file}`)
    }
  }
  const app = {
    get isPackaged() {
      return fake.packaged
    },
    requestSingleInstanceLock: () => fake.lock,
    quit: () => {
      fake.quit++
    },
    on: (ev: string, l: Fn) => fake.appEvents.set(ev, l),
    whenReady: () => Promise.resolve(),
    getPath: () => fake.userData,
    getAppPath: () => '/app',
    getVersion: () => '0.0.0-test'
  }
  const session = {
    defaultSession: {
      webRequest: {
        onHeadersReceived: () => undefined,
        onBeforeRequest: (l: Fn) => {
          fake.beforeRequest = l
        }
      },
      setPermissionRequestHandler: (h: Fn) => {
        fake.permissionRequest = h
      },
      setPermissionCheckHandler: () => undefined
    }
  }
  return {
    app,
    BrowserWindow,
    session,
    dialog: {
      showErrorBox: (t: string, m: string) => fake.errors.push([t, m]),
      showMessageBox: async () => ({ response: 0 }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] })
    },
    ipcMain: { handle: (ch: string, h: Fn) => fake.ipc.set(ch, h) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => fake.privileged.push(...s),
      handle: (scheme: string, h: Fn) => fake.protocolHandlers.set(scheme, h)
    }
  }
})

async function loadMain(over: Partial<Fake> = {}): Promise<void> {
  fake = freshFake(over)
  vi.resetModules()
  await import('../../src-main/electron/main.ts')
  // let whenReady().then(start) run to its end
  for (let i = 0; i < 50 && fake.windows.length === 0 && fake.errors.length === 0; i++) await new Promise((r) => setTimeout(r, 20))
  await new Promise((r) => setTimeout(r, 20))
}

afterEach(() => {
  fake.appEvents.get('before-quit')?.()
})
afterAll(() => {
  while (dirs.length) dirs.pop()?.()
})

describe('electron main (stand-in electron)', () => {
  it('opens one sandboxed window on app://renderer/index.html with the shell handlers in place', async () => {
    await loadMain()
    expect(fake.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })])
    expect(fake.protocolHandlers.has('app')).toBe(true)
    expect(fake.errors).toEqual([])
    expect(fake.windows).toHaveLength(1)
    const w = fake.windows[0]!
    expect(w.loaded).toEqual(['app://renderer/index.html'])
    expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, navigateOnDragDrop: false, devTools: false })
    // a dropped township .html is not loaded; the app's own page is
    const nav = w.events.get('will-navigate')!
    let prevented = false
    nav({ url: pathToFileURL(join(tmpdir(), '头营镇.html')).href, preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
    for (const ev of ['will-frame-navigate', 'will-redirect', 'will-attach-webview']) expect(w.events.has(ev), ev).toBe(true)
    expect(w.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect([...fake.ipc.keys()].sort()).toEqual(['api', 'original', 'pick-folder'])
    await expect(Promise.resolve(fake.ipc.get('api')!({ senderFrame: { url: pathToFileURL(join(tmpdir(), '头营镇.html')).href, parent: null } }, 'listBatches', []))).rejects.toThrow(/拒绝/)
    expect(await fake.ipc.get('api')!({ senderFrame: { url: 'app://renderer/index.html#/home', parent: null } }, 'listBatches', [])).toEqual([])
    await expect(Promise.resolve(fake.ipc.get('api')!({ senderFrame: { url: 'app://renderer/index.html', parent: null } }, 'exportSummary', ['../../../../x']))).rejects.toThrow(/参数无效/)
    expect(fake.beforeRequest).not.toBeNull()
    const cancelled = vi.fn()
    fake.beforeRequest!({ url: 'file:///etc/passwd' }, cancelled)
    expect(cancelled).toHaveBeenCalledWith({ cancel: true })
    const denied = vi.fn()
    fake.permissionRequest!(null, 'media', denied)
    expect(denied).toHaveBeenCalledWith(false)
    expect(fake.appEvents.has('second-instance')).toBe(true)
  })

  it('keeps DevTools in development only', async () => {
    await loadMain({ packaged: false })
    expect((fake.windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(true)
  })

  it('a second instance quits without opening the database or a window', async () => {
    await loadMain({ lock: false })
    expect(fake.quit).toBe(1)
    expect(fake.windows).toEqual([])
    expect(fake.ipc.size).toBe(0)
  })

  it('an error inside start (data folder unusable) shows the Chinese 无法启动 dialog and quits', async () => {
    const t = tempDir()
    dirs.push(t.cleanup)
    const notAFolder = join(t.dir, 'userData')
    writeFileSync(notAFolder, 'x')
    await loadMain({ userData: notAFolder })
    expect(fake.errors).toHaveLength(1)
    expect(fake.errors[0]![0]).toBe('年报审核无法启动')
    expect(fake.errors[0]![1].length).toBeGreaterThan(0)
    expect(fake.quit).toBe(1)
    expect(fake.windows).toEqual([])
  })
})
