// Where a quoted passage stands in the text shown. A text evidence carries offsets and the words it
// quotes; a hand-added finding carried over to a resubmitted version keeps the offsets of the old text,
// so the words are checked at their offsets and, when they are not there, looked for nearby. A passage
// found nowhere is left unmarked and the reviewer is told so, rather than marking other words.

const squeeze = (s: string): string => s.replace(/\s+/g, '')

/** Characters compared: enough to tell a passage, few enough for a quotation cut at 500 characters. */
const HEAD = 16

export interface Quote {
  start: number
  end: number
  text: string
}

/** Do the words quoted stand at the quote's offsets (whitespace ignored)? */
export function quoteAt(text: string, q: Quote): boolean {
  const want = squeeze(q.text).slice(0, HEAD)
  if (!want) return true
  const have = squeeze(text.slice(q.start, Math.min(q.end, q.start + 4 * HEAD + 200))).slice(0, HEAD)
  return want === have
}

/**
 * The span of the quoted words in the text: at their offsets when they are there, else the occurrence
 * nearest to them (exact wording); null when the text does not hold them.
 */
export function locateQuote(text: string, q: Quote): { start: number; end: number } | null {
  if (q.start >= 0 && q.end <= text.length && quoteAt(text, q)) return { start: q.start, end: q.end }
  const words = q.text.trim()
  const head = words.slice(0, 40)
  if (!head) return null
  let best = -1
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    if (best < 0 || Math.abs(at - q.start) < Math.abs(best - q.start)) best = at
    if (at > q.start) break
  }
  if (best < 0) return null
  const len = words.length === q.end - q.start ? words.length : Math.max(q.end - q.start, head.length)
  return { start: best, end: Math.min(text.length, best + len) }
}

/** A short quotation for a note: the opening words. */
export function shortQuote(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length > 24 ? `${t.slice(0, 24)}…` : t
}
