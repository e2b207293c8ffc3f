// HTML (and mammoth's docx HTML): one Line per block or table row, a sanitized display HTML whose
// text-bearing elements carry data-s/data-e offsets into the canonical text. The sanitiser (what may
// reach the display HTML) is htmlSanitize.ts, table grids htmlGrid.ts, the report inside a web page
// htmlReport.ts.
import type { Cell, Line, ReadResult } from '../../model.ts'
import { ReadError } from './errors.ts'
import { decodeText } from './text.ts'
import { BLOCKS, KEEP_BLOCK, KEEP_INLINE, NO_TAG, clean, esc, parseHtml, sanitizeNodes, type El, type HNode } from './htmlSanitize.ts'
import { TextAcc, trimmedRange } from './htmlText.ts'
import { collectRows } from './htmlGrid.ts'
import { reportNodes } from './htmlReport.ts'

const MAX_HTML_BYTES = 30 * 1024 * 1024

export function readHtml(buf: Uint8Array): ReadResult {
  if (buf.length === 0) throw new ReadError('empty', '文件为空（0 字节）')
  if (buf.length > MAX_HTML_BYTES) {
    throw new ReadError('too-large', `网页文件过大（${(buf.length / 1048576).toFixed(1)} MB，上限 30 MB）`)
  }
  rejectOtherFormats(buf)
  const warnings: string[] = []
  const declared = sniffCharset(buf)
  let decoded = decodeText(buf, declared)
  if (declared && !/^utf-?8$/i.test(declared) && decoded.encoding !== 'utf-8' && looksUtf8(buf)) {
    // pages re-saved by editors often keep the old gb2312 meta while the bytes are UTF-8
    decoded = { text: new TextDecoder('utf-8').decode(buf), encoding: 'utf-8' }
    warnings.push(`网页声明的编码为 ${declared}，但内容实际是 UTF-8，已按 UTF-8 读取`)
  }
  const head = decoded.text.slice(0, 4096)
  if (/[\u0001-\u0008\u000e-\u001f]/.test(head) && !/[\u4e00-\u9fff<]/.test(head)) {
    throw new ReadError('binary', '文件内容不是网页（可能是扩展名与实际格式不符）')
  }
  const result = htmlToResult(decoded.text, 'html')
  result.encoding = decoded.encoding
  result.warnings.unshift(...warnings)
  return result
}

function rejectOtherFormats(buf: Uint8Array): void {
  const magic = String.fromCharCode(...buf.subarray(0, 5))
  if (magic.startsWith('%PDF')) throw new ReadError('wrong-format', '文件实际是 PDF，不是网页（扩展名与实际格式不符）')
  if (magic.startsWith('PK\u0003\u0004')) {
    throw new ReadError('wrong-format', '文件实际是压缩包（可能是 .docx），不是网页（扩展名与实际格式不符）')
  }
  if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    throw new ReadError('wrong-format', '文件实际是旧版 Office 文档（如 .doc），不是网页（扩展名与实际格式不符）')
  }
  if (magic.startsWith('\u0089PNG') || (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) || magic.startsWith('GIF8')) {
    throw new ReadError('wrong-format', '文件实际是图片，不是网页（扩展名与实际格式不符）')
  }
}

/** The charset declared by <meta charset> or http-equiv content-type within the first 2 KB. */
export function sniffCharset(buf: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(buf.subarray(0, 2048))
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head)
  if (!m?.[1]) return undefined
  // HTML rule: a page that says it is UTF-16 but was readable as ASCII to find the meta is not UTF-16
  if (/^utf-?16/i.test(m[1])) return 'utf-8'
  try {
    new TextDecoder(m[1])
    return m[1]
  } catch {
    return undefined // unknown label: let detection decide
  }
}

function looksUtf8(buf: Uint8Array): boolean {
  if (!buf.some((b) => b >= 0x80)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf)
    return true
  } catch {
    return false
  }
}

export function htmlToResult(html: string, kind: 'html' | 'docx'): ReadResult {
  if (html.length > MAX_HTML_BYTES) {
    throw new ReadError('too-large', `文档内容过大（约 ${(html.length / 1048576).toFixed(0)} MB 的 HTML，上限 30 MB）`)
  }
  const b = new Builder()
  const root = parseHtml(html)
  const report = kind === 'html' ? reportNodes(root) : null
  for (const n of report ?? [root]) b.walk(n, false)
  b.flush()
  const warnings: string[] = []
  if (report) warnings.push('网页中的导航栏、页眉页脚、侧栏等与年报正文无关的内容未读取')
  if (b.images > 0) {
    warnings.push(`文档中有 ${b.images} 张图片，图片中的文字未读取（如表格是图片，需要人工核对）`)
  }
  const text = b.text.join('')
  if (text.trim() === '') warnings.push('文档中没有读到任何文字')
  return { kind, text, lines: b.lines, html: b.html.join(''), warnings }
}

class Builder {
  text: string[] = []
  private len = 0
  lines: Line[] = []
  html: string[] = []
  images = 0
  private tables = 0
  private acc = new TextAcc()
  private lineHtml: string[] = []
  private lineHasImage = false
  private inline: string[] = []

