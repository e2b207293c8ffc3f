// Import a folder: list, hash, read, parse and store every file, with progress and cancel.
// Each file is written in its own transaction, so a cancel or a crash never leaves half a report.
// Imports of one folder into one database run one after the other, and an interrupted import is
// resumed by the next one (import_runs), so its outcome does not depend on where it stopped.
import { createHash } from 'node:crypto'
import { readFileSync, realpathSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { prepareChecks } from '../checks/prep.ts'
import { storageFailure, type Db } from '../db/open.ts'
import { stmt } from '../db/stmt.ts'
import { OcrCache } from '../ocr/cache.ts'
import { readPdfWithOcr } from '../ocr/ocrPdf.ts'
import { parseReport } from '../parse/index.ts'
import { ReadError } from './errors.ts'
import { notAReport } from './notReport.ts'
import { holdReaderTier } from './jitTier.ts'
import { ReaderPool, type ReadOutput, type ReaderPoolOptions } from './readerPool.ts'
import { storeVersion, storedFileId } from './store.ts'
import { latestVersionOfFile } from '../db/versionsRepo.ts'
import { backfillVersionBoxes } from './backfillBoxes.ts'
import { walkFolder, type WalkEntry } from './walk.ts'

export type FileStatus = 'ok' | 'unchanged' | 'error' | 'needs-ocr' | 'skipped'

export interface FileOutcome {
  file: string
  status: FileStatus
  error?: string
  reportId?: number
  versionId?: number
  resubmission?: boolean
}

export interface ImportProgress {
  done: number
  total: number
  file: string
  /** 'ocr' while a scan is being recognised (done/total stay at the file count). */
  status: FileStatus | 'ocr'
  ocr?: { page: number; pages: number }
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void
  signal?: AbortSignal
  /** Per-file limits of the reader worker. */
  limits?: ReaderPoolOptions
  /** OCR scanned PDFs (default true); false records them as needing OCR. */
  ocr?: boolean
  /** Where OCR results are kept by file hash (default: ocr-cache beside the database file). */
  ocrCache?: OcrCache
}

export interface ImportResult {
  batchId: number
  root: string
  outcomes: FileOutcome[]
  cancelled: boolean
}

export function ensureBatch(db: Db, root: string): number {
  db.prepare('INSERT INTO batches (root, name, created_at) VALUES (?, ?, ?) ON CONFLICT (root) DO NOTHING').run(root, basename(root), new Date().toISOString())
  return (db.prepare('SELECT id FROM batches WHERE root = ?').get(root) as { id: number }).id
}

/** The import stopped for a reason that is not any file's fault (full disk, read-only database…). */
export class ImportStoppedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportStoppedError'
  }
}

function event(db: Db, batchId: number, rel: string, kind: string, code: string, message: string, sha?: string): void {
  // One event per file: a resumed run replaces what the interrupted one recorded for it.
  // One transaction for the pair: one commit per refused file, not two.
  db.transaction(() => {
    stmt(db, 'DELETE FROM file_events WHERE batch_id = ? AND rel_path = ?').run(batchId, rel)
    stmt(db, 'INSERT INTO file_events (batch_id, rel_path, kind, code, message, sha256, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      batchId,
      rel,
      kind,
      code,
      message,
      sha ?? null,
      new Date().toISOString()
    )
  })()
}

/** The import under way per database handle and folder; a second import of the folder waits for it. */
const running = new WeakMap<Db, Map<string, Promise<unknown>>>()

export async function importFolder(db: Db, folder: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const root = realpathSync(folder)
  let byRoot = running.get(db)
  if (!byRoot) running.set(db, (byRoot = new Map()))
  const previous = byRoot.get(root) ?? Promise.resolve()
  const mine = previous.catch(() => undefined).then(() => importOnce(db, root, opts))
  byRoot.set(root, mine)
  try {
    return await mine
  } catch (e) {
    const why = storageFailure(e, db.name)
    throw why ? new ImportStoppedError(`导入已停止：${why}（已导入的文件不受影响）`) : e
  } finally {
    if (byRoot.get(root) === mine) byRoot.delete(root)
  }
}

