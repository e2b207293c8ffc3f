// Running the rules: per report, then across the folder.
import type { ParsedReport } from '../model.ts'
import { makeContext } from './context.ts'
import { foldMissingCells } from './foldParse.ts'
import { ocrDoubtIsParse } from './ocrDoubt.ts'
import { parseProblemFindings } from './parseProblems.ts'
import { RULESET, SETTINGS_RULES } from './ruleset.ts'
import { CROSS_RULES, REPORT_RULES } from './registry.ts'
import { TextSpill, type TextRef } from './lib/textSpill.ts'
import type { BatchReport, BatchRule, BatchSettings, CheckResult, Finding, Outcome, ReportCtx, ReportRule } from './types.ts'

export type { CheckResult, RuleRun } from './types.ts'

export function checkReport(report: ParsedReport, text: string, settings: BatchSettings = {}): CheckResult {
  const out = runRules(makeContext(report, text, settings), REPORT_RULES)
  out.findings.unshift(...parseProblemFindings(report, text))
  return { ...out, findings: foldMissingCells(report, out.findings) }
}

/** Run some of the report rules on one context; results and findings come in the order of `rules`. */
export function runRules(ctx: ReportCtx, rules: ReportRule[]): CheckResult {
  const out: CheckResult = { results: [], findings: [] }
  for (const rule of rules) {
    if (!rule.formats.includes(ctx.format)) {
      out.results.push({ rule: rule.id, outcome: 'N/A', note: `不适用于 ${ctx.format} 格式` })
      continue
    }
    let r
    try {
      r = rule.check(ctx)
    } catch (e) {
      // A rule bug must not hide the other rules' results; it is reported as a parse-side problem.
      r = { outcome: 'UNVERIFIABLE' as const, findings: [], note: `规则运行出错：${e instanceof Error ? e.message : String(e)}` }
    }
    out.results.push({ rule: rule.id, outcome: r.outcome, note: r.note })
    out.findings.push(...r.findings.map(unverifiableIsNotError).map((f) => ocrDoubtIsParse(ctx.report, f)))
  }
  return out
}

const RULE_ORDER = new Map(REPORT_RULES.map((r, i) => [r.id, i]))

/** The report rules' results for one report: the stored ones of its version plus the settings rules run now. */
function reportResults(r: BatchReport, settings: BatchSettings): CheckResult {
  if (r.prep?.ruleset !== RULESET) return checkReport(r.report, r.text, settings)
  const fresh = runRules(makeContext(r.report, r.text, settings), SETTINGS_RULES)
  const stored = r.storedRules?.() ?? r.prep
  // Same order as a full run, so that finding keys (rule@loc#n) do not depend on where a result came from.
  const order = (x: { rule: string }): number => RULE_ORDER.get(x.rule) ?? 0
  return {
    results: [...stored.results, ...fresh.results].sort((a, b) => order(a) - order(b)),
    findings: [...stored.findings, ...fresh.findings].sort((a, b) => order(a) - order(b))
  }
}

/** A check that could not be made (blank or unsure input) is not an established violation: at most a warning. */
function unverifiableIsNotError(f: Finding): Finding {
  if (f.outcome !== 'UNVERIFIABLE') return f
  // A check that could not be made because the app could not read a cell is the app's problem, not the
  // township's: it goes with the parse problems (kept out of counts and letters).
  if (f.evidence.some((e) => e.kind === 'cell' && (e.status === 'uncertain' || e.status === 'missing'))) return { ...f, severity: 'parse' }
  return f.severity === 'error' ? { ...f, severity: 'warning' } : f
}

/** Default batch year: the most common report year in the folder. */
export function batchYear(reports: { year?: number }[]): number | undefined {
  const counts = new Map<number, number>()
  for (const r of reports) if (r.year) counts.set(r.year, (counts.get(r.year) ?? 0) + 1)
  let best: number | undefined
  for (const [y, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0) || (n === counts.get(best) && y > best)) best = y
  return best
}

/**
 * Check a batch: the cross-document rules over the batch, then each report's own rules. With `each`,
 * a report's results are handed over as soon as they are made and not kept (the returned map is then
 * empty), so that a large batch's results are never all in memory at once.
 */
export function checkBatch(reports: BatchReport[], settings: BatchSettings = {}, each?: (r: BatchReport, res: CheckResult) => void): Map<number, CheckResult> {
  // Streaming, the cross rules' findings wait in a spill file for their report's turn: held, a rule
  // that flags a fifth of a large batch (XDOC-IDENTICAL-TABLE quotes six tables a finding) kept tens of
  // megabytes for the whole pass.
  const spill = each ? new TextSpill() : null
  try {
    return checkAll(reports, settings, spill, each)
  } finally {
    spill?.close()
  }
}

/** What a cross rule's checkBatch returns. */
export type CrossOutcome = ReturnType<BatchRule['checkBatch']>

/**
 * Cross rules run elsewhere (in a second thread, checks/peerThread.ts) while this thread checks the batch
 * without them. Reports are handed over as if those rules had found nothing in them (a rule that finds
 * nothing in a report PASSes it); when their outcomes come (in the order of `rules`), the reports they
 * have findings for (and `also`: reports holding their findings of an earlier check) are made again in
 * full and handed to `patch`. The results are those of checkBatch, report by report.
 */
