// Section headings a scan misread. OCR garbles a heading in large bold type more than body text: it doubles
// the glyphs of a bold face drawn twice ('三三、、收收到到和和處處理理'), cuts the line in two ('一一 收到和处 …'
// above '三、 理'), or loses the ordinal's comma ('五 存在的 ww主要問題…'). Such a heading matches no template
// title, the section is taken for missing and its table looked for in the wrong place. A missing section is
// looked for again between the headings found before and after it (the surrounding structure is the
// evidence), by its template title read loosely: the section's ordinal at the start of the line (or of the
// line after it) and most of the title's characters in order. Only OCR'd lines are read this way; the
// heading found is marked as read without confidence, so SEC-TITLE does not hold its wording against the
// township.
import type { Line, SectionHit, Span } from '../model.ts'
import type { TplSection } from '../template.ts'
import { labelCore, labelKey } from './normalize.ts'

/** Share of the template title's characters that must be read, in order. */
const MIN_COVER = 0.6
/** Longest line (key chars) taken for a heading: a sentence or a table row is longer. */
const MAX_KEY = 60

interface Piece {
  text: string
  key: string
  start: number
  end: number
}

/** A glyph or a word OCR read twice in a row ('收收', '政府政府') read once. Linear (runs of at most 4 chars). */
export function undouble(s: string): string {
  let out = ''
  let i = 0
  while (i < s.length) {
    let skipped = false
    for (let n = 4; n >= 1; n--) {
      if (i + 2 * n <= s.length && s.slice(i, i + n) === s.slice(i + n, i + 2 * n)) {
        i += n
        skipped = true
        break
      }
    }
    if (!skipped) {
      out += s[i]
      i++
    }
  }
  return out
}

/** Length of the longest common subsequence of a and b (both short: headings). */
function lcs(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    let diag = 0
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] as number
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, row[j - 1] as number)
      diag = up
    }
  }
  return row[b.length] as number
}

function pieceOf(line: Line): Piece | null {
  const cells = line.cells.filter((c) => c.text.trim() !== '')
  const first = cells[0]
  const last = cells[cells.length - 1]
  if (!first || !last || cells.every((c) => c.conf === undefined)) return null
  // a table row (several numbers) is not a heading
  if (cells.filter((c) => /^[\d\s.,，]+$/.test(c.text)).length >= 2) return null
  const text = cells.map((c) => c.text).join('')
  const key = labelKey(text)
  if (key.length > MAX_KEY) return null
  return { text, key, start: first.start, end: last.end }
}

/** The ordinal of the section starts the line: '三、', '三.', or '三' alone with the title after it. */
function startsWithOrdinal(key: string, no: string): boolean {
  const k = undouble(key)
  return k.startsWith(no) && !/^[一二三四五六七八九十][一二三四五六七八九十]/.test(k)
}

/** How well a (one or two line) candidate reads as the section's title: share of the title read in order. */
function cover(sec: TplSection, key: string): number {
  const core = labelCore(sec.title)
  const read = labelCore(undouble(key))
  if (!read || read.length > 2.5 * core.length) return 0
  return lcs(read, core) / core.length
}

/**
 * Find the missing sections of `hits` again in the OCR'd lines between their neighbours; returns the spans
 * of the headings so found (read without confidence). `hits` is updated in place (found, title, spans).
 */
export function repairHeadings(hits: SectionHit[], lines: Line[], sections: TplSection[], textLength: number): Span[] {
  const repaired: Span[] = []
  if (!lines.some((l) => l.cells.some((c) => c.conf !== undefined))) return repaired
  const pieces = lines.map(pieceOf)
  sections.forEach((sec, k) => {
    const hit = hits[k]
    if (!hit || hit.found) return
    const prev = hits.slice(0, k).reverse().find((h) => h.found)
    const next = hits.slice(k + 1).find((h) => h.found)
    const lo = prev?.titleSpan?.end ?? 0
    const hi = next?.titleSpan?.start ?? textLength
    let best: { span: Span; text: string; score: number } | null = null
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]
      if (!p || p.start < lo || p.end > hi) continue
      const q = pieces[i + 1]
      const options: Piece[] = [p]
      // a heading cut in two: the second line must be short and still before the next heading
      if (q && q.end <= hi && q.key.length <= 20) options.push({ text: p.text + q.text, key: p.key + q.key, start: p.start, end: q.end })
      for (const o of options) {
        const ordinal = startsWithOrdinal(p.key, sec.no) || (o !== p && q !== undefined && q !== null && startsWithOrdinal(q.key, sec.no))
        if (!ordinal) continue
        const score = cover(sec, o.key.replace(/^[一二三四五六]+[、.]*/, ''))
        if (score >= MIN_COVER && (!best || score > best.score)) best = { span: { start: o.start, end: o.end }, text: o.text, score }
      }
    }
    if (!best) return
    Object.assign(hit, { found: true, title: best.text, titleSpan: best.span, titleMatch: 'reworded' as const, bodyStart: best.span.end })
    repaired.push(best.span)
  })
  if (!repaired.length) return repaired
  const found = hits.filter((h) => h.found)
  found.forEach((h, i) => {
    const after = found[i + 1]
    h.bodyEnd = after?.titleSpan ? after.titleSpan.start : textLength
  })
  return repaired
}
