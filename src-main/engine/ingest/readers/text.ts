// Plain text: decode by BOM / strict UTF-8 / GB18030, then one Line per text line,
// with tab- and pipe-separated fields as cells (the seeds' exports use both).
import type { Cell, Line, ReadResult } from '../../model.ts'
import { isSpace } from '../../text/space.ts'
import { ReadError } from './errors.ts'

export function decodeText(buf: Uint8Array, declared?: string): { text: string; encoding: string } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8-bom' }
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' }
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' }
  }
  if (declared) {
    try {
      return { text: new TextDecoder(declared, { fatal: true }).decode(buf), encoding: declared.toLowerCase() }
    } catch {
      // a wrong declaration is common; fall through to detection
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' }
  } catch {
    // not UTF-8: Chinese Windows files are GBK/GB18030
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(buf), encoding: 'gb18030' }
  } catch {
    throw new ReadError('encoding', '无法识别文件的文字编码（不是 UTF-8、UTF-16 或 GBK/GB18030）')
  }
}

/** Split text into lines; each line's tab/pipe fields become cells with their column index. */
export function textToLines(text: string): Line[] {
  const lines: Line[] = []
  const commaLines = new Set<number>()
  const wordRows = new Map<number, Cell[]>()
  let pos = 0
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos)
    if (nl < 0) nl = text.length
    const lineEnd = nl > pos && text[nl - 1] === '\r' ? nl - 1 : nl
    const cells: Cell[] = []
    let fieldStart = pos
    let col = 0
    const pushField = (end: number): void => {
      let s = fieldStart
      let e = end
      while (s < e && isSpace(text.charCodeAt(s))) s++
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--
      cells.push({ text: text.slice(s, e), start: s, end: e, col })
      col++
    }
    // Tabs and pipes looked for within the line only: a search of the whole text from the line's start ran on
    // to the next separator, however far, for every line (a text without any took minutes at 160,000 lines).
    for (let i = pos; i < lineEnd; i++) {
      const ch = text.charCodeAt(i)
      if (ch !== 0x09 && ch !== 0x7c) continue
      pushField(i)
      fieldStart = i + 1
    }
    pushField(lineEnd)
    const commas = cells.length === 1 ? commaFields(text, pos, lineEnd) : null
    if (commas?.row === 'values') cells.splice(0, 1, ...commas.fields)
    if (cells.some((c) => c.text.length > 0)) {
      if (commas?.row === 'values') commaLines.add(lines.length)
      else if (commas?.row === 'words') wordRows.set(lines.length, commas.fields)
      lines.push({ cells })
    }
    if (nl >= text.length) break
    pos = nl + 1
  }
  // A row of words only (a header: '信息内容,本年新增,本年废止') is a comma row when a comma row of as many
  // fields stands next to it; alone it cannot be told from prose.
  for (const [i, words] of wordRows) {
    const fits = (k: number): boolean => commaLines.has(k) && lines[k]?.cells.length === words.length
    if (fits(i - 1) || fits(i + 1)) (lines[i] as Line).cells = words
  }
  return lines
}

/** Longest field of a header row written with commas (a column name with its unit). */
const HEADER_FIELD_MAX = 30
/** A field that is a number, a blank mark or empty: what the cells of a table row after its label hold. */
const VALUE_FIELD = /^(?:[+-]?[0-9０-９][0-9０-９,，.．]*|[-—–－/／\\无無]|——)?$/

/**
 * A table row written with commas between its cells (Word/WPS 表格转换成文本 with 逗号 as separator, a CSV
 * export saved as text): its fields, a quoted field ("3,119") taken whole. Prose has commas too, so a line
 * counts only when it has three fields or more, no sentence end, and at least half its fields hold a
 * number, a blank mark or nothing ('values'); a row of short words only ('words') may be a header, to be
 * confirmed by the comma rows around it; otherwise null.
 */
function commaFields(text: string, start: number, end: number): { fields: Cell[]; row: 'values' | 'words' } | null {
  const line = text.slice(start, end)
  if (line.indexOf(',') < 0 || /[。；;]/.test(line)) return null
  const out: Cell[] = []
  let i = start
  while (i <= end) {
    while (i < end && (text[i] === ' ' || text[i] === '\u3000')) i++
    let s = i
    let e: number
    let next: number
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1)
      if (close < 0 || close >= end || text[close + 1] === '"') return null
      s = i + 1
      e = close
      next = text.indexOf(',', close)
      if (next < 0 || next > end) next = end
      if (text.slice(close + 1, next).trim()) return null
    } else {
      next = text.indexOf(',', i)
      if (next < 0 || next > end) next = end
      e = next
    }
    while (e > s && /\s/.test(text[e - 1] as string)) e--
    out.push({ text: text.slice(s, e), start: s, end: e, col: out.length })
    i = next + 1
  }
  if (out.length < 3) return null
  const values = out.filter((c) => VALUE_FIELD.test(c.text)).length
  if (values * 2 >= out.length) return { fields: out, row: 'values' }
  return out.every((c) => c.text.length > 0 && c.text.length <= HEADER_FIELD_MAX) ? { fields: out, row: 'words' } : null
}

export function readText(buf: Uint8Array): ReadResult {
  if (buf.length === 0) throw new ReadError('empty', '文件为空（0 字节）')
  const { text: raw, encoding } = decodeText(buf)
  const text = raw.replace(/\u0000/g, ' ')
  if (/[\u0001-\u0008\u000e-\u001f]/.test(text.slice(0, 4096)) && !/[\u4e00-\u9fff]/.test(text.slice(0, 4096))) {
    throw new ReadError('binary', '文件内容不是文本（可能是扩展名与实际格式不符）')
  }
  return { kind: 'txt', text, lines: textToLines(text), warnings: [], encoding }
}
