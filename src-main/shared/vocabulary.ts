// The serialisable vocabulary the engine and the API share: positions, cells, evidence, severities.
// Defined once here; engine/model.ts and engine/checks/types.ts re-export it and shared/api.ts builds its
// DTOs on it, so a wire type can no longer drift from the engine type it carries.
// Types only (plus constant lists): the renderer compiles this file, so it imports nothing.

/** A box on a PDF page, in PDF user-space points, origin bottom-left: [x0, y0, x1, y1]. */
export type Box = [number, number, number, number]

/** A box on a numbered PDF page (1-based). */
export interface PageBox {
  page: number
  box: Box
}

/** A stretch of the original: offsets into ReadResult.text (UTF-16 code units), and for PDFs where it stands. */
export interface Span {
  start: number
  end: number
  page?: number
  box?: Box
}

export type TableId = 'T2' | 'T3' | 'T4'
export const TABLE_IDS: readonly TableId[] = ['T2', 'T3', 'T4']

/** The two official templates (domain.md): 2021 is the current one, 2019 the old one. */
export type FormatKey = '2021' | '2019'

export type CellStatus =
  | 'ok' // a number read as written
  | 'blank' // empty, '/', '—', '无': blank is not 0
  | 'missing' // the table or row was not found at all
  | 'uncertain' // read, but the parser is not sure (shape problem, low OCR confidence, ambiguous glued digits)
  | 'inferred' // chosen among readings because exactly one satisfied an identity
  | 'invalid' // text in the cell is not a number
export const CELL_STATUSES: readonly CellStatus[] = ['ok', 'blank', 'missing', 'uncertain', 'inferred', 'invalid']

/** What the reader had read before a reviewer settled the cell (人工核定), and who settled it when. */
export interface CellSettlement {
  /** 'confirmed': the reading was right; 'corrected': the original shows another value. */
  kind: 'confirmed' | 'corrected'
  read: { value: number | null; raw: string; status: CellStatus }
  by: string
  at: string
  /** Kept from an earlier version whose text at this cell is the same. */
  carried?: boolean
}

/** 'parse': a reading problem of the app, never the township's; kept out of counts and letters. */
export type Severity = 'error' | 'warning' | 'info' | 'parse'
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'parse']

/** The reviewer's verdict on a finding (null: not decided yet). */
export type Decision = 'confirmed' | 'dismissed'

/** Where a report stands in the review. */
export type ReviewStatus = '待审核' | '需整改' | '已通过'
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['待审核', '需整改', '已通过']

/** How a finding came about: the rule failed, or it could not be verified. */
export type FindingOutcome = 'FAIL' | 'UNVERIFIABLE'

/** What a finding points at in the original: cells, text, another report, or a note. */
export type Evidence =
  | {
      kind: 'cell'
      table: TableId
      row: string
      col: string
      value: number | null
      raw: string
      status: CellStatus
      span?: Span
      settled?: CellSettlement
    }
  | {
      kind: 'text'
      start: number
      end: number
      text: string
      page?: number
      note?: string
      /**
       * Where the words stand on the PDF pages (scans included). Never stored with the finding: the server
       * adds it when it sends the finding, from the runs kept beside the version (engine/text/lineBoxes.ts).
       */
      boxes?: PageBox[]
    }
  | {
      kind: 'report'
      reportId: number
      township?: string
      year?: number
      file?: string
      note?: string
      start?: number
      end?: number
      text?: string
    }
  | { kind: 'note'; text: string }

/** For identities: the two sides, shown as a + b ≠ c + d. */
export interface Sides {
  left: { label: string; value: number | null }[]
  right: { label: string; value: number | null }[]
}