  /** Appends a Line with the given cell texts (already trimmed) and returns each cell's [start, end]. */
  private addLine(texts: string[], table?: number, meta?: { col: number; colSpan: number }[]): Cell[] {
    if (this.lines.length > 0) this.push('\n')
    const cells: Cell[] = texts.map((t, i) => {
      if (i > 0) this.push('\t')
      const start = this.len
      this.push(t)
      const cell: Cell = { text: t, start, end: this.len }
      const m = meta?.[i]
      if (m) {
        cell.col = m.col
        cell.colSpan = m.colSpan
      }
      return cell
    })
    this.lines.push(table === undefined ? { cells } : { cells, table })
    return cells
  }

  private push(s: string): void {
    this.text.push(s)
    this.len += s.length
  }

  /** Ends the current paragraph line: its inline HTML is wrapped in a span carrying the offsets. */
  flush(): void {
    const closes = this.inline.map((t) => `</${t}>`).reverse().join('')
    const [a, e] = trimmedRange(this.acc.s)
    if (e > a) {
      const [cell] = this.addLine([this.acc.s.slice(a, e)])
      this.html.push(`<span data-s="${cell!.start}" data-e="${cell!.end}">`, ...this.lineHtml, closes, '</span>')
    } else if (this.lineHasImage) {
      this.html.push(...this.lineHtml, closes)
    }
    // inline elements still open continue on the next line
    this.lineHtml = this.inline.map((t) => `<${t}>`)
    this.lineHasImage = false
    this.acc.reset()
  }

  walk(node: HNode, pre: boolean): void {
    if (typeof node === 'string') {
      if (pre && node.includes('\n')) {
        node.split(/\r?\n/).forEach((part, i) => {
          if (i > 0) {
            this.flush()
            this.html.push('<br>')
          }
          this.addText(part, true)
        })
      } else this.addText(node, pre)
      return
    }
    const name = node.name
    if (name === 'br') {
      this.flush()
      this.html.push('<br>')
    } else if (name === 'img') {
      this.images++
      this.lineHtml.push('［图片］')
      this.lineHasImage = true
    } else if (name === 'table' && this.dataTable(node)) {
      // rendered by dataTable
    } else if (BLOCKS.has(name)) {
      this.flush()
      const tag = NO_TAG.has(name) ? '' : KEEP_BLOCK.has(name) ? name : 'div'
      if (tag) this.html.push(`<${tag}>`)
      const isPre = pre || name === 'pre' || name === 'listing' || name === 'xmp' || name === 'plaintext'
      for (const c of node.children) this.walk(c, isPre)
      this.flush()
      if (tag) this.html.push(`</${tag}>`)
    } else if (KEEP_INLINE.has(name)) {
      this.inline.push(name)
      this.lineHtml.push(`<${name}>`)
      for (const c of node.children) this.walk(c, pre)
      this.inline.pop()
      this.lineHtml.push(`</${name}>`)
    } else {
      // links, font, sup… keep only their content
      for (const c of node.children) this.walk(c, pre)
    }
  }

  private addText(s: string, pre: boolean): void {
    this.acc.add(s, pre)
    const shown = clean(s)
    if (shown) this.lineHtml.push(esc(shown))
  }

  /** Emits a data table; returns false for layout tables (nested tables, one column, long prose cells). */
  private dataTable(table: El): boolean {
    if (table.hasTable) return false
    const rows = collectRows(table)
    if (!rows) return false
    let width = 0
    let longest = 0
    for (const r of rows) {
      for (const c of r.cells) {
        width = Math.max(width, c.col + c.colSpan)
        longest = Math.max(longest, c.text.length)
      }
    }
    if (rows.length === 0 || width < 2 || longest > 500) return false

    this.flush()
    for (const c of table.children) {
      if (typeof c !== 'string' && c.name === 'caption') this.walk(c, false)
    }
    const index = this.tables
    let used = false
    this.html.push('<table>')
    let group = ''
    for (const r of rows) {
      if (r.group !== group) {
        if (group) this.html.push(`</${group}>`)
        group = r.group
        this.html.push(`<${group}>`)
      }
      this.html.push('<tr>')
      const hasText = r.cells.some((c) => c.text !== '')
      const cells = hasText
        ? this.addLine(
            r.cells.map((c) => c.text),
            index,
            r.cells.map((c) => ({ col: c.col, colSpan: c.colSpan }))
          )
        : undefined
      if (hasText) used = true
      r.cells.forEach((c, i) => {
        const tag = c.el.name === 'th' ? 'th' : 'td'
        let attrs = c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''
        if (c.rowSpanAttr !== undefined) attrs += ` rowspan="${c.rowSpanAttr}"`
        const cell = cells?.[i]
        if (cell) attrs += ` data-s="${cell.start}" data-e="${cell.end}"`
        this.html.push(`<${tag}${attrs}>`, sanitizeNodes(c.el.children, () => this.images++), `</${tag}>`)
      })
      this.html.push('</tr>')
    }
    if (group) this.html.push(`</${group}>`)
    this.html.push('</table>')
    if (used) this.tables++
    return true
  }
}
