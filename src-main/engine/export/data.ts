// What the exports read from the database: the batch, its settings, every report with its current
// version, extracted cells, sections and open findings. One query set shared by the xlsx and docx exports.
import type { Db } from '../db/open.ts'
import { batchSettings } from '../checks/store.ts'
import { batchYear } from '../checks/run.ts'
import type { BatchSettings, Evidence, Sides } from '../checks/types.ts'
import { unpackJson } from '../db/packed.ts'
import { exportVersionRows } from '../db/versionsRepo.ts'
import { decodeEvidence } from '../checks/storedEvidence.ts'
import type { CellSettlement, CellValue as Cell } from '../model.ts'
import { activeSettlements, settledCell } from '../settle/settlement.ts'
import type { FormatKey } from '../template.ts'
import { setting } from '../review/settingsRepo.ts'

export type ExportSettings = BatchSettings & { reviewer?: string; replyDeadline?: string; office?: string }

export interface ExportCell {
  value: number | null
  raw: string
  status: string
  /** Settled by the reviewer (人工核定): value and status are the settled ones. */
  settled?: CellSettlement
}

export interface ExportSection {
  id: string
  found: boolean
  title: string | null
  start: number | null
  bodyEnd: number | null
}

export interface ExportFinding {
  id: number
  key: string
  rule: string
  severity: 'error' | 'warning' | 'info'
  outcome: string
  message: string
  evidence: Evidence[]
  sides: Sides | null
  manual: boolean
  decision: 'confirmed' | 'dismissed' | null
  comment: string | null
  decidedBy: string | null
  decidedAt: string | null
}

export interface ExportReport {
  id: number
  batchId: number
  township: string | null
  year: number | null
  reviewStatus: string
  versionId: number | null
  /** Sequence number of the current version (1 = first file received). */
  seq: number | null
  versions: number
  file: string | null
  kind: string | null
  /** Version status: 'ok' | 'needs-ocr' | …; with `parsed` false the report could not be checked. */
  status: string | null
  statusMessage: string | null
  parsed: boolean
  /** Format as detected ('2021' | '2019' | 'mixed' | 'unknown'), and the template used for labels. */
  formatRaw: string | null
  format: FormatKey
  /** The issuing body: as the reviewer named it, else as the report gives it. */
  body: string | null
  title: string | null
  signDate: string | null
  importedAt: string | null
  titleSpan: { start: number; end: number } | null
  signSpan: { start: number; end: number } | null
  cells: Map<string, ExportCell>
  sections: ExportSection[]
  /** Open findings (state 'open'), in id order. */
  findings: ExportFinding[]
}

export interface ExportBatch {
  id: number
  name: string
  root: string
  settings: ExportSettings
  /** Report year of the batch: the setting, else the most common year. */
  year: number | undefined
  reports: ExportReport[]
  /** Roster names without a report of the batch year (empty without a roster). */
  missing: string[]
}

export const cellKey = (table: string, row: string, col: string): string => `${table}|${row}|${col}`

/** The template a report's labels come from (same choice as the checks). */
export function formatKey(format: string | null, year: number | null): FormatKey {
  if (format === '2019') return '2019'
  if (format === '2021') return '2021'
  return year !== null && year < 2021 ? '2019' : '2021'
}

interface FindingRow {
  id: number
  key: string
  rule: string
  severity: string
  outcome: string
  message: string
  evidence: string | Buffer
  manual: number
  decision: string | null
  comment: string | null
  decided_by: string | null
  decided_at: string | null
}

function parseEvidence(stored: string | Buffer): Pick<ExportFinding, 'evidence' | 'sides'> {
  const e = decodeEvidence(stored)
  return { evidence: e.items, sides: e.sides }
}

function spanOf(x: unknown): { start: number; end: number } | null {
  const s = (x as { span?: { start?: unknown; end?: unknown } } | undefined)?.span
  return s && typeof s.start === 'number' && typeof s.end === 'number' ? { start: s.start, end: s.end } : null
}