/** The run this import belongs to: the unfinished one of the batch if any (resumed), else a new one. */
function beginRun(db: Db, batchId: number): { runId: number; resumed: boolean; created: Set<number> } {
  const open = db.prepare('SELECT id FROM import_runs WHERE batch_id = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1').get(batchId) as
    | { id: number }
    | undefined
  if (open) {
    const created = db.prepare('SELECT id FROM reports WHERE run_id = ?').pluck().all(open.id) as number[]
    return { runId: open.id, resumed: true, created: new Set(created) }
  }
  const r = db.prepare('INSERT INTO import_runs (batch_id, started_at) VALUES (?, ?)').run(batchId, new Date().toISOString())
  return { runId: Number(r.lastInsertRowid), resumed: false, created: new Set() }
}

function readFailure(e: unknown): string {
  const code = (e as { code?: string } | null)?.code
  if (code === 'EACCES' || code === 'EPERM') return '文件无法读取：权限不足'
  if (code === 'ENOENT') return '文件无法读取：导入过程中已被移走或删除'
  if (code === 'EISDIR') return '文件无法读取：这是一个文件夹'
  if (code === 'EIO') return '文件无法读取：磁盘读取错误'
  if (code === 'EBUSY') return '文件无法读取：正被其他程序占用'
  if (code === 'ERR_FS_FILE_TOO_LARGE') return '文件过大（超过 2 GB），无法读取'
  return `文件无法读取（${code ?? (e instanceof Error ? e.message : String(e))}）`
}

