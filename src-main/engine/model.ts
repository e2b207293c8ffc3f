// Core data model shared by readers, parser, checks, db and exports.
// Every position is an offset into ReadResult.text (UTF-16 code units), so that
// any finding can be highlighted in the original as displayed.

import type { Box, CellSettlement, CellStatus, Span, TableId } from '../shared/vocabulary.ts'

// The serialisable part of the vocabulary lives in shared/ (the API carries it as is).
export type { Box, CellSettlement, CellStatus, Span, TableId } from '../shared/vocabulary.ts'

export type SourceKind = 'txt' | 'html' | 'docx' | 'doc' | 'pdf'

/** One piece of text in the original: a table cell, a tab-separated field or a whole paragraph line. */
export interface Cell {
  text: string
  start: number
  end: number
  /** Grid column (0-based) when the reader knows it (tab fields, real tables after colspan expansion). */
  col?: number
  colSpan?: number
  page?: number
  box?: Box
  /** OCR confidence 0..100, only for scanned pages. */
  conf?: number
  /** A number OCR is unsure of: the other numbers its readings gave (digits), for the table identities to choose among. */
  alts?: string[]
  /** Digit glyphs counted in the cell's ink, when each one stands apart (a reading with another count is no reading of it). */
  nglyph?: number
}

/** A line of the document in reading order: a paragraph (one cell) or a table row (several cells). */
export interface Line {
  cells: Cell[]
  /** Index of the real table (docx/html/pdf grid) the row belongs to; absent for paragraphs and plain text. */
  table?: number
}

export interface PageInfo {
  width: number
  height: number
  /** true when the page had no text layer (scan). */
  scanned?: boolean
}

export interface ReadResult {
  kind: SourceKind
  /** Canonical plain text of the original; all offsets point into it. */
  text: string
  lines: Line[]
  /** Display HTML for Word/HTML sources. Sanitized; text-bearing elements carry data-s / data-e offsets. */
  html?: string
  pages?: PageInfo[]
  /** The file is a scan without a text layer: OCR is required before parsing. */
  needsOcr?: boolean
  warnings: string[]
  /** Detected text encoding for .txt/.html. */
  encoding?: string
}

export type FormatId = '2021' | '2019' | 'unknown' | 'mixed'
export interface CellValue {
  table: TableId
  /** Row id from the template (T4 uses 'counts'). For T2 the row id is prefixed by the block: 'A20_1.rules'. */
  row: string
  col: string
  value: number | null
  raw: string
  status: CellStatus
  note?: string
  span?: Span
  /** Values still possible for an uncertain cell (two or three readings satisfy the template identities). */
  choices?: number[]
  /** The reviewer settled this cell (settle/settlement.ts): value and status are the settled ones. */
  settled?: CellSettlement
}

export type LabelMatch = 'exact' | 'variant' | 'qualified' | 'deviation' | 'truncated'

export interface LabelHit {
  table: TableId
  kind: 'row' | 'col' | 'block'
  id: string
  expected: string
  raw: string
  match: LabelMatch
  span: Span
}

export interface TableResult {
  id: TableId
  found: boolean
  span?: Span
  cells: CellValue[]
  labels: LabelHit[]
  /** Rows whose number of values did not match the template. */
  /**
   * Rows whose number of values did not match the template. 'source': the source's own grid shows it
   * (a cell too many in a real table row); 'reading': the reader could not tell (glued or lost cells),
   * which is a parse problem, never a finding against the township. Absent on older reports: 'source'.
   */
  shape: { row: string; expected: number; got: number; span?: Span; source?: 'source' | 'reading' }[]
}

export interface SectionHit {
  id: string // S1..S6
  found: boolean
  /** Heading as written, and its position. */
  title?: string
  titleSpan?: Span
  /** How the heading matched: exact title, a known variant, a reworded/truncated one, or without ordinal. */
  titleMatch?: 'exact' | 'variant' | 'reworded' | 'no-ordinal' | 'truncated'
  bodyStart?: number
  bodyEnd?: number
}

/**
 * Something the reader saw but could not read (labels present, values not placeable; an OCR digit too
 * unsure; a heading present but unusable). It is never the township's fault: it becomes a finding of
 * severity 'parse' (rule PARSE), shown apart from the township's findings, never counted as an error or
 * warning and never written into a feedback letter. The cells it names are 'uncertain'.
 */
export interface ParseProblem {
  /** Stable code, part of the finding key: e.g. 'table-unplaced', 'cells-unplaced', 'section-unplaced', 'ocr-unsure'. */
  code: string
  /** For the reviewer, in Chinese: 「解析存疑：表三的行标签都在原文中，但数值无法对应到格子」. */
  message: string
  section?: string
  table?: TableId
  /** Cells concerned; each of them is 'uncertain' in its table. */
  cells?: { table: TableId; row: string; col: string }[]
  /** Where the unreadable material stands in the original. */
  spans: Span[]
}

/** Title, issuing body, year and signature of a report (parse/meta.ts reads them). */
export interface ReportMeta {
  title?: { text: string; span: Span }
  /** Issuing body as written (e.g. 云阳县平安镇人民政府) and the township key (e.g. 平安镇). */
  body?: { name: string; township: string; span: Span }
  year?: number
  yearSpan?: Span
  signDate?: { iso: string; span: Span }
  signBody?: { name: string; span: Span }
}

export interface ParsedReport extends ReportMeta {
  format: FormatId
  markers: { f2021: string[]; f2019: string[] }
  sections: SectionHit[]
  tables: Record<TableId, TableResult>
  /** Share of characters that changed under traditional->simplified conversion. */
  tradShare: number
  /** Normalised (simplified, half-width) text, same length as ReadResult.text: offsets are shared. */
  norm: string
  /** What the reader could not read (absent on reports parsed before this existed). */
  problems?: ParseProblem[]
  /** Text ranges [start, end) recognised by OCR with low confidence: evidence there may be a misreading. */
  ocrDoubt?: [number, number][]
}
