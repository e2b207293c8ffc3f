// Running the checks on what is stored, and keeping findings stable across re-checks:
// a finding is identified by (report, rule + location); one that no longer occurs is marked
// resolved, never deleted, so the reviewer's decision on it is kept.
import type { Db } from '../db/open.ts'
import { jsonText, packJson } from '../db/packed.ts'
import type { ParsedReport } from '../model.ts'
import { batchSettlements, settlementStamp } from '../settle/settlement.ts'
import { lazyReport, prepareChecks, type CheckPrep } from './prep.ts'
import { RULESET } from './ruleset.ts'
import { evidenceJson, packEvidence, sameEvidence } from './storedEvidence.ts'
import { checkBatch, checkBatchDeferred, type CheckResult, type CrossOutcome } from './run.ts'
import { VersionCache } from './versionCache.ts'
import { TextSpill, type TextRef } from './lib/textSpill.ts'
import { inputStamp, saveStamp, stampRows, storedStamp, type StampRow } from './stamp.ts'
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


/**
 * The current version of every report of the batch, as the rules see it. Versions whose per-version
 * check work is stored (and still valid) are loaded from that small record, their cells read only on
 * demand; the others are parsed in full and their check work is done and stored now.
 */
export function loadBatchReports(db: Db, batchId: number): BatchReport[] {
  return loadStamped(db, batchId, '').reports
}

/**
 * The batch's reports and the fingerprint of what was read (checks/stamp.ts), as a check leaves it.
 * With `spill`, each report's outline waits in that file, not in memory, until a rule asks for it.
 */
export function loadStamped(db: Db, batchId: number, settings: string, spill?: TextSpill, opt: LoadOptions = {}): { reports: BatchReport[]; stamp: string } {
  const rows: StampRow[] = stampRows(db, batchId)
  const prepOf = db.prepare('SELECT prep FROM version_checks WHERE version_id = ?').pluck()
  const savePrep = db.prepare(
    'INSERT INTO version_checks (version_id, ruleset, prep) VALUES (?, ?, ?) ON CONFLICT (version_id) DO UPDATE SET ruleset = excluded.ruleset, prep = excluded.prep'
  )
  // The reviewer's settled cells are what the checks read; stored work made with other settlements is redone.
  const settled = batchSettlements(db, batchId)
  const stamp = inputStamp(rows, settled, settings, true)
  // Texts, folded texts and parsed reports are read through a small cache when a rule asks for them,
  // never held for the whole batch (checks/versionCache.ts); what each report keeps is its outline's JSON.
  const cache = new VersionCache(db)
  // One transaction for the check work stored on the way.
  const reports = db.transaction(() => rows.map((r): BatchReport => {
    const versionId = r.version_id
    const settlements = settled.get(versionId)
    const stamp = settlementStamp(settlements)
    const loadFull = (): ParsedReport => cache.full(versionId, settlements)
    const storedWork = r.ruleset === RULESET ? (prepOf.get(versionId) as string | Buffer | undefined) : undefined
    // The stored rules' results as the record holds them (JSON text), cut from it rather than made again.
    let rulesJson: string | undefined
    let prep: CheckPrep | null = null
    if (storedWork && opt.rules === false) prep = storedPrepHead(storedWork)
    else if (storedWork) ({ prep, rulesJson } = storedPrepWithRules(storedWork))
    if (prep && (prep.settled ?? '') !== stamp) prep = null
    if (!prep) {
      rulesJson = undefined
      prep = prepareChecks(loadFull(), cache.text(versionId), stamp)
      if (!opt.readOnly) savePrep.run(versionId, prep.ruleset, packJson(prep))
    }
    // Each report keeps its outline as JSON text (a third of its parsed size) and the rules get it parsed
    // through the cache: the objects of 10,000 outlines made most of the check's heap. In a check the
    // text itself waits in the spill file: held, it was about 3 KB a report (30 MB at 10,000).
    const json = JSON.stringify(prep.outline)
    const outline: string | TextRef = spill ? spill.write(json) : json
    const outlineOf = (): CheckPrep['outline'] => JSON.parse(typeof outline === 'string' ? outline : (spill as TextSpill).read(outline)) as CheckPrep['outline']
    const reportOf = (): ParsedReport => cache.report(versionId, () => lazyReport(outlineOf(), () => cache.norm(versionId), loadFull))
    const report = reportOf()
    // The rules' stored results are most of the record: read again when the report's turn comes.
    const { ruleset, settled: prepSettled, sigs, textKey } = prep
    // In a check they wait in the spill file, taken from the record unpacked here: read again from the
    // database they were inflated and parsed a second time (about 0.3 ms a report; issue 17). The JSON
    // round trip gives what the stored record gives.
    const rulesRef = spill && opt.rules !== false ? spill.write(rulesJson ?? JSON.stringify({ results: prep.results, findings: prep.findings })) : null
    // Getters written in the literal: defined afterwards over data properties, they turned each of these
    // objects into a dictionary (about 1 KB a report held for the whole check).
    prep = {
      ruleset, ...(prepSettled === undefined ? {} : { settled: prepSettled }), sigs, ...(textKey === undefined ? {} : { textKey }), results: [], findings: [],
      get outline() {
        return outlineOf()
      }
    }
    const storedRules: BatchReport['storedRules'] = () => {
      if (rulesRef) return JSON.parse((spill as TextSpill).read(rulesRef)) as Pick<CheckPrep, 'results' | 'findings'>
      const again = prepOf.get(versionId) as string | Buffer | undefined
      return (again ? storedPrep(again) : null) ?? { results: [], findings: [] }
    }
    const fmt: FormatKey = report.format === '2019' ? '2019' : report.format === '2021' ? '2021' : report.year !== undefined && report.year < 2021 ? '2019' : '2021'
    const out: BatchReport = {
      reportId: r.report_id,
      versionId,
      file: r.rel_path,
      township: r.township ?? undefined,
      year: r.year ?? undefined,
      body: r.body ?? undefined,
      format: fmt,
      sha256: r.sha256,
      prep,
      storedRules,
      get report() {
        return reportOf()
      },
      get text() {
        return cache.text(versionId)
      }
    }
    return out
  }))()
  return { reports, stamp }
}

