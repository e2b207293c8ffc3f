// Marks words inside the Word/HTML original. Its elements carry the offsets of whole paragraphs and
// cells (data-s/data-e); a finding's quotation or a search hit is a few words of a paragraph that may
// fill the pane, so the words themselves are wrapped. The element's text may differ from the canonical
// text in whitespace (line breaks inside a cell, indentation), so the words are found by their wording,
// whitespace ignored, at the occurrence nearest to where the offsets put them.

import type { Mark } from '../../domain/evidence.ts'
import { LONG_MARK } from '../../domain/segments.ts'

/** Attribute of the marks added here: removed before each repaint. */
const WORDS_ATTR = 'data-words'

const isSpace = (c: string): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u3000' || c === '\u00a0' || c === '\f' || c === '\v'

function squeezeLen(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) if (!isSpace(s[i] as string)) n++
  return n
}

/** Removes the word marks of the previous paint, leaving the report's own markup as it was. */
function clearWordMarks(root: HTMLElement): void {
  const marks = root.querySelectorAll(`mark[${WORDS_ATTR}]`)
  if (!marks.length) return
  for (const m of marks) m.replaceWith(...m.childNodes)
  root.normalize()
}

export interface WordsMark {
  className: string
  title: string
  attrs: Record<string, string>
}

/**
 * Wraps text.slice(a, b) where it stands inside el, whose own text begins at offset s of the text.
 * Returns the marks made (one per text node the words cross); none when the element does not hold them.
 */
export function wrapWords(el: HTMLElement, text: string, s: number, a: number, b: number, mark: WordsMark): HTMLElement[] {
  const want = text.slice(a, b).split('').filter((c) => !isSpace(c)).join('')
  if (!want) return []
  const expect = squeezeLen(text.slice(s, a))
  const owner: { node: Text; i: number }[] = []
  const flat: string[] = []
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text
    const d = t.data
    for (let i = 0; i < d.length; i++) {
      const c = d[i] as string
      if (isSpace(c)) continue
      flat.push(c)
      owner.push({ node: t, i })
    }
  }
  const str = flat.join('')
  let best = -1
  for (let at = str.indexOf(want); at >= 0; at = str.indexOf(want, at + 1)) {
    if (best < 0 || Math.abs(at - expect) < Math.abs(best - expect)) best = at
    if (at > expect) break
  }
  if (best < 0) return []
  // group the characters by text node, then wrap each node's part
  const parts: { node: Text; from: number; to: number }[] = []
  for (let k = best; k < best + want.length; k++) {
    const o = owner[k] as { node: Text; i: number }
    const last = parts[parts.length - 1]
    if (last && last.node === o.node) last.to = o.i + 1
    else parts.push({ node: o.node, from: o.i, to: o.i + 1 })
  }
  const out: HTMLElement[] = []
  for (const p of parts) {
    const r = document.createRange()
    r.setStart(p.node, p.from)
    r.setEnd(p.node, p.to)
    const m = document.createElement('mark')
    m.className = mark.className
    m.title = mark.title
    m.setAttribute(WORDS_ATTR, '')
    for (const [k, v] of Object.entries(mark.attrs)) m.setAttribute(k, v)
    r.surroundContents(m)
    out.push(m)
  }
  return out
}

/** An element of the original carrying the offsets of its text. */
export interface Indexed {
  el: HTMLElement
  s: number
  e: number
}

/**
 * Marks short quotations (and the search hit) on their words inside the longer elements that hold them,
 * after removing the marks of the previous paint. Returns the (element, mark) pairs marked inside, as
 * element index * marks.length + mark index: those elements need not be coloured for that mark. A hit
 * covering whole elements (a cell, a short line) marks the elements.
 */
export function markWordsIn(root: HTMLElement, indexed: readonly Indexed[], text: string, marks: readonly Mark[], sel: number | null, hit: { start: number; end: number } | null): Set<number> {
  clearWordMarks(root)
  const inside = new Set<number>()
  const wrap = (a: number, b: number, make: (lo: number, hi: number) => WordsMark): number[] => {
    const done: number[] = []
    for (const [i, { el, s, e }] of indexed.entries()) {
      const lo = Math.max(a, s)
      const hi = Math.min(b, e)
      // an element the words fill is coloured as a whole; only a longer one gets a mark inside
      if (lo < hi && e - s > hi - lo && wrapWords(el, text, s, lo, hi, make(lo, hi)).length > 0) done.push(i)
    }
    return done
  }
  for (const [j, m] of marks.entries()) {
    if (m.end <= m.start || m.end - m.start > LONG_MARK) continue
    const made = wrap(m.start, m.end, (lo, hi) => ({
      className: `ev-words sev-${m.severity}${m.findingId === sel ? ' sel' : ''}`,
      title: m.title,
      attrs: { 'data-fids': String(m.findingId), 'data-s': String(lo), 'data-e': String(hi) }
    }))
    for (const i of made) inside.add(i * marks.length + j)
  }
  if (hit) wrap(hit.start, hit.end, (lo, hi) => ({ className: 'hit', title: '搜索结果', attrs: { 'data-test': 'search-hit-mark', 'data-hit': '', 'data-s': String(lo), 'data-e': String(hi) } }))
  for (const { el, s, e } of indexed) {
    const whole = !!hit && hit.start <= s && e <= hit.end && s < e
    el.classList.toggle('hit-words', whole)
    if (whole) {
      el.dataset.hit = ''
      el.dataset.test = 'search-hit-mark'
    } else if (el.dataset.hit !== undefined) {
      delete el.dataset.hit
      delete el.dataset.test
    }
  }
  return inside
}
