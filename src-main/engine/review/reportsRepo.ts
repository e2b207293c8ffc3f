// The reports table as the review screens see it: the batch's report list with its finding counts and
// one report. The versions (one report's history, one version as read, its original) are read and
// written through db/versionsRepo.ts, the one place of the versions table's SQL.
import type { Db } from '../db/open.ts'
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
