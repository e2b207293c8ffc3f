// The grid every builder produces (stage 1 of the table reader: grid -> mapping -> table).
// Builders differ by source (real tables, positioned text, plain-text streams); mapping and
// constraints never look at the source kind except through what a cell records here.
import type { Box } from '../../model.ts'

export type GridSource = 'table' | 'positioned' | 'stream'

export interface GCell {
  /** Text as written (a merged wrapped label keeps the text of all its fragments). */
  text: string
  start: number
  end: number
  /** 'value': a number or a blank mark ('/', '—', '无'); 'empty': an empty cell the source shows; 'text': anything else. */
  kind: 'value' | 'empty' | 'text'
  /** Grid column when the source has one (real table after colspan expansion, tab or pipe field). */
  col?: number
  /** Real table index (docx/html/doc). */
  table?: number
  line: number
  page?: number
  box?: Box
  conf?: number
  /** OCR: other readings of an unsure number, and its glyph count (model.ts Cell). */
  alts?: string[]
  nglyph?: number
  /** Other pieces of a label wrapped over several lines, merged into this cell. */
  parts?: { start: number; end: number; page?: number; box?: Box }[]
}

export interface Grid {
  source: GridSource
  cells: GCell[]
  /** The document's text, for what the cells leave out: the empty lines of a text written one cell per line. */
  text?: string
}
