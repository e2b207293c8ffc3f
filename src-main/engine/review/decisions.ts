// The reviewer's decisions on a report: confirming or dismissing findings, adding findings of their
// own, the report's review status and the name of the body that filed it. Each change and its audit
// row are written in one transaction. Input shapes are checked by the caller (the server adapts the
// API); what needs the database (does the finding/report exist) is checked here.
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/open.ts'
import type { Decision, Evidence, ReviewStatus, Severity } from '../../shared/vocabulary.ts'
import { auditWriter } from './audit.ts'
import { findingById, insertManualFinding, writeDecision, type StoredFinding } from './findingsRepo.ts'

export function decide(db: Db, reviewer: string, findingId: number, decision: Decision | null, comment: string | null): StoredFinding {
  const f = findingById(db, findingId)
  if (!f) throw new Error('没有这条发现')
  const audit = auditWriter(db, reviewer)
  db.transaction(() => {
    audit('decide', f.reportId, f.key, { decision: f.decision, comment: f.comment }, { decision, comment })
    writeDecision(db, findingId, decision, comment, reviewer, new Date().toISOString())
  })()
  return findingById(db, findingId) as StoredFinding
}

export interface NewFinding {
  severity: Severity
  message: string
  comment: string | null
  evidence: Evidence[]
}

export function addFinding(db: Db, reviewer: string, reportId: number, f: NewFinding): StoredFinding {
  const r = db.prepare('SELECT current_version_id FROM reports WHERE id = ?').get(reportId) as { current_version_id: number } | undefined
  if (!r) throw new Error('没有这份年报')
  const key = `MANUAL@${Date.now().toString(36)}${randomUUID().slice(0, 6)}`
  const audit = auditWriter(db, reviewer)
  let id = 0
  db.transaction(() => {
    id = insertManualFinding(db, { reportId, key, ...f, versionId: r.current_version_id, by: reviewer, at: new Date().toISOString() })
    audit('add', reportId, key, null, { id })
  })()
  return findingById(db, id) as StoredFinding
}

export function setReviewStatus(db: Db, reviewer: string, reportId: number, status: ReviewStatus): void {
  const r = db.prepare('SELECT review_status FROM reports WHERE id = ?').get(reportId) as { review_status: string } | undefined
  if (!r) throw new Error('没有这份年报')
  const audit = auditWriter(db, reviewer)
  db.transaction(() => {
    audit('status', reportId, null, { status: r.review_status }, { status })
    db.prepare('UPDATE reports SET review_status = ? WHERE id = ?').run(status, reportId)
  })()
}

/** Names the body that filed the report (null: back to the name the reader found). */
export function setReportBody(db: Db, reviewer: string, reportId: number, name: string | null): void {
  const r = db.prepare('SELECT body_named FROM reports WHERE id = ?').get(reportId) as { body_named: string | null } | undefined
  if (!r) throw new Error('没有这份年报')
  const audit = auditWriter(db, reviewer)
  db.transaction(() => {
    audit('body', reportId, null, { body: r.body_named }, { body: name })
    db.prepare('UPDATE reports SET body_named = ? WHERE id = ?').run(name, reportId)
  })()
}
