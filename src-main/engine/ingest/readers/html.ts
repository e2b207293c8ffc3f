// HTML (and mammoth's docx HTML): one Line per block or table row, a sanitized display HTML whose
// text-bearing elements carry data-s/data-e offsets into the canonical text.
import type { Cell, Line, ReadResult } from '../../model.ts'
import { ReadError } from './errors.ts'
import { Parser } from 'htmlparser2'
import { decodeText } from './text.ts'

const MAX_HTML_BYTES = 30 * 1024 * 1024
/** Deeper nesting is flattened: it only happens in broken or hostile pages and would overflow the stack. */
const MAX_DEPTH = 200

/** Never shown or read: scripts, styles, embedded documents, form controls, foreign markup, the <title>. */
const DROP = new Set([
  'script', 'style', 'noscript', 'iframe', 'object', 'embed', 'template', 'title', 'svg', 'math', 'select',
  'textarea', 'canvas', 'audio', 'video', 'noembed', 'noframes', 'frameset', 'applet', 'button'
])

/** Elements that end the current line; mapped to the display tag (kept ones as-is, the rest as div). */
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'section', 'article',
  'header', 'footer', 'main', 'nav', 'aside', 'address', 'blockquote', 'center', 'form', 'fieldset', 'legend',
  'figure', 'figcaption', 'details', 'summary', 'pre', 'hr', 'caption', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'menu', 'dir', 'body', 'html', 'listing', 'plaintext', 'xmp'
])
const KEEP_BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li'])
const KEEP_INLINE = new Set(['strong', 'b', 'em', 'i', 'u', 'span'])
const NO_TAG = new Set(['body', 'html', 'hr'])
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/

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

interface El {
  name: string
  attrs: Record<string, string>
  children: HNode[]
  /** A table somewhere below: the element is then not a data table itself. */
  hasTable?: boolean
}
type HNode = El | string

/**
 * Elements a document may have. A long report exported by Word has some tens of thousands; a file
 * far beyond that (a table of hundreds of thousands of cells) is not a report and would cost the
 * whole reader time limit.
 */
const MAX_ELEMENTS = 200_000

function parseHtml(html: string): El {
  let elements = 0
  const root: El = { name: '#root', attrs: {}, children: [] }
  const els: El[] = [root]
  // per open tag: 0 = element kept, 1 = inside a dropped element, 2 = flattened (too deep)
  const frames: number[] = []
  let skip = 0
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skip > 0 || DROP.has(name)) {
          skip++
          frames.push(1)
        } else if (els.length > MAX_DEPTH) {
          frames.push(2)
        } else {
          if (++elements > MAX_ELEMENTS) {
            throw new ReadError('too-complex', `文档结构过于复杂（超过 ${MAX_ELEMENTS / 10000} 万个 HTML 元素，不像一份年报），未读取`)
          }
          const el: El = { name, attrs, children: [] }
          els[els.length - 1]!.children.push(el)
          els.push(el)
          frames.push(0)
        }
      },
      onclosetag() {
        const f = frames.pop()
        if (f === 1) skip--
        else if (f === 0) {
          const el = els.pop()!
          if (el.name === 'table' || el.hasTable) els[els.length - 1]!.hasTable = true
        }
      },
      ontext(t) {
        if (skip > 0) return
        const kids = els[els.length - 1]!.children
        const last = kids.length - 1
        if (typeof kids[last] === 'string') kids[last] += t
        else kids.push(t)
      }
    },
    { decodeEntities: true }
  )
  parser.write(html)
  parser.end()
  return root
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
}

/** Control and zero-width characters break offsets and display; drop them early. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\u200b\ufeff]/g, '')
}

/** Accumulates whitespace-collapsed text the way a browser renders it, with soft breaks between blocks. */
class TextAcc {
  s = ''
  private lastSpace = true
  private pendingBreak = false

