// A report as a list of blocks (title, headings, paragraphs, tables with spans), read from the seed HTML
// fixtures (test/fixtures/seeds/*.html, made by scripts/make-fixtures.py), and the renderings of it into the
// layouts of the accuracy corpus. Used only by the corpus generator (scripts/make-accuracy.ts).

export interface TCell {
  text: string
  colspan: number
  rowspan: number
}

export type Block = { kind: 'p'; cls: '' | 'title' | 'h' | 'sign'; text: string } | { kind: 'table'; cls: string; rows: TCell[][] }

export interface Doc {
  blocks: Block[]
}

const unesc = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Parses the fixed shape written by make-fixtures.py: one <p> or <tr> per line. */
export function docFromFixtureHtml(html: string): Doc {
  const blocks: Block[] = []
  let table: { kind: 'table'; cls: string; rows: TCell[][] } | null = null
  for (const line of html.split('\n')) {
    const t = /^<table class="([^"]*)"/.exec(line)
    if (t) {
      table = { kind: 'table', cls: t[1] as string, rows: [] }
      blocks.push(table)
      continue
    }
    if (line.startsWith('</table>')) {
      table = null
      continue
    }
    if (table && line.startsWith('<tr>')) {
      const row: TCell[] = []
      for (const m of line.matchAll(/<td([^>]*)>([^<]*)<\/td>/g)) {
        const attrs = m[1] as string
        row.push({
          text: unesc(m[2] as string),
          colspan: Number(/colspan="(\d+)"/.exec(attrs)?.[1] ?? 1),
          rowspan: Number(/rowspan="(\d+)"/.exec(attrs)?.[1] ?? 1)
        })
      }
      table.rows.push(row)
      continue
    }
    const p = /^<p(?: class="(title|h|sign)")?>(.*)<\/p>$/.exec(line)
    if (p) blocks.push({ kind: 'p', cls: (p[1] ?? '') as '' | 'title' | 'h' | 'sign', text: unesc(p[2] as string) })
  }
  return { blocks }
}

export function cloneDoc(d: Doc): Doc {
  return JSON.parse(JSON.stringify(d)) as Doc
}

export function titleOf(d: Doc): string {
  return d.blocks
    .filter((b) => b.kind === 'p' && b.cls === 'title')
    .map((b) => (b as { text: string }).text)
    .join('')
}

/** Crawler header lines as a scraper writes them above the body (a trap: none of this is the issuing body). */
function crawlerHead(d: Doc): string[] {
  return [
    `标题:${titleOf(d)}`,
    '来源:区人民政府办公室',
    '发布时间:2024-01-20 09:30',
    '当前位置：首页 > 政务公开 > 政府信息公开年报 > 正文'
  ]
}

/** Everything glued into one paragraph: headings inline, table cells with no separator at all. */
export function gluedBody(d: Doc, withTitle: boolean): string {
  const parts: string[] = []
  for (const b of d.blocks) {
    if (b.kind === 'p') {
      if (b.cls === 'title' && !withTitle) continue
      parts.push(b.text)
    } else for (const r of b.rows) for (const c of r) parts.push(c.text)
  }
  return parts.join('')
}

/** A web copy saved as text: crawler header lines, then the whole report as one paragraph. */
export function webParaTxt(d: Doc): string {
  return [...crawlerHead(d), '', gluedBody(d, true), ''].join('\n')
}

/** A web copy saved as a page: site chrome (nav, breadcrumb, 标题/来源, footer) around a one-paragraph body. */
export function webParaHtml(d: Doc): string {
  const [title, source, date, crumb] = crawlerHead(d)
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(titleOf(d))}_政府信息公开年报_区人民政府</title></head>
<body>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/zwfw/">政务服务</a> | <a href="/hdjl/">互动交流</a> | <a href="/zjxq/">走进本区</a></div>
<div class="crumb">${esc(crumb as string)}</div>
<div class="meta"><span>${esc(title as string)}</span> <span>${esc(source as string)}</span> <span>${esc(date as string)}</span> <span>浏览次数：1024</span></div>
<div class="content"><p>${esc(gluedBody(d, true))}</p></div>
<div class="share">分享到：微信 微博 【打印本页】 【关闭窗口】</div>
<div class="footer">主办单位：区人民政府办公室 网站标识码：4111020001 备案号：豫ICP备12345678号 联系电话：0395-1234567</div>
</body></html>
`
}

/**
 * What an OCR/markdown converter writes: `#`/`##` headings; pipe tables whose header row is generic
 * (数据1…数据N), the table's own header rows as data rows shifted left (spanned cells written once,
 * rowspans not repeated), and blank source cells as empty pipe cells.
 */
