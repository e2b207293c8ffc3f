// Text similarity for the copy rules (XDOC-PREV-COPY, XDOC-PEER-COPY): character 5-gram containment
// on folded text after removing the template wording (section titles, table labels, the corner note),
// digits/years, whitespace and punctuation. Without removing the template wording every pair of reports
// looks alike on the table paragraphs (domain.md §9).
import type { ParsedReport } from '../../model.ts'
import { foldText } from '../../parse/normalize.ts'
import { template, type FormatKey, type TplTable } from '../../template.ts'

export const GRAM = 5

/** Keep only the characters that carry wording: Han characters and Latin letters. */
function strip(s: string): string {
  return s.replace(/[^\p{Script=Han}A-Za-z]+/gu, '')
}

function templatePhrases(): string[] {
  const out = new Set<string>()
  const add = (s: string | null | undefined): void => {
    if (!s) return
    const k = strip(foldText(s))
    if (k.length >= 4) out.add(k)
  }
  const addTable = (t: TplTable & { header_groups?: unknown; column_header_groups?: unknown }): void => {
    add(t.corner_note)
    for (const b of t.blocks ?? []) {
      add(b.title)
      add(b.label_header)
      for (const c of b.columns) [c.label, ...(c.variants_seen ?? [])].forEach(add)
      for (const r of b.rows) [r.label, ...(r.variants_seen ?? [])].forEach(add)
    }
    for (const c of t.columns ?? []) [c.label, ...(c.variants_seen ?? []), ...(c.path ?? [])].forEach(add)
    for (const r of t.rows ?? []) [r.label, ...(r.variants_seen ?? [])].forEach(add)
    const walk = (g: unknown): void => {
      if (Array.isArray(g)) g.forEach(walk)
      else if (g && typeof g === 'object') {
        const o = g as { label?: string; children?: unknown }
        add(o.label)
        walk(o.children)
      }
    }
    walk(t.header_groups)
    walk(t.column_header_groups)
  }
  for (const f of ['2021', '2019'] as FormatKey[]) {
    const tpl = template(f)
    for (const s of tpl.sections) [s.title, s.core, ...(s.title_variants_seen ?? [])].forEach(add)
    for (const t of tpl.tables) addTable(t as TplTable & { header_groups?: unknown })
  }
  // Longest first, so that a label is removed before the shorter labels it contains.
  return [...out].sort((a, b) => b.length - a.length)
}

/**
 * Customary sentences that every report of a county carries because the county notice prescribes them
 * (preface naming the basis and the six parts, the statistical period, contact details). They are
 * template text too and must not make two townships look alike.
 */
// Gaps are bounded ({0,120}): an unbounded [^。]* after a frequent word rescans the rest of a long
// sentence from every occurrence, which made one hostile line cost minutes.
const STOCK: RegExp[] = [
  /统计(期限|时限|数据|区间|时间|周期)[^。]{0,60}?1\s{0,3}月\s{0,3}1\s{0,3}日/,
  /(本(年度)?报告|全文|报告)[^。]{0,6}由[^。]{0,120}?(组成|构成)/,
  /(依据|根据|按照)[^。]{0,120}?(政府信息公开条例|年度报告格式|国办公开办函|年度报告[^。]{0,6}通知)[^。]{0,120}?(编制|发布|制定|编写|形成)[^。]{0,120}?报告/,
  /(现|特)(予)?(发布|公布)[^。]{0,40}年度报告/,
  /如对本(年度)?报告[^。]{0,120}?(疑问|问题)/,
  /本报告[^。]{0,4}电子版/,
  // The nil statement on 信息处理费 (六) is prescribed wording as well.
  /信息处理费[^。]{0,60}?(未|没有|无|不)[^。]{0,6}(收取|收费|发生|发出)|(未|没有|无|不)[^。]{0,6}(收取|收费|发出)[^。]{0,60}?信息处理费/
]

/** Folded text without the customary sentences (same sentences removed in every report). */
export function dropStock(folded: string): string {
  return folded
    // '.' and ； end a sentence too, and a very long 'sentence' is kept: OCR and web text often have no 。, and one
    // 'sentence' of a whole report matching a stock pattern would drop all of it.
    .split(/(?<=[。！？!?.；;])/)
    .filter((sent) => sent.length > 400 || !STOCK.some((re) => re.test(sent)))
    .join('')
}

/** Template phrases by their first two code units, longest first: one pass over a text removes them. */
let PHRASES: Map<number, string[]> | null = null

const pairAt = (s: string, i: number): number => s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1)

