// The one contract between the renderer and the engine, used by both transports
// (Electron IPC through the preload, and the browser mode over HTTP on 127.0.0.1).
// Types only: the renderer imports this file, so it must not import Node modules.
// Cells, spans, evidence and severities are the engine's own types (vocabulary.ts), carried as they are.
import type {
  CellSettlement,
  CellStatus,
  Decision,
  Evidence,
  FindingOutcome,
  FormatKey,
  PageBox,
  ReviewStatus,
  Severity,
  Sides,
  Span,
  TableId,
} from './vocabulary.ts'

export type { CellStatus, Decision, FormatKey, PageBox, ReviewStatus, Severity, TableId } from './vocabulary.ts'

export interface BatchSummary {
  id: number
  root: string
  name: string
  createdAt: string
  reports: number
}

export interface BatchSettingsDto {
  year?: number
  deadline?: string
  roster?: string[]
  reviewer?: string
  replyDeadline?: string
  office?: string
}

export interface ReportRow {
  id: number
  file: string
  township: string | null
  body: string | null
  year: number | null
  format: string | null
  kind: string
  status: string
  reviewStatus: ReviewStatus
  versions: number
  errors: number
  warnings: number
  infos: number
  confirmed: number
  undecided: number
  /** Parse problems (the app could not read part of the original); not counted as errors or warnings. */
  parse: number
  /** 需整改, and a newer version arrived after the status was set: it needs a new look. */
  newVersion: boolean
  /** The issuing body as the reviewer named it (null: as the report says). */
  bodyNamed: string | null
}

export interface FileEventDto {
  file: string
  kind: 'error' | 'skipped' | 'needs-ocr'
  code: string | null
  message: string
}

export interface BatchDetail {
  batch: BatchSummary
  settings: BatchSettingsDto
  effectiveYear?: number
  reports: ReportRow[]
  fileEvents: FileEventDto[]
  /** Roster names without a report of the batch year (缺报). */
  missing: string[]
  /** How the last import of the folder ended; 'cancelled' leaves total - done files unread. */
  importState: { state: 'done' | 'cancelled' | 'failed' | 'running'; total: number; done: number; at: string } | null
}

export interface AppInfo {
  version: string
  mode: 'electron' | 'browser'
  sampleFolder: string
  dataDir: string
  reviewer: string
  /** 审核单位, the sender of the letters. */
  office: string
  /** False until the reviewer has given their name and unit once. */
  profileSet: boolean
}

export interface AuditEntryDto {
  id: number
  at: string
  reviewer: string | null
  action: string
  reportId: number | null
  township: string | null
  findingKey: string | null
  before: string | null
  after: string | null
  undone: boolean
}

export interface SearchHitDto {
  reportId: number
  township: string | null
  year: number | null
  kind: 'finding' | 'text'
  findingId?: number
  /** Offset in the report text for a text hit. */
  start?: number
  /** End of the words found (text hit). */
  end?: number
  /** Where the words stand on the PDF pages of the report's current version (a PDF or a scan). */
  boxes?: PageBox[]
  snippet: string
}

export interface FeedbackExport {
  files: string[]
  /** All letters in one archive (batch export only). */
  zip?: string
  /** Letters marked 草稿 because the review is not finished. */
  drafts: string[]
  /** Reports without a letter and why (no addressee yet). */
  skipped: { reportId: number; name: string; reason: string }[]
}

export type SpanDto = Span
export type EvidenceDto = Evidence

export interface FindingDto {
  id: number
  key: string
  rule: string
  family: string
  title: string
  source: string
  severity: Severity
  outcome: FindingOutcome
  message: string
  evidence: EvidenceDto[]
  sides: Sides | null
  state: 'open' | 'resolved'
  manual: boolean
  decision: Decision | null
  comment: string | null
  decidedBy: string | null
  decidedAt: string | null
}

/** A cell the reviewer settled (人工核定): value and status of the cell are the settled ones. */
export type SettledDto = CellSettlement