  add(raw: string, pre: boolean): void {
    let piece = clean(raw)
    if (!pre) {
      piece = piece.replace(/[ \t\n\r\f\u2028\u2029]+/g, ' ')
      if (this.lastSpace && piece.startsWith(' ')) piece = piece.slice(1)
      if (piece === '') return
      this.lastSpace = piece.endsWith(' ')
    } else {
      piece = piece.replace(/[\t\r\n\f\u2028\u2029]/g, ' ')
      if (piece === '') return
      this.lastSpace = false
    }
    piece = piece.replace(/\u00a0/g, ' ')
    if (this.pendingBreak) {
      this.pendingBreak = false
      const prev = this.s.trimEnd()
      const next = piece.trimStart()
      if (prev !== '' && next !== '') {
        // a cell's paragraphs are one value: Chinese joins without a gap, other text with one space
        const glue = CJK.test(prev.slice(-1)) && CJK.test(next.charAt(0)) ? '' : ' '
        this.s = prev + glue
        piece = next
      }
    }
    this.s += piece
  }

  softBreak(): void {
    this.pendingBreak = true
    this.lastSpace = true
  }

  reset(): void {
    this.s = ''
    this.lastSpace = true
    this.pendingBreak = false
  }
}

function trimmedRange(s: string): [number, number] {
  let a = 0
  let e = s.length
  while (a < e && /\s/.test(s[a] as string)) a++
  while (e > a && /\s/.test(s[e - 1] as string)) e--
  return [a, e]
}

interface RowCell {
  el: El
  text: string
  col: number
  colSpan: number
  rowSpanAttr?: number
}
interface Row {
  group: 'thead' | 'tbody'
  cells: RowCell[]
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
        this.html.push(`<${tag}${attrs}>`, this.sanitize(c.el.children), `</${tag}>`)
      })
      this.html.push('</tr>')
    }
    if (group) this.html.push(`</${group}>`)
    this.html.push('</table>')
    if (used) this.tables++
    return true
  }

  /** Display HTML of a cell's content (no offsets inside: the cell element carries them). */
  private sanitize(nodes: HNode[]): string {
    let out = ''
    for (const n of nodes) {
      if (typeof n === 'string') {
        out += esc(clean(n))
      } else if (n.name === 'br') {
        out += '<br>'
      } else if (n.name === 'img') {
        this.images++
        out += '［图片］'
      } else {
        const inner = this.sanitize(n.children)
        const tag = KEEP_BLOCK.has(n.name) || KEEP_INLINE.has(n.name) ? n.name : BLOCKS.has(n.name) ? 'div' : ''
        out += tag ? `<${tag}>${inner}</${tag}>` : inner
      }
    }
    return out
  }
}

/** Plain text of a cell: blocks and <br> inside it become soft breaks, not new lines. */
function cellText(el: El): string {
  const acc = new TextAcc()
  const visit = (n: HNode, pre: boolean): void => {
    if (typeof n === 'string') return acc.add(n, pre)
    if (n.name === 'br' || n.name === 'img') return acc.softBreak()
    const block = BLOCKS.has(n.name)
    if (block) acc.softBreak()
    for (const c of n.children) visit(c, pre || n.name === 'pre')
    if (block) acc.softBreak()
  }
  for (const c of el.children) visit(c, false)
  const [a, e] = trimmedRange(acc.s)
  return acc.s.slice(a, e)
}

function spanAttr(v: string | undefined): number | undefined {
  if (v === undefined || !/^\s*\d+/.test(v)) return undefined
  return parseInt(v, 10)
}

/**
 * Rows of a table with grid columns from the HTML table model: a cell takes the first column not
 * covered by a rowspan from above; rowspans end with their row group.
 */
/**
 * Widest grid a data table may have. Report tables have at most a few dozen columns; spans that push
 * a table past this (hostile colspan/rowspan="0" nests) would make the grid grow with every row.
 */
const MAX_GRID_COLS = 256

