// Writing one imported file as a new version of its report, in one transaction.
import type { Db } from '../db/open.ts'
import { packStoredText } from '../db/packed.ts'
import { stmt } from '../db/stmt.ts'
import { insertVersion, latestVersionOfFile } from '../db/versionsRepo.ts'
import type { CheckPrep } from '../checks/prep.ts'
import type { ParsedReport, ReadResult } from '../model.ts'
import { carrySettlements } from '../settle/settlement.ts'
import { asBuffer, packParsed, packPrep } from './packParsed.ts'
import type { Packed } from './readWorker.ts'
import { saveVersionBoxes } from '../text/boxesRepo.ts'
import { packedLineBoxes } from '../text/lineBoxes.ts'

export interface StoreInput {
  batchId: number
  rel: string
  sha256: string
  size: number
  mtime: string
  read: ReadResult
  parsed: ParsedReport | null
  /** Per-version check work done by the reader worker (absent: done at the first check). */
  prep?: CheckPrep | null
  /** parsed and prep already packed by the reader worker (absent: packed here). */
  packed?: Packed
  original?: Uint8Array
  /** Reports created earlier in the same import run: a second file for them is a duplicate, not a resubmission. */
  createdThisRun: Set<number>
  /** The import run (import_runs.id) storing this file. */
  runId?: number
}

export function fileId(db: Db, batchId: number, rel: string): number {
  stmt(db, 'INSERT INTO files (batch_id, rel_path) VALUES (?, ?) ON CONFLICT (batch_id, rel_path) DO NOTHING').run(batchId, rel)
  return (stmt(db, 'SELECT id FROM files WHERE batch_id = ? AND rel_path = ?').get(batchId, rel) as { id: number }).id
}

/** The file's id if it was ever stored; unlike fileId it writes nothing (no commit for a file not stored yet). */
export function storedFileId(db: Db, batchId: number, rel: string): number | undefined {
  return (stmt(db, 'SELECT id FROM files WHERE batch_id = ? AND rel_path = ?').get(batchId, rel) as { id: number } | undefined)?.id
}

function reportKey(p: ParsedReport | null, rel: string): string {
  const t = p?.body?.township
  return t && p?.year ? `${t}|${p.year}` : `file:${rel}`
}

export function storeVersion(db: Db, s: StoreInput): { reportId: number; versionId: number; resubmission: boolean; unchanged?: boolean } {
  return db.transaction(() => {
    const fid = fileId(db, s.batchId, s.rel)
    const prev = latestVersionOfFile(db, fid)
    // Another import (another window, the command line) stored this very content meanwhile: not a new version.
    if (prev && prev.sha256 === s.sha256) return { reportId: prev.report_id, versionId: prev.id, resubmission: false, unchanged: true }
    let reportId: number | undefined = prev?.report_id
    let key = reportKey(s.parsed, s.rel)
    let resubmission = prev !== undefined
    if (reportId === undefined) {
      const existing = stmt(db, 'SELECT id FROM reports WHERE batch_id = ? AND key = ?').get(s.batchId, key) as { id: number } | undefined
      if (existing && !s.createdThisRun.has(existing.id)) {
        reportId = existing.id
        resubmission = true
      } else if (existing) {
        key = `${key}#${s.rel}`
      }
    }
    if (reportId === undefined) {
      const r = stmt(db, 'INSERT INTO reports (batch_id, key, township, year, run_id) VALUES (?, ?, ?, ?, ?)').run(s.batchId, key, s.parsed?.body?.township ?? null, s.parsed?.year ?? null, s.runId ?? null)
      reportId = Number(r.lastInsertRowid)
      s.createdThisRun.add(reportId)
    }
    const p = s.parsed
    const versionId = insertVersion(db, {
      report_id: reportId,
      file_id: fid,
      sha256: s.sha256,
      size: s.size,
      mtime: s.mtime,
      imported_at: new Date().toISOString(),
      kind: s.read.kind,
      encoding: s.read.encoding ?? null,
      status: s.read.needsOcr ? 'needs-ocr' : 'ok',
      message: s.read.needsOcr ? '扫描件（无文字层），需要 OCR 识别' : null,
      // Packed (db/packed.ts): search reads it through the SQL function review/search.ts registers.
      text: packStoredText(s.read.text),
      html: s.read.html ?? null,
      pages: s.read.pages ? JSON.stringify(s.read.pages) : null,
      warnings: JSON.stringify(s.read.warnings),
      format: p?.format ?? null,
      body: p?.body?.name ?? null,
      township: p?.body?.township ?? null,
      year: p?.year ?? null,
      sign_date: p?.signDate?.iso ?? null,
      title: p?.title?.text ?? null,
      parsed: p ? (s.packed?.parsed ? asBuffer(s.packed.parsed) : packParsed(p)) : null,
      original: s.original ? Buffer.from(s.original) : null
    })
    // packed by the reader worker, or here when the lines came back (OCR, a direct call)
    saveVersionBoxes(db, versionId, s.packed?.boxes ?? packedLineBoxes(s.read))
    if (p) {
      const sec = stmt(db, 
        'INSERT INTO sections (version_id, section_id, found, title, title_match, start, end, body_start, body_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
      )
      for (const h of p.sections) {
        sec.run(versionId, h.id, h.found ? 1 : 0, h.title ?? null, h.titleMatch ?? null, h.titleSpan?.start ?? null, h.titleSpan?.end ?? null, h.bodyStart ?? null, h.bodyEnd ?? null)
      }
      // Cells are not stored row by row: versions.parsed holds them (migration 7 dropped the cells table).
    }
    if (p && s.packed?.prep && s.packed.ruleset) {
      stmt(db, 'INSERT INTO version_checks (version_id, ruleset, prep) VALUES (?, ?, ?)').run(versionId, s.packed.ruleset, asBuffer(s.packed.prep))
    } else if (p && s.prep) {
      stmt(db, 'INSERT INTO version_checks (version_id, ruleset, prep) VALUES (?, ?, ?)').run(versionId, s.prep.ruleset, packPrep(s.prep))
    }
    // A resubmission keeps the reviewer's settled cells only where the original is unchanged.
    const before = (stmt(db, 'SELECT current_version_id AS v FROM reports WHERE id = ?').get(reportId) as { v: number | null } | undefined)?.v
    if (p && before) carrySettlements(db, { reportId, fromVersionId: before, toVersionId: versionId, text: s.read.text, parsed: p })
    stmt(db, 'UPDATE reports SET current_version_id = ?, township = COALESCE(?, township), year = COALESCE(?, year) WHERE id = ?').run(
      versionId,
      p?.body?.township ?? null,
      p?.year ?? null,
      reportId
    )
    return { reportId, versionId, resubmission }
  })()
}
