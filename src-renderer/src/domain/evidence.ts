// Where each finding points: cell keys for the parsed tables and character ranges for the original,
// each with the severity colour and the messages shown on hover.
import type { CellDto, EvidenceDto, FindingDto, Severity, SpanDto } from '../../../src-main/shared/api.ts'
import { maxSeverity, SEVERITY_NAMES } from './labels.ts'
import { locateQuote } from './locate.ts'

export function cellKey(table: string, row: string, col: string): string {
  return `${table}|${row}|${col}`
}

export interface Mark {
  start: number
  end: number
  severity: Severity
  findingId: number
  /** Text shown on hover. */
  title: string
}

export interface Highlight {
  severity: Severity
  findingIds: number[]
  titles: string[]
}

export interface BoxMark {
  page: number
  box: [number, number, number, number]
  severity: Severity
  findingId: number
  title: string
  /** The position was worked out from neighbouring cells (blank PDF cells have no text to locate). */
  approximate: boolean
  cell?: string
  /** For text evidence: the span it draws, `start-end` (boxes the server worked out from the reader's runs). */
  span?: string
}

/** Findings that colour the panes: open ones not dismissed by the reviewer. */
export function isActive(f: FindingDto): boolean {
  return f.state === 'open' && f.decision !== 'dismissed'
}

export function hoverTitle(f: FindingDto): string {
  return `${SEVERITY_NAMES[f.severity]} ${f.rule}：${f.message}`
}

function addHighlight(map: Map<string, Highlight>, key: string, f: FindingDto): void {
  const h = map.get(key)
  const t = hoverTitle(f)
  if (!h) map.set(key, { severity: f.severity, findingIds: [f.id], titles: [t] })
  else if (!h.findingIds.includes(f.id)) {
    h.severity = maxSeverity(h.severity, f.severity)
    h.findingIds.push(f.id)
    h.titles.push(t)
  }
}

/** The span of a cell evidence: its own, or the parsed cell's. */
export function cellSpan(e: Extract<EvidenceDto, { kind: 'cell' }>, cells: Map<string, CellDto>): SpanDto | undefined {
  return e.span ?? cells.get(cellKey(e.table, e.row, e.col))?.span
}

export interface Highlights {
  cells: Map<string, Highlight>
  marks: Mark[]
  /** Quoted words of text evidence that the text shown does not hold, by finding (nothing is marked for them). */
  unplaced: Map<number, string[]>
}

/**
 * The highlights of the findings. Given the text shown, text evidence is marked where its words stand
 * (a quotation carried over from another version is looked for); words not found are listed as unplaced.
 */
export function buildHighlights(findings: FindingDto[], cellList: CellDto[], includeId: number | null = null, text?: string): Highlights {
  const cells = new Map<string, Highlight>()
  const unplaced = new Map<number, string[]>()
  const byKey = new Map(cellList.map((c) => [cellKey(c.table, c.row, c.col), c]))
  const marks: Mark[] = []
  for (const f of findings) {
    if (!isActive(f) && f.id !== includeId) continue
    const title = hoverTitle(f)
    for (const e of f.evidence) {
      if (e.kind === 'cell') {
        addHighlight(cells, cellKey(e.table, e.row, e.col), f)
        const s = cellSpan(e, byKey)
        if (s) marks.push({ start: s.start, end: s.end, severity: f.severity, findingId: f.id, title })
      } else if (e.kind === 'text') {
        const at = text === undefined ? e : locateQuote(text, e)
        if (at) marks.push({ start: at.start, end: at.end, severity: f.severity, findingId: f.id, title })
        else unplaced.set(f.id, [...(unplaced.get(f.id) ?? []), e.text])
      }
    }
  }
  // the most specific place first: a click on a highlight selects the finding that points exactly there
  marks.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start)
  return { cells, marks, unplaced }
}

/** Does the element range [s, e) touch the mark? Zero-width marks (blank cells) touch the element at their position. */
export function touches(s: number, e: number, m: { start: number; end: number }): boolean {
  if (m.start === m.end) return (s <= m.start && m.start < e) || (s === e && s === m.start)
  if (s === e) return m.start <= s && s < m.end
  return s < m.end && m.start < e
}
