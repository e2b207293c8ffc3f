// Page furniture that a PDF or a text extraction leaves between table rows: '- 3 -', '—4—', '第 3 页', '第3页 共8页'.
// Bounded pattern: no nested quantifiers, linear.
import type { Box } from '../../model.ts'

const FOOTER = /^(?:[-—–－]\s?\d{1,3}\s?[-—–－]|第\s?\d{1,3}\s?页(?:\s?[，,]?\s?共\s?\d{1,3}\s?页)?|\d{1,3}\s?\/\s?\d{1,3})$/

export function isPageFurniture(text: string): boolean {
  const t = text.trim()
  return t.length <= 16 && FOOTER.test(t)
}

/** Height of the bottom margin a page number stands in: an inch, in PDF points (A4 margins are wider). */
const BOTTOM_MARGIN = 72

/**
 * A scan's page number comes out of OCR without its dashes ('- 5 -' read as '5'): a lone number of up to three
 * digits, alone on its line, the last thing read on its page before the text goes on on the next one. Kept,
 * it would read as one more value of the table row just above the page break. Only OCR'd tokens (with a
 * confidence): a text layer keeps the dashes, and FOOTER handles those.
 */
export function ocrPageNumbers<T extends { text: string; page?: number; conf?: number; lineCells: number; box?: Box }>(tokens: T[]): Set<T> {
  const out = new Set<T>()
  tokens.forEach((t, i) => {
    if (t.conf === undefined || t.lineCells !== 1 || t.page === undefined || !/^\s*\d{1,3}\s*$/.test(t.text)) return
    // in the bottom margin (boxes in PDF points from the page's foot): a table's last value stands above it
    if (!t.box || t.box[3] > BOTTOM_MARGIN) return
    const next = tokens[i + 1]
    if (next?.page !== undefined && next.page > t.page) out.add(t)
  })
  return out
}
