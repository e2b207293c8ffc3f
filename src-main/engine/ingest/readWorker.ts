// Worker thread that reads and parses one file at a time, so that a hostile or broken file can be
// stopped (time limit) or contained (memory limit) without taking the import down.
import { parentPort } from 'node:worker_threads'
import { prepareChecks } from '../checks/prep.ts'
import { parseReport } from '../parse/index.ts'
import { ReadError } from './errors.ts'
import { notAReport } from './notReport.ts'
import { readDocument } from './read.ts'

export interface ReadJob {
  id: number
  ext: string
  bytes: Uint8Array
}

export type ReadReply =
  | { id: number; ok: true; read: import('../model.ts').ReadResult; parsed: import('../model.ts').ParsedReport | null; prep: import('../checks/prep.ts').CheckPrep | null }
  | { id: number; ok: false; code: string; message: string }

parentPort?.on('message', (job: ReadJob) => {
  void (async () => {
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
      parentPort?.postMessage({ id: job.id, ok: true, read: slim, parsed: parsed ? { ...parsed, norm: '' } : null, prep } satisfies ReadReply)
    } catch (e) {
      const reply: ReadReply =
        e instanceof ReadError
          ? { id: job.id, ok: false, code: e.code, message: e.message }
          : { id: job.id, ok: false, code: 'internal', message: `读取或解析失败：${e instanceof Error ? e.message : String(e)}` }
      parentPort?.postMessage(reply)
    }
  })()
})
