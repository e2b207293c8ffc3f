// Text evidence and search hits leave the server with the boxes their words cover on the PDF pages
// (scans included), worked out from the runs kept beside the version (engine/text/lineBoxes.ts). Done
// here, when the finding is sent, so that stored findings do not grow and findings stored before the
// runs were kept get boxes as soon as their version has them.
import type { Db } from '../engine/db/open.ts'
import { versionText } from '../engine/db/versionsRepo.ts'
import { stmt } from '../engine/db/stmt.ts'
import { loadVersionBoxes } from '../engine/text/boxesRepo.ts'
import type { LineBox } from '../engine/text/lineBoxes.ts'
import { spanBoxes } from '../engine/text/spanBoxes.ts'
import type { StoredFinding } from '../engine/review/findingsRepo.ts'
import type { Evidence } from '../shared/vocabulary.ts'
import type { FindingDto, ReportDetail, SearchHitDto } from '../shared/api.ts'
import { findingDto } from './dto.ts'

/** A version's runs and text: the text checks that an evidence's offsets still point at its words. */
export interface BoxSource {
  runs: LineBox[]
  text: string
}

/** The runs of a version, or null when it kept none (not a PDF, read before they were kept). */
export function boxSource(db: Db, versionId: number | null | undefined): BoxSource | null {
  if (!versionId) return null
  const runs = loadVersionBoxes(db, versionId)
  if (!runs || runs.length === 0) return null
  const text = versionText(db, versionId)
  return text === undefined ? null : { runs, text }
}

const squeeze = (s: string): string => s.replace(/\s+/g, '')

/**
 * Does the evidence quote what the text holds at its offsets? A finding carried over from another
 * version (or a hand-added one) may point into a different text; its words are then found by searching.
 */
function sameWords(e: { start: number; end: number; text: string }, text: string): boolean {
  const want = squeeze(e.text).slice(0, 16)
  const have = squeeze(text.slice(e.start, Math.min(e.end, e.start + 200))).slice(0, 16)
  return want.length > 0 && want === have
}

/**
 * A quotation longer than this (a whole section or table cited) is shown by its opening words only: boxes
 * over every line of a section would hide the page, and the opening tells where it starts.
 */
const LONG_QUOTE = 300
const QUOTE_HEAD = 60

/** The evidence with `boxes` on every text item the source places; other items as they are. */
export function evidenceWithBoxes(items: Evidence[], src: BoxSource | null): Evidence[] {
  if (!src) return items
  return items.map((e) => {
    if (e.kind !== 'text' || !sameWords(e, src.text)) return e
    const end = e.end - e.start > LONG_QUOTE ? e.start + QUOTE_HEAD : e.end
    const boxes = spanBoxes(src.runs, e.start, end, src.text)
    return boxes.length > 0 ? { ...e, boxes, page: e.page ?? boxes[0]?.page } : e
  })
}

/** The report's findings with boxes on their text evidence, placed in the version shown. */
export function withTextBoxes(db: Db, d: ReportDetail): ReportDetail {
  const src = boxSource(db, d.versionId)
  if (!src) return d
  return { ...d, findings: d.findings.map((f) => ({ ...f, evidence: evidenceWithBoxes(f.evidence, src) })) }
}

/** A finding as the API sends it after a decision or when added: boxes from the version it was last seen in. */
export function boxedFindingDto(db: Db, f: StoredFinding): FindingDto {
  const dto = findingDto(f)
  const src = boxSource(db, f.lastVersionId)
  return src ? { ...dto, evidence: evidenceWithBoxes(dto.evidence, src) } : dto
}

/** Text hits of a search get their end and the boxes of the words found (in the report's current version). */
export function searchHitsWithBoxes(db: Db, hits: SearchHitDto[], query: string): SearchHitDto[] {
  const sources = new Map<number, BoxSource | null>()
  return hits.map((h) => {
    if (h.kind !== 'text' || h.start === undefined) return h
    const end = h.start + query.length
    let src = sources.get(h.reportId)
    if (src === undefined) {
      const r = stmt(db, 'SELECT current_version_id AS v FROM reports WHERE id = ?').get(h.reportId) as { v: number | null } | undefined
      src = boxSource(db, r?.v)
      sources.set(h.reportId, src)
    }
    const boxes = src ? spanBoxes(src.runs, h.start, end, src.text) : []
    return boxes.length > 0 ? { ...h, end, boxes } : { ...h, end }
  })
}
