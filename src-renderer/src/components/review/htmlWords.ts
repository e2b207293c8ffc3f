// Marks words inside the Word/HTML original. Its elements carry the offsets of whole paragraphs and
// cells (data-s/data-e); a finding's quotation or a search hit is a few words of a paragraph that may
// fill the pane, so the words themselves are wrapped. The element's text may differ from the canonical
// text in whitespace (line breaks inside a cell, indentation), so the words are found by their wording,
// whitespace ignored, at the occurrence nearest to where the offsets put them.

/** Attribute of the marks added here: removed before each repaint. */
const WORDS_ATTR = 'data-words'

const isSpace = (c: string): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u3000' || c === '\u00a0' || c === '\f' || c === '\v'

function squeezeLen(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) if (!isSpace(s[i] as string)) n++
  return n
}

/** Removes the word marks of the previous paint, leaving the report's own markup as it was. */
export function clearWordMarks(root: HTMLElement): void {
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
