// Helpers for the cross-document rules: evidence naming another report, same-township year pairs,
// and collecting findings per report.
import type { BatchReport, Evidence, Finding } from '../types.ts'

/**
 * A copy of a span of a report's text that does not keep the whole text. V8 makes a slice a view on its
 * parent string: a cross rule's finding that quoted six reports kept their six full texts (read anew
 * from the store for each finding), about 30 KB a finding, for as long as the finding waited.
 */
export function detachedSlice(text: string, start: number, end: number): string {
  const s = text.slice(start, end)
  return s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le')
}

/** Evidence that names another report of the batch (optionally a span of its text). */
export function reportEvidence(r: BatchReport, note?: string, span?: { start: number; end: number }): Evidence {
  const e: Evidence = { kind: 'report', reportId: r.reportId, file: r.file }
  if (r.township) e.township = r.township
  if (r.year) e.year = r.year
  if (note) e.note = note
  if (span) {
    e.start = span.start
    e.end = span.end
    e.text = detachedSlice(r.text, span.start, span.end)
  }
  return e
}

/** A span of this report's own text. */
export function ownText(r: BatchReport, start: number, end: number, note?: string): Evidence {
  const e: Evidence = { kind: 'text', start, end, text: detachedSlice(r.text, start, end) }
  if (note) e.note = note
  return e
}

/** How a report is named in messages: 平安镇2022年年报 (or the file name). */
export function reportName(r: BatchReport): string {
  const who = r.township ?? r.file.split(/[\\/]/).pop() ?? `报告${r.reportId}`
  return r.year ? `${who}${r.year}年年报` : `${who}年报`
}

/**
 * Other reports named in one finding: the first few are listed (message and evidence), the rest counted.
 * In a large batch a table shared by hundreds of files would otherwise make one finding megabytes long.
 */
export const MAX_LISTED = 5

/** 甲镇2023年年报、乙镇2023年年报等 12 份年报 */
export function reportNames(rs: BatchReport[]): string {
  const head = rs.slice(0, MAX_LISTED).map(reportName).join('、')
  return rs.length > MAX_LISTED ? `${head}等 ${rs.length} 份年报` : head
}

/** Same township, consecutive report years: every (previous, current) pair. */
export function yearPairs(reports: BatchReport[]): { prev: BatchReport; cur: BatchReport }[] {
  const byKey = new Map<string, BatchReport[]>()
  for (const r of reports) {
    if (!r.township || !r.year) continue
    const l = byKey.get(`${r.township}|${r.year}`)
    if (l) l.push(r)
    else byKey.set(`${r.township}|${r.year}`, [r])
  }
  const out: { prev: BatchReport; cur: BatchReport }[] = []
  for (const cur of reports) {
    if (!cur.township || !cur.year) continue
    for (const prev of byKey.get(`${cur.township}|${cur.year - 1}`) ?? []) out.push({ prev, cur })
  }
  return out
}

/** Two reports come from different townships (unknown township: different unless the same report). */
export function differentTownships(a: BatchReport, b: BatchReport): boolean {
  if (a.reportId === b.reportId) return false
  if (a.township && b.township) return a.township !== b.township
  return true
}

export class PerReport {
  readonly map = new Map<number, Finding[]>()
  add(reportId: number, f: Finding): void {
    const l = this.map.get(reportId)
    if (l) {
      if (!l.some((x) => x.loc === f.loc)) l.push(f)
    } else this.map.set(reportId, [f])
  }
  get size(): number {
    return this.map.size
  }
  anyFail(): boolean {
    for (const l of this.map.values()) if (l.some((f) => f.outcome === 'FAIL')) return true
    return false
  }
}

/** File path without extension: '平安镇2023年报.pdf' and '平安镇2023年报.docx' share it. */
export function fileStem(file: string): string {
  // The folder stays part of the stem: 平安镇/年报.pdf and 双龙镇/年报.docx are two townships.
  const dot = file.lastIndexOf('.')
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'))
  return (dot > cut + 1 ? file.slice(0, dot) : file).replace(/[（(]\s*(?:扫描件?|扫描版|文字版|word版?|pdf版?|\d)\s*[)）]$/i, '').trim()
}

/**
 * Two files of one report (a scan and its text file, a resubmission): same year (or a year unknown) and
 * the same township, the same issuing body or the same file stem. They are duplicates (XDOC-DUP-FILE),
 * never copies between townships.
 */
export function sameReport(a: BatchReport, b: BatchReport): boolean {
  if (a.reportId === b.reportId) return true
  if (a.year && b.year && a.year !== b.year) return false
  if (a.township && b.township) return a.township === b.township
  const body = (r: BatchReport): string | undefined => r.report.body?.name.replace(/\s+/g, '')
  if (body(a) && body(a) === body(b)) return true
  return fileStem(a.file) !== '' && fileStem(a.file) === fileStem(b.file)
}
