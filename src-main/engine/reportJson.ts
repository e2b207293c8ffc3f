// The CLI's --json contract (issue 2): one entry per file, with the parsed template values and findings.
import { decodeEvidence } from './checks/storedEvidence.ts'
import type { Db } from './db/open.ts'
import { unpackJson } from './db/packed.ts'
import { stmt } from './db/stmt.ts'
import { versionOutcome } from './db/versionsRepo.ts'
import type { FileOutcome } from './ingest/importFolder.ts'
import type { ParsedReport } from './model.ts'
import { activeSettlements, applySettlements } from './settle/settlement.ts'
import { t3Columns } from './template.ts'

export interface JsonFinding {
  rule: string
  severity: string
  outcome: string
  message: string
  evidence: unknown[]
  key: string
  state: string
  decision: string | null
}

export interface JsonReport {
  file: string
  status: 'ok' | 'error' | 'needs-ocr' | 'skipped'
  error?: string
  body?: string
  township?: string
  year?: number
  format?: string
  signDate?: string
  sections?: Record<string, boolean>
  tables?: {
    T2: Record<string, Record<string, number | null>>
    T3: Record<string, (number | null)[]>
    T4: Record<string, number | null>
  }
  uncertain?: string[]
  /** Cells the reviewer settled (人工核定); their values above are the settled ones. */
  settled?: string[]
  findings?: JsonFinding[]
}


interface FindingRow {
  rule: string
  severity: string
  outcome: string
  message: string
  evidence: string | Buffer
  key: string
  state: string
  decision: string | null
}

export function reportsJson(db: Db, outcomes: FileOutcome[]): { reports: JsonReport[] } {
  const reports: JsonReport[] = []
  for (const o of outcomes) {
    if (!o.versionId) {
      reports.push({ file: o.file, status: o.status === 'skipped' ? 'skipped' : 'error', error: o.error })
      continue
    }
    const v = versionOutcome(db, o.versionId)
    if (!v) continue
    if (v.status === 'needs-ocr' || !v.parsed) {
      reports.push({ file: o.file, status: 'needs-ocr', error: v.message ?? '扫描件，需要 OCR' })
      continue
    }
    const p = applySettlements(unpackJson<ParsedReport>(v.parsed) as ParsedReport, activeSettlements(db, o.versionId))
    const fmt = p.format === '2019' || p.format === '2021' ? p.format : 'unknown'
    const entry: JsonReport = {
      file: o.file,
      status: 'ok',
      body: p.body?.name,
      township: p.body?.township,
      year: p.year,
      format: fmt,
      signDate: p.signDate?.iso,
      sections: Object.fromEntries(p.sections.map((s) => [s.id, s.found])),
      tables: { T2: {}, T3: {}, T4: {} },
      uncertain: [],
      settled: [],
      findings: []
    }
    const tables = entry.tables as NonNullable<JsonReport['tables']>
    const cols = t3Columns(fmt === '2019' ? '2019' : '2021').map((c) => c.id)
    const certain = (status: string, value: number | null): number | null => (status === 'ok' || status === 'inferred' ? value : null)
    for (const c of p.tables.T2.cells) (tables.T2[c.row] ??= {})[c.col] = certain(c.status, c.value)
    for (const c of p.tables.T3.cells) {
      const row = (tables.T3[c.row] ??= new Array(cols.length).fill(null))
      row[cols.indexOf(c.col)] = certain(c.status, c.value)
    }
    for (const c of p.tables.T4.cells) tables.T4[c.col] = certain(c.status, c.value)
    for (const t of Object.values(p.tables)) {
      for (const c of t.cells) if (c.settled) entry.settled?.push(`${c.table}.${c.row}.${c.col}`)
      for (const c of t.cells) if (c.status === 'uncertain' || c.status === 'inferred' || c.status === 'invalid') entry.uncertain?.push(`${c.table}.${c.row}.${c.col}`)
    }
    const fs = stmt(db, "SELECT rule, severity, outcome, message, evidence, key, state, decision FROM findings WHERE report_id = ? AND state = 'open' ORDER BY id").all(
      v.report_id
    ) as FindingRow[]
    entry.findings = fs.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      outcome: f.outcome,
      message: f.message,
      evidence: decodeEvidence(f.evidence).items,
      key: f.key,
      state: f.state,
      decision: f.decision
    }))
    reports.push(entry)
  }
  return { reports }
}

/**
 * The open findings by severity over the reports reportsJson would list with findings (the command line's
 * summary line), counted in SQL: without --json, building the JSON only to count it unpacked every parsed
 * report and every finding's evidence (about a second per 1,000 reports, after the import and check).
 */
export function openFindingCounts(db: Db, outcomes: FileOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {}
  const version = stmt(db, 'SELECT parsed IS NOT NULL AS has_parsed, status, report_id FROM versions WHERE id = ?')
  const bySeverity = stmt(db, "SELECT severity, count(*) AS n FROM findings WHERE report_id = ? AND state = 'open' GROUP BY severity")
  for (const o of outcomes) {
    if (!o.versionId) continue
    const v = version.get(o.versionId) as { has_parsed: number; status: string; report_id: number } | undefined
    if (!v || v.status === 'needs-ocr' || !v.has_parsed) continue
    for (const r of bySeverity.all(v.report_id) as { severity: string; n: number }[]) counts[r.severity] = (counts[r.severity] ?? 0) + r.n
  }
  return counts
}
