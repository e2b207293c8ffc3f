// Reading numbers written in a report's narrative: Arabic (1, 12, 1,234, 0.5) or Chinese numerals
// (一, 两, 十二, 二十五, 一百零五, 〇). Used by the text-versus-table rules.

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/** Regex source of one number (use inside a capture group). Apply to folded (half-width) text. */
export const NUM = '(?:\\d[\\d,]*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万]+)'

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
