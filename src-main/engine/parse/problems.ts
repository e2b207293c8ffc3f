// Sections and tables the reader could not place although the original shows them. A section or a table
// is missing only when its heading and its labels are absent from the whole text; when they are there
// and the reader could not use them, that is a parse problem (never the township's fault).
import type { Line, ParseProblem, ParsedReport, Span, TableId } from '../model.ts'
import { table, template, type FormatKey, type TplSection } from '../template.ts'
import { TABLE_NAME } from '../templateLabels.ts'
import { labelCore } from './normalize.ts'
import { headingCandidates, SECTION_KEYWORDS } from './sections.ts'

const NO_NAME: Record<string, string> = { S1: '一', S2: '二', S3: '三', S4: '四', S5: '五', S6: '六' }

/** The folded text without spaces, markdown and pipes, with the offset of each kept character. */
export interface Compact {
  text: string
  at: Int32Array
}

export function compact(norm: string): Compact {
  // Char codes, not one-char strings: this runs over the whole text of every report.
  const codes = new Uint16Array(norm.length)
  // Offsets in a typed array of the text's length: an array grown by push was reallocated as it grew.
  const all = new Int32Array(norm.length)
  let n = 0
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i)
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2a || c === 0x7c || c === 0x3000) continue
    all[n] = i
    codes[n++] = c
  }
  const at = all.subarray(0, n)
  let text = ''
  for (let i = 0; i < n; i += 4096) text += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 4096)) as unknown as number[])
  return { text, at }
}

/** Labels of a template table long enough to be telling (4+ characters without ordinal), deduplicated. */
export function tableLabels(format: FormatKey, id: TableId): string[] {
  const t = table(format, id)
  const raw: string[] = []
  for (const r of t.rows ?? []) if (r.label) raw.push(r.label)
  for (const c of t.columns ?? []) raw.push(c.label)
  for (const b of t.blocks ?? []) {
    raw.push(b.title)
    for (const r of b.rows) if (r.label) raw.push(r.label)
    for (const c of b.columns) raw.push(c.label)
  }
  return [...new Set(raw.map((l) => labelCore(l)).filter((c) => c.length >= 4))]
}

/** Where the table's labels stand in the text (first occurrence of each), in text order. */
export function labelSpans(c: Compact, labels: string[]): Span[] {
  const out: Span[] = []
  for (const l of labels) {
    const i = c.text.indexOf(l)
    if (i >= 0) out.push({ start: c.at[i] as number, end: (c.at[i + l.length - 1] as number) + 1 })
  }
  return out.sort((a, b) => a.start - b.start)
}

/** Enough of a table's labels are in the text to say the table is there. */
export function labelsPresent(found: number, total: number): boolean {
  return found >= 3 && found >= 0.4 * total
}

/** '五、' followed closely by the section's keyword, anywhere: a heading the matcher could not use. */
function looseHeading(norm: string, sec: TplSection): Span | null {
  const re = new RegExp(`${sec.no}[ \\t]*[、.]`, 'g')
  const keys = SECTION_KEYWORDS[sec.id] ?? []
  let m: RegExpExecArray | null
  while ((m = re.exec(norm))) {
    const before = norm[m.index - 1]
    if (before !== undefined && /[一二三四五六七八九十百第(（]/.test(before)) continue
    const after = norm.slice(m.index + m[0].length, m.index + m[0].length + 16).replace(/\s+/g, '')
    if (keys.some((k) => after.slice(0, 15).includes(k))) return { start: m.index, end: m.index + m[0].length + Math.min(16, norm.length - m.index - m[0].length) }
  }
  return null
}

/** Parse problems for the sections and tables that are in the text but could not be placed. */
export function placementProblems(report: ParsedReport, lines: Line[], fmt: FormatKey): ParseProblem[] {
  const out: ParseProblem[] = []
  const norm = report.norm
  const c = compact(norm)
  const tables: Record<string, { present: boolean; spans: Span[] }> = {}
  for (const id of ['T2', 'T3', 'T4'] as TableId[]) {
    const t = report.tables[id]
    const labels = tableLabels(fmt, id)
    const spans = t.found ? [] : labelSpans(c, labels)
    const present = t.found || labelsPresent(spans.length, labels.length)
    tables[id] = { present, spans }
    if (!t.found && present) {
      out.push({
        code: 'table-unplaced',
        table: id,
        message: `解析存疑：${TABLE_NAME[id]}的行列标签在原文中（找到${spans.length}个），但未能读成表格，数值无法对应到格子；该表的核对无法进行，请人工核对原文。`,
        spans: spans.slice(0, 5)
      })
    }
  }
  const secs = template(fmt).sections
  const unfound = secs.filter((s) => !report.sections.find((h) => h.id === s.id)?.found)
  if (!unfound.length) return out
  const cands = headingCandidates(lines, norm, unfound)
  for (const sec of unfound) {
    // A heading that is there but out of order is the township's (SEC-ORDER), not a reading failure.
    if ((cands.get(sec.id) ?? []).length) continue
    const tableId = (['T2', 'T3', 'T4'] as TableId[]).find((id) => table(fmt, id).section === sec.id)
    const loose = looseHeading(norm, sec)
    const tableThere = tableId ? tables[tableId]?.present === true : false
    if (!loose && !tableThere) continue
    const spans: Span[] = loose ? [loose] : tableId ? tables[tableId]?.spans.slice(0, 1) ?? [] : []
    const tSpan = tableId && report.tables[tableId].span
    if (!spans.length && tSpan) spans.push(tSpan)
    out.push({
      code: 'section-unplaced',
      section: sec.id,
      message: loose
        ? `解析存疑：第${NO_NAME[sec.id]}部分“${sec.title}”的标题似乎在原文中，但未能确定该部分从哪里开始；该部分的核对无法进行，请人工核对原文。`
        : `解析存疑：未识别出第${NO_NAME[sec.id]}部分“${sec.title}”的标题，但该部分的表格在原文中；请人工核对原文。`,
      spans
    })
  }
  return out
}
