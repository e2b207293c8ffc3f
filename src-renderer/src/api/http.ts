// Browser-mode transport: POST /api/call/<method> with the JSON argument array and the X-Token header;
// events arrive over Server-Sent Events from /api/events.
import { API_METHODS, type ApiMethod, type ReviewApi } from '../../../src-main/shared/api.ts'
import { ApiError, EventHub, trimArgs, type ApiClient } from './client.ts'

interface Envelope {
  ok: boolean
  result?: unknown
  error?: string
}

export function createHttpClient(token: string, base = ''): ApiClient {
  const hub = new EventHub()
  let source: EventSource | null = null
  let opened: Promise<void> | null = null

  async function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
    let res: Response
    try {
      res = await fetch(`${base}/api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Token': token },
        body: JSON.stringify(trimArgs(args))
      })
    } catch {
      throw new ApiError('无法连接到审核程序：请确认启动它的命令行窗口仍在运行。', 0)
    }
    if (res.status === 401) throw new ApiError('访问令牌无效或已过期：请使用启动时显示的完整网址重新打开。', 401)
    let body: Envelope
    try {
      body = (await res.json()) as Envelope
    } catch {
      throw new ApiError(`审核程序返回了无法识别的内容（HTTP ${res.status}）`, res.status)
    }
    if (!body.ok) throw new ApiError(body.error ?? '未知错误', res.status)
    return body.result
  }

  const api = Object.fromEntries(API_METHODS.map((m) => [m, (...args: unknown[]) => call(m, args)])) as unknown as ReviewApi

  function ensureSource(): void {
    if (source) return
    const es = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`)
    source = es
    opened = new Promise<void>((resolve) => {
      if (es.readyState === EventSource.OPEN) resolve()
      es.addEventListener('open', () => resolve(), { once: true })
    })
    for (const name of ['progress', 'task'] as const) {
      source.addEventListener(name, (e) => {
        try {
          hub.emit(name, JSON.parse((e as MessageEvent<string>).data))
        } catch {
          // a malformed event is ignored; the next one carries the full state
        }
      })
    }
  }

  return {
    api,
    transport: 'http',
    async eventsReady(timeoutMs = 3000) {
      ensureSource()
      await Promise.race([opened, new Promise<void>((r) => setTimeout(r, timeoutMs))])
    },
    on(event, cb) {
      ensureSource()
      return hub.on(event, cb)
    },
    async original(versionId) {
      const res = await fetch(`${base}/api/original/${versionId}?token=${encodeURIComponent(token)}`)
      if (res.status === 404) return null
      if (!res.ok) throw new ApiError(`读取原件失败（HTTP ${res.status}）`, res.status)
      return new Uint8Array(await res.arrayBuffer())
    },
    downloadUrl(file) {
      return `${base}/api/download?token=${encodeURIComponent(token)}&file=${encodeURIComponent(file)}`
    },
    pickFolder: null,
    pathForFile: null,
    close() {
      source?.close()
      source = null
      opened = null
    }
  }
}