export interface DeferredRules {
  rules: string[]
  outcomes: Promise<CrossOutcome[]>
  also: Set<number>
  patch(r: BatchReport, res: CheckResult): void
}

/** checkBatch (streaming) with some rules' outcomes awaited from elsewhere (DeferredRules). */
export async function checkBatchDeferred(
  reports: BatchReport[],
  settings: BatchSettings,
  each: (r: BatchReport, res: CheckResult) => void,
  deferred: DeferredRules
): Promise<void> {
  const spill = new TextSpill()
  try {
    const eff = effective(reports, settings)
    const cross = CROSS_RULES.map((rule) => (deferred.rules.includes(rule.id) ? assumedPass(rule) : runCross(rule, reports, eff, spill)))
    passReports(reports, settings, eff, cross, each)
    const outcomes = await deferred.outcomes
    // A rule that found nothing PASSes every report (FAIL and PASS alike): then only the reports named
    // change; any other outcome (N/A, a rule error) changes every report's result line.
    let all = false
    const named = new Set(deferred.also)
    deferred.rules.forEach((id, i) => {
      const res = outcomes[i] as CrossOutcome
      const at = cross.findIndex((c) => c.rule.id === id)
      cross[at] = crossRun((cross[at] as CrossRun).rule, res, spill)
      if (!((res.outcome === 'PASS' || res.outcome === 'FAIL') && res.note === undefined)) all = true
      for (const [reportId, fs] of res.perReport) if (fs.length) named.add(reportId)
    })
    passReports(all ? reports : reports.filter((r) => named.has(r.reportId)), settings, eff, cross, deferred.patch)
  } finally {
    spill.close()
  }
}

interface CrossRun {
  rule: BatchRule
  outcome: Outcome
  note?: string
  findingsOf(reportId: number): Finding[]
}

function assumedPass(rule: BatchRule): CrossRun {
  return { rule, outcome: 'PASS', findingsOf: () => [] }
}

/** Runs one cross rule over the batch; a rule bug becomes its UNVERIFIABLE outcome, never a failed check. */
export function crossOutcome(rule: BatchRule, reports: BatchReport[], settings: BatchSettings): CrossOutcome {
  try {
    return rule.checkBatch({ reports, settings })
  } catch (e) {
    return { perReport: new Map<number, Finding[]>(), outcome: 'UNVERIFIABLE' as const, note: `规则运行出错：${e instanceof Error ? e.message : String(e)}` }
  }
}

function runCross(rule: BatchRule, reports: BatchReport[], settings: BatchSettings, spill: TextSpill | null): CrossRun {
  return crossRun(rule, crossOutcome(rule, reports, settings), spill)
}

function crossRun(rule: BatchRule, res: CrossOutcome, spill: TextSpill | null): CrossRun {
  const { outcome, note, perReport } = res
  if (!spill) return { rule, outcome, note, findingsOf: (id) => perReport.get(id) ?? [] }
  return { rule, outcome, note, findingsOf: spilled(perReport, spill) }
}

/**
 * The findings of a cross rule written to the spill, and their reader. A function of its own so that the
 * reader's closure does not keep the map (a closure keeps every variable its scope shares with another).
 * Findings are plain data, stored as JSON: the round trip gives what the store writes.
 */
function spilled(perReport: Map<number, Finding[]>, spill: TextSpill): (reportId: number) => Finding[] {
  const refs = new Map<number, TextRef>()
  for (const [id, fs] of perReport) if (fs.length) refs.set(id, spill.write(JSON.stringify(fs)))
  return (id) => {
    const ref = refs.get(id)
    return ref ? (JSON.parse(spill.read(ref)) as Finding[]) : []
  }
}

function effective(reports: BatchReport[], settings: BatchSettings): BatchSettings {
  return { ...settings, year: settings.year ?? batchYear(reports) }
}

function checkAll(reports: BatchReport[], settings: BatchSettings, spill: TextSpill | null, each?: (r: BatchReport, res: CheckResult) => void): Map<number, CheckResult> {
  const eff = effective(reports, settings)
  const cross = CROSS_RULES.map((rule) => runCross(rule, reports, eff, spill))
  const out = new Map<number, CheckResult>()
  passReports(reports, settings, eff, cross, each ?? ((r, cr) => out.set(r.reportId, cr)))
  return out
}

/** Each report's own results joined with the cross rules' findings for it, handed over in batch order. */
function passReports(reports: BatchReport[], settings: BatchSettings, eff: BatchSettings, cross: CrossRun[], each: (r: BatchReport, res: CheckResult) => void): void {
  for (const r of reports) {
    const perReportSettings: BatchSettings = { ...eff, deadline: settings.deadline }
    const cr = reportResults(r, perReportSettings)
    for (const { rule, outcome, note, findingsOf } of cross) {
      const fs = findingsOf(r.reportId).map(unverifiableIsNotError)
      cr.results.push({ rule: rule.id, outcome: fs.length ? (fs.some((f) => f.outcome === 'FAIL') ? 'FAIL' : 'UNVERIFIABLE') : outcome === 'FAIL' ? 'PASS' : outcome, note })
      cr.findings.push(...fs)
    }
    cr.findings = foldMissingCells(r.report, cr.findings)
    each(r, cr)
  }
}
