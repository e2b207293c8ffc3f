// The findings table as the review stage sees it: the one place its rows become models (evidence
// decoded, flags as booleans, camelCase) and the writes a reviewer's actions make. The checks write
// their own findings through checks/store.ts; the exports read them through export/data.ts.
import { decodeEvidence, encodeEvidence } from '../checks/storedEvidence.ts'
import type { Db } from '../db/open.ts'
import type { Decision, Evidence, FindingOutcome, Severity, Sides } from '../../shared/vocabulary.ts'

interface FindingRow {
  id: number
  report_id: number
  key: string
  rule: string
  severity: Severity
  outcome: FindingOutcome
  message: string
  evidence: string | Buffer
  state: 'open' | 'resolved'
  manual: number
  decision: Decision | null
  comment: string | null
  decided_by: string | null
  decided_at: string | null
  first_version_id: number | null
  last_version_id: number | null
}

/** A stored finding with the reviewer's decision on it. */
export interface StoredFinding {
  id: number
  reportId: number
  key: string
  rule: string
  severity: Severity
  outcome: FindingOutcome
  message: string
  evidence: Evidence[]
  sides: Sides | null
  state: 'open' | 'resolved'
  manual: boolean
  decision: Decision | null
  comment: string | null
  decidedBy: string | null
  decidedAt: string | null
  firstVersionId: number | null
  lastVersionId: number | null
}

function toFinding(f: FindingRow): StoredFinding {
  const ev = decodeEvidence(f.evidence)
  return {
    id: f.id,
    reportId: f.report_id,
    key: f.key,
    rule: f.rule,
    severity: f.severity,
    outcome: f.outcome,
    message: f.message,
    evidence: ev.items,
    sides: ev.sides,
    state: f.state,
    manual: !!f.manual,
    decision: f.decision,
    comment: f.comment,
    decidedBy: f.decided_by,
    decidedAt: f.decided_at,
    firstVersionId: f.first_version_id,
    lastVersionId: f.last_version_id
  }
}

export function findingById(db: Db, id: number): StoredFinding | undefined {
  const row = db.prepare('SELECT * FROM findings WHERE id = ?').get(id) as FindingRow | undefined
  return row ? toFinding(row) : undefined
}

/** A report's findings, open ones first. */
export function findingsOf(db: Db, reportId: number): StoredFinding[] {
  return (db.prepare('SELECT * FROM findings WHERE report_id = ? ORDER BY state, id').all(reportId) as FindingRow[]).map(toFinding)
}

export function writeDecision(db: Db, id: number, decision: Decision | null, comment: string | null, by: string, at: string): void {
  db.prepare('UPDATE findings SET decision = ?, comment = ?, decided_by = ?, decided_at = ? WHERE id = ?').run(decision, comment, by, at, id)
}

/** Puts back a decision and comment as an undo finds them (who and when are left as they were). */
export function restoreDecision(db: Db, reportId: number, key: string | null, decision: string | null, comment: string | null): void {
  db.prepare('UPDATE findings SET decision = ?, comment = ? WHERE report_id = ? AND key = ?').run(decision, comment, reportId, key)
}

export interface ManualFinding {
  reportId: number
  key: string
  severity: Severity
  message: string
  comment: string | null
  evidence: Evidence[]
  versionId: number
  by: string
  at: string
}

/** A finding the reviewer added: confirmed from the start, seen in the version it was added to. */
export function insertManualFinding(db: Db, f: ManualFinding): number {
  const res = db
    .prepare(
      `INSERT INTO findings (report_id, key, rule, severity, outcome, message, evidence, first_version_id, last_version_id, state, manual, decision, comment, decided_by, decided_at)
       VALUES (?, ?, 'MANUAL', ?, 'FAIL', ?, ?, ?, ?, 'open', 1, 'confirmed', ?, ?, ?)`
    )
    .run(f.reportId, f.key, f.severity, f.message, encodeEvidence(f.evidence, null), f.versionId, f.versionId, f.comment, f.by, f.at)
  return Number(res.lastInsertRowid)
}

export function deleteManualFinding(db: Db, id: number): void {
  db.prepare('DELETE FROM findings WHERE id = ? AND manual = 1').run(id)
}
