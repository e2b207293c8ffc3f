// The batch check over two threads (issue 17). The costliest cross rules, XDOC-PEER-COPY (every
// paragraph's 5-grams counted and looked up across the batch) and XDOC-OTHER-NAME (every report's text
// searched for the batch's township names), run in a second thread on its own read-only connection
// while the check thread loads the batch, runs the other rules and writes each report's results; the
// few reports those two flag are then written again in full (store.ts runChecksDeferred). What is
// stored is what the one-thread check stores.
import Database from 'better-sqlite3'
import { Worker } from 'node:worker_threads'
import { workerEnv } from '../workerEnv.ts'
import type { Db } from '../db/open.ts'
import PEER_COPY from './rules/XDOC-PEER-COPY.ts'
import OTHER_NAME from './rules/XDOC-OTHER-NAME.ts'
import { batchYear, crossOutcome, type CrossOutcome } from './run.ts'
import { batchSettings, checkIsCurrent, checkRuns, loadStamped, runChecks, runChecksDeferred } from './store.ts'
import { TextSpill } from './lib/textSpill.ts'
import type { BatchReport, BatchSettings, Finding } from './types.ts'

/** The rules of the second thread: together about as much work as the check thread keeps (load, other rules, writing). */
const SECOND = [PEER_COPY, OTHER_NAME]

/** Checks whose second-thread rules came from the second thread, or were made in this one after all (tests and the bench read it). */
export const splitRuns = { peer: 0, inline: 0, /** CPU of the second threads, start included. */ peerCpuMs: 0 }

/** Below this many reports the second thread's start (loading the rules) costs more than it saves. */
export const SPLIT_MIN = 200

export interface PeerJob {
  file: string
  batchId: number
}

interface SentOutcome {
  outcome: CrossOutcome['outcome']
  note?: string
  /** Findings per report as JSON (what the one-thread check's spill file round trip gives). */
  perReport: [number, string][]
}

export interface PeerReply {
  /** reportId:versionId of the reports checked, in batch order: the check thread uses the reply only for the same batch. */
  versions: string
  /** In the order of SECOND. */
  outcomes: SentOutcome[]
  /** The thread's CPU time from its start (loading the code included). */
  cpuMs: number
}

const versionsOf = (reports: BatchReport[]): string => reports.map((r) => `${r.reportId}:${r.versionId}`).join(',')
const effective = (settings: BatchSettings, reports: BatchReport[]): BatchSettings => ({ ...settings, year: settings.year ?? batchYear(reports) })

/** The second thread's work: its rules over the batch as the check thread loads it. */
export function peerJob(job: PeerJob): PeerReply {
  const db = new Database(job.file, { readonly: true, fileMustExist: true })
  const spill = new TextSpill()
  try {
    db.pragma('busy_timeout = 10000')
    const settings = batchSettings(db, job.batchId)
    const { reports } = loadStamped(db, job.batchId, JSON.stringify(settings), spill, { readOnly: true, rules: false })
    const eff = effective(settings, reports)
    const outcomes = SECOND.map((rule): SentOutcome => {
      const res = crossOutcome(rule, reports, eff)
      const perReport: [number, string][] = []
      for (const [id, fs] of res.perReport) if (fs.length) perReport.push([id, JSON.stringify(fs)])
      return { outcome: res.outcome, note: res.note, perReport }
    })
    const cpu = process.threadCpuUsage()
    return { versions: versionsOf(reports), outcomes, cpuMs: (cpu.user + cpu.system) / 1000 }
  } finally {
    spill.close()
    db.close()
  }
}

function startPeer(script: string | URL, job: PeerJob): { reply: Promise<PeerReply>; stop(): void } {
  let w: Worker | null = null
  const reply = new Promise<PeerReply>((resolve, reject) => {
    // The young generation as small as the check thread's (offThread.ts), for the same reason.
    w = new Worker(script, { env: workerEnv(), workerData: { peer: job }, resourceLimits: { maxYoungGenerationSizeMb: 12 } })
    w.once('message', (m: PeerReply | { error: string }) => ('error' in m ? reject(new Error(m.error)) : resolve(m)))
    w.once('error', reject)
    w.once('exit', () => reject(new Error('second check thread ended without a reply')))
  })
  return { reply, stop: () => void (w as Worker | null)?.terminate() }
}

/**
 * runChecks with XDOC-PEER-COPY and XDOC-OTHER-NAME in a second thread started from `script` (the check
 * worker's file). A small batch, or a second thread that fails or saw another batch, is checked in this
 * thread alone.
 */
export async function runChecksSplit(db: Db, batchId: number, script: string | URL, opt: { force?: boolean; minReports?: number } = {}): Promise<number> {
  if (!opt.force && checkIsCurrent(db, batchId)) {
    checkRuns.skipped++
    return 0
  }
  const n = db.prepare('SELECT COUNT(*) FROM reports WHERE batch_id = ?').pluck().get(batchId) as number
  if (n < (opt.minReports ?? SPLIT_MIN)) return runChecks(db, batchId, { force: true })
  const peer = startPeer(script, { file: db.name, batchId })
  // Settled once the outcomes are taken: a rejection of a thread no longer awaited must not surface.
  peer.reply.catch(() => undefined)
  try {
    return await runChecksDeferred(
      db,
      batchId,
      SECOND.map((r) => r.id),
      async (reports, settings) => {
        try {
          const m = await peer.reply
          if (m.versions === versionsOf(reports)) {
            splitRuns.peer++
            splitRuns.peerCpuMs += m.cpuMs
            return m.outcomes.map(({ outcome, note, perReport }) => ({
              outcome,
              note,
              perReport: new Map(perReport.map(([id, json]) => [id, JSON.parse(json) as Finding[]]))
            }))
          }
        } catch {
          // Made here instead, below.
        }
        splitRuns.inline++
        const eff = effective(settings, reports)
        return SECOND.map((rule) => crossOutcome(rule, reports, eff))
      },
      { force: true }
    )
  } finally {
    peer.stop()
  }
}