function phraseIndex(): Map<number, string[]> {
  const idx = new Map<number, string[]>()
  for (const p of templatePhrases()) {
    const k = pairAt(p, 0)
    const l = idx.get(k)
    if (l) l.push(p)
    else idx.set(k, [p])
  }
  return idx
}

/** Folded text reduced to its wording: customary sentences, template phrases, digits, whitespace and punctuation removed. */
export function simText(folded: string): string {
  PHRASES ??= phraseIndex()
  const s = strip(dropStock(folded))
  // Leftmost-longest removal in one pass: a per-phrase search would cost (phrases × paragraphs).
  let out = ''
  let keep = 0
  for (let i = 0; i + 1 < s.length; ) {
    const cands = PHRASES.get(pairAt(s, i))
    const hit = cands?.find((p) => s.startsWith(p, i))
    if (hit) {
      out += s.slice(keep, i)
      i += hit.length
      keep = i
    } else i++
  }
  return out + s.slice(keep)
}

/**
 * The n-grams of a text as 53-bit hashes (two independent 32-bit hashes of the n code units, one
 * truncated to 21 bits). Numbers make the batch-wide index several times faster than substrings;
 * with a few million distinct grams a collision is a one-in-thousands event and shifts one count by one.
 */
export function grams(s: string, n = GRAM): Set<number> {
  const g = new Set<number>()
  for (let i = 0; i + n <= s.length; i++) {
    let h1 = 0x811c9dc5
    let h2 = 0x01000193
    for (let k = i; k < i + n; k++) {
      const c = s.charCodeAt(k)
      h1 = Math.imul(h1 ^ c, 0x01000193)
      h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15)
    }
    g.add((h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff))
  }
  return g
}

/** Share of a's n-grams that also occur in b (0..1); 0 when a has none. */
export function containment(a: Set<number>, b: Set<number>): number {
  if (a.size === 0) return 0
  return overlap(a, b) / a.size
}

export function overlap(a: Set<number>, b: Set<number>): number {
  let hit = 0
  for (const g of a) if (b.has(g)) hit++
  return hit
}

export interface Paragraph {
  /** Offsets in the report text. */
  start: number
  end: number
  /** Section the paragraph belongs to (S1..S6), or 'head' before the first section. */
  section: string
  /** 1-based number of the paragraph inside its section (non-empty lines). */
  no: number
  sim: string
  grams: Set<number>
}

/**
 * Paragraphs (non-empty lines) of a report outside the three tables and the section headings, with
 * their similarity text. Lines inside a table's span are left out: the table labels are template text.
 */
export function paragraphs(report: ParsedReport): Paragraph[] {
  const norm = report.norm
  const tables = Object.values(report.tables).flatMap((t) => (t.found && t.span ? [t.span] : []))
  const sections = report.sections
    .filter((s) => s.found && s.titleSpan)
    .map((s) => ({ id: s.id, start: s.titleSpan!.start, body: s.bodyStart ?? s.titleSpan!.end }))
    .sort((a, b) => a.start - b.start)
  const out: Paragraph[] = []
  const counter = new Map<string, number>()
  let pos = 0
  while (pos <= norm.length) {
    let nl = norm.indexOf('\n', pos)
    if (nl < 0) nl = norm.length
    const line = norm.slice(pos, nl)
    const lead = line.search(/\S/)
    if (lead >= 0) {
      const start = pos + lead
      const end = pos + line.trimEnd().length
      const table = tables.find((t) => start >= t.start && start < t.end)
      if (table) {
        // Every line up to the table's last one starts inside the table too: jump past them at once.
        const last = norm.indexOf('\n', Math.max(table.end - 1, nl))
        pos = last < 0 ? norm.length + 1 : last + 1
        continue
      }
      // A section heading line is template text, not a paragraph.
      const heading = sections.some((s) => start >= s.start && end <= s.body)
      if (!heading) {
        let section = 'head'
        for (const s of sections) if (s.start <= start) section = s.id
        const no = (counter.get(section) ?? 0) + 1
        counter.set(section, no)
        const sim = simText(norm.slice(start, end))
        out.push({ start, end, section, no, sim, grams: grams(sim) })
      }
    }
    pos = nl + 1
  }
  return out
}

/** Similarity text and grams of a report region (a section body). */
export function regionGrams(report: ParsedReport, start: number, end: number): { sim: string; grams: Set<number> } {
  const sim = simText(report.norm.slice(start, end))
  return { sim, grams: grams(sim) }
}
