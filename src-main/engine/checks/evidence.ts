// Helpers that turn parsed cells and text into evidence, so every finding shows what it was computed from.
import type { CellValue } from '../model.ts'
import type { Evidence, ReportCtx } from './types.ts'

export function cellEvidence(c: CellValue): Evidence {
  const e: Evidence = { kind: 'cell', table: c.table, row: c.row, col: c.col, value: c.value, raw: c.raw, status: c.status }
  if (c.span) e.span = c.span
  // a settled cell shows both the reviewer's value and what the reader had read
  if (c.settled) e.settled = c.settled
  return e
}

export function textEvidence(ctx: ReportCtx, start: number, end: number, note?: string): Evidence {
  const e: Evidence = { kind: 'text', start, end, text: ctx.text.slice(start, end) }
  if (note) e.note = note
  return e
}

/** A cell is usable for arithmetic only when read with certainty (or inferred from an identity). */
export function usable(c: CellValue | undefined): c is CellValue & { value: number } {
  return !!c && c.value !== null && (c.status === 'ok' || c.status === 'inferred')
}

/** Sentence around an offset, for evidence spans in narrative text. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start
  while (s > 0 && !/[。！？\n]/.test(text[s - 1] as string)) s--
  let e = end
  while (e < text.length && !/[。！？\n]/.test(text[e] as string)) e++
  if (e < text.length) e++
  return { start: s, end: e }
}
