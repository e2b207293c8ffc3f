// The engine behind the ReviewApi contract. Both transports (Electron IPC, browser-mode HTTP)
// call these methods; nothing here imports electron.
// It validates, calls the engine and maps to the API's types (dto.ts); the SQL behind the views lives
// in engine/review's repositories, decisions, audit and undo beside them (the text search still runs
// its own query here).
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { batchYear } from '../engine/checks/run.ts'
import { runChecksOffThread } from '../engine/checks/offThread.ts'
import { batchSettings, saveBatchSettings } from '../engine/checks/store.ts'
import type { Db } from '../engine/db/open.ts'
import { importAndCheck } from '../engine/ingest/importTask.ts'
import type { TableId } from '../engine/model.ts'
import { missingFromRoster } from '../engine/export/data.ts'
import { exportLetterFiles, exportSummaryFile } from '../engine/export/exportFiles.ts'
import { dataDir } from '../engine/paths.ts'
import type { ApiEvents, AppInfo, AuditEntryDto, BatchDetail, BatchSettingsDto, BatchSummary, Decision, EvidenceDto } from '../shared/api.ts'
import type { FeedbackExport, FindingDto, ReportDetail, ReviewApi, ReviewStatus, SearchHitDto, SettleCellDto, Severity, VersionDiff } from '../shared/api.ts'
import { reviewCells, settle, unsettle } from './settle.ts'
import { auditTrail, auditWriter } from '../engine/review/audit.ts'
import { addFinding, decide, setReportBody, setReviewStatus } from '../engine/review/decisions.ts'
import { allBatches, batchById, batchRoots, currentFileEvents, importStateOf } from '../engine/review/batchesRepo.ts'
import { findingsOf } from '../engine/review/findingsRepo.ts'
import { reportById, reportList } from '../engine/review/reportsRepo.ts'
import { originalOf, versionOf, versionsOf } from '../engine/db/versionsRepo.ts'
import { backfillVersionBoxes } from '../engine/ingest/backfillBoxes.ts'
import { putSetting, setting } from '../engine/review/settingsRepo.ts'
import { undoLast } from '../engine/review/undo.ts'
import { versionChanges } from '../engine/review/versionDiff.ts'
import { REVIEW_STATUSES } from '../shared/vocabulary.ts'
import { findingDto, reportDetailDto } from './dto.ts'
import { searchBatch } from '../engine/review/search.ts'
import { boxedFindingDto, searchHitsWithBoxes, withTextBoxes } from './textBoxes.ts'
import { cleanSettings } from './validate.ts'

type Listener = <K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]) => void

export interface ServiceOptions {
  mode: 'electron' | 'browser'
  sampleFolder: string
  version: string
  exportsDir?: string
}

export class ReviewService implements ReviewApi {
  private readonly db: Db
  private readonly opts: ServiceOptions
  private readonly listeners = new Set<Listener>()
  /** Versions whose missing text boxes were looked for (engine/ingest/backfillBoxes.ts). */
  private readonly boxesTried = new Set<number>()
  private readonly tasks = new Map<string, AbortController>()
  /** Folders the reviewer opened: the only places the API reads from. */
  private readonly roots = new Set<string>()

  constructor(db: Db, opts: ServiceOptions) {
    this.db = db
    this.opts = opts
    for (const root of batchRoots(db)) this.roots.add(root)
  }

  onEvent(l: Listener): () => void {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }

