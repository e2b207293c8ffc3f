// Check work that depends on one version alone, done once: at import in the reader worker (in
// parallel with reading the next file), or at the first check of a version imported before.
// A check of the batch then loads these small records instead of every parsed report, runs the
// few settings rules and the cross-document rules, and reads a report's cells only where a cross
// rule needs them (the same township's previous year).
import type { ParsedReport, TableId, TableResult } from '../model.ts'
import { makeContext } from './context.ts'
import { parseProblemFindings } from './parseProblems.ts'
import { tableSignature } from './lib/tables.ts'
import { FIXED_RULES, RULESET } from './ruleset.ts'
import { runRules, type RuleRun } from './run.ts'
import type { Finding } from './types.ts'

/** The parsed report without the bulky parts (cells, labels, folded text): what every cross rule reads. */
export type ReportOutline = Omit<ParsedReport, 'norm' | 'tables'> & { tables: Record<TableId, Omit<TableResult, 'cells' | 'labels'>> }

export interface CheckPrep {
  /** RULESET the results were computed with; other values are recomputed. */
  ruleset: string
  /** Stamp of the reviewer's settlements applied to the report (review/settlement.ts); absent: none. */
  settled?: string
  outline: ReportOutline
  /** Table fingerprints for XDOC-IDENTICAL-TABLE (null: missing or all zero). */
  sigs: Partial<Record<TableId, string | null>>
  /** Results and findings of the rules that depend on the report alone (FIXED_RULES). */
  results: RuleRun[]
  findings: Finding[]
}

const TABLES: TableId[] = ['T2', 'T3', 'T4']

export function outlineOf(report: ParsedReport): ReportOutline {
  const { norm: _norm, tables, ...rest } = report
  void _norm
  const out = {} as ReportOutline['tables']
  for (const id of TABLES) {
    const { cells: _c, labels: _l, ...t } = tables[id]
    void _c
    void _l
    out[id] = t
  }
  return { ...rest, tables: out }
}

export function prepareChecks(report: ParsedReport, text: string, settled = ''): CheckPrep {
  const { results, findings } = runRules(makeContext(report, text), FIXED_RULES)
  findings.unshift(...parseProblemFindings(report, text))
  const sigs: CheckPrep['sigs'] = {}
  for (const t of TABLES) sigs[t] = tableSignature(report, t)
  return { ruleset: RULESET, ...(settled ? { settled } : {}), outline: outlineOf(report), sigs, results, findings }
}

/**
 * A report built from its outline whose cells and labels are read (once) when first asked for.
 * Anything that reads only titles, spans, sections and text never touches the full parsed JSON.
 */
export function lazyReport(outline: ReportOutline, norm: string, full: () => ParsedReport): ParsedReport {
  const tables = {} as Record<TableId, TableResult>
  for (const id of TABLES) {
    const t = { ...outline.tables[id] } as TableResult
    Object.defineProperty(t, 'cells', { enumerable: true, get: () => full().tables[id].cells })
    Object.defineProperty(t, 'labels', { enumerable: true, get: () => full().tables[id].labels })
    tables[id] = t
  }
  return { ...outline, norm, tables }
}