function loadReports(db: Db, by: { batchId: number } | { reportId: number }): ExportReport[] {
  const rows = exportVersionRows(db, by)
  const secStmt = db.prepare('SELECT section_id, found, title, start, body_end FROM sections WHERE version_id = ? ORDER BY section_id')
  const findStmt = db.prepare(
    `SELECT id, key, rule, severity, outcome, message, evidence, manual, decision, comment, decided_by, decided_at
     FROM findings WHERE report_id = ? AND state = 'open' AND severity != 'parse' ORDER BY id`
  )
  return rows.map((r) => {
    const cells = new Map<string, ExportCell>()
    const sections: ExportSection[] = []
    let titleSpan: ExportReport['titleSpan'] = null
    let signSpan: ExportReport['signSpan'] = null
    // The parsed report holds the cells as read (and the 标题/落款 places); a damaged column only costs those.
    let p: { title?: unknown; signDate?: unknown; signBody?: unknown; tables?: Record<string, { cells?: Cell[] }> } | null = null
    try {
      p = unpackJson(r.parsed)
    } catch {
      p = null
    }
    if (r.version_id !== null) {
      for (const t of Object.values(p?.tables ?? {})) {
        for (const c of t.cells ?? []) cells.set(cellKey(c.table, c.row, c.col), { value: c.value, raw: c.raw, status: c.status })
      }
      for (const s of activeSettlements(db, r.version_id)) {
        const k = cellKey(s.table_id, s.row_id, s.col_id)
        const c = settledCell({ table: s.table_id, row: s.row_id, col: s.col_id, value: null, status: s.read_status, raw: cells.get(k)?.raw ?? s.read_raw }, s)
        cells.set(k, { value: c.value, raw: c.raw, status: c.status, ...(c.settled ? { settled: c.settled } : {}) })
      }
      for (const s of secStmt.all(r.version_id) as { section_id: string; found: number; title: string | null; start: number | null; body_end: number | null }[]) {
        sections.push({ id: s.section_id, found: !!s.found, title: s.title, start: s.start, bodyEnd: s.body_end })
      }
    }
    if (p) {
      titleSpan = spanOf(p.title)
      const a = spanOf(p.signBody)
      const b = spanOf(p.signDate)
      signSpan = a && b ? { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) } : (a ?? b)
    }
    const findings = (findStmt.all(r.id) as FindingRow[]).map((f): ExportFinding => ({
      id: f.id,
      key: f.key,
      rule: f.rule,
      severity: (f.severity === 'error' || f.severity === 'warning' ? f.severity : 'info') as ExportFinding['severity'],
      outcome: f.outcome,
      message: f.message,
      ...parseEvidence(f.evidence),
      manual: !!f.manual,
      decision: f.decision === 'confirmed' || f.decision === 'dismissed' ? f.decision : null,
      comment: f.comment,
      decidedBy: f.decided_by,
      decidedAt: f.decided_at
    }))
    return {
      id: r.id,
      batchId: r.batch_id,
      township: r.township,
      year: r.year,
      reviewStatus: r.review_status,
      versionId: r.version_id,
      seq: r.seq,
      versions: r.versions,
      file: r.rel_path,
      kind: r.kind,
      status: r.status,
      statusMessage: r.message,
      parsed: r.parsed !== null,
      formatRaw: r.format,
      format: formatKey(r.format, r.year),
      body: r.body_named?.trim() || r.body,
      title: r.title,
      signDate: r.sign_date,
      importedAt: r.imported_at,
      titleSpan,
      signSpan,
      cells,
      sections,
      findings
    }
  })
}

const collator = new Intl.Collator('zh-CN')

/** Reports sorted for a county list: by township (pinyin), then year; unidentified files last. */
export function sortReports(reports: ExportReport[]): ExportReport[] {
  return [...reports].sort((a, b) => {
    if (!a.township !== !b.township) return a.township ? -1 : 1
    return collator.compare(a.township ?? a.file ?? '', b.township ?? b.file ?? '') || (a.year ?? 0) - (b.year ?? 0) || a.id - b.id
  })
}

/** Does a roster entry (short name or full name such as 云阳县平安镇人民政府) denote this report's township? */
export function rosterMatches(entry: string, r: Pick<ExportReport, 'township' | 'body'> & { file?: string | null }): boolean {
  const e = entry.replace(/\s+/g, '')
  if (!e) return false
  const names = [r.township, r.body].filter((x): x is string => !!x)
  if (names.some((n) => n === e || (r.township !== null && e.includes(r.township)) || (e.length >= 2 && n.startsWith(e)))) return true
  // a scan whose text names nobody is still known by its file name (头营镇-扫描件.pdf)
  if (names.length || !r.file || e.length < 2) return false
  const short = e.replace(/^.*?[县区市旗]/, '').replace(/(人民政府|政府|办事处)$/, '')
  const base = r.file.replace(/^.*[\\/]/, '')
  return base.includes(e) || (short.length >= 2 && base.includes(short))
}

/** Roster names without a report of the batch year. */
export function missingFromRoster(roster: readonly string[], reports: (Pick<ExportReport, 'township' | 'body' | 'year'> & { file?: string | null })[], year: number | undefined): string[] {
  const missing: string[] = []
  for (const name of roster) {
    const hit = reports.some((r) => (r.year === null || year === undefined || r.year === year) && rosterMatches(name, r))
    if (!hit && !missing.includes(name)) missing.push(name)
  }
  return missing
}

/** The batch's settings, with the 审核单位 and reviewer of the application where the batch names none. */
export function exportSettings(db: Db, batchId: number): ExportSettings {
  const s = batchSettings(db, batchId) as ExportSettings
  return { ...s, office: s.office?.trim() || setting(db, 'office'), reviewer: s.reviewer?.trim() || setting(db, 'reviewer') }
}

export function loadExportBatch(db: Db, batchId: number): ExportBatch {
  const b = db.prepare('SELECT id, name, root FROM batches WHERE id = ?').get(batchId) as { id: number; name: string; root: string } | undefined
  if (!b) throw new Error(`没有编号为 ${batchId} 的批次`)
  const settings = exportSettings(db, batchId)
  const reports = sortReports(loadReports(db, { batchId }))
  const year = settings.year ?? batchYear(reports.map((r) => ({ year: r.year ?? undefined })))
  const missing = missingFromRoster(settings.roster ?? [], reports, year)
  return { id: b.id, name: b.name, root: b.root, settings, year, reports, missing }
}

export function loadExportReport(db: Db, reportId: number): { report: ExportReport; settings: ExportSettings; year: number | undefined } {
  const [report] = loadReports(db, { reportId })
  if (!report) throw new Error(`没有编号为 ${reportId} 的报告`)
  const settings = exportSettings(db, report.batchId)
  const years = db.prepare('SELECT year FROM reports WHERE batch_id = ?').all(report.batchId) as { year: number | null }[]
  return { report, settings, year: settings.year ?? batchYear(years.map((y) => ({ year: y.year ?? undefined }))) }
}
