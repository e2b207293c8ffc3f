// Check work that depends on one version alone, done once: at import in the reader worker (in
// parallel with reading the next file), or at the first check of a version imported before.
// A check of the batch then loads these small records instead of every parsed report, runs the
// few settings rules and the cross-document rules, and reads a report's cells only where a cross
// rule needs them (the same township's previous year).
import type { ParsedReport, TableId, TableResult } from '../model.ts'
import { makeContext } from './context.ts'
import { parseProblemFindings } from './parseProblems.ts'
import { tableSignature } from './lib/tables.ts'
import { wordingKey } from './lib/wordingKey.ts'
import { FIXED_RULES, RULESET } from './ruleset.ts'
import { runRules } from './run.ts'
import type { CheckPrep, ReportOutline } from './types.ts'

// The types live in types.ts, which every rule imports; defining them here made a type-only import cycle.
export type { CheckPrep, ReportOutline } from './types.ts'

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
  return { ruleset: RULESET, ...(settled ? { settled } : {}), outline: outlineOf(report), sigs, textKey: wordingKey(report.norm), results, findings }
}

/**
 * A report built from its outline whose cells and labels are read (once) when first asked for.
 * Anything that reads only titles, spans, sections and text never touches the full parsed JSON; the
 * folded text is asked for too, so that the caller can read it from the database instead of holding it.
 */
export function lazyReport(outline: ReportOutline, norm: () => string, full: () => ParsedReport): ParsedReport {
  const tables = {} as Record<TableId, TableResult>
  for (const id of TABLES) {
    const t = { ...outline.tables[id] } as TableResult
    Object.defineProperty(t, 'cells', { enumerable: true, get: () => full().tables[id].cells })
    Object.defineProperty(t, 'labels', { enumerable: true, get: () => full().tables[id].labels })
    tables[id] = t
  }
  const out = { ...outline, norm: '', tables }
  // The folded text too is read when asked for (a batch check does not hold every report's text).
  Object.defineProperty(out, 'norm', { enumerable: true, get: norm })
  return out
}
