// Worker thread that reads and parses one file at a time, so that a hostile or broken file can be
// stopped (time limit) or contained (memory limit) without taking the import down.
import { parentPort } from 'node:worker_threads'
import { prepareChecks } from '../checks/prep.ts'
import type { ParsedReport } from '../model.ts'
import { parseReport } from '../parse/index.ts'
import { ReadError } from './errors.ts'
import { notAReport } from './notReport.ts'
import { packParsed, packPrep } from './packParsed.ts'
import { readDocument } from './read.ts'
import { packedLineBoxes } from '../text/lineBoxes.ts'

export interface ReadJob {
  id: number
  ext: string
  bytes: Uint8Array
}

export interface Packed {
  parsed: Uint8Array | null
  prep: Uint8Array | null
  /** prep.ruleset, the one part of the check work the storing thread reads. */
  ruleset: string | null
  /** Where each run of a PDF's text stands (text/lineBoxes.ts): packed here, as the lines stay in the worker. */
  boxes?: Uint8Array | null
}

export type ReadReply =
  | {
      id: number
      ok: true
      read: import('../model.ts').ReadResult
      /** The parsed report without its tables: they travel packed only (cloning them cost more than reading them). */
      head: Omit<import('../model.ts').ParsedReport, 'tables'> | null
      /** parsed and prep as stored (db/packed.ts), made here so that the storing thread only binds bytes. */
      packed: Packed
    }
  | { id: number; ok: false; code: string; message: string }

/** A Buffer may share Node's pooled memory: a copy of its own can be transferred. */
function asBytes(b: Buffer | null): Uint8Array | null {
  return b ? new Uint8Array(b) : null
}

// Files are read one after another, in the order posted: the pool keeps two in flight and times a file from
// the end of the one before it, so a reply must never overtake an earlier file's (a read awaits I/O-free
// promises, and two interleaved reads would answer out of order).
let queue: Promise<void> = Promise.resolve()

parentPort?.on('message', (job: ReadJob) => {
  queue = queue.then(() => readOne(job))
})

async function readOne(job: ReadJob): Promise<void> {
  try {
    const read = await readDocument(job.ext, job.bytes)
    const parsed = read.needsOcr ? null : parseReport(read)
    // A file that is not a report is refused here, before its check work and before its report model
    // is cloned back: thousands of stray tiny files then cost a short reply each. Scanned pages wait
    // for OCR, whose text may make a report of it (importFolder judges after OCR).
    const refused = parsed && !read.pages?.some((p) => p.scanned) ? notAReport(read.text, parsed) : null
    if (refused) throw new ReadError('not-report', refused)
    // The rules that depend on this report alone run here, on the worker's core, while the main
    // thread stores the previous file; a rule error must not lose the file, so it only skips the work.
    let prep = null
    try {
      prep = parsed ? prepareChecks(parsed, read.text) : null
    } catch {
      prep = null
    }
    // Lines and the folded text are only needed for parsing; not cloning them back halves the transfer.
    // A PDF with scanned pages keeps its lines: OCR merges its text pages with the recognised ones.
    const slim = read.pages?.some((p) => p.scanned) ? read : { ...read, lines: [] }
    // Copied into buffers of their own so that they can be moved, not cloned, to the storing thread.
    const packed: Packed = {
      parsed: parsed ? new Uint8Array(packParsed(parsed)) : null,
      prep: prep ? new Uint8Array(packPrep(prep)) : null,
      ruleset: prep?.ruleset ?? null,
      boxes: asBytes(packedLineBoxes(read))
    }
    const transfer = [packed.parsed?.buffer, packed.prep?.buffer, packed.boxes?.buffer].filter((b): b is ArrayBuffer => b !== undefined)
    let head: Omit<ParsedReport, 'tables'> | null = null
    if (parsed) {
      const { tables: _tables, ...rest } = parsed
      void _tables
      head = { ...rest, norm: '' }
    }
    parentPort?.postMessage({ id: job.id, ok: true, read: slim, head, packed } satisfies ReadReply, transfer)
  } catch (e) {
    const reply: ReadReply =
      e instanceof ReadError
        ? { id: job.id, ok: false, code: e.code, message: e.message }
        : { id: job.id, ok: false, code: 'internal', message: `读取或解析失败：${e instanceof Error ? e.message : String(e)}` }
    parentPort?.postMessage(reply)
  }
}
