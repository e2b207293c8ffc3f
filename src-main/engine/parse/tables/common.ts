import type { CellStatus, CellValue, Span, TableId } from '../../model.ts'
import type { Token } from '../tokens.ts'
import { readValue } from '../values.ts'

export function spanOf(t: Token): Span {
  const s: Span = { start: t.start, end: t.end }
  if (t.page !== undefined) s.page = t.page
  if (t.box) s.box = t.box
  return s
}

export function spanOfRange(a: Token, b: Token): Span {
  const s: Span = { start: a.start, end: b.end }
  if (a.page !== undefined) s.page = a.page
  return s
}

/** Tokens whose text is a number or a blank placeholder. */
export function isValue(t: Token): boolean {
  if (t.key === '') return false
  const k = readValue(t.text).kind
  return k === 'number' || k === 'blank'
}

/** OCR confidence below which a digit is not trusted (tesseract scale 0..100). */
export const MIN_CONF = 80

export function cellFromToken(table: TableId, row: string, col: string, t: Token | undefined, int: boolean): CellValue {
  if (!t) return { table, row, col, value: null, raw: '', status: 'blank' }
  const v = readValue(t.text)
  let status: CellStatus = 'ok'
  let value = v.value
  let note: string | undefined
  if (v.kind === 'empty' || v.kind === 'blank') status = 'blank'
  else if (v.kind === 'text') {
    status = 'invalid'
    note = '单元格内容不是数字'
  } else if (int && v.decimals) {
    status = 'invalid'
    note = '件数应为整数'
  }
  if (v.unit && status === 'ok') note = `单元格内写有单位“${v.unit}”`
  if (status === 'ok' && t.conf !== undefined && t.conf < MIN_CONF) {
    status = 'uncertain'
    note = `识别置信度低（${Math.round(t.conf)}）`
  }
  if (status !== 'ok' && status !== 'uncertain' && status !== 'invalid') value = null
  const cell: CellValue = { table, row, col, value, raw: t.text, status, span: spanOf(t) }
  if (note) cell.note = note
  return cell
}

export function missingCell(table: TableId, row: string, col: string, note: string): CellValue {
  return { table, row, col, value: null, raw: '', status: 'missing', note }
}

/** Split a token like '（七）总计630020469' into its label part and a glued digit run. */
export function splitGluedLabel(t: Token): { label: Token; digits: Token } | null {
  const m = /^(.*?[^\d\s,.])\s*(\d{5,})$/.exec(t.text)
  if (!m || !m[1]) return null
  const cut = t.start + (t.text.length - (m[2] as string).length)
  return {
    label: { ...t, text: m[1], key: t.key.slice(0, t.key.length - (m[2] as string).length), end: t.start + m[1].length },
    digits: { ...t, text: m[2] as string, key: m[2] as string, start: cut, end: t.end }
  }
}
