// Whether a batch check can be skipped. The check reads the current version of every report (its
// identity, its stored per-version work and the cells the reviewer settled), the batch settings and the
// rules; its results are a function of those alone. Their fingerprint is kept with the results
// (table batch_checks), so re-importing an unchanged folder, or re-opening it, does no check work at all.
import { createHash } from 'node:crypto'
import type { Db } from '../db/open.ts'
import { currentVersionRows, type CurrentVersionRow } from '../db/versionsRepo.ts'
import { settlementStamp, type SettlementRow } from '../settle/settlement.ts'
import { CROSS_RULES } from './registry.ts'
import { RULESET } from './ruleset.ts'

/** What the check reads of one current version (its text and parsed JSON are fixed by its id). */
export type StampRow = CurrentVersionRow

const RULES = JSON.stringify([RULESET, CROSS_RULES.map((r) => [r.id, r.severity])])

/**
 * Fingerprint of a check's inputs. `assumePrepared`: as the check leaves them, every version with its
 * per-version work stored under the current rule set (a check stores what was missing); the stamp
 * stored after a check is made this way, so a version whose stored work was lost or made by other
 * rules makes the next stamp differ and the check run.
 */
export function inputStamp(rows: readonly StampRow[], settled: ReadonlyMap<number, SettlementRow[]>, settings: string, assumePrepared: boolean): string {
  const h = createHash('sha256')
  h.update(RULES)
  h.update(`\n${settings}\n`)
  for (const r of [...rows].sort((a, b) => a.report_id - b.report_id)) {
    const prepared = assumePrepared || r.ruleset === RULESET
    h.update(`${r.report_id}|${r.version_id}|${r.sha256}|${r.rel_path}|${r.township ?? ''}|${r.year ?? ''}|${r.body ?? ''}|${prepared ? 1 : 0}|${settlementStamp(settled.get(r.version_id))}\n`)
  }
  return h.digest('hex').slice(0, 32)
}

/** The current versions as the check sees them, without their text. */
export function stampRows(db: Db, batchId: number): StampRow[] {
  return currentVersionRows(db, batchId)
}

export function storedStamp(db: Db, batchId: number): string | undefined {
  return db.prepare('SELECT stamp FROM batch_checks WHERE batch_id = ?').pluck().get(batchId) as string | undefined
}

export function saveStamp(db: Db, batchId: number, stamp: string): void {
  db.prepare('INSERT INTO batch_checks (batch_id, stamp, at) VALUES (?, ?, ?) ON CONFLICT (batch_id) DO UPDATE SET stamp = excluded.stamp, at = excluded.at').run(batchId, stamp, new Date().toISOString())
}
