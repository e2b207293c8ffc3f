// The audit trail: every reviewer action that changes a decision, a status, a name or a cell is a
// row here with what it was before and after, so it can be shown and undone (undo.ts).
import type { AuditEntryDto } from '../../shared/api.ts'
import type { Db } from '../db/open.ts'

export type AuditAction = 'decide' | 'add' | 'status' | 'body' | 'settle' | 'unsettle' | 'undo'

/** Records one action; callers run it in the transaction of the change it describes. */
export type Audit = (action: AuditAction, reportId: number, key: string | null, before: unknown, after: unknown) => void

export function auditWriter(db: Db, reviewer: string): Audit {
  return (action, reportId, key, before, after) => {
    db.prepare('INSERT INTO audit (at, reviewer, action, report_id, finding_key, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      new Date().toISOString(),
      reviewer,
      action,
      reportId,
      key,
      JSON.stringify(before),
      JSON.stringify(after)
    )
  }
}

/** One line of the audit trail: the API's type, so the two cannot drift apart. */
export type AuditEntry = AuditEntryDto

/** A batch's audit rows, newest first; limit is clamped to 1..5000 (500 when not given). */
export function auditTrail(db: Db, batchId: number, limit?: number): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.at, a.reviewer, a.action, a.report_id AS reportId, r.township, a.finding_key AS findingKey, a.before, a.after, a.undone
       FROM audit a JOIN reports r ON r.id = a.report_id WHERE r.batch_id = ? ORDER BY a.id DESC LIMIT ?`
    )
    .all(batchId, Math.max(1, Math.min(5000, Math.floor(limit ?? 500)))) as (Omit<AuditEntry, 'undone'> & { undone: number })[]
  return rows.map((a) => ({ ...a, undone: !!a.undone }))
}
