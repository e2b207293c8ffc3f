// Engine models to the API's types: the finding as the screens show it (with its rule's title, family
// and source) and the report detail (a version as read, laid out in the template it was read with).
import { ruleById } from '../engine/checks/registry.ts'
import { tableFormat } from '../engine/parse/index.ts'
import type { StoredFinding } from '../engine/review/findingsRepo.ts'
import type { StoredReport } from '../engine/review/reportsRepo.ts'
import type { StoredVersion, VersionListItem } from '../engine/db/versionsRepo.ts'
import type { CellDto, FindingDto, ReportDetail } from '../shared/api.ts'
import { templateDto } from './templateDto.ts'

/** The API's view of a stored finding: the rule's title, family and source added. */
export function findingDto(f: StoredFinding): FindingDto {
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
    evidence: f.evidence,
    sides: f.sides,
    state: f.state,
    manual: f.manual,
    decision: f.decision,
    comment: f.comment,
    decidedBy: f.decidedBy,
    decidedAt: f.decidedAt
  }
}

export interface ReportParts {
  report: StoredReport
  version: StoredVersion
  versions: VersionListItem[]
  findings: StoredFinding[]
  /** The version's cells with settlements applied (server/settle.ts). */
  cells: CellDto[]
}

export function reportDetailDto({ report: r, version: v, versions, findings, cells }: ReportParts): ReportDetail {
  const parsed = v.parsed
  // The template the parser read the tables with, so a mixed report is shown as it was read.
  const fmt = parsed ? tableFormat({ ...parsed, norm: '', markers: parsed.markers ?? { f2021: [], f2019: [] } }) : '2021'
  return {
    id: r.id,
    batchId: r.batchId,
    versionId: v.id,
    file: v.file,
    kind: v.kind,
    status: v.status,
    message: v.message,
    township: v.township,
    body: r.bodyNamed ?? v.body,
    bodyNamed: r.bodyNamed,
    year: v.year,
    format: v.format,
    signDate: v.signDate,
    title: v.title,
    reviewStatus: r.reviewStatus,
    text: v.text,
    html: v.html,
    pages: v.pages,
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
    cells,
    labels: parsed ? Object.values(parsed.tables).flatMap((t) => t.labels) : [],
    findings: findings.map(findingDto),
    versions: versions.map((x) => ({ ...x, current: x.id === r.currentVersionId }))
  }
}
