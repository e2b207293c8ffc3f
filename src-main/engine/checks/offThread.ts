// Batch checks off the main thread: one worker (checkWorker.ts) with its own database connection.
// An in-memory database, or a build where the worker cannot start, runs the check inline instead.
import { Worker } from 'node:worker_threads'
import type { Db } from '../db/open.ts'
import { readWorkerPath } from '../workerPaths.ts'
import { workerEnv } from '../workerEnv.ts'
import type { CheckJob, CheckReply, CheckWorkerData } from './checkWorker.ts'
import { checkIsCurrent, checkRuns, runChecks } from './store.ts'

function workerPath(): string | URL {
  // The bundled build sets the reader worker's path; the check worker is built beside it.
  const r = readWorkerPath()
  if (typeof r === 'string' && /readWorker\.cjs$/.test(r)) return r.replace(/readWorker\.cjs$/, 'checkWorker.cjs')
  return new URL('./checkWorker.ts', import.meta.url)
}

let worker: Worker | null = null
let broken = false
let nextId = 1
const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void; run: () => void }>()

function spawn(): Worker {
  // A small young generation: with V8's default a check of 5,000 reports promoted its short-lived
  // objects by the hundred megabytes between full collections (peak 490 MB, 330 MB with 12 MB; issue 17).
  const path = workerPath()
  // The worker starts the check's second thread (peerThread.ts) from its own file.
  const self = path instanceof URL ? path.href : path
  const w = new Worker(path, { env: workerEnv(), workerData: { self } satisfies CheckWorkerData, resourceLimits: { maxYoungGenerationSizeMb: 12 } })
  w.unref()
  w.on('message', (m: CheckReply) => {
    const p = pending.get(m.id)
    if (!p) return
    pending.delete(m.id)
    if (m.ok) p.resolve()
    else p.reject(Object.assign(new Error(m.message), m.code ? { code: m.code } : {}))
  })
  const fail = (): void => {
    if (worker === w) worker = null
    // A worker that cannot start or dies: the checks it had are run here, as before.
    broken = true
    for (const [id, p] of pending) {
      pending.delete(id)
      try {
        p.run()
        p.resolve()
      } catch (e) {
        p.reject(e instanceof Error ? e : new Error(String(e)))
      }
    }
  }
  w.on('error', fail)
  w.on('exit', fail)
  return w
}

/** Runs the batch check and stores its results; on a file database, in the check worker. */
export function runChecksOffThread(db: Db, batchId: number, opt: { force?: boolean } = {}): Promise<void> {
  const file = db.name
  // An unchanged batch is told here: starting the worker (loading the rules) to learn it cost more than the check.
  if (!opt.force && checkIsCurrent(db, batchId)) {
    checkRuns.skipped++
    return Promise.resolve()
  }
  if (broken || !file || file === ':memory:' || db.memory) {
    runChecks(db, batchId, opt)
    return Promise.resolve()
  }
  worker ??= spawn()
  const id = nextId++
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, run: () => runChecks(db, batchId, opt) })
    worker?.postMessage({ id, file, batchId, force: opt.force } satisfies CheckJob)
  })
}