/** Rows of the table's grid, or null when its spans make it wider than any real table (read as text instead). */
function collectRows(table: El): Row[] | null {
  try {
    return gridRows(table)
  } catch (e) {
    if (e === TOO_WIDE) return null
    throw e
  }
}

const TOO_WIDE = new Error('table grid too wide')

function gridRows(table: El): Row[] {
  const rows: Row[] = []
  let covered: number[] = []
  const visit = (n: El, group: 'thead' | 'tbody'): void => {
    for (const c of n.children) {
      if (typeof c === 'string') continue
      if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') {
        covered = []
        visit(c, c.name === 'thead' ? 'thead' : 'tbody')
        covered = []
      } else if (c.name === 'tr') {
        rows.push({ group, cells: gridRow(c) })
      } else if (c.name !== 'table' && c.name !== 'caption') {
        visit(c, group)
      }
    }
  }
  const gridRow = (tr: El): RowCell[] => {
    const out: RowCell[] = []
    let col = 0
    for (const td of rowCells(tr)) {
      while ((covered[col] ?? 0) > 0) col++
      const colSpan = Math.min(Math.max(spanAttr(td.attrs.colspan) ?? 1, 1), 1000)
      if (col + colSpan > MAX_GRID_COLS) throw TOO_WIDE
      const rs = spanAttr(td.attrs.rowspan)
      // rowspan="0" spans the rest of the row group
      const rowSpan = rs === undefined ? 1 : rs === 0 ? 65534 : Math.min(rs, 65534)
      for (let k = col; k < col + colSpan; k++) covered[k] = Math.max(covered[k] ?? 0, rowSpan)
      const cell: RowCell = { el: td, text: cellText(td), col, colSpan }
      if (rs !== undefined && rs !== 1) cell.rowSpanAttr = rs
      out.push(cell)
      col += colSpan
    }
    for (let k = 0; k < covered.length; k++) if ((covered[k] ?? 0) > 0) covered[k]!--
    return out
  }
  visit(table, 'tbody')
  return rows
}

function rowCells(tr: El): El[] {
  const out: El[] = []
  for (const c of tr.children) {
    if (typeof c === 'string') continue
    if (c.name === 'td' || c.name === 'th') out.push(c)
    else if (c.name !== 'tr' && c.name !== 'table') out.push(...rowCells(c)) // cells wrapped in stray elements
  }
  return out
}

// ---- Finding the report inside a web page ----
// A government page wraps the report in navigation, breadcrumbs, an info bar (来源/发布时间), share and
// print links, sidebars and a footer. The report is the container that holds most of the page's text
// that is not link text (the readability idea); its title often stands just above it, outside.

interface TextStats {
  /** Non-space characters outside links. */
  text: number
  /** Non-space characters, links included. */
  all: number
}

const CONTAINERS = new Set(['#root', 'html', 'body', 'div', 'section', 'article', 'main', 'form', 'center', 'table', 'tbody', 'thead', 'tr', 'td', 'th', 'font', 'span'])
const TABLE_PARTS = new Set(['table', 'tbody', 'thead', 'tr'])

/** Whether, going down through table parts, a single td/th holds at least `min` characters of text. */
function holdsCell(el: El, stats: Map<El, TextStats>, min: number): boolean {
  let cur: El | undefined = el
  while (cur && TABLE_PARTS.has(cur.name)) {
    let next: El | undefined
    for (const c of cur.children) if (typeof c !== 'string' && (stats.get(c)?.text ?? 0) >= min) next = c
    cur = next
  }
  return !!cur && (cur.name === 'td' || cur.name === 'th')
}

/** Share of the page's non-link text the report container must hold. */
const REPORT_SHARE = 0.7
const TITLE_RE = /政府信息公开[^。，]{0,8}?报\s*告|信息公开[^。，]{0,6}?年\s*报/

