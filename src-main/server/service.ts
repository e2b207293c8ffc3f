// The engine behind the ReviewApi contract. Both transports (Electron IPC, browser-mode HTTP)
// call these methods; nothing here imports electron.
// Over 400 lines: it adapts every ReviewApi method (about thirty), and the batch and report views are
// still read here with their SQL. Decisions, audit and undo live in engine/review.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ruleById } from '../engine/checks/registry.ts'
import { batchYear } from '../engine/checks/run.ts'
import { runChecksOffThread } from '../engine/checks/offThread.ts'
import { batchSettings, saveBatchSettings } from '../engine/checks/store.ts'
import type { Db } from '../engine/db/open.ts'
import { unpackJson } from '../engine/db/packed.ts'
import { importFolder } from '../engine/ingest/importFolder.ts'
import { walkFolder } from '../engine/ingest/walk.ts'
import { tableFormat } from '../engine/parse/index.ts'
import type { ParsedReport, TableId } from '../engine/model.ts'
import { missingFromRoster } from '../engine/export/data.ts'
import { dataDir } from '../engine/paths.ts'
import type {
  ApiEvents,
  AppInfo,
  AuditEntryDto,
  FeedbackExport,
  SearchHitDto,
  BatchDetail,
  BatchSettingsDto,
  BatchSummary,
  Decision,
  EvidenceDto,
  FindingDto,
  ReportDetail,
  ReportRow,
  ReviewApi,
  ReviewStatus,
  SettleCellDto,
  Severity,
  VersionDiff
} from '../shared/api.ts'
import { reviewCells, settle, unsettle } from './settle.ts'
import { auditTrail, auditWriter } from '../engine/review/audit.ts'
import { addFinding, decide, setReportBody, setReviewStatus } from '../engine/review/decisions.ts'
import { findingsOf, type StoredFinding } from '../engine/review/findingsRepo.ts'
import { undoLast } from '../engine/review/undo.ts'
import { REVIEW_STATUSES } from '../shared/vocabulary.ts'
import { templateDto } from './templateDto.ts'
import { diffText } from './textDiff.ts'
import { boxSource, evidenceWithBoxes, searchHitsWithBoxes, type BoxSource } from './textBoxes.ts'

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
  private readonly tasks = new Map<string, AbortController>()
  /** Folders the reviewer opened: the only places the API reads from. */
  private readonly roots = new Set<string>()

  constructor(db: Db, opts: ServiceOptions) {
    this.db = db
    this.opts = opts
    for (const b of db.prepare('SELECT root FROM batches').all() as { root: string }[]) this.roots.add(b.root)
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

  private setting(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
    return row?.value?.trim() || undefined
  }

  private putSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
  }

  private reviewer(): string {
    return this.setting('reviewer') ?? '审核人'
  }

  async appInfo(): Promise<AppInfo> {
    return {
      version: this.opts.version,
      mode: this.opts.mode,
      sampleFolder: this.opts.sampleFolder,
      dataDir: dataDir(),
      reviewer: this.reviewer(),
      office: this.setting('office') ?? '',
      profileSet: !!this.setting('reviewer') && !!this.setting('office')
    }
  }

  async saveProfile(p: { reviewer: string; office: string }): Promise<AppInfo> {
    const reviewer = String(p?.reviewer ?? '').trim().slice(0, 50)
    const office = String(p?.office ?? '').trim().slice(0, 100)
    if (!reviewer) throw new Error('请填写审核人姓名')
    if (!office) throw new Error('请填写审核单位')
    this.putSetting('reviewer', reviewer)
    this.putSetting('office', office)
    return this.appInfo()
  }

  async listBatches(): Promise<BatchSummary[]> {
    return (
      this.db
        .prepare(
          `SELECT b.id, b.root, b.name, b.created_at AS createdAt, (SELECT COUNT(*) FROM reports r WHERE r.batch_id = b.id) AS reports
           FROM batches b ORDER BY b.id DESC`
        )
        .all() as BatchSummary[]
    ).map((b) => ({ ...b }))
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
      let seen = { total: 0, done: 0 }
      try {
        const res = await importFolder(this.db, real, {
          signal: ac.signal,
          onProgress: (p) => {
            if (p.status !== 'ocr') seen = { total: p.total, done: p.done }
            this.emit('progress', { taskId, ...p })
          }
        })
        await runChecksOffThread(this.db, res.batchId)
        let total = seen.total
        if (res.cancelled && !total) {
          // cancelled before the first file was counted: count the folder now, so the notice is right
          const w = walkFolder(real)
          total = w.files.length + w.skipped.length
        }
        this.recordImport(res.batchId, res.cancelled ? 'cancelled' : 'done', total, res.outcomes.length)
        this.emit('task', { taskId, state: res.cancelled ? 'cancelled' : 'done', batchId: res.batchId })
      } catch (e) {
        this.emit('task', { taskId, state: 'failed', message: e instanceof Error ? e.message : String(e) })
      } finally {
        this.tasks.delete(taskId)
      }
    })()
    return { taskId }
  }

  /** Keeps how the import ended, so that a cancelled one is still shown after a reload. */
  private recordImport(batchId: number, state: 'done' | 'cancelled', total: number, done: number): void {
    this.db
      .prepare(
        `INSERT INTO import_state (batch_id, state, total, done, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (batch_id) DO UPDATE SET state = excluded.state, total = excluded.total, done = excluded.done, at = excluded.at`
      )
      .run(batchId, state, Math.max(total, done), done, new Date().toISOString())
  }

  async cancelTask(taskId: string): Promise<void> {
    this.tasks.get(taskId)?.abort()
  }

  async getBatch(batchId: number): Promise<BatchDetail> {
    const b = this.db
      .prepare('SELECT b.id, b.root, b.name, b.created_at AS createdAt, (SELECT COUNT(*) FROM reports r WHERE r.batch_id = b.id) AS reports FROM batches b WHERE b.id = ?')
      .get(batchId) as BatchSummary | undefined
    if (!b) throw new Error(`没有编号为 ${batchId} 的文件夹`)
    const reports = this.db
      .prepare(
        `SELECT r.id, f.rel_path AS file, r.township, COALESCE(r.body_named, v.body) AS body, r.body_named AS bodyNamed, r.year, v.format, v.kind, v.status, r.review_status AS reviewStatus,
           (SELECT COUNT(*) FROM findings g WHERE g.report_id = r.id AND g.state = 'open' AND g.severity = 'parse') AS parse,
           (r.review_status = '需整改' AND v.seq > 1 AND v.imported_at > COALESCE((SELECT MAX(a.at) FROM audit a WHERE a.report_id = r.id AND a.action = 'status' AND a.undone = 0), '')) AS newVersion,
           (SELECT COUNT(*) FROM versions x WHERE x.report_id = r.id) AS versions,
           (SELECT COUNT(*) FROM findings g WHERE g.report_id = r.id AND g.state = 'open' AND g.severity = 'error' AND COALESCE(g.decision, '') != 'dismissed') AS errors,
           (SELECT COUNT(*) FROM findings g WHERE g.report_id = r.id AND g.state = 'open' AND g.severity = 'warning' AND COALESCE(g.decision, '') != 'dismissed') AS warnings,
           (SELECT COUNT(*) FROM findings g WHERE g.report_id = r.id AND g.state = 'open' AND g.severity = 'info' AND COALESCE(g.decision, '') != 'dismissed') AS infos,
           (SELECT COUNT(*) FROM findings g WHERE g.report_id = r.id AND g.state = 'open' AND g.decision = 'confirmed') AS confirmed,
           (SELECT COUNT(*) FROM findings g WHERE g.report_id = r.id AND g.state = 'open' AND g.decision IS NULL AND g.severity NOT IN ('info', 'parse')) AS undecided
         FROM reports r JOIN versions v ON v.id = r.current_version_id JOIN files f ON f.id = v.file_id
         WHERE r.batch_id = ? ORDER BY r.township, r.year, f.rel_path`
      )
      .all(batchId) as ReportRow[]
    for (const r of reports) r.newVersion = !!r.newVersion
    const fileEvents = this.db
      .prepare('SELECT rel_path AS file, kind, code, message FROM file_events WHERE batch_id = ? AND current = 1 ORDER BY rel_path')
      .all(batchId) as BatchDetail['fileEvents']
    const settings = batchSettings(this.db, batchId) as BatchSettingsDto
    const effectiveYear = settings.year ?? batchYear(reports.map((r) => ({ year: r.year ?? undefined })))
    const missing = missingFromRoster(settings.roster ?? [], reports, effectiveYear)
    const importState = (this.db.prepare('SELECT state, total, done, at FROM import_state WHERE batch_id = ?').get(batchId) as BatchDetail['importState'] | undefined) ?? null
    return { batch: b, settings, effectiveYear, reports, fileEvents, missing, importState }
  }

  async saveSettings(batchId: number, settings: BatchSettingsDto): Promise<BatchDetail> {
    const clean: BatchSettingsDto = {}
    if (settings.year !== undefined && settings.year !== null) {
      if (!Number.isInteger(settings.year) || settings.year < 2008 || settings.year > 2100) throw new Error('年度应为四位年份')
      clean.year = settings.year
    }
    for (const k of ['deadline', 'replyDeadline'] as const) {
      const v = settings[k]
      if (v) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error('日期格式应为 YYYY-MM-DD')
        clean[k] = v
      }
    }
    if (settings.roster) clean.roster = settings.roster.map((s) => String(s).trim()).filter(Boolean).slice(0, 500)
    if (settings.office) clean.office = String(settings.office).slice(0, 100)
    if (settings.reviewer) {
      this.db.prepare("INSERT INTO settings (key, value) VALUES ('reviewer', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(settings.reviewer).slice(0, 50))
    }
    saveBatchSettings(this.db, batchId, clean)
    await runChecksOffThread(this.db, batchId)
    return this.getBatch(batchId)
  }

  async rerunChecks(batchId: number): Promise<BatchDetail> {
    // Asked for by the reviewer: run even if nothing changed.
    await runChecksOffThread(this.db, batchId, { force: true })
    return this.getBatch(batchId)
  }

  /** The API's view of a stored finding: the rule's title, family and source added. */
  private findingDto(f: StoredFinding, boxes: BoxSource | null = boxSource(this.db, f.lastVersionId)): FindingDto {
    const rule = ruleById(f.rule)
    return {
      id: f.id,
      key: f.key,
      rule: f.rule,
      family: f.manual ? 'manual' : f.severity === 'parse' ? 'parse' : (rule?.family ?? 'document'),
      title: f.manual ? '人工添加' : f.severity === 'parse' ? '解析存疑：本软件未能读准原文' : (rule?.title ?? f.rule),
      source: rule?.source ?? '',
      severity: f.severity,
      outcome: f.outcome,
      message: f.message,
      evidence: evidenceWithBoxes(f.evidence, boxes),
      sides: f.sides,
      state: f.state,
      manual: f.manual,
      decision: f.decision,
      comment: f.comment,
      decidedBy: f.decidedBy,
      decidedAt: f.decidedAt
    }
  }

  async getReport(reportId: number, versionId?: number): Promise<ReportDetail> {
    const r = this.db.prepare('SELECT * FROM reports WHERE id = ?').get(reportId) as
      | { id: number; batch_id: number; current_version_id: number; review_status: ReviewStatus; body_named: string | null }
      | undefined
    if (!r) throw new Error(`没有编号为 ${reportId} 的年报`)
    const vid = versionId ?? r.current_version_id
    const v = this.db
      .prepare('SELECT v.*, f.rel_path FROM versions v JOIN files f ON f.id = v.file_id WHERE v.id = ? AND v.report_id = ?')
      .get(vid, reportId) as Record<string, unknown> | undefined
    if (!v) throw new Error('没有这个版本')
    const parsed = unpackJson<Omit<ParsedReport, 'norm'>>(v.parsed)
    const boxes = boxSource(this.db, vid)
    // The template the parser read the tables with, so a mixed report is shown as it was read.
    const fmt = parsed ? tableFormat({ ...parsed, norm: '', markers: parsed.markers ?? { f2021: [], f2019: [] } }) : '2021'
    const versions = this.db
      .prepare('SELECT v.id, v.seq, f.rel_path AS file, v.imported_at AS importedAt, v.sha256 FROM versions v JOIN files f ON f.id = v.file_id WHERE v.report_id = ? ORDER BY v.seq')
      .all(reportId) as { id: number; seq: number; file: string; importedAt: string; sha256: string }[]
    return {
      id: reportId,
      batchId: r.batch_id,
      versionId: vid,
      file: v.rel_path as string,
      kind: v.kind as ReportDetail['kind'],
      status: v.status as string,
      message: (v.message as string | null) ?? null,
      township: (v.township as string | null) ?? null,
      body: r.body_named ?? (v.body as string | null) ?? null,
      bodyNamed: r.body_named ?? null,
      year: (v.year as number | null) ?? null,
      format: (v.format as string | null) ?? null,
      signDate: (v.sign_date as string | null) ?? null,
      title: (v.title as string | null) ?? null,
      reviewStatus: r.review_status,
      text: v.text as string,
      html: (v.html as string | null) ?? null,
      pages: v.pages ? (JSON.parse(v.pages as string) as ReportDetail['pages']) : null,
      template: templateDto(fmt),
      sections: (parsed?.sections ?? []).map((s) => ({
        id: s.id,
        found: s.found,
        title: s.title,
        titleMatch: s.titleMatch,
        start: s.titleSpan?.start,
        end: s.titleSpan?.end,
        bodyStart: s.bodyStart,
        bodyEnd: s.bodyEnd
      })),
      cells: parsed ? reviewCells(this.db, vid, parsed) : [],
      labels: parsed ? Object.values(parsed.tables).flatMap((t) => t.labels) : [],
      findings: findingsOf(this.db, reportId).map((f) => this.findingDto(f, boxes)),
      versions: versions.map((x) => ({ ...x, current: x.id === r.current_version_id }))
    }
  }

  async decide(findingId: number, decision: Decision | null, comment: string | null): Promise<FindingDto> {
    if (decision !== null && decision !== 'confirmed' && decision !== 'dismissed') throw new Error('无效的审核决定')
    const text = comment === null || comment === undefined ? null : String(comment).slice(0, 2000)
    return this.findingDto(decide(this.db, this.reviewer(), findingId, decision, text))
  }

  async addFinding(reportId: number, f: { severity: Severity; message: string; comment?: string; evidence: EvidenceDto[] }): Promise<FindingDto> {
    if (!['error', 'warning', 'info'].includes(f.severity)) throw new Error('无效的严重程度')
    if (!f.message?.trim()) throw new Error('请填写问题说明')
    const input = { severity: f.severity, message: f.message.trim().slice(0, 2000), comment: f.comment ?? null, evidence: (f.evidence ?? []).slice(0, 20) }
    return this.findingDto(addFinding(this.db, this.reviewer(), reportId, input))
  }

  async setReviewStatus(reportId: number, status: ReviewStatus): Promise<void> {
    if (!REVIEW_STATUSES.includes(status)) throw new Error('无效的审核状态')
    setReviewStatus(this.db, this.reviewer(), reportId, status)
  }

  async undo(reportId?: number): Promise<{ undone: string | null; reportId?: number }> {
    return undoLast(this.db, this.reviewer(), reportId)
  }

  async diffVersions(reportId: number, fromVersion: number, toVersion: number): Promise<VersionDiff> {
    const load = (vid: number): { text: string; cells: Map<string, number | null> } => {
      const v = this.db.prepare('SELECT text, parsed FROM versions WHERE id = ? AND report_id = ?').get(vid, reportId) as
        | { text: string; parsed: string | Buffer | null }
        | undefined
      if (!v) throw new Error('没有这个版本')
      const cells = new Map<string, number | null>()
      const p = unpackJson<Omit<ParsedReport, 'norm'>>(v.parsed)
      for (const t of Object.values(p?.tables ?? {})) for (const c of t.cells) cells.set(`${c.table}|${c.row}|${c.col}`, c.value)
      return { text: v.text, cells }
    }
    const a = load(fromVersion)
    const b = load(toVersion)
    const cells: VersionDiff['cells'] = []
    for (const [k, after] of b.cells) {
      const before = a.cells.has(k) ? (a.cells.get(k) ?? null) : null
      if (before !== after) {
        const [table, row, col] = k.split('|') as [string, string, string]
        cells.push({ table, row, col, before, after })
      }
    }
    const fs = findingsOf(this.db, reportId).filter((f) => !f.manual)
    return {
      from: fromVersion,
      to: toVersion,
      cells,
      text: diffText(a.text, b.text),
      resolved: fs.filter((f) => f.state === 'resolved' && (f.lastVersionId ?? 0) < toVersion && (f.lastVersionId ?? 0) >= fromVersion).map((f) => this.findingDto(f)),
      remaining: fs.filter((f) => f.state === 'open' && (f.firstVersionId ?? 0) <= fromVersion).map((f) => this.findingDto(f)),
      added: fs.filter((f) => f.state === 'open' && (f.firstVersionId ?? 0) > fromVersion).map((f) => this.findingDto(f))
    }
  }

  private exportsDir(batchId: number): string {
    const row = this.db.prepare('SELECT name FROM batches WHERE id = ?').get(batchId) as { name: string } | undefined
    // no folder on disk for a batch that does not exist
    if (!row) throw new Error(`没有编号为 ${batchId} 的文件夹`)
    const name = row.name
    const dir = join(this.opts.exportsDir ?? join(dataDir(), 'exports'), `${batchId}-${name.replace(/[\\/:*?"<>|]/g, '_')}`)
    mkdirSync(dir, { recursive: true })
    return dir
  }

  async exportSummary(batchId: number): Promise<{ file: string }> {
    const { exportSummaryXlsx } = await import('../engine/export/summaryXlsx.ts')
    const file = join(this.exportsDir(batchId), `合规汇总-${new Date().toISOString().slice(0, 10)}.xlsx`)
    await exportSummaryXlsx(this.db, batchId, file)
    return { file }
  }

  async exportFeedback(batchId: number, reportId?: number): Promise<FeedbackExport> {
    const mod = await import('../engine/export/feedbackDocx.ts')
    if (!this.db.prepare('SELECT 1 FROM batches WHERE id = ?').get(batchId)) throw new Error(`没有编号为 ${batchId} 的文件夹`)
    const dir = join(this.exportsDir(batchId), '整改意见')
    mkdirSync(dir, { recursive: true })
    if (reportId !== undefined && reportId !== null) {
      if (!this.db.prepare('SELECT 1 FROM reports WHERE id = ? AND batch_id = ?').get(reportId, batchId)) throw new Error('没有这份年报')
      const file = join(dir, mod.letterFileName(this.db, reportId))
      const state = await mod.exportFeedbackDocx(this.db, reportId, file)
      return { files: [file], drafts: state.kind === 'draft' ? [file] : [], skipped: [] }
    }
    const { letters, skipped } = await mod.exportLetters(this.db, batchId, dir)
    const files = letters.map((l) => l.file)
    const zip = files.length ? await mod.zipLetters(files, join(this.exportsDir(batchId), `整改意见-${new Date().toISOString().slice(0, 10)}.zip`)) : undefined
    return { files, zip, drafts: letters.filter((l) => l.draft).map((l) => l.file), skipped }
  }

  async setReportBody(reportId: number, body: string | null): Promise<void> {
    const name = body === null || body === undefined ? null : String(body).replace(/\s+/g, '').slice(0, 60) || null
    setReportBody(this.db, this.reviewer(), reportId, name)
  }

  async auditTrail(batchId: number, limit?: number): Promise<AuditEntryDto[]> {
    return auditTrail(this.db, batchId, limit)
  }

  async search(batchId: number, query: string): Promise<SearchHitDto[]> {
    const q = String(query ?? '').trim().slice(0, 100)
    if (!q) return []
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const hits: SearchHitDto[] = []
    const snip = (text: string, at: number, len: number): string =>
      `${at > 30 ? '…' : ''}${text.slice(Math.max(0, at - 30), at + len + 40).replace(/\s+/g, ' ')}${at + len + 40 < text.length ? '…' : ''}`
    for (const f of this.db
      .prepare(
        `SELECT g.id, g.report_id, g.message, g.comment, r.township, r.year FROM findings g JOIN reports r ON r.id = g.report_id
         WHERE r.batch_id = ? AND g.state = 'open' AND (g.message LIKE ? ESCAPE '\\' OR g.comment LIKE ? ESCAPE '\\' OR g.rule LIKE ? ESCAPE '\\') ORDER BY r.township, g.id LIMIT 200`
      )
      .all(batchId, like, like, like) as { id: number; report_id: number; message: string; comment: string | null; township: string | null; year: number | null }[]) {
      const text = f.message.includes(q) || !f.comment ? f.message : `${f.message}　备注：${f.comment}`
      hits.push({ reportId: f.report_id, township: f.township, year: f.year, kind: 'finding', findingId: f.id, snippet: snip(text, Math.max(0, text.indexOf(q)), q.length) })
    }
    for (const v of this.db
      .prepare(
        `SELECT r.id, r.township, r.year, v.text FROM reports r JOIN versions v ON v.id = r.current_version_id
         WHERE r.batch_id = ? AND instr(v.text, ?) > 0 ORDER BY r.township, r.id`
      )
      .all(batchId, q) as { id: number; township: string | null; year: number | null; text: string }[]) {
      let at = v.text.indexOf(q)
      for (let n = 0; at >= 0 && n < 5; n++) {
        hits.push({ reportId: v.id, township: v.township, year: v.year, kind: 'text', start: at, snippet: snip(v.text, at, q.length) })
        at = v.text.indexOf(q, at + q.length)
      }
    }
    return searchHitsWithBoxes(this.db, hits.slice(0, 300), q)
  }

  async settleCells(reportId: number, cells: SettleCellDto[]): Promise<{ settled: number }> {
    return settle(this.db, this.reviewer(), auditWriter(this.db, this.reviewer()), reportId, cells)
  }

  async unsettleCells(reportId: number, cells: { table: TableId; row: string; col: string }[]): Promise<{ withdrawn: number }> {
    return unsettle(this.db, auditWriter(this.db, this.reviewer()), reportId, cells)
  }

  /** The stored original of a PDF version, for the renderer's pdf.js. */
  original(versionId: number): Buffer | null {
    const v = this.db.prepare('SELECT original FROM versions WHERE id = ?').get(versionId) as { original: Buffer | null } | undefined
    return v?.original ?? null
  }

  exportsRoot(): string {
    const d = this.opts.exportsDir ?? join(dataDir(), 'exports')
    if (!existsSync(d)) mkdirSync(d, { recursive: true })
    return realpathSync(d)
  }
}
