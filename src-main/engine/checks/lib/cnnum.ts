// Reading numbers written in a report's narrative: Arabic (1, 12, 1,234, 0.5) or Chinese numerals
// (一, 两, 十二, 二十五, 一百零五, 〇). Used by the text-versus-table rules.

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const CN = '零〇一二两三四五六七八九十百千万'

/**
 * Regex source of one number (use inside a capture group). Apply to folded (half-width) text.
 * Repetition is bounded and a number cannot start inside a longer run of digits or numerals: a long
 * run (hostile or garbled text) then costs a constant per position instead of the rest of the run.
 */
export const NUM = `(?:(?<![\\d,.])\\d[\\d,]{0,14}(?:\\.\\d{1,4})?|(?<![${CN}])[${CN}]{1,10})`

/** Value of a number as written, or null when it is not a number. */
export function readNumber(raw: string): number | null {
  const s = raw.replace(/[,\s]/g, '')
  if (s === '') return null
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s)
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return null
  // Digit by digit (二〇二三) when there is no unit character.
  if (s.length > 1 && [...s].every((c) => c in DIGIT)) return Number([...s].map((c) => DIGIT[c]).join(''))
  let total = 0
  let section = 0
  let num = 0
  for (const c of s) {
    if (c in DIGIT) num = DIGIT[c] as number
    else if (c in UNIT) {
      section += (num || 1) * (UNIT[c] as number)
      num = 0
    } else if (c === '万') {
      total += (section + num || 1) * 10000
      section = 0
      num = 0
    }
  }
  return total + section + num
}

export interface NumToken {
  /** Offsets inside the scanned string. */
  start: number
  end: number
  value: number
  /** The counting word after the number (件, 条 …). */
  unit: string
  /** Written as 各N件: once per item named before it. */
  each: boolean
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57
const isCn = (ch: string): boolean => CN.includes(ch)

/**
 * Numbers followed by one of the units, found by one left-to-right scan (linear on any input).
 * A run of digits longer than 15 or of numerals longer than 10 is not a number. Chinese numerals
 * need a unit right after them ('一是', '十分' are not counts).
 */
export function numberTokens(s: string, units: string): NumToken[] {
  const out: NumToken[] = []
  let i = 0
  while (i < s.length) {
    const c = s.charCodeAt(i)
    const ch = s[i] as string
    let j = i
    if (isDigit(c)) {
      while (j < s.length && (isDigit(s.charCodeAt(j)) || (s[j] === ',' && isDigit(s.charCodeAt(j + 1))) || (s[j] === '.' && isDigit(s.charCodeAt(j + 1))))) j++
      if (j - i > 15) {
        i = j
        continue
      }
    } else if (isCn(ch)) {
      while (j < s.length && isCn(s[j] as string)) j++
      if (j - i > 10) {
        i = j
        continue
      }
    } else {
      i++
      continue
    }
    let k = j
    while (k < s.length && k - j < 2 && s[k] === ' ') k++
    const u = s[k]
    if (u !== undefined && units.includes(u)) {
      const value = readNumber(s.slice(i, j))
      if (value !== null) out.push({ start: i, end: k + 1, value, unit: u, each: s[i - 1] === '各' })
    }
    i = j
  }
  return out
}