  private emit<K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]): void {
    for (const l of this.listeners) l(event, payload)
  }

  /** True when the path lies inside a folder the reviewer opened. */
  isInsideOpenedFolder(path: string): boolean {
    let real: string
    try {
      real = realpathSync(path)
    } catch {
      return false
    }
    for (const r of this.roots) if (real === r || real.startsWith(r.endsWith('/') || r.endsWith('\\') ? r : `${r}/`) || real.startsWith(`${r}\\`)) return true
    return false
  }

  private reviewer(): string {
    return setting(this.db, 'reviewer') ?? '审核人'
  }

  async appInfo(): Promise<AppInfo> {
    return {
      version: this.opts.version,
      mode: this.opts.mode,
      sampleFolder: this.opts.sampleFolder,
      dataDir: dataDir(),
      reviewer: this.reviewer(),
      office: setting(this.db, 'office') ?? '',
      profileSet: !!setting(this.db, 'reviewer') && !!setting(this.db, 'office')
    }
  }

  async saveProfile(p: { reviewer: string; office: string }): Promise<AppInfo> {
    const reviewer = String(p?.reviewer ?? '').trim().slice(0, 50)
    const office = String(p?.office ?? '').trim().slice(0, 100)
    if (!reviewer) throw new Error('请填写审核人姓名')
    if (!office) throw new Error('请填写审核单位')
    putSetting(this.db, 'reviewer', reviewer)
    putSetting(this.db, 'office', office)
    return this.appInfo()
  }

  async listBatches(): Promise<BatchSummary[]> {
    return allBatches(this.db)
  }

  async openFolder(path: string): Promise<{ taskId: string }> {
    if (typeof path !== 'string' || !path.trim()) throw new Error('请指定文件夹路径')
    let real: string
    try {
      real = realpathSync(path.trim())
    } catch {
      throw new Error(`文件夹不存在：${path}`)
    }
    if (!statSync(real).isDirectory()) throw new Error(`不是文件夹：${path}`)
    this.roots.add(real)
    const taskId = randomUUID()
    const ac = new AbortController()
    this.tasks.set(taskId, ac)
    this.emit('task', { taskId, state: 'running' })
    void (async () => {
      try {
        const res = await importAndCheck(this.db, real, { signal: ac.signal, onProgress: (p) => this.emit('progress', { taskId, ...p }) })
        this.emit('task', { taskId, state: res.cancelled ? 'cancelled' : 'done', batchId: res.batchId })
      } catch (e) {
        this.emit('task', { taskId, state: 'failed', message: e instanceof Error ? e.message : String(e) })
      } finally {
        this.tasks.delete(taskId)
      }
    })()
    return { taskId }
  }

  async cancelTask(taskId: string): Promise<void> {
    this.tasks.get(taskId)?.abort()
  }

  async getBatch(batchId: number): Promise<BatchDetail> {
    const batch = batchById(this.db, batchId)
    if (!batch) throw new Error(`没有编号为 ${batchId} 的文件夹`)
    const reports = reportList(this.db, batchId)
    const settings = batchSettings(this.db, batchId) as BatchSettingsDto
    const effectiveYear = settings.year ?? batchYear(reports.map((r) => ({ year: r.year ?? undefined })))
    const missing = missingFromRoster(settings.roster ?? [], reports, effectiveYear)
    return { batch, settings, effectiveYear, reports, fileEvents: currentFileEvents(this.db, batchId), missing, importState: importStateOf(this.db, batchId) }
  }

  async saveSettings(batchId: number, settings: BatchSettingsDto): Promise<BatchDetail> {
    const clean = cleanSettings(settings)
    if (settings.reviewer) putSetting(this.db, 'reviewer', String(settings.reviewer).slice(0, 50))
    saveBatchSettings(this.db, batchId, clean)
    await runChecksOffThread(this.db, batchId)
    return this.getBatch(batchId)
  }

  async rerunChecks(batchId: number): Promise<BatchDetail> {
    // Asked for by the reviewer: run even if nothing changed.
    await runChecksOffThread(this.db, batchId, { force: true })
    return this.getBatch(batchId)
  }

  async getReport(reportId: number, versionId?: number): Promise<ReportDetail> {
    const report = reportById(this.db, reportId)
    if (!report) throw new Error(`没有编号为 ${reportId} 的年报`)
    const version = versionOf(this.db, reportId, versionId ?? report.currentVersionId)
    if (!version) throw new Error('没有这个版本')
    const detail = reportDetailDto({
      report,
      version,
      versions: versionsOf(this.db, reportId),
      findings: findingsOf(this.db, reportId),
      cells: version.parsed ? reviewCells(this.db, version.id, version.parsed) : []
    })
    // a PDF read before text boxes were kept gets them from its stored original, tried once a session
    if (version.kind === 'pdf' && !this.boxesTried.has(version.id)) {
      this.boxesTried.add(version.id)
      await backfillVersionBoxes(this.db, version.id)
    }
    return withTextBoxes(this.db, detail)
  }

  async decide(findingId: number, decision: Decision | null, comment: string | null): Promise<FindingDto> {
    if (decision !== null && decision !== 'confirmed' && decision !== 'dismissed') throw new Error('无效的审核决定')
    const text = comment === null || comment === undefined ? null : String(comment).slice(0, 2000)
    return boxedFindingDto(this.db, decide(this.db, this.reviewer(), findingId, decision, text))
  }

  async addFinding(reportId: number, f: { severity: Severity; message: string; comment?: string; evidence: EvidenceDto[] }): Promise<FindingDto> {
    if (!['error', 'warning', 'info'].includes(f.severity)) throw new Error('无效的严重程度')
    if (!f.message?.trim()) throw new Error('请填写问题说明')
    const input = { severity: f.severity, message: f.message.trim().slice(0, 2000), comment: f.comment ?? null, evidence: (f.evidence ?? []).slice(0, 20) }
    return boxedFindingDto(this.db, addFinding(this.db, this.reviewer(), reportId, input))
  }

  async setReviewStatus(reportId: number, status: ReviewStatus): Promise<void> {
    if (!REVIEW_STATUSES.includes(status)) throw new Error('无效的审核状态')
    setReviewStatus(this.db, this.reviewer(), reportId, status)
  }

  async undo(reportId?: number): Promise<{ undone: string | null; reportId?: number }> {
    return undoLast(this.db, this.reviewer(), reportId)
  }

  async diffVersions(reportId: number, fromVersion: number, toVersion: number): Promise<VersionDiff> {
    const d = versionChanges(this.db, reportId, fromVersion, toVersion)
    return {
      from: fromVersion,
      to: toVersion,
      cells: d.cells,
      text: d.text,
      resolved: d.resolved.map(findingDto),
      remaining: d.remaining.map(findingDto),
      added: d.added.map(findingDto)
    }
  }

  private exportsBase(): string {
    return this.opts.exportsDir ?? join(dataDir(), 'exports')
  }

  async exportSummary(batchId: number): Promise<{ file: string }> {
    return { file: await exportSummaryFile(this.db, this.exportsBase(), batchId) }
  }

  async exportFeedback(batchId: number, reportId?: number): Promise<FeedbackExport> {
    return exportLetterFiles(this.db, this.exportsBase(), batchId, reportId ?? undefined)
  }

  async setReportBody(reportId: number, body: string | null): Promise<void> {
    const name = body === null || body === undefined ? null : String(body).replace(/\s+/g, '').slice(0, 60) || null
    setReportBody(this.db, this.reviewer(), reportId, name)
  }

  async auditTrail(batchId: number, limit?: number): Promise<AuditEntryDto[]> {
    return auditTrail(this.db, batchId, limit)
  }

  async search(batchId: number, query: string): Promise<SearchHitDto[]> {
    return searchHitsWithBoxes(this.db, searchBatch(this.db, batchId, query), String(query ?? '').trim().slice(0, 100))
  }

  async settleCells(reportId: number, cells: SettleCellDto[]): Promise<{ settled: number }> {
    return settle(this.db, this.reviewer(), auditWriter(this.db, this.reviewer()), reportId, cells)
  }

  async unsettleCells(reportId: number, cells: { table: TableId; row: string; col: string }[]): Promise<{ withdrawn: number }> {
    return unsettle(this.db, auditWriter(this.db, this.reviewer()), reportId, cells)
  }

  /** The stored original of a PDF version, for the renderer's pdf.js. */
  original(versionId: number): Buffer | null {
    return originalOf(this.db, versionId)
  }

  exportsRoot(): string {
    const d = this.exportsBase()
    if (!existsSync(d)) mkdirSync(d, { recursive: true })
    return realpathSync(d)
  }
}