export function markdown(d: Doc): string {
  const out: string[] = []
  for (const b of d.blocks) {
    if (b.kind === 'p') {
      if (b.cls === 'title') out.push(`# ${b.text}`, '')
      else if (b.cls === 'h') out.push(`## ${b.text}`, '')
      else out.push(b.text, '')
      continue
    }
    const width = Math.max(...b.rows.map((r) => r.length))
    out.push(`| ${Array.from({ length: width }, (_, i) => `数据${i + 1}`).join(' | ')} |`, `|${' --- |'.repeat(width)}`)
    const header = [`| ${Array.from({ length: width }, (_, i) => `数据${i + 1}`).join(' | ')} |`, `|${' --- |'.repeat(width)}`]
    b.rows.forEach((r, i) => {
      // A converter that splits a long table at a page break repeats the generic header inside it.
      if (b.cls === 't3' && i === Math.floor(b.rows.length / 2)) out.push(...header)
      out.push(`| ${r.map((c) => c.text).join(' | ')} |`)
    })
    out.push('')
  }
  return out.join('\n')
}

const NARROW_CSS = `body { font-family: "Noto Serif CJK SC", "SimSun", serif; font-size: 11pt; width: 150mm; }
p { margin: 0 0 5pt 0; text-indent: 2em; line-height: 140%; }
p.title { text-align: center; text-indent: 0; font-size: 16pt; font-weight: bold; }
p.h { font-weight: bold; }
p.sign { text-align: right; }
table { border-collapse: collapse; width: 150mm; margin: 6pt 0; table-layout: fixed; }
td { border: 1px solid #000; padding: 1pt; font-size: 9pt; text-align: center; vertical-align: middle; word-break: break-all; }
td.l { text-align: left; }
table.t3 td { font-size: 9pt; }`

/** The report as a page to print at narrow column widths, so that labels wrap over two or three lines. */
export function narrowHtml(d: Doc): string {
  const body: string[] = []
  for (const b of d.blocks) {
    if (b.kind === 'p') {
      body.push(`<p${b.cls ? ` class="${b.cls}"` : ''}>${esc(b.text)}</p>`)
      continue
    }
    body.push(`<table class="${b.cls}">`)
    if (b.cls === 't3') body.push('<colgroup><col style="width:7mm"><col style="width:16mm"><col style="width:27mm">' + '<col style="width:14mm">'.repeat(7) + '</colgroup>')
    if (b.cls === 't2') body.push('<colgroup><col style="width:40mm"><col><col><col></colgroup>')
    for (const r of b.rows) {
      const tds = r.map((c) => {
        let a = ''
        if (c.colspan > 1) a += ` colspan="${c.colspan}"`
        if (c.rowspan > 1) a += ` rowspan="${c.rowspan}"`
        return `<td${a}${/^[\d.]*$/.test(c.text) ? '' : ' class="l"'}>${esc(c.text)}</td>`
      })
      body.push(`<tr>${tds.join('')}</tr>`)
    }
    body.push('</table>')
  }
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><style>\n${NARROW_CSS}\n</style></head><body>\n${body.join('\n')}\n</body></html>\n`
}

/**
 * A PDF-to-markdown conversion of a `pdftotext -layout` extraction: lines with fields two or more spaces apart
 * become pipe rows (each run of them under a generic 数据1… header), headings get `## `, page footers stay.
 */
export function markdownFromLayout(layout: string): string {
  const out: string[] = []
  let run: string[][] = []
  const flush = (): void => {
    if (!run.length) return
    const width = Math.max(...run.map((r) => r.length))
    out.push(`| ${Array.from({ length: width }, (_, i) => `数据${i + 1}`).join(' | ')} |`, `|${' --- |'.repeat(width)}`)
    for (const r of run) out.push(`| ${r.join(' | ')} |`)
    out.push('')
    run = []
  }
  const heading = (l: string): boolean => /^[一二三四五六][、.．]\S{4,}/.test(l) && l.length <= 30
  for (const raw of layout.split('\n')) {
    const line = raw.trim()
    const fields = line.split(/\s{2,}/).filter(Boolean)
    // Inside a table (a run has begun) short lines are cells of their own: wrapped label parts, page footers.
    if (fields.length >= 2 || (run.length && line && !heading(line) && line.length <= 24)) {
      run.push(fields)
      continue
    }
    if (!line) continue
    flush()
    out.push(heading(line) ? `## ${line}` : line)
  }
  flush()
  return out.join('\n') + '\n'
}

/** A web page around a one-paragraph body (the real reports: body glued from the raw extraction). */
export function webParaHtmlOf(title: string, body: string): string {
  return webParaHtml({ blocks: [{ kind: 'p', cls: 'title', text: title }, { kind: 'p', cls: '', text: body.slice(title.length) }] })
}
