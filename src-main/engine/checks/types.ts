// The rule engine's vocabulary. One rule per file under rules/, registered in registry.ts.
import type { CellValue, ParsedReport, TableId, TableResult } from '../model.ts'
import type { Evidence, FindingOutcome, FormatKey, Severity, Sides } from '../../shared/vocabulary.ts'

export type { Evidence, FindingOutcome, FormatKey, Severity, Sides } from '../../shared/vocabulary.ts'

export type Outcome = 'PASS' | 'FAIL' | 'N/A' | 'UNVERIFIABLE'
export type Family = 'document' | 'section' | 'structure' | 'arithmetic' | 'text' | 'cross'

export interface Finding {
  rule: string
  severity: Severity
  outcome: FindingOutcome
  message: string
  evidence: Evidence[]
  /** Stable location inside the report (e.g. 'T3.total'); with the rule id it forms the finding key. */
  loc: string
  /** For identities: the two sides, shown as a + b ≠ c + d. */
  sides?: Sides
}

export interface RuleResult {
  outcome: Outcome
  findings: Finding[]
  /** Why the rule did not apply or could not decide (shown in the rule's detail). */
  note?: string
}

export interface BatchSettings {
  /** Report year of the batch; default: the most common year in the folder. */
  year?: number
  /** Publication deadline as ISO date; default: 1月31日 of year+1. */
  deadline?: string
  /** Names of the county's townships (roster). */
  roster?: string[]
}

export interface SectionText {
  id: string
  start: number
  end: number
  text: string
  /** Folded (simplified, half-width) text of the section body, same offsets. */
  norm: string
}

export interface ReportCtx {
  report: ParsedReport
  text: string
  format: FormatKey
  year?: number
  settings: Required<Pick<BatchSettings, 'deadline'>> & BatchSettings
  cell(table: TableId, row: string, col: string): CellValue | undefined
  section(id: string): SectionText | null
}

export interface ReportRule {
  id: string
  family: Family
  severity: Severity
  title: string
  /** Legal or template source that justifies the rule. */
  source: string
  /** Confidence of the source (domain.md §0): [R] rules are never errors. */
  confidence: 'V' | 'T' | 'R' | '-'
  formats: FormatKey[]
  /**
   * The rule reads the batch settings (year, deadline, roster). All other report rules depend on the
   * report alone, so their results are computed once per version at import and reused (checks/prep.ts).
   */
  usesSettings?: true
  check(ctx: ReportCtx): RuleResult
}

export interface BatchReport {
  reportId: number
  versionId: number
  file: string
  township?: string
  year?: number
  body?: string
  format: FormatKey
  sha256: string
  report: ParsedReport
  text: string
  /** Work done on this version alone (at import); absent for reports built in memory. */
  prep?: CheckPrep
  /**
   * The stored results of the report's own rules, read when the report's turn comes instead of held
   * for the whole batch (then prep.results and prep.findings are left empty).
   */
  storedRules?: () => Pick<CheckPrep, 'results' | 'findings'>
}

export interface RuleRun {
  rule: string
  outcome: Outcome
  note?: string
}

export interface CheckResult {
  results: RuleRun[]
  findings: Finding[]
}

/** The parsed report without the bulky parts (cells, labels, folded text): what every cross rule reads. */
export type ReportOutline = Omit<ParsedReport, 'norm' | 'tables'> & { tables: Record<TableId, Omit<TableResult, 'cells' | 'labels'>> }

/** Check work that depends on one version alone, done once (checks/prep.ts). */
export interface CheckPrep {
  /** RULESET the results were computed with; other values are recomputed. */
  ruleset: string
  /** Stamp of the reviewer's settlements applied to the report (settle/settlement.ts); absent: none. */
  settled?: string
  outline: ReportOutline
  /** Table fingerprints for XDOC-IDENTICAL-TABLE (null: missing or all zero). */
  sigs: Partial<Record<TableId, string | null>>
  /** The wording's digest for XDOC-DUP-FILE (lib/wordingKey.ts); absent in work stored before it existed. */
  textKey?: string
  /** Results and findings of the rules that depend on the report alone (FIXED_RULES). */
  results: RuleRun[]
  findings: Finding[]
}

export interface BatchCtx {
  reports: BatchReport[]
  settings: BatchSettings & { year?: number }
}

export interface BatchRule {
  id: string
  family: 'cross'
  severity: Severity
  title: string
  source: string
  confidence: 'V' | 'T' | 'R' | '-'
  /** Findings per report id; reports not in the map PASS (or are N/A when the rule could not apply). */
  checkBatch(ctx: BatchCtx): { perReport: Map<number, Finding[]>; outcome: Outcome; note?: string }
}

export const pass = (note?: string): RuleResult => ({ outcome: 'PASS', findings: [], note })
export const na = (note: string): RuleResult => ({ outcome: 'N/A', findings: [], note })
export const fromFindings = (findings: Finding[]): RuleResult => ({
  outcome: findings.some((f) => f.outcome === 'FAIL') ? 'FAIL' : findings.length ? 'UNVERIFIABLE' : 'PASS',
  findings
})
