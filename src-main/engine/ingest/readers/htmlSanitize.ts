// The display HTML's sanitiser. Security code: the reviewer's window renders this HTML, and the
// input is any page found in a folder. What makes it safe, and what the tests in
// test/readers/htmlSanitize.test.ts hold it to:
// - dropped elements (scripts, styles, iframes, objects, forms, svg, math, …) never enter the tree,
//   text inside them included;
// - no attribute of the source is ever written out (no on* handlers, href/src, style, javascript: URLs):
//   the reader writes only the tags below, bare, plus colspan/rowspan numbers and its own offsets;
// - all text is escaped and cleared of control and zero-width characters;
// - nesting deeper than MAX_DEPTH is flattened and more than MAX_ELEMENTS elements is refused.
import { Parser } from 'htmlparser2'
import { ReadError } from './errors.ts'

/** Deeper nesting is flattened: it only happens in broken or hostile pages and would overflow the stack. */
export const MAX_DEPTH = 200

/** Never shown or read: scripts, styles, embedded documents, form controls, foreign markup, the <title>. */
export const DROP = new Set([
  'script', 'style', 'noscript', 'iframe', 'object', 'embed', 'template', 'title', 'svg', 'math', 'select',
  'textarea', 'canvas', 'audio', 'video', 'noembed', 'noframes', 'frameset', 'applet', 'button'
])

/** Elements that end the current line; mapped to the display tag (kept ones as-is, the rest as div). */
export const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'section', 'article',
  'header', 'footer', 'main', 'nav', 'aside', 'address', 'blockquote', 'center', 'form', 'fieldset', 'legend',
  'figure', 'figcaption', 'details', 'summary', 'pre', 'hr', 'caption', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'menu', 'dir', 'body', 'html', 'listing', 'plaintext', 'xmp'
])
export const KEEP_BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li'])
export const KEEP_INLINE = new Set(['strong', 'b', 'em', 'i', 'u', 'span'])
export const NO_TAG = new Set(['body', 'html', 'hr'])

/** The tag a kept element is shown with inside a table cell ('' = its content only). */
export function cellTag(name: string): string {
  return KEEP_BLOCK.has(name) || KEEP_INLINE.has(name) ? name : BLOCKS.has(name) ? 'div' : ''
}

export interface El {
  name: string
  attrs: Record<string, string>
  children: HNode[]
  /** A table somewhere below: the element is then not a data table itself. */
  hasTable?: boolean
}
export type HNode = El | string

/**
 * Elements a document may have. A long report exported by Word has some tens of thousands; a file
 * far beyond that (a table of hundreds of thousands of cells) is not a report and would cost the
 * whole reader time limit.
 */
export const MAX_ELEMENTS = 200_000

export function parseHtml(html: string): El {
  let elements = 0
  const root: El = { name: '#root', attrs: {}, children: [] }
  const els: El[] = [root]
  // per open tag: 0 = element kept, 1 = inside a dropped element, 2 = flattened (too deep)
  const frames: number[] = []
  let skip = 0
  // The page's <title> is never read as text, but kept aside: it may be the only place the report's title is.
  let inTitle = false
  let pageTitle = ''
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skip > 0 || DROP.has(name)) {
          if (skip === 0 && name === 'title' && !pageTitle) inTitle = true
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
        if (f === 1) {
          skip--
          if (skip === 0) inTitle = false
        }
        else if (f === 0) {
          const el = els.pop()!
          if (el.name === 'table' || el.hasTable) els[els.length - 1]!.hasTable = true
        }
      },
      ontext(t) {
        if (inTitle && skip === 1 && pageTitle.length < 300) pageTitle += t
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
  if (pageTitle.trim()) root.attrs[PAGE_TITLE] = pageTitle.replace(/\s+/g, ' ').trim()
  return root
}

/** Where parseHtml keeps the page's <title> text (on the root, which has no attributes of its own). */
export const PAGE_TITLE = 'data-page-title'

export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
}

/** Control and zero-width characters break offsets and display; drop them early. */
export function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\u200b\ufeff]/g, '')
}

/** Display HTML of a cell's content (no offsets inside: the cell element carries them); images become a marker. */
export function sanitizeNodes(nodes: HNode[], onImage: () => void): string {
  let out = ''
  for (const n of nodes) {
    if (typeof n === 'string') {
      out += esc(clean(n))
    } else if (n.name === 'br') {
      out += '<br>'
    } else if (n.name === 'img') {
      onImage()
      out += '［图片］'
    } else {
      const inner = sanitizeNodes(n.children, onImage)
      const tag = cellTag(n.name)
      out += tag ? `<${tag}>${inner}</${tag}>` : inner
    }
  }
  return out
}