async function importOnce(db: Db, root: string, opts: ImportOptions): Promise<ImportResult> {
  const batchId = ensureBatch(db, root)
  const { files, skipped } = walkFolder(root)
  const outcomes: FileOutcome[] = []
  const total = files.length + skipped.length
  let done = 0
  const progress = (file: string, status: FileStatus): void => {
    done++
    opts.onProgress?.({ done, total, file, status })
  }
  const run = beginRun(db, batchId)
  // A new run starts a new list of file events; a resumed one keeps those of the files it already did.
  // Only current events are ever shown, so those of earlier runs are dropped rather than kept aside:
  // re-importing a folder of thousands of refused files does not add thousands of rows each time.
  if (!run.resumed) db.prepare('DELETE FROM file_events WHERE batch_id = ?').run(batchId)
  for (const s of skipped) {
    event(db, batchId, s.rel, 'skipped', s.code, s.message)
    outcomes.push({ file: s.rel, status: 'skipped', error: s.message })
    progress(s.rel, 'skipped')
  }
  const createdThisRun = run.created
  const ocrCache =
    opts.ocr === false ? null : (opts.ocrCache ?? (db.name && db.name !== ':memory:' ? new OcrCache(join(dirname(db.name), 'ocr-cache')) : null))
  // Two reader workers on two cores: the next file is read and parsed while this one is stored.
  const width = Math.max(1, Math.min(2, availableParallelism()))
  // Before the workers start: their isolates compile under the cap (jitTier.ts).
  const releaseTier = holdReaderTier()
  const pools = Array.from({ length: width }, () => new ReaderPool(opts.limits))
  try {
    const result = await importFiles()
    if (!result.cancelled) db.prepare('UPDATE import_runs SET finished_at = ? WHERE id = ?').run(new Date().toISOString(), run.runId)
    return result
  } finally {
    await Promise.all(pools.map((p) => p.close()))
    releaseTier()
  }

  function prepare(f: WalkEntry, slot: number): Prepared {
    let bytes: Buffer
    try {
      bytes = readFileSync(f.abs)
    } catch (e) {
      return { f, error: { code: 'unreadable', message: readFailure(e) } }
    }
    const sha = createHash('sha256').update(bytes).digest('hex')
    // Looked up, not inserted: a file's row is written with its first version, in that version's transaction.
    const fid = storedFileId(db, batchId, f.rel)
    const prev = fid === undefined ? undefined : latestVersionOfFile(db, fid)
    if (prev && prev.sha256 === sha) return { f, sha, unchanged: prev }
    const job = (pools[slot % width] as ReaderPool).read(f.ext, bytes, opts.signal)
    job.catch(() => undefined)
    return { f, sha, bytes, job }
  }

  async function importFiles(): Promise<ImportResult> {
    const queue: Prepared[] = []
    let next = 0
    // Two files in flight per worker: while the storing thread writes one, each worker already holds
    // its next file and never waits for the message that would hand it over.
    const depth = width * 2
    const fill = (): void => {
      while (queue.length < depth && next < files.length) {
        queue.push(prepare(files[next] as WalkEntry, next))
        next++
      }
    }
    fill()
    while (queue.length) {
      const item = queue.shift() as Prepared
      const f = item.f
      if (opts.signal?.aborted) return { batchId, root, outcomes, cancelled: true }
      if (item.error) {
        event(db, batchId, f.rel, 'error', item.error.code, item.error.message)
        outcomes.push({ file: f.rel, status: 'error', error: item.error.message })
        progress(f.rel, 'error')
        fill()
        continue
      }
      if (item.unchanged) {
        // a PDF stored before text boxes were kept gets them now, from its stored original
        if (f.ext === '.pdf') await backfillVersionBoxes(db, item.unchanged.id)
        outcomes.push({ file: f.rel, status: 'unchanged', reportId: item.unchanged.report_id, versionId: item.unchanged.id })
        progress(f.rel, 'unchanged')
        fill()
        continue
      }
      const sha = item.sha as string
      try {
        let { read, parsed, prep, packed } = await (item.job as Promise<ReadOutput>)
        if (opts.signal?.aborted) return { batchId, root, outcomes, cancelled: true }
        if (opts.ocr !== false && read.kind === 'pdf' && read.pages?.some((p) => p.scanned) && item.bytes) {
          // Scanned pages: recognised here (tesseract runs in its own worker threads), then parsed like any PDF.
          read = await readPdfWithOcr(item.bytes, {
            base: read,
            cache: ocrCache,
            signal: opts.signal,
            onPage: (page, pages) => opts.onProgress?.({ done, total, file: f.rel, status: 'ocr', ocr: { page, pages } })
          })
          parsed = read.needsOcr ? null : parseReport(read)
          prep = parsed ? prepareChecks(parsed, read.text) : null
          packed = undefined
        }
        const notReport = parsed && !read.needsOcr ? notAReport(read.text, parsed) : null
        if (notReport) {
          event(db, batchId, f.rel, 'error', 'not-report', notReport, sha)
          outcomes.push({ file: f.rel, status: 'error', error: notReport })
          progress(f.rel, 'error')
          fill()
          continue
        }
        const stored = storeVersion(db, {
          batchId,
          rel: f.rel,
          sha256: sha,
          size: f.size,
          mtime: f.mtime,
          read,
          parsed,
          prep,
          packed,
          original: f.ext === '.pdf' ? item.bytes : undefined,
          createdThisRun,
          runId: run.runId
        })
        if (stored.unchanged) {
          outcomes.push({ file: f.rel, status: 'unchanged', reportId: stored.reportId, versionId: stored.versionId })
          progress(f.rel, 'unchanged')
          fill()
          continue
        }
        if (read.needsOcr) event(db, batchId, f.rel, 'needs-ocr', 'scan', '扫描件（PDF 没有文字层），需要 OCR 识别后才能审核', sha)
        const status: FileStatus = read.needsOcr ? 'needs-ocr' : 'ok'
        outcomes.push({ file: f.rel, status, reportId: stored.reportId, versionId: stored.versionId, resubmission: stored.resubmission })
        progress(f.rel, status)
      } catch (e) {
        if (opts.signal?.aborted || (e instanceof ReadError && e.code === 'cancelled')) return { batchId, root, outcomes, cancelled: true }
        // A full disk or a read-only database is nobody's file's fault: the import stops with that reason.
        if (storageFailure(e, db.name)) throw e
        const msg = e instanceof ReadError ? e.message : `读取或解析失败：${e instanceof Error ? e.message : String(e)}`
        const code = e instanceof ReadError ? e.code : 'internal'
        event(db, batchId, f.rel, 'error', code, msg, sha)
        outcomes.push({ file: f.rel, status: 'error', error: msg })
        progress(f.rel, 'error')
      }
      fill()
    }
    return { batchId, root, outcomes, cancelled: false }
  }
}

interface Prepared {
  f: WalkEntry
  sha?: string
  bytes?: Buffer
  unchanged?: { id: number; report_id: number }
  error?: { code: string; message: string }
  job?: Promise<ReadOutput>
}
