// Preload: exposes only the typed API (allow-listed methods) and three desktop helpers.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { isApiMethod, type DesktopBridge } from '../shared/api.ts'

const bridge: DesktopBridge = {
  invoke: ((method: string, ...args: unknown[]) => {
    if (!isApiMethod(method)) return Promise.reject(new Error('未知的接口'))
    return ipcRenderer.invoke('api', method, args)
  }) as DesktopBridge['invoke'],
  onEvent(cb) {
    const l = (_e: unknown, event: string, payload: unknown): void => (cb as (e: string, p: unknown) => void)(event, payload)
    ipcRenderer.on('api-event', l)
    return () => ipcRenderer.removeListener('api-event', l)
  },
  pickFolder: () => ipcRenderer.invoke('pick-folder') as Promise<string | null>,
  pathForFile: (file: File) => webUtils.getPathForFile(file),
  original: (versionId: number) => ipcRenderer.invoke('original', versionId) as Promise<Uint8Array | null>
}

contextBridge.exposeInMainWorld('xxgk', bridge)
