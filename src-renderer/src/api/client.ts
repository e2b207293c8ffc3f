// The renderer's one door to the engine: the ReviewApi contract over either transport
// (Electron IPC through the preload bridge, or HTTP on 127.0.0.1 in browser mode), plus events.
import type { ApiEvents, ReviewApi } from '../../../src-main/shared/api.ts'

export type EventName = keyof ApiEvents
export type EventHandler<K extends EventName> = (payload: ApiEvents[K]) => void

export interface ApiClient {
  readonly api: ReviewApi
  readonly transport: 'ipc' | 'http'
  /** Resolves once events can be received (so that a task's events are not missed). */
  eventsReady(timeoutMs?: number): Promise<void>
  /** Subscribe to engine events; returns the unsubscribe function. */
  on<K extends EventName>(event: K, cb: EventHandler<K>): () => void
  /** The stored original of a PDF version. */
  original(versionId: number): Promise<Uint8Array | null>
  /** A URL the browser can download an exported file from (browser mode only). */
  downloadUrl(file: string): string | null
  /** Native folder picker (desktop only). */
  readonly pickFolder: (() => Promise<string | null>) | null
  /** Path of a dropped file or folder (desktop only). */
  readonly pathForFile: ((file: File) => string) | null
  close(): void
}

/** An error reported by the engine, with its message meant for the reviewer. */
export class ApiError extends Error {
  readonly status: number
  constructor(message: string, status = 200) {
    super(message)
    this.name = 'ApiError'
    this.status = status
  }
}

/** Small fan-out of engine events to subscribers, shared by both transports. */
export class EventHub {
  private readonly handlers = new Map<EventName, Set<(p: unknown) => void>>()
  on<K extends EventName>(event: K, cb: EventHandler<K>): () => void {
    let set = this.handlers.get(event)
    if (!set) {
      set = new Set()
      this.handlers.set(event, set)
    }
    const h = cb as (p: unknown) => void
    set.add(h)
    return () => set.delete(h)
  }
  emit(event: string, payload: unknown): void {
    const set = this.handlers.get(event as EventName)
    if (!set) return
    for (const h of [...set]) {
      try {
        h(payload)
      } catch (e) {
        console.error('事件处理出错', e)
      }
    }
  }
  get size(): number {
    let n = 0
    for (const s of this.handlers.values()) n += s.size
    return n
  }
}

/** Drops trailing undefined arguments so that JSON never turns an omitted optional argument into null. */
export function trimArgs(args: unknown[]): unknown[] {
  let n = args.length
  while (n > 0 && args[n - 1] === undefined) n--
  return args.slice(0, n)
}
