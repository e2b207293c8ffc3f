// Import a folder: list, hash, read, parse and store every file, with progress and cancel.
// Each file is written in its own transaction, so a cancel or a crash never leaves half a report.
import { createHash } from 'node:crypto'
import { readFileSync, realpathSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { prepareChecks } from '../checks/prep.ts'
import type { Db } from '../db/open.ts'
import { stmt } from '../db/stmt.ts'
import { OcrCache } from '../ocr/cache.ts'
import { readPdfWithOcr } from '../ocr/ocrPdf.ts'
import { parseReport } from '../parse/index.ts'
import { ReadError } from './errors.ts'
import { ReaderPool, type ReadOutput, type ReaderPoolOptions } from './readerPool.ts'
import { fileId, latestVersionOfFile, storeVersion } from './store.ts'
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

function event(db: Db, batchId: number, rel: string, kind: string, code: string, message: string, sha?: string): void {
  stmt(db, 'INSERT INTO file_events (batch_id, rel_path, kind, code, message, sha256, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    batchId,
    rel,
    kind,
    code,
    message,
    sha ?? null,
    new Date().toISOString()
  )
}

export async function importFolder(db: Db, folder: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const root = realpathSync(folder)
  const batchId = ensureBatch(db, root)
  const { files, skipped } = walkFolder(root)
  const outcomes: FileOutcome[] = []
  const total = files.length + skipped.length
  let done = 0
  const progress = (file: string, status: FileStatus): void => {
    done++
    opts.onProgress?.({ done, total, file, status })
  }
  db.prepare('UPDATE file_events SET current = 0 WHERE batch_id = ?').run(batchId)
  for (const s of skipped) {
    event(db, batchId, s.rel, 'skipped', s.code, s.message)
    outcomes.push({ file: s.rel, status: 'skipped', error: s.message })
    progress(s.rel, 'skipped')
  }
  const createdThisRun = new Set<number>()
  const ocrCache =
    opts.ocr === false ? null : (opts.ocrCache ?? (db.name && db.name !== ':memory:' ? new OcrCache(join(dirname(db.name), 'ocr-cache')) : null))
  // Two reader workers on two cores: the next file is read and parsed while this one is stored.
  const width = Math.max(1, Math.min(2, availableParallelism()))
  const pools = Array.from({ length: width }, () => new ReaderPool(opts.limits))
  try {
    return await importFiles()
  } finally {
    await Promise.all(pools.map((p) => p.close()))
  }

  function prepare(f: WalkEntry, slot: number): Prepared {
    let bytes: Buffer
    try {
      bytes = readFileSync(f.abs)
    } catch {
      return { f, error: { code: 'unreadable', message: '文件无法读取（权限不足或已被移走）' } }
    }
    const sha = createHash('sha256').update(bytes).digest('hex')
    const prev = latestVersionOfFile(db, fileId(db, batchId, f.rel))
    if (prev && prev.sha256 === sha) return { f, sha, unchanged: prev }
    const job = (pools[slot % width] as ReaderPool).read(f.ext, bytes, opts.signal)
    job.catch(() => undefined)
    return { f, sha, bytes, job }
  }

  async function importFiles(): Promise<ImportResult> {
    const queue: Prepared[] = []
    let next = 0
    const fill = (): void => {
      while (queue.length < width && next < files.length) {
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
        outcomes.push({ file: f.rel, status: 'unchanged', reportId: item.unchanged.report_id, versionId: item.unchanged.id })
        progress(f.rel, 'unchanged')
        fill()
        continue
      }
      const sha = item.sha as string
      try {
        let { read, parsed, prep } = await (item.job as Promise<ReadOutput>)
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
          original: f.ext === '.pdf' ? item.bytes : undefined,
          createdThisRun
        })
        if (read.needsOcr) event(db, batchId, f.rel, 'needs-ocr', 'scan', '扫描件（PDF 没有文字层），需要 OCR 识别后才能审核', sha)
        const status: FileStatus = read.needsOcr ? 'needs-ocr' : 'ok'
        outcomes.push({ file: f.rel, status, reportId: stored.reportId, versionId: stored.versionId, resubmission: stored.resubmission })
        progress(f.rel, status)
      } catch (e) {
        if (opts.signal?.aborted || (e instanceof ReadError && e.code === 'cancelled')) return { batchId, root, outcomes, cancelled: true }
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
