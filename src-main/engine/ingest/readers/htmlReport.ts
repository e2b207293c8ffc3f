// Finding the report inside a web page: the container that holds most of the page's own text, and
// its title (inside it, just before it, or in the page's <title>).
import { PAGE_TITLE, type El, type HNode } from './htmlSanitize.ts'

/**
 * The report's title from the page's <title> ('某镇2023年政府信息公开工作年度报告_某县人民政府'): the part
 * between the site's separators that reads as a report title, or null.
 */
function titleFromPage(root: El): El | null {
  const t = root.attrs[PAGE_TITLE]
  if (!t) return null
  // A report title names its year: '政府信息公开年报' alone is the site's column, not the report.
  const part = t.split(/\s*(?:[_|｜]|——|--|\s-\s)\s*/).find((x) => x.length <= 120 && /(?:19|20)\d{2}/.test(x) && TITLE_RE.test(x.replace(/\s+/g, '')))
  return part ? { name: 'h1', attrs: {}, children: [part] } : null
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
// Traditional pages write 公開 and 報告: the same title.
const TITLE_RE = /政府信息公[开開][^。，]{0,8}?[报報]\s*告|信息公[开開][^。，]{0,6}?年\s*[报報]/

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
export function reportNodes(root: El): HNode[] | null {
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
  const inside = tm && tm.index <= 60 && !/[《。]|关于/.test(head.slice(0, tm.index))
  const title = inside ? null : titleBefore(path, cur)
  const kept = (stats.get(cur)?.all ?? 0) + (title ? stats.get(title)?.all ?? 0 : 0)
  // Nothing around the container: the page is the report, read as it is.
  if (kept >= (stats.get(root)?.all ?? 0)) return null
  // No title in or before the container: the page's <title> is the last place it may be.
  const fallback = inside || title ? null : titleFromPage(root)
  return title ? [title, cur] : fallback ? [fallback, cur] : [cur]
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