function statsOf(root: El): Map<El, TextStats> {
  const out = new Map<El, TextStats>()
  const visit = (el: El, inLink: boolean): TextStats => {
    const st: TextStats = { text: 0, all: 0 }
    const link = inLink || el.name === 'a'
    for (const c of el.children) {
      if (typeof c === 'string') {
        const n = c.replace(/\s+/g, '').length
        st.all += n
        if (!link) st.text += n
      } else {
        const k = visit(c, link)
        st.text += k.text
        st.all += k.all
      }
    }
    out.set(el, st)
    return st
  }
  visit(root, false)
  return out
}

function plainText(el: El, skipLinks = false): string {
  let s = ''
  const visit = (n: HNode): void => {
    if (typeof n === 'string') s += n
    else if (!skipLinks || n.name !== 'a') for (const c of n.children) visit(c)
  }
  visit(el)
  return s.replace(/\s+/g, ' ').trim()
}

/**
 * The nodes to read for the report: [its title if it stands outside, the container], or null when the
 * page is the report itself (a saved document, nothing around it).
 */
function reportNodes(root: El): HNode[] | null {
  const stats = statsOf(root)
  const total = stats.get(root)?.text ?? 0
  if (total < 300) return null
  // Descend while a single child container still holds most of the text.
  let cur = root
  const path: El[] = [root]
  for (;;) {
    let next: El | undefined
    for (const c of cur.children) {
      if (typeof c === 'string' || !CONTAINERS.has(c.name)) continue
      if ((stats.get(c)?.text ?? 0) >= REPORT_SHARE * total) next = c
    }
    // A data table holding most of the text is part of the report, not its container: go into a table
    // only when it is a layout table, i.e. one cell of it holds the report.
    if (next && TABLE_PARTS.has(next.name) && !holdsCell(next, stats, REPORT_SHARE * total)) break
    if (!next) break
    cur = next
    path.push(cur)
  }
  // No container below the page itself: the page is the report (a saved document).
  if (cur.name === '#root' || cur.name === 'html' || cur.name === 'body') return null
  // The container starts with the title (crawler header lines may come first).
  const head = plainText(cur).replace(/\s+/g, '').slice(0, 300)
  const tm = TITLE_RE.exec(head)
  const title = tm && tm.index <= 60 && !/[《。]|关于/.test(head.slice(0, tm.index)) ? null : titleBefore(path, cur)
  const kept = (stats.get(cur)?.all ?? 0) + (title ? stats.get(title)?.all ?? 0 : 0)
  // Nothing around the container: the page is the report, read as it is.
  if (kept >= (stats.get(root)?.all ?? 0)) return null
  return title ? [title, cur] : [cur]
}

/** The nearest element before the container (in document order, outside links) that reads as the report's title. */
function titleBefore(path: El[], content: El): El | null {
  let found: El | null = null
  // Elements before `content` inside each ancestor, nearest ancestor first, are searched last to first.
  for (let k = path.length - 2; k >= 0 && !found; k--) {
    const parent = path[k] as El
    const child = path[k + 1] as El
    const idx = parent.children.indexOf(child)
    for (let i = idx - 1; i >= 0 && !found; i--) {
      const n = parent.children[i]
      if (n === undefined || typeof n === 'string') continue
      found = lastTitle(n)
    }
  }
  return found !== content ? found : null
}

function lastTitle(el: El): El | null {
  if (el.name === 'a' || el.name === 'nav' || el.name === 'ul' || el.name === 'ol') return null
  for (let i = el.children.length - 1; i >= 0; i--) {
    const c = el.children[i]
    if (c === undefined || typeof c === 'string') continue
    const t = lastTitle(c)
    if (t) return t
  }
  // Link text is navigation ('某镇2022年…年度报告' in a sidebar), never the title.
  const text = plainText(el, true)
  if (text.length > 0 && text.length <= 120 && TITLE_RE.test(text.replace(/\s+/g, '')) && !/[:：]/.test(text.slice(0, 6))) return el
  return null
}
