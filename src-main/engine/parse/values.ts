// Reading a number from a table cell. Blank is not 0 (domain.md §3.6), and a cell that
// is not a number is reported as invalid instead of being guessed.
export type ValueKind = 'number' | 'blank' | 'text' | 'empty'

export interface ReadValue {
  kind: ValueKind
  value: number | null
  /** Unit written into the cell ('元', '万元', '件'), if any. */
  unit?: string
  /** Number of decimals written. */
  decimals?: number
}

const PLACEHOLDER = /^(?:\/|／|-|—|–|－|——|无|無|空|\\|、)$/
const NUMBER = /^([+\-−]?)(\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.(\d+))?(万元|元|件|条|个|项|家)?$/

/** What a number or a placeholder can start with, after blanks and markdown bold. */
const VALUE_START = /^[\s\u3000*]*[0-9０-９+\-−/／—–－无無空\\、]/
const PLAIN = /^\d{1,15}$/

export function readValue(raw: string): ReadValue {
  // Called on every token of a report: the two common cases are decided without rewriting the string.
  if (PLAIN.test(raw)) return { kind: 'number', value: Number(raw), unit: undefined, decimals: 0 }
  if (!VALUE_START.test(raw) && !/^[\s\u3000*]*$/.test(raw)) return { kind: 'text', value: null }
  const s = raw
    .replace(/[\s\u3000]+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/\*\*/g, '')
  if (s === '') return { kind: 'empty', value: null }
  if (PLACEHOLDER.test(s)) return { kind: 'blank', value: null }
  const m = NUMBER.exec(s)
  if (!m) return { kind: 'text', value: null }
  const sign = m[1] === '-' || m[1] === '−' ? -1 : 1
  const int = (m[2] as string).replace(/[,，]/g, '')
  const dec = m[3] ?? ''
  const value = sign * Number(dec ? `${int}.${dec}` : int)
  return { kind: 'number', value, unit: m[4], decimals: dec.length }
}

/** OCR confidence below which a digit is not trusted (tesseract scale 0..100). */
export const MIN_CONF = 80
/** OCR confidence given to a number two independent recognisers read the same (ocr/digitVerify.ts). */
export const VERIFIED_CONF = 99
