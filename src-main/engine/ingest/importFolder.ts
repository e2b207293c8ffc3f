// Import a folder: list, hash, read, parse and store every file, with progress and cancel.
// Each file is written in its own transaction, so a cancel or a crash never leaves half a report.
import { createHash } from 'node:crypto'
import { readFileSync, realpathSync } from 'node:fs'
import { basename } from 'node:path'
import type { Db } from '../db/open.ts'
import { ReadError } from './errors.ts'
import { ReaderPool, type ReaderPoolOptions } from './readerPool.ts'
import { fileId, latestVersionOfFile, storeVersion } from './store.ts'
import { walkFolder } from './walk.ts'

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
  status: FileStatus
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void
  signal?: AbortSignal
  /** Per-file limits of the reader worker. */
  limits?: ReaderPoolOptions
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
  db.prepare('INSERT INTO file_events (batch_id, rel_path, kind, code, message, sha256, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
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
  const pool = new ReaderPool(opts.limits)
  try {
    return await importFiles()
  } finally {
    await pool.close()
  }

  async function importFiles(): Promise<ImportResult> {
  for (const f of files) {
    if (opts.signal?.aborted) return { batchId, root, outcomes, cancelled: true }
    let bytes: Buffer
    try {
      bytes = readFileSync(f.abs)
    } catch {
      const msg = '文件无法读取（权限不足或已被移走）'
      event(db, batchId, f.rel, 'error', 'unreadable', msg)
      outcomes.push({ file: f.rel, status: 'error', error: msg })
      progress(f.rel, 'error')
      continue
    }
    const sha = createHash('sha256').update(bytes).digest('hex')
    const prev = latestVersionOfFile(db, fileId(db, batchId, f.rel))
    if (prev && prev.sha256 === sha) {
      outcomes.push({ file: f.rel, status: 'unchanged', reportId: prev.report_id, versionId: prev.id })
      progress(f.rel, 'unchanged')
      continue
    }
    try {
      const { read, parsed } = await pool.read(f.ext, bytes, opts.signal)
      if (opts.signal?.aborted) return { batchId, root, outcomes, cancelled: true }
      const stored = storeVersion(db, {
        batchId,
        rel: f.rel,
        sha256: sha,
        size: f.size,
        mtime: f.mtime,
        read,
        parsed,
        original: f.ext === '.pdf' ? bytes : undefined,
        createdThisRun
      })
      if (read.needsOcr) event(db, batchId, f.rel, 'needs-ocr', 'scan', '扫描件（PDF 没有文字层），需要 OCR 识别后才能审核', sha)
      const status: FileStatus = read.needsOcr ? 'needs-ocr' : 'ok'
      outcomes.push({ file: f.rel, status, reportId: stored.reportId, versionId: stored.versionId, resubmission: stored.resubmission })
      progress(f.rel, status)
    } catch (e) {
      if (e instanceof ReadError && e.code === 'cancelled') return { batchId, root, outcomes, cancelled: true }
      const msg = e instanceof ReadError ? e.message : `读取或解析失败：${e instanceof Error ? e.message : String(e)}`
      const code = e instanceof ReadError ? e.code : 'internal'
      event(db, batchId, f.rel, 'error', code, msg, sha)
      outcomes.push({ file: f.rel, status: 'error', error: msg })
      progress(f.rel, 'error')
    }
  }
  return { batchId, root, outcomes, cancelled: false }
  }
}