interface LoadOptions {
  /** Never store check work (a second thread's connection; the check's own stores it). */
  readOnly?: boolean
  /** false: the stored rules' results are not asked for (a thread that runs one cross rule only). */
  rules?: false
}

/** Stored per-version work, or null when it cannot be used (then it is redone). */
function storedPrep(stored: string | Buffer): CheckPrep | null {
  return storedPrepWithRules(stored).prep
}

function usablePrep(p: Partial<CheckPrep>): p is CheckPrep {
  return Boolean(p.outline?.tables && Array.isArray(p.results) && Array.isArray(p.findings) && p.sigs)
}

/**
 * Where the rules' results start in a record as prepareChecks makes it ({ ruleset, settled?, outline, sigs,
 * textKey, results, findings }): the first ',"results":[' (a quote inside a JSON string is escaped, so the
 * sequence cannot stand in one), followed by findings alone; -1 for a record of another shape.
 */
function rulesStart(json: string): number {
  const i = json.indexOf(',"results":[')
  return i > 0 && json.indexOf('],"findings":[', i) > 0 && json.endsWith(']}') ? i : -1
}

/**
 * The record and its rules' results as JSON text, {"results":[…],"findings":[…]}: the text is cut from the
 * record, so that a check does not serialise again what it has just parsed (issue 17).
 */
function storedPrepWithRules(stored: string | Buffer): { prep: CheckPrep | null; rulesJson?: string } {
  try {
    const json = jsonText(stored) as string
    const p = JSON.parse(json) as Partial<CheckPrep>
    if (!usablePrep(p)) return { prep: null }
    const at = rulesStart(json)
    return at < 0 ? { prep: p } : { prep: p, rulesJson: `{${json.slice(at + 1)}` }
  } catch {
    return { prep: null }
  }
}

/**
 * The record without its rules' results, for a thread that never asks for them (the second check thread):
 * only the part before them is parsed, about a seventh of the record. A record whose results cannot be
 * cut off is read whole, as storedPrep reads it.
 */
