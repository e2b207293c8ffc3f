// Scanned table rows: a column that OCR left without a number although it read a glyph there.
import type { CellValue, Span } from '../../model.ts'
import type { ColumnModel } from './columns.ts'
import { ocrReadings } from './ocrIdentities.ts'
import type { Item, Unread } from './rows.ts'

/**
 * On a scan a column with no number but with a glyph OCR read as text ('4' read as '全') is not a blank cell
 * the source shows: the digit may be there. The cell is uncertain, with what was read and where, and the
 * other readings OCR made of it (the table identities may choose among them).
 */
export function markUnread(cells: CellValue[], items: (Item | undefined)[], unread: Unread[], model: ColumnModel, out: { unplaced: { row: string; col: string }[] }, row: string): void {
  if (model.kind !== 'x') return
  for (const u of unread) {
    const x = (u.box[0] + u.box[2]) / 2
    let best = 0
    for (let i = 1; i < model.centers.length; i++) if (Math.abs((model.centers[i] as number) - x) < Math.abs((model.centers[best] as number) - x)) best = i
    if (Math.abs((model.centers[best] as number) - x) > model.gap / 2) continue
    const c = cells[best]
    if (!c || (items[best] && items[best]?.kind !== 'empty')) continue
    c.status = 'uncertain'
    c.value = null
    c.raw = u.text.trim()
    c.note = `识别结果“${c.raw}”不是该栏应有的数字形式，请对照原件核对`
    const span: Span = { start: u.start, end: u.end, box: u.box }
    if (u.page !== undefined) span.page = u.page
    c.span = span
    if (u.alts || u.nglyph !== undefined) ocrReadings.set(c, { alts: u.alts ?? [], ...(u.nglyph !== undefined ? { nglyph: u.nglyph } : {}) })
    out.unplaced.push({ row, col: c.col })
  }
}
