// The reports table group (reports, their versions and the files they were read from) as the review
// screens see it: the batch's report list with its finding counts, one report, one version as read,
// a report's version history. The one place their rows become models; the import writes them
// through ingest/store.ts.
import type { Db } from '../db/open.ts'
import { unpackJson } from '../db/packed.ts'
import type { ParsedReport } from '../model.ts'
import type { ReviewStatus } from '../../shared/vocabulary.ts'

/** A report in the batch list: its current version, and the open findings counted by what they need. */
export interface ReportListItem {
  id: number
  file: string
  township: string | null
  /** The issuing body: as the reviewer named it, else as the report says. */
  body: string | null
  bodyNamed: string | null
  year: number | null
  format: string | null
  kind: string
  status: string
  reviewStatus: ReviewStatus
  versions: number
  /** Open parse problems: never counted as errors or warnings. */
  parse: number
  errors: number
  warnings: number
  infos: number
  confirmed: number
  /** Open errors and warnings without a decision. */
  undecided: number
  /** 需整改, and a newer version arrived after the status was set. */
  newVersion: boolean
}

/** Dismissed findings leave the counts; parse problems are counted apart. */
const REPORT_LIST = `SELECT r.id, f.rel_path AS file, r.township, COALESCE(r.body_named, v.body) AS body, r.body_named AS bodyNamed, r.year, v.format, v.kind, v.status, r.review_status AS reviewStatus,
   (SELECT COUNT(*) FROM findings g WHERE g.report_id = r.id AND g.state = 'open' AND g.severity = 'parse') AS parse,
   (r.review_status = '需整改' AND v.seq > 1 AND v.imported_at > COALESCE((SELECT MAX(a.at) FROM audit a WHERE a.report_id = r.id AND a.action = 'status' AND a.undone = 0), '')) AS newVersion,
   (SELECT COUNT(*) FROM versions x WHERE x.report_id = r.id) AS versions,
   (SELECT COUNT(*) FROM findings g WHERE g.report_id = r.id AND g.state = 'open' AND g.severity = 'error' AND COALESCE(g.decision, '') != 'dismissed') AS errors,
   (SELECT COUNT(*) FROM findings g WHERE g.report_id = r.id AND g.state = 'open' AND g.severity = 'warning' AND COALESCE(g.decision, '') != 'dismissed') AS warnings,
   (SELECT COUNT(*) FROM findings g WHERE g.report_id = r.id AND g.state = 'open' AND g.severity = 'info' AND COALESCE(g.decision, '') != 'dismissed') AS infos,
   (SELECT COUNT(*) FROM findings g WHERE g.report_id = r.id AND g.state = 'open' AND g.decision = 'confirmed') AS confirmed,
   (SELECT COUNT(*) FROM findings g WHERE g.report_id = r.id AND g.state = 'open' AND g.decision IS NULL AND g.severity NOT IN ('info', 'parse')) AS undecided
 FROM reports r JOIN versions v ON v.id = r.current_version_id JOIN files f ON f.id = v.file_id
 WHERE r.batch_id = ? ORDER BY r.township, r.year, f.rel_path`

/** The batch's reports by township, year and file. */
export function reportList(db: Db, batchId: number): ReportListItem[] {
  const rows = db.prepare(REPORT_LIST).all(batchId) as (Omit<ReportListItem, 'newVersion'> & { newVersion: number })[]
  return rows.map((r) => ({ ...r, newVersion: !!r.newVersion }))
}

export interface StoredReport {
  id: number
  batchId: number
  currentVersionId: number
  reviewStatus: ReviewStatus
  bodyNamed: string | null
}

export function reportById(db: Db, id: number): StoredReport | undefined {
  const r = db.prepare('SELECT id, batch_id, current_version_id, review_status, body_named FROM reports WHERE id = ?').get(id) as
    | { id: number; batch_id: number; current_version_id: number; review_status: ReviewStatus; body_named: string | null }
    | undefined
  return r && { id: r.id, batchId: r.batch_id, currentVersionId: r.current_version_id, reviewStatus: r.review_status, bodyNamed: r.body_named }
}

export function reportInBatch(db: Db, reportId: number, batchId: number): boolean {
  return !!db.prepare('SELECT 1 FROM reports WHERE id = ? AND batch_id = ?').get(reportId, batchId)
}

export type StoredParse = Omit<ParsedReport, 'norm'>

/** One version as it was read: the file, what the reader and parser made of it. */
export interface StoredVersion {
  id: number
  reportId: number
  file: string
  kind: 'txt' | 'html' | 'docx' | 'doc' | 'pdf'
  status: string
  message: string | null
  township: string | null
  body: string | null
  year: number | null
  format: string | null
  signDate: string | null
  title: string | null
  text: string
  /** Sanitised display HTML (Word, HTML). */
  html: string | null
  pages: { width: number; height: number; scanned?: boolean }[] | null
  /** Null when the version could not be parsed. */
  parsed: StoredParse | null
}

interface VersionRow {
  id: number
  report_id: number
  rel_path: string
  kind: StoredVersion['kind']
  status: string
  message: string | null
  township: string | null
  body: string | null
  year: number | null
  format: string | null
  sign_date: string | null
  title: string | null
  text: string
  html: string | null
  pages: string | null
  parsed: string | Buffer | null
}

/** A version of the report (undefined when it is not one of the report's). The original file is left out: see originalOf. */
export function versionOf(db: Db, reportId: number, versionId: number): StoredVersion | undefined {
  const v = db
    .prepare(
      `SELECT v.id, v.report_id, f.rel_path, v.kind, v.status, v.message, v.township, v.body, v.year, v.format, v.sign_date, v.title, v.text, v.html, v.pages, v.parsed
       FROM versions v JOIN files f ON f.id = v.file_id WHERE v.id = ? AND v.report_id = ?`
    )
    .get(versionId, reportId) as VersionRow | undefined
  if (!v) return undefined
  return {
    id: v.id,
    reportId: v.report_id,
    file: v.rel_path,
    kind: v.kind,
    status: v.status,
    message: v.message,
    township: v.township,
    body: v.body,
    year: v.year,
    format: v.format,
    signDate: v.sign_date,
    title: v.title,
    text: v.text,
    html: v.html,
    pages: v.pages ? (JSON.parse(v.pages) as StoredVersion['pages']) : null,
    parsed: unpackJson<StoredParse>(v.parsed)
  }
}

/** Only the text and the parse of a version, for comparing two of them. */
export function versionReading(db: Db, reportId: number, versionId: number): { text: string; parsed: StoredParse | null } | undefined {
  const v = db.prepare('SELECT text, parsed FROM versions WHERE id = ? AND report_id = ?').get(versionId, reportId) as
    | { text: string; parsed: string | Buffer | null }
    | undefined
  return v && { text: v.text, parsed: unpackJson<StoredParse>(v.parsed) }
}

export interface VersionListItem {
  id: number
  seq: number
  file: string
  importedAt: string
  sha256: string
}

/** The report's versions, oldest first. */
export function versionsOf(db: Db, reportId: number): VersionListItem[] {
  return db
    .prepare('SELECT v.id, v.seq, f.rel_path AS file, v.imported_at AS importedAt, v.sha256 FROM versions v JOIN files f ON f.id = v.file_id WHERE v.report_id = ? ORDER BY v.seq')
    .all(reportId) as VersionListItem[]
}

/** The stored original file of a version (PDFs keep theirs for the viewer). */
export function originalOf(db: Db, versionId: number): Buffer | null {
  return (db.prepare('SELECT original FROM versions WHERE id = ?').get(versionId) as { original: Buffer | null } | undefined)?.original ?? null
}
