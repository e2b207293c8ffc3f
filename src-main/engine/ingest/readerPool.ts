// Runs readDocument + parseReport in a worker thread with a per-file time limit and a heap limit.
// On a timeout or a crash the worker is replaced and the file gets a clear error.
import type { CheckPrep } from '../checks/prep.ts'
import { Worker } from 'node:worker_threads'
import type { ParsedReport, ReadResult } from '../model.ts'
import { ReadError } from './errors.ts'
import type { ReadJob, ReadReply } from './readWorker.ts'
import { readWorkerPath } from '../workerPaths.ts'

export interface ReadOutput {
  read: ReadResult
  parsed: ParsedReport | null
  prep: CheckPrep | null
}

export { readWorkerPath, setReadWorkerPath } from '../workerPaths.ts'

export interface ReaderPoolOptions {
  /** Per-file time limit in ms. */
  timeoutMs?: number
  /** Heap limit of the worker in MB. */
  maxHeapMb?: number
}

export class ReaderPool {
  private worker: Worker | null = null
  private nextId = 1
  private readonly timeoutMs: number
  private readonly maxHeapMb: number

  constructor(opts: ReaderPoolOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 60_000
    this.maxHeapMb = opts.maxHeapMb ?? 768
  }

  private spawn(): Worker {
    // Resolved lazily: the bundled desktop build sets its compiled worker path before the first import.
    const workerPath = readWorkerPath() ?? new URL('./readWorker.ts', import.meta.url)
    const w = new Worker(workerPath, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: 64 } })
    w.unref()
    return w
  }

  async read(ext: string, bytes: Uint8Array, signal?: AbortSignal): Promise<ReadOutput> {
    const w = (this.worker ??= this.spawn())
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      let settled = false
      const finish = (fn: () => void, kill: boolean): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        w.off('message', onMessage)
        w.off('error', onError)
        w.off('exit', onExit)
        signal?.removeEventListener('abort', onAbort)
        if (kill) {
          void w.terminate()
          if (this.worker === w) this.worker = null
        }
        fn()
      }
      const onMessage = (m: ReadReply): void => {
        if (m.id !== id) return
        if (m.ok) finish(() => resolve({ read: m.read, parsed: m.parsed, prep: m.prep }), false)
        else finish(() => reject(new ReadError(m.code, m.message)), false)
      }
      const onError = (e: Error): void => {
        const oom = /heap|memory|ERR_WORKER_OUT_OF_MEMORY/i.test(`${e.message} ${(e as { code?: string }).code ?? ''}`)
        finish(() => reject(new ReadError(oom ? 'memory' : 'crash', oom ? `读取时内存超限（上限 ${this.maxHeapMb} MB），文件可能过大或已损坏` : `读取时出错：${e.message}`)), true)
      }
      const onExit = (): void => finish(() => reject(new ReadError('crash', '读取进程意外退出，文件可能已损坏')), true)
      const onAbort = (): void => finish(() => reject(new ReadError('cancelled', '已取消')), true)
      const timer = setTimeout(
        () => finish(() => reject(new ReadError('timeout', `读取超时（超过 ${Math.round(this.timeoutMs / 1000)} 秒），文件可能已损坏或过于复杂`)), true),
        this.timeoutMs
      )
      w.on('message', onMessage)
      w.on('error', onError)
      w.on('exit', onExit)
      signal?.addEventListener('abort', onAbort)
      const copy = new Uint8Array(bytes)
      w.postMessage({ id, ext, bytes: copy } satisfies ReadJob, [copy.buffer])
    })
  }

  async close(): Promise<void> {
    const w = this.worker
    this.worker = null
    if (w) await w.terminate()
  }
}
