// A report printed on small pages by Chromium with the tables' header rows repeated on every page (a <thead>,
// as a page made for printing declares it) and a 第 N 页 共 M 页 footer: a long 表三 is cut by page breaks,
// each continuation opens with the header again and the footer text stands between its rows.
import type { Block, Doc } from './doc.ts'

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const CSS = `body { font-family: "Noto Serif CJK SC", "SimSun", serif; font-size: 10.5pt; }
p { margin: 0 0 4pt 0; text-indent: 2em; line-height: 140%; }
p.title { text-align: center; text-indent: 0; font-size: 15pt; font-weight: bold; }
p.h { font-weight: bold; }
p.sign { text-align: right; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td { border: 1px solid #000; padding: 2pt; font-size: 8.5pt; text-align: center; vertical-align: middle; }
td.l { text-align: left; }`

/** Rows before the first one holding a number: the table's header (repeated on each page). */
function headRows(b: Extract<Block, { kind: 'table' }>): number {
  const i = b.rows.findIndex((r) => r.some((c) => /^\d+(?:\.\d+)?$/.test(c.text)))
  // 表二 is blocks each with their own header: nothing to repeat.
  return b.cls === 't2' || i < 0 ? 0 : i
}

export function pagedHtml(d: Doc): string {
  const body: string[] = []
  for (const b of d.blocks) {
    if (b.kind === 'p') {
      body.push(`<p${b.cls ? ` class="${b.cls}"` : ''}>${esc(b.text)}</p>`)
      continue
    }
    const head = headRows(b)
    const tr = (r: (typeof b.rows)[number]): string =>
      `<tr>${r
        .map((c) => `<td${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${/^[\d.]*$/.test(c.text) ? '' : ' class="l"'}>${esc(c.text)}</td>`)
        .join('')}</tr>`
    body.push(`<table class="${b.cls}">`)
    if (head) body.push('<thead>', ...b.rows.slice(0, head).map(tr), '</thead>')
    body.push('<tbody>', ...b.rows.slice(head).map(tr), '</tbody></table>')
  }
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><style>\n${CSS}\n</style></head><body>\n${body.join('\n')}\n</body></html>\n`
}

/** Chromium's footer: 第 N 页 共 M 页, centred under each page. */
export const PAGED_FOOTER = '<div style="font-size:9pt;width:100%;text-align:center">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>'
