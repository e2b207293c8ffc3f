// Runs readDocument + parseReport in a worker thread with a per-file time limit and a heap limit.
// On a timeout or a crash the worker is replaced and the file gets a clear error.
import type { CheckPrep } from '../checks/prep.ts'
import { Worker } from 'node:worker_threads'
import type { ParsedReport, ReadResult } from '../model.ts'
import { ReadError } from './errors.ts'
import { unpackJson } from '../db/packed.ts'
import type { Packed, ReadJob, ReadReply } from './readWorker.ts'
import { readWorkerPath } from '../workerPaths.ts'
import { workerEnv } from '../workerEnv.ts'

export interface ReadOutput {
  read: ReadResult
  parsed: ParsedReport | null
  prep: CheckPrep | null
  /** parsed and prep as stored, packed by the worker (absent: packed when stored); prep is then null. */
  packed?: Packed
}

/**
 * The parsed report from the worker's head and its packed form: the tables are unpacked on first use
 * (a resubmission carrying settled cells, a file that may not be a report), not on every file.
 */
function withPackedTables(head: Omit<ParsedReport, 'tables'>, packed: Uint8Array): ParsedReport {
  let tables: ParsedReport['tables'] | undefined
  const p = { ...head } as ParsedReport
  Object.defineProperty(p, 'tables', {
    enumerable: true,
    configurable: true,
    get: () => (tables ??= (unpackJson<ParsedReport>(packed) as ParsedReport).tables),
    set: (v: ParsedReport['tables']) => {
      tables = v
    }
  })
  return p
}

export { readWorkerPath, setReadWorkerPath } from '../workerPaths.ts'

export interface ReaderPoolOptions {
  /** Per-file time limit in ms. */
  timeoutMs?: number
  /** Heap limit of the worker in MB. */
  maxHeapMb?: number
}

interface Job {
  id: number
  ext: string
  /** The caller's bytes, kept so that a job queued behind a file that killed the worker can be sent again. */
  bytes: Uint8Array
  signal?: AbortSignal
  resolve: (o: ReadOutput) => void
  reject: (e: Error) => void
  timer?: ReturnType<typeof setTimeout>
  onAbort?: () => void
}

/**
 * One worker thread; files are posted to it ahead of time (the caller keeps two in flight) and it
 * reads them in order. The time limit of a file starts when the file before it is done, so that a
 * file is never timed for its predecessor's work; a file behind one that kills the worker (time or
 * memory limit, crash) is sent again to a fresh worker, never blamed for the other file.
 */
export class ReaderPool {
  private worker: Worker | null = null
  private nextId = 1
  private readonly timeoutMs: number
  private readonly maxHeapMb: number
  /** Files posted to the current worker, oldest first: the first is the one being read. */
  private queue: Job[] = []

  constructor(opts: ReaderPoolOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 60_000
    this.maxHeapMb = opts.maxHeapMb ?? 768
  }

  private spawn(): Worker {
    // Resolved lazily: the bundled desktop build sets its compiled worker path before the first import.
    const workerPath = readWorkerPath() ?? new URL('./readWorker.ts', import.meta.url)
    // 32 MB of young generation: with 64 two workers held about 80 MB more for the nursery alone (1,000
    // files: import peak 372 -> 294 MB at 16); with 16 a file's parse outgrew the nursery and scavenges
    // promoted it, and 32 took about 7 % less import CPU than 16 (1,000 text reports: 9.3 vs 10.0 ms a
    // report, five runs each, load 1-4) for a peak about 10 MB higher.
    const w = new Worker(workerPath, { env: workerEnv(), resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: 32 } })
    w.unref()
    w.on('message', (m: ReadReply) => {
      if (w !== this.worker) return
      const job = this.queue[0]
      if (!job || m.id !== job.id) return
      if (m.ok) this.settle(job, () => job.resolve({ read: m.read, parsed: m.head && m.packed.parsed ? withPackedTables(m.head, m.packed.parsed) : null, prep: null, packed: m.packed }), false)
      else this.settle(job, () => job.reject(new ReadError(m.code, m.message)), false)
    })
    w.on('error', (e: Error) => {
      if (w !== this.worker) return
      const job = this.queue[0]
      if (!job) return
      const oom = /heap|memory|ERR_WORKER_OUT_OF_MEMORY/i.test(`${e.message} ${(e as { code?: string }).code ?? ''}`)
      this.settle(job, () => job.reject(new ReadError(oom ? 'memory' : 'crash', oom ? `读取时内存超限（上限 ${this.maxHeapMb} MB），文件可能过大或已损坏` : `读取时出错：${e.message}`)), true)
    })
    w.on('exit', () => {
      if (w !== this.worker) return
      const job = this.queue[0]
      if (job) this.settle(job, () => job.reject(new ReadError('crash', '读取进程意外退出，文件可能已损坏')), true)
      else this.worker = null
    })
    return w
  }

  /** Posts a job to the current worker (spawned if none); its timer starts if it is first in line. */
  private post(job: Job): void {
    const w = (this.worker ??= this.spawn())
    this.queue.push(job)
    const copy = new Uint8Array(job.bytes)
    w.postMessage({ id: job.id, ext: job.ext, bytes: copy } satisfies ReadJob, [copy.buffer])
    if (this.queue.length === 1) this.startTimer(job)
  }

  private startTimer(job: Job): void {
    job.timer = setTimeout(
      () => this.settle(job, () => job.reject(new ReadError('timeout', `读取超时（超过 ${Math.round(this.timeoutMs / 1000)} 秒），文件可能已损坏或过于复杂`)), true),
      this.timeoutMs
    )
  }

  /** Ends a job; with kill, its worker is stopped and the files queued behind it go to a fresh one. */
  private settle(job: Job, fn: () => void, kill: boolean): void {
    const at = this.queue.indexOf(job)
    if (at < 0) return
    clearTimeout(job.timer)
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort)
    if (!kill) {
      this.queue.splice(at, 1)
      const head = this.queue[0]
      if (at === 0 && head) this.startTimer(head)
      fn()
      return
    }
    const w = this.worker
    const rest = this.queue.filter((j) => j !== job)
    this.queue = []
    this.worker = null
    if (w) void w.terminate()
    fn()
    for (const j of rest) {
      clearTimeout(j.timer)
      if (!j.signal?.aborted) this.post(j)
      else {
        if (j.onAbort) j.signal.removeEventListener('abort', j.onAbort)
        j.reject(new ReadError('cancelled', '已取消'))
      }
    }
  }

  async read(ext: string, bytes: Uint8Array, signal?: AbortSignal): Promise<ReadOutput> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new ReadError('cancelled', '已取消'))
      const job: Job = { id: this.nextId++, ext, bytes, signal, resolve, reject }
      job.onAbort = (): void => this.settle(job, () => job.reject(new ReadError('cancelled', '已取消')), true)
      signal?.addEventListener('abort', job.onAbort)
      this.post(job)
    })
  }

  async close(): Promise<void> {
    const w = this.worker
    this.worker = null
    for (const j of this.queue.splice(0)) {
      clearTimeout(j.timer)
      if (j.onAbort) j.signal?.removeEventListener('abort', j.onAbort)
      j.reject(new ReadError('cancelled', '已取消'))
    }
    if (w) await w.terminate()
  }
}