function storedPrepHead(stored: string | Buffer): CheckPrep | null {
  try {
    const json = jsonText(stored) as string
    const at = rulesStart(json)
    if (at < 0) return storedPrep(stored)
    const p = JSON.parse(`${json.slice(0, at)},"results":[],"findings":[]}`) as Partial<CheckPrep>
    return usablePrep(p) ? p : null
  } catch {
    return null
  }
}

interface StoredFinding {
  key: string
  severity: string
  outcome: string
  message: string
  evidence: string | Buffer
  last_version_id: number | null
  state: string
}

/** Batch checks run and skipped in this thread since it started (tests and the bench read it). */
export const checkRuns = { ran: 0, skipped: 0 }

/**
 * Reports whose results are written in one transaction: short enough not to hold up an import. Results
 * waiting for their transaction outlive the young generation and become old garbage: at 200, a check of
 * 10,000 reports ran a full collection every second or so (issue 17).
 */
const WRITE_EVERY = 50

/** Nothing the check reads has changed since the last check: its stored results stand. */
export function checkIsCurrent(db: Db, batchId: number): boolean {
  const last = storedStamp(db, batchId)
  return last !== undefined && last === inputStamp(stampRows(db, batchId), batchSettlements(db, batchId), JSON.stringify(batchSettings(db, batchId)), false)
}

/**
 * Check the whole batch and store the results, report by report as they are made (a large batch's
 * results are never all in memory). Returns the number of reports checked: 0 when nothing the check
 * reads has changed since the last check (then the stored results stand and nothing is done), unless `force`.
 */
export function runChecks(db: Db, batchId: number, opt: { force?: boolean } = {}): number {
  const settings = batchSettings(db, batchId)
  const settingsKey = JSON.stringify(settings)
  if (!opt.force && checkIsCurrent(db, batchId)) {
    checkRuns.skipped++
    return 0
  }
  checkRuns.ran++
  const spill = new TextSpill()
  try {
    const { reports, stamp } = loadStamped(db, batchId, settingsKey, spill)
    const w = resultWriter(db)
    checkBatch(reports, settings, (r, res) => w.add(r, res))
    w.finish(batchId, stamp)
    return reports.length
  } finally {
    spill.close()
  }
}

/**
 * runChecks with some cross rules' outcomes made elsewhere (a second thread, checks/peerThread.ts) while
 * this thread does the rest: `outcomes` is called with the loaded reports and the batch's settings once
 * they are loaded, and gives the rules' outcomes in the order of `rules`. What is stored is what
 * runChecks stores, finding by finding and in the same order within each report.
 */
export async function runChecksDeferred(
  db: Db,
  batchId: number,
  rules: string[],
  outcomes: (reports: BatchReport[], settings: BatchSettings) => Promise<CrossOutcome[]>,
  opt: { force?: boolean } = {}
): Promise<number> {
  const settings = batchSettings(db, batchId)
  if (!opt.force && checkIsCurrent(db, batchId)) {
    checkRuns.skipped++
    return 0
  }
  checkRuns.ran++
  const spill = new TextSpill()
  try {
    const { reports, stamp } = loadStamped(db, batchId, JSON.stringify(settings), spill)
    const w = resultWriter(db)
    // Reports holding the rules' open findings of an earlier check: written first without the rules, they
    // keep those findings open until their full results come (resolved there if no longer found).
    const also = new Set(
      db.prepare(
        `SELECT DISTINCT g.report_id FROM findings g JOIN reports r ON r.id = g.report_id
         WHERE r.batch_id = ? AND g.rule IN (${rules.map(() => '?').join(', ')}) AND g.state = 'open' AND g.manual = 0`
      )
        .pluck()
        .all(batchId, ...rules) as number[]
    )
    const before = db.prepare('SELECT COALESCE(MAX(id), 0) FROM findings').pluck().get() as number
    await checkBatchDeferred(reports, settings, (r, res) => w.add(r, res, { keep: rules }), {
      rules,
      outcomes: outcomes(reports, settings),
      also,
      patch: (r, res) => w.add(r, res, { redoAfter: before })
    })
    w.finish(batchId, stamp)
    return reports.length
  } finally {
    spill.close()
  }
}