export interface CellDto {
  table: TableId
  row: string
  col: string
  value: number | null
  raw: string
  status: CellStatus
  note?: string
  span?: SpanDto
  settled?: SettledDto
  /** Two or three consistent readings of a glued run: choices[i] is this cell's value in reading i. */
  choices?: number[]
  /** Cells settled together by one choice (the glued run). */
  choiceGroup?: string
}

export interface SettleCellDto {
  table: TableId
  row: string
  col: string
  /** The value the original shows; null: the original shows an empty cell. */
  value: number | null
}

/**
 * A header cell above the column labels, spanning `span` columns, with the header cells below it, left to
 * right; a column whose label stands right under it has none there (none at all: it spans down to the labels).
 */
export interface TemplateHeaderDto {
  label: string
  span: number
  children: TemplateHeaderDto[]
}

export interface TemplateColumnDto {
  id: string
  label: string
}
export interface TemplateRowDto {
  id: string
  label: string
  level: number
  hasData: boolean
}
export interface TemplateBlockDto {
  id: string
  title: string
  columns: TemplateColumnDto[]
  rows: TemplateRowDto[]
}
/** The template the report's tables were read with, and every label the screens show (from its JSON). */
export interface TemplateDto {
  format: FormatKey
  /** The notice that defines the format: 国办公开办函〔2021〕30号. */
  notice: string
  sections: { id: string; title: string }[]
  /** name 表三, title 收到和处理政府信息公开申请情况, heading (the section's title) 三、收到和处理政府信息公开申请情况. */
  tables: Record<TableId, { name: string; title: string; heading: string }>
  t2: TemplateBlockDto[]
  /** cornerNote: the note in 表三's top-left corner; headers: 申请人情况 over all columns, 法人或其他组织 over five. */
  t3: { columns: TemplateColumnDto[]; rows: TemplateRowDto[]; cornerNote: string; headers: TemplateHeaderDto[] }
  /**
   * groups: label 行政诉讼（未经复议直接起诉）, short (the group's heading) 未经复议直接起诉. headers: the header rows
   * above the column labels, left to right: 行政复议 (5 columns, no children), 行政诉讼 (10, children 未经复议直接起诉, 复议后起诉).
   */
  t4: {
    columns: (TemplateColumnDto & { group: string })[]
    groups: { id: string; label: string; short: string }[]
    headers: TemplateHeaderDto[]
  }
}

export interface SectionDto {
  id: string
  found: boolean
  title?: string
  titleMatch?: string
  start?: number
  end?: number
  bodyStart?: number
  bodyEnd?: number
}

export interface VersionDto {
  id: number
  seq: number
  file: string
  importedAt: string
  sha256: string
  current: boolean
}

export interface ReportDetail {
  id: number
  batchId: number
  versionId: number
  file: string
  kind: 'txt' | 'html' | 'docx' | 'doc' | 'pdf'
  status: string
  message: string | null
  township: string | null
  body: string | null
  bodyNamed: string | null
  year: number | null
  format: string | null
  signDate: string | null
  title: string | null
  reviewStatus: ReviewStatus
  text: string
  /** Sanitized display HTML with data-s/data-e offsets (Word, HTML). */
  html: string | null
  pages: { width: number; height: number; scanned?: boolean }[] | null
  template: TemplateDto
  sections: SectionDto[]
  cells: CellDto[]
  labels: { table: string; kind: string; id: string; expected: string; raw: string; match: string; span: SpanDto }[]
  findings: FindingDto[]
  versions: VersionDto[]
}

export interface VersionDiff {
  from: number
  to: number
  cells: { table: string; row: string; col: string; before: number | null; after: number | null }[]
  text: { op: 'add' | 'del'; text: string }[]
  resolved: FindingDto[]
  remaining: FindingDto[]
  added: FindingDto[]
}

export interface ImportProgressEvent {
  taskId: string
  done: number
  total: number
  file: string
  status: string
  /** Page being recognised when status is 'ocr'. */
  ocr?: { page: number; pages: number }
}

