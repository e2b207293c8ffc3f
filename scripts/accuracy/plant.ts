// Planted errors (issue 13): one defect at a time, written into a copy of a corpus file as text edits that
// work on every layout (tabs, one cell per line, pipes, pdftotext, glued one-paragraph, HTML, traditional).
// Each edit must take place; a plant that finds nothing to change throws, so a layout never silently lacks it.

export type PlantId = 't3-row-total' | 'no-section-6' | 'narrative-count' | 'period-year' | 'blank-pipe-cell'

/** The rule each plant must make raise a finding that the unchanged copy does not have. */
export const PLANT_RULE: Record<PlantId, string> = {
  't3-row-total': 'T3-ROW-TOTAL',
  'no-section-6': 'SEC-PRESENT',
  'narrative-count': 'TXT-T3-COUNT',
  'period-year': 'DOC-YEAR-CONSISTENT',
  'blank-pipe-cell': 'TBL-BLANK'
}

export const PLANTS = Object.keys(PLANT_RULE) as PlantId[]

const DISCLOSED = /[（(]一[)）]\s*予以公[开開]/

/** 予以公开's 总计 (its seventh number) raised by one; in a glued digit run, its last digit. */
function t3RowTotal(text: string): string {
  const m = DISCLOSED.exec(text)
  if (!m) throw new Error('no （一）予以公开 row')
  const from = m.index + m[0].length
  const re = /\d+/g
  re.lastIndex = from
  let n = 0
  let seen = 0
  for (let t = re.exec(text); t && t.index < from + 600; t = re.exec(text)) {
    const s = t[0]
    if (n === 0 && s.length >= 7 && /^\d{7,}/.test(text.slice(t.index))) {
      // glued run: the row's total is its last digit(s); bump the final digit
      const at = t.index + s.length - 1
      return text.slice(0, at) + String((Number(s.at(-1)) + 1) % 10) + text.slice(at + 1)
    }
    n++
    seen += s.length
    if (n === 7) return text.slice(0, t.index) + String(Number(s) + 1) + text.slice(t.index + s.length)
  }
  throw new Error(`（一）予以公开 has ${n} numbers (${seen} digits) after it`)
}

/** Everything from the heading 六、其他需要报告的事项 to the end (of the text, or of the HTML element holding it). */
function noSection6(text: string): string {
  const m = /六\s*[、.．]\s*其他需要[报報]告的事[项項]/.exec(text)
  if (!m) throw new Error('no heading 六')
  const lt = text.indexOf('<', m.index)
  return text.slice(0, m.index) + (lt >= 0 ? text.slice(lt) : '\n')
}

/** The first narrative count of applications (申请 N 件, or 条 as some reports count them, after 收到/受理/新收) raised by two. */
function narrativeCount(text: string): string {
  const m = /(?:收到|受理|新收)[^。；，,\d]{0,24}?申[请請][\s\n]*(\d+)[\s\n]*[件条條]/.exec(text)
  if (!m) throw new Error('no narrative application count')
  const num = m[1] as string
  const at = m.index + m[0].lastIndexOf(num)
  return text.slice(0, at) + String(Number(num) + 2) + text.slice(at + num.length)
}

/** The years of the statistics period (统计期限/时限 …自 Y 年 1 月 1 日 … 至 Y 年 12 月 31 日) moved one year back. */
function periodYear(text: string): string {
  const m = /(?:统计|統計|數據|数据)[^。]{0,16}?(\d{4})(\s*年\s*1\s*月\s*1\s*日)([^。]{0,12}?至\s*)(\d{4})?/.exec(text)
  if (!m) throw new Error('no statistics period')
  const y = String(Number(m[1]) - 1)
  const first = m[0].lastIndexOf(m[1] as string, m[0].length - (m[2] as string).length - (m[3] as string).length - (m[4]?.length ?? 0))
  const rebuilt = m[0].slice(0, first) + y + (m[2] as string) + (m[3] as string) + (m[4] ? y : '')
  return text.slice(0, m.index) + rebuilt + text.slice(m.index + m[0].length)
}

/** One value cell of 予以公开's pipe row emptied (`| 0 |` → `|  |`). */
function blankPipeCell(text: string): string {
  const m = DISCLOSED.exec(text)
  if (!m) throw new Error('no （一）予以公开 row')
  const eol = text.indexOf('\n', m.index)
  const line = text.slice(m.index, eol < 0 ? undefined : eol)
  const cell = /\|\s*\d+\s*\|/.exec(line)
  if (!cell) throw new Error('予以公开 is not a pipe row with numbers')
  const at = m.index + cell.index
  return text.slice(0, at) + '|  |' + text.slice(at + cell[0].length)
}

export const PLANT_EDIT: Record<PlantId, (text: string) => string> = {
  't3-row-total': t3RowTotal,
  'no-section-6': noSection6,
  'narrative-count': narrativeCount,
  'period-year': periodYear,
  'blank-pipe-cell': blankPipeCell
}
