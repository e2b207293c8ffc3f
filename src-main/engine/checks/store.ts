// Running the checks on what is stored, and keeping findings stable across re-checks:
// a finding is identified by (report, rule + location); one that no longer occurs is marked
// resolved, never deleted, so the reviewer's decision on it is kept.
import type { Db } from '../db/open.ts'
import type { ParsedReport } from '../model.ts'
import { foldText } from '../parse/normalize.ts'
import { applySettlements, batchSettlements, settlementStamp } from '../review/settlement.ts'
import { lazyReport, prepareChecks, type CheckPrep } from './prep.ts'
import { RULESET } from './ruleset.ts'
import { encodeEvidence } from './storedEvidence.ts'
import { checkBatch, type CheckResult } from './run.ts'
import type { BatchReport, BatchSettings, Finding, FormatKey } from './types.ts'

export function findingKey(f: Pick<Finding, 'rule' | 'loc'>): string {
  return `${f.rule}@${f.loc}`
}

export function batchSettings(db: Db, batchId: number): BatchSettings {
  const row = db.prepare('SELECT settings FROM batches WHERE id = ?').get(batchId) as { settings: string } | undefined
  try {
    return row ? (JSON.parse(row.settings) as BatchSettings) : {}
  } catch {
    return {}
  }
}

export function saveBatchSettings(db: Db, batchId: number, s: BatchSettings): void {
  db.prepare('UPDATE batches SET settings = ? WHERE id = ?').run(JSON.stringify(s), batchId)
}

interface CurrentRow {
  report_id: number
  version_id: number
  rel_path: string
  township: string | null
  year: number | null
  body: string | null
  sha256: string
  text: string
  ruleset: string | null
  prep: string | null
}

/**
 * The current version of every report of the batch, as the rules see it. Versions whose per-version
 * check work is stored (and still valid) are loaded from that small record, their cells read only on
 * demand; the others are parsed in full and their check work is done and stored now.
 */
export function loadBatchReports(db: Db, batchId: number): BatchReport[] {
  const rows = db
    .prepare(
      `SELECT r.id AS report_id, v.id AS version_id, f.rel_path, v.township, v.year, v.body, v.sha256, v.text, c.ruleset, c.prep
       FROM reports r JOIN versions v ON v.id = r.current_version_id JOIN files f ON f.id = v.file_id
       LEFT JOIN version_checks c ON c.version_id = v.id
       WHERE r.batch_id = ? AND v.parsed IS NOT NULL ORDER BY f.rel_path`
    )
    .all(batchId) as CurrentRow[]
  const parsedOf = db.prepare('SELECT parsed FROM versions WHERE id = ?').pluck()
  const savePrep = db.prepare(
    'INSERT INTO version_checks (version_id, ruleset, prep) VALUES (?, ?, ?) ON CONFLICT (version_id) DO UPDATE SET ruleset = excluded.ruleset, prep = excluded.prep'
  )
  // The reviewer's settled cells are what the checks read; stored work made with other settlements is redone.
  const settled = batchSettlements(db, batchId)
  // One transaction for the check work stored on the way.
  return db.transaction(() => rows.map((r) => {
    const norm = foldText(r.text)
    const settlements = settled.get(r.version_id)
    const stamp = settlementStamp(settlements)
    let full: ParsedReport | null = null
    const loadFull = (): ParsedReport =>
      (full ??= { ...applySettlements(JSON.parse(parsedOf.get(r.version_id) as string) as Omit<ParsedReport, 'norm'>, settlements), norm })
    let prep = r.ruleset === RULESET && r.prep ? storedPrep(r.prep) : null
    if (prep && (prep.settled ?? '') !== stamp) prep = null
    let report: ParsedReport
    if (prep) report = lazyReport(prep.outline, norm, loadFull)
    else {
      report = loadFull()
      prep = prepareChecks(report, r.text, stamp)
      savePrep.run(r.version_id, prep.ruleset, JSON.stringify(prep))
    }
    const fmt: FormatKey = report.format === '2019' ? '2019' : report.format === '2021' ? '2021' : report.year !== undefined && report.year < 2021 ? '2019' : '2021'
    return {
      reportId: r.report_id,
      versionId: r.version_id,
      file: r.rel_path,
      township: r.township ?? undefined,
      year: r.year ?? undefined,
      body: r.body ?? undefined,
      format: fmt,
      sha256: r.sha256,
      report,
      text: r.text,
      prep
    }
  }))()
}

/** Stored per-version work, or null when it cannot be used (then it is redone). */
function storedPrep(json: string): CheckPrep | null {
  try {
    const p = JSON.parse(json) as Partial<CheckPrep>
    return p.outline?.tables && Array.isArray(p.results) && Array.isArray(p.findings) && p.sigs ? (p as CheckPrep) : null
  } catch {
    return null
  }
}

interface StoredFinding {
  key: string
  severity: string
  outcome: string
  message: string
  evidence: string
  last_version_id: number | null
  state: string
}

/** Check the whole batch and store the results. Returns the results per report id. */
export function runChecks(db: Db, batchId: number): Map<number, CheckResult> {
  const reports = loadBatchReports(db, batchId)
  const results = checkBatch(reports, batchSettings(db, batchId))
  const byReport = new Map(reports.map((r) => [r.reportId, r]))
  const saveResults = db.prepare('INSERT INTO rule_results (version_id, results) VALUES (?, ?) ON CONFLICT (version_id) DO UPDATE SET results = excluded.results')
  const upsert = db.prepare(
    `INSERT INTO findings (report_id, key, rule, severity, outcome, message, evidence, first_version_id, last_version_id, state)
     VALUES (@report_id, @key, @rule, @severity, @outcome, @message, @evidence, @version, @version, 'open')
     ON CONFLICT (report_id, key) DO UPDATE SET severity = excluded.severity, outcome = excluded.outcome, message = excluded.message,
       evidence = excluded.evidence, last_version_id = excluded.last_version_id, state = 'open'`
  )
  const stored = db.prepare('SELECT key, severity, outcome, message, evidence, last_version_id, state FROM findings WHERE report_id = ? AND manual = 0')
  const resolve = db.prepare("UPDATE findings SET state = 'resolved' WHERE report_id = ? AND key = ?")
  db.transaction(() => {
    for (const [reportId, res] of results) {
      const versionId = (byReport.get(reportId) as BatchReport).versionId
      saveResults.run(versionId, JSON.stringify(res.results))
      const before = new Map((stored.all(reportId) as StoredFinding[]).map((x) => [x.key, x]))
      const seen = new Set<string>()
      for (const f of res.findings) {
        let key = findingKey(f)
        // Two findings of one rule at one place are kept apart by a counter, deterministic in check order.
        for (let i = 2; seen.has(key); i++) key = `${findingKey(f)}#${i}`
        seen.add(key)
        const evidence = encodeEvidence(f.evidence, f.sides)
        const old = before.get(key)
        // A re-check mostly finds what it found before: an identical open finding is not rewritten.
        if (
          old?.state === 'open' && old.severity === f.severity && old.outcome === f.outcome && old.message === f.message &&
          old.evidence === evidence && old.last_version_id === versionId
        )
          continue
        upsert.run({ report_id: reportId, key, rule: f.rule, severity: f.severity, outcome: f.outcome, message: f.message, evidence, version: versionId })
      }
      for (const [key, old] of before) if (old.state === 'open' && !seen.has(key)) resolve.run(reportId, key)
    }
  })()
  return results
}
