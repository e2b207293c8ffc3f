// Desktop transport: the preload's window.xxgk bridge (Electron IPC).
import type { ApiEvents, DesktopBridge, ReviewApi } from '../../../src-main/shared/api.ts'
import { API_METHODS } from '../../../src-main/shared/api.ts'
import { ApiError, EventHub, trimArgs, type ApiClient } from './client.ts'

export function createIpcClient(bridge: DesktopBridge): ApiClient {
  const hub = new EventHub()
  let off: (() => void) | null = null
  const invoke = bridge.invoke as (method: string, ...args: unknown[]) => Promise<unknown>

  const api = Object.fromEntries(
    API_METHODS.map((m) => [
      m,
      async (...args: unknown[]) => {
        try {
          return await invoke(m, ...trimArgs(args))
        } catch (e) {
          // Electron prefixes remote errors with "Error invoking remote method 'api': Error: "
          const msg = e instanceof Error ? e.message.replace(/^Error invoking remote method '[^']*': (Error: )?/, '') : String(e)
          throw new ApiError(msg)
        }
      }
    ])
  ) as unknown as ReviewApi

  return {
    api,
    transport: 'ipc',
    eventsReady: async () => undefined,
    on(event, cb) {
      if (!off) off = bridge.onEvent(<K extends keyof ApiEvents>(name: K, payload: ApiEvents[K]) => hub.emit(name, payload))
      return hub.on(event, cb)
    },
    original: (versionId) => bridge.original(versionId),
    downloadUrl: () => null,
    pickFolder: () => bridge.pickFolder(),
    pathForFile: (file) => bridge.pathForFile(file),
    close() {
      off?.()
      off = null
    }
  }
}