export interface TaskEvent {
  taskId: string
  state: 'running' | 'done' | 'cancelled' | 'failed'
  batchId?: number
  message?: string
}

export interface ApiEvents {
  progress: ImportProgressEvent
  task: TaskEvent
}

export interface ReviewApi {
  appInfo(): Promise<AppInfo>
  /** The reviewer's name and 审核单位, asked once at first start. */
  saveProfile(p: { reviewer: string; office: string }): Promise<AppInfo>
  listBatches(): Promise<BatchSummary[]>
  /** Starts importing a folder (path on the reviewer's machine); progress arrives as events. */
  openFolder(path: string): Promise<{ taskId: string }>
  cancelTask(taskId: string): Promise<void>
  getBatch(batchId: number): Promise<BatchDetail>
  saveSettings(batchId: number, settings: BatchSettingsDto): Promise<BatchDetail>
  rerunChecks(batchId: number): Promise<BatchDetail>
  getReport(reportId: number, versionId?: number): Promise<ReportDetail>
  decide(findingId: number, decision: Decision | null, comment: string | null): Promise<FindingDto>
  addFinding(reportId: number, f: { severity: Severity; message: string; comment?: string; evidence: EvidenceDto[] }): Promise<FindingDto>
  setReviewStatus(reportId: number, status: ReviewStatus): Promise<void>
  /** Undoes the reviewer's last action, in the given report when one is named. */
  undo(reportId?: number): Promise<{ undone: string | null; reportId?: number }>
  diffVersions(reportId: number, fromVersion: number, toVersion: number): Promise<VersionDiff>
  exportSummary(batchId: number): Promise<{ file: string }>
  exportFeedback(batchId: number, reportId?: number): Promise<FeedbackExport>
  /** Names the issuing body of a report (null: back to what the report says). */
  setReportBody(reportId: number, body: string | null): Promise<void>
  /** The reviewer's actions the database keeps, newest first. */
  auditTrail(batchId: number, limit?: number): Promise<AuditEntryDto[]>
  /** Findings and report text of a batch containing the words. */
  search(batchId: number, query: string): Promise<SearchHitDto[]>
  /** Settles cells of the report's current version (人工核定) and re-runs the checks. */
  settleCells(reportId: number, cells: SettleCellDto[]): Promise<{ settled: number }>
  /** Withdraws settlements of the current version: the reader's values apply again. */
  unsettleCells(reportId: number, cells: { table: TableId; row: string; col: string }[]): Promise<{ withdrawn: number }>
}

export type ApiMethod = keyof ReviewApi

/** Run-time allow-list; the `satisfies` clause makes the compiler check it names every method. */
export const API_METHODS = [
  'appInfo',
  'listBatches',
  'openFolder',
  'cancelTask',
  'getBatch',
  'saveSettings',
  'rerunChecks',
  'getReport',
  'decide',
  'addFinding',
  'setReviewStatus',
  'undo',
  'diffVersions',
  'exportSummary',
  'exportFeedback',
  'saveProfile',
  'setReportBody',
  'auditTrail',
  'search',
  'settleCells',
  'unsettleCells'
] as const satisfies readonly ApiMethod[]

type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>
// Fails to compile if a method of ReviewApi is missing from API_METHODS.
export const API_METHODS_COMPLETE: Missing extends never ? true : never = true

export function isApiMethod(m: unknown): m is ApiMethod {
  return typeof m === 'string' && (API_METHODS as readonly string[]).includes(m)
}

/** Extra calls only the desktop shell offers (native dialogs, file drops, PDF bytes over IPC). */
export interface DesktopBridge {
  invoke<M extends ApiMethod>(method: M, ...args: Parameters<ReviewApi[M]>): ReturnType<ReviewApi[M]>
  onEvent(cb: <K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]) => void): () => void
  pickFolder(): Promise<string | null>
  pathForFile(file: File): string
  original(versionId: number): Promise<Uint8Array | null>
}