interface WriteOptions {
  /** These rules' open findings are left as they are (their results come later). */
  keep?: string[]
  /**
   * The report's findings written by this check (ids above this) are written again, after its first
   * results without one rule: so the report's findings keep the order of a check made in one pass.
   */
  redoAfter?: number
}

/** Stores results report by report, WRITE_EVERY reports a transaction; finish() stores the rest and the stamp. */
function resultWriter(db: Db): { add(r: BatchReport, res: CheckResult, opt?: WriteOptions): void; finish(batchId: number, stamp: string): void } {
  const saveResults = db.prepare('INSERT INTO rule_results (version_id, results) VALUES (?, ?) ON CONFLICT (version_id) DO UPDATE SET results = excluded.results')
  const upsert = db.prepare(
    `INSERT INTO findings (report_id, key, rule, severity, outcome, message, evidence, first_version_id, last_version_id, state)
     VALUES (@report_id, @key, @rule, @severity, @outcome, @message, @evidence, @version, @version, 'open')
     ON CONFLICT (report_id, key) DO UPDATE SET severity = excluded.severity, outcome = excluded.outcome, message = excluded.message,
       evidence = excluded.evidence, last_version_id = excluded.last_version_id, state = 'open'`
  )
  const stored = db.prepare('SELECT key, severity, outcome, message, evidence, last_version_id, state FROM findings WHERE report_id = ? AND manual = 0')
  const resolve = db.prepare("UPDATE findings SET state = 'resolved' WHERE report_id = ? AND key = ?")
  // Only rows no reviewer has touched: a decision made meanwhile is never lost (its row keeps its place).
  const unwrite = db.prepare('DELETE FROM findings WHERE report_id = ? AND id > ? AND manual = 0 AND decision IS NULL AND comment IS NULL')
  const write = (r: BatchReport, res: CheckResult, opt: WriteOptions): void => {
    const { reportId, versionId } = r
    if (opt.redoAfter !== undefined) unwrite.run(reportId, opt.redoAfter)
    saveResults.run(versionId, packJson(res.results))
    const before = new Map((stored.all(reportId) as StoredFinding[]).map((x) => [x.key, x]))
    const seen = new Set<string>()
    for (const f of res.findings) {
      let key = findingKey(f)
      // Two findings of one rule at one place are kept apart by a counter, deterministic in check order.
      for (let i = 2; seen.has(key); i++) key = `${findingKey(f)}#${i}`
      seen.add(key)
      // Compared as JSON, whether the stored value is packed or plain; packed (storedEvidence.ts) only when written.
      const evidence = evidenceJson(f.evidence, f.sides)
      const old = before.get(key)
      // A re-check mostly finds what it found before: an identical open finding is not rewritten.
      if (
        old?.state === 'open' && old.severity === f.severity && old.outcome === f.outcome && old.message === f.message &&
        old.last_version_id === versionId && sameEvidence(old.evidence, evidence)
      )
        continue
      upsert.run({ report_id: reportId, key, rule: f.rule, severity: f.severity, outcome: f.outcome, message: f.message, evidence: packEvidence(evidence), version: versionId })
    }
    const kept = (opt.keep ?? []).map((rule) => `${rule}@`)
    for (const [key, old] of before) if (old.state === 'open' && !seen.has(key) && !kept.some((k) => key.startsWith(k))) resolve.run(reportId, key)
  }
  let pending: [BatchReport, CheckResult, WriteOptions][] = []
  const flush = db.transaction((batch: [BatchReport, CheckResult, WriteOptions][]) => {
    for (const [r, res, opt] of batch) write(r, res, opt)
  })
  return {
    add(r, res, opt = {}) {
      pending.push([r, res, opt])
      if (pending.length >= WRITE_EVERY) {
        flush(pending)
        pending = []
      }
    },
    finish(batchId, stamp) {
      // The stamp goes with the last results: a check interrupted before all are stored is never taken as done.
      db.transaction(() => {
        flush(pending)
        pending = []
        saveStamp(db, batchId, stamp)
      })()
    }
  }
}
