// Text evidence without boxes (a version read before the reader kept where its text stands): found in a
// page's pdf.js text layer by its wording, whitespace ignored, and its spans coloured. A passage running
// over a page break is matched by its longest head on this page, else its longest tail.
import type { TextLayer } from 'pdfjs-dist'
import type { Severity } from '../../../../../src-main/shared/api.ts'
import { maxSeverity } from '../../../domain/labels.ts'
import type { TextMark } from '../../../domain/pdfBoxes.ts'
import { squeeze } from './pdfDocument.ts'

/** Shortest part of a passage worth marking: fewer characters match too much by chance. */
const MIN_PART = 10
/** Of a long quotation (a whole table or section) only the opening words are looked for. */
const LONG = 300

/** The longest prefix (or suffix) of the needle, at least MIN_PART characters, found in the page text. */
export function longestPart(hay: string, needle: string, prefix: boolean): { at: number; len: number } | null {
  const part = (k: number): string => (prefix ? needle.slice(0, k) : needle.slice(needle.length - k))
  let lo = 0
  let hi = needle.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (hay.includes(part(mid))) lo = mid
    else hi = mid - 1
  }
  return lo >= MIN_PART ? { at: hay.indexOf(part(lo)), len: lo } : null
}

/** Colours the text layer of page i (0-based) for the marks that fall on it; `selected` is outlined. */
export function markTextLayer(layer: TextLayer, i: number, marks: TextMark[], selected: number | null): void {
  const divs = layer.textDivs
  let hay = ''
  const owner: number[] = []
  layer.textContentItemsStr.forEach((s, k) => {
    const n = squeeze(s)
    hay += n
    for (let c = 0; c < n.length; c++) owner.push(k)
  })
  const state = new Map<number, { sev: Severity; ids: number[]; titles: string[] }>()
  for (const m of marks) {
    if (m.page && m.page !== i + 1) continue
    const needle = squeeze(m.text)
    if (!needle) continue
    let at = hay.indexOf(needle)
    let len = needle.length
    if (at < 0) {
      const probe = needle.length > LONG ? needle.slice(0, 60) : needle
      const part = longestPart(hay, probe, true) ?? (needle.length > LONG ? null : longestPart(hay, probe, false))
      if (!part) continue
      at = part.at
      len = part.len
    }
    for (let c = at; c < at + len; c++) {
      const k = owner[c]
      if (k === undefined) continue
      const st = state.get(k) ?? { sev: m.severity, ids: [], titles: [] }
      st.sev = maxSeverity(st.sev, m.severity)
      if (!st.ids.includes(m.findingId)) st.ids.push(m.findingId)
      if (!st.titles.includes(m.title)) st.titles.push(m.title)
      state.set(k, st)
    }
  }
  divs.forEach((div, k) => {
    div.classList.remove('ev', 'sev-error', 'sev-warning', 'sev-info', 'sel')
    const st = state.get(k)
    if (!st) {
      delete div.dataset.fids
      div.removeAttribute('title')
      return
    }
    div.classList.add('ev', `sev-${st.sev}`)
    if (selected !== null && st.ids.includes(selected)) div.classList.add('sel')
    div.dataset.fids = st.ids.join(' ')
    div.title = st.titles.join('\n')
  })
}
