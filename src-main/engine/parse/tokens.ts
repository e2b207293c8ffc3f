// The parser reads every layout (real tables, tab rows, one cell per line, '|' rows, PDF rows)
// as one stream of tokens, so a table rule never depends on how a converter laid it out.
import type { Box, Line } from '../model.ts'
import { labelKey } from './normalize.ts'

export interface Token {
  /** Original text of the cell. */
  text: string
  /** labelKey(text): folded, without whitespace. */
  key: string
  start: number
  end: number
  line: number
  col?: number
  /** Real table index (docx/html/pdf grid), when known. */
  table?: number
  page?: number
  box?: Box
  conf?: number
  /** OCR: other readings of an unsure number, and its glyph count (model.ts Cell). */
  alts?: string[]
  nglyph?: number
  /** Cells on the same line (paragraph lines have 1). */
  lineCells: number
}

export function tokenize(lines: Line[]): Token[] {
  const out: Token[] = []
  lines.forEach((line, li) => {
    const n = line.cells.length
    // An index loop: with TurboFan off while reading (ingest/jitTier.ts) an array iterator allocates per step.
    for (let ci = 0; ci < n; ci++) {
      const c = line.cells[ci] as Line['cells'][number]
      const t: Token = {
        text: c.text,
        key: labelKey(c.text),
        start: c.start,
        end: c.end,
        line: li,
        col: c.col,
        table: line.table,
        page: c.page,
        box: c.box,
        conf: c.conf,
        lineCells: n
      }
      // Set when present, not spread from a literal made for each cell (two objects a token with TurboFan off).
      if (c.alts) t.alts = c.alts
      if (c.nglyph !== undefined) t.nglyph = c.nglyph
      out.push(t)
    }
  })
  return out
}
