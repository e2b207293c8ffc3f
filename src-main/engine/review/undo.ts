// Undo: the latest action not yet undone (of one report, or of all) is reversed from its audit row,
// the row is marked undone and the undo itself is audited (already marked undone, so an undo is never
// undone in turn). Undoing a cell settlement re-runs the batch's checks, as settling did.
import { runChecksOffThread } from '../checks/offThread.ts'
import type { Db } from '../db/open.ts'
import { auditWriter } from './audit.ts'
import { deleteManualFinding, restoreDecision } from './findingsRepo.ts'
import { undoSettlementAction } from '../settle/settlement.ts'

/** What an undo names in its notice, per audited action. */
const LABELS: Record<string, string> = { decide: '审核决定', status: '审核状态', add: '人工添加的发现', body: '报送单位名称', settle: '单元格人工核定', unsettle: '撤回人工核定' }

export async function undoLast(db: Db, reviewer: string, reportId?: number | null): Promise<{ undone: string | null; reportId?: number }> {
  const a = (
    reportId === undefined || reportId === null
      ? db.prepare("SELECT * FROM audit WHERE undone = 0 AND action != 'undo' ORDER BY id DESC LIMIT 1").get()
      : db.prepare("SELECT * FROM audit WHERE undone = 0 AND action != 'undo' AND report_id = ? ORDER BY id DESC LIMIT 1").get(reportId)
  ) as { id: number; action: string; report_id: number; finding_key: string | null; before: string; after: string } | undefined
  if (!a) return { undone: null }
  const before = JSON.parse(a.before) as Record<string, unknown> | null
  const after = JSON.parse(a.after) as Record<string, unknown> | null
  const audit = auditWriter(db, reviewer)
  db.transaction(() => {
    if (a.action === 'decide' && before) {
      restoreDecision(db, a.report_id, a.finding_key, (before.decision as string | null) ?? null, (before.comment as string | null) ?? null)
    } else if (a.action === 'status' && before) {
      db.prepare('UPDATE reports SET review_status = ? WHERE id = ?').run(before.status as string, a.report_id)
    } else if (a.action === 'body' && before) {
      db.prepare('UPDATE reports SET body_named = ? WHERE id = ?').run((before.body as string | null) ?? null, a.report_id)
    } else if (a.action === 'add' && after) {
      deleteManualFinding(db, after.id as number)
    } else if (a.action === 'settle' || a.action === 'unsettle') {
      undoSettlementAction(db, a.action, before, after)
    }
    db.prepare('UPDATE audit SET undone = 1 WHERE id = ?').run(a.id)
    audit('undo', a.report_id, a.finding_key, { audit: a.id }, null)
    db.prepare("UPDATE audit SET undone = 1 WHERE action = 'undo' AND id = (SELECT MAX(id) FROM audit)").run()
  })()
  if (a.action === 'settle' || a.action === 'unsettle') {
    const batchId = batchOfReport(db, a.report_id)
    if (batchId !== null) await runChecksOffThread(db, batchId)
  }
  return { undone: LABELS[a.action] ?? a.action, reportId: a.report_id }
}

/** The batch of a report, to re-run its checks after a change to its cells. */
export function batchOfReport(db: Db, reportId: number): number | null {
  return (db.prepare('SELECT batch_id FROM reports WHERE id = ?').get(reportId) as { batch_id: number } | undefined)?.batch_id ?? null
}
