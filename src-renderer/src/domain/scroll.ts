// Scrolls one pane (and only that pane) so that an element sits in its middle.
export function scrollIntoPane(container: HTMLElement, el: Element): void {
  const c = container.getBoundingClientRect()
  const r = el.getBoundingClientRect()
  const dy = r.height < c.height - 40 ? r.top - c.top - (c.height - r.height) / 2 : r.top - c.top - 20
  let dx = 0
  if (r.left < c.left || r.right > c.right) dx = r.width < c.width - 40 ? r.left - c.left - (c.width - r.width) / 2 : r.left - c.left - 20
  container.scrollTo({ top: Math.max(0, container.scrollTop + dy), left: Math.max(0, container.scrollLeft + dx), behavior: 'auto' })
}

import type { EvidenceDto } from '../../../src-main/shared/api.ts'

/** Where an evidence item stands in the original text, when it has a place there. */
export function evidenceOffset(e: EvidenceDto | undefined): number | null {
  if (!e) return null
  if (e.kind === 'text') return e.start
  if (e.kind === 'cell') return e.span?.start ?? null
  if (e.kind === 'report') return e.start ?? null
  return null
}

/**
 * The element of the original showing this evidence of the finding: among the finding's marks, the
 * one whose offset attribute is nearest to the evidence's place (the first mark without one); `only`
 * narrows the marks to a selector (the quoted words marked inside a paragraph).
 */
export function evidenceElementInOriginal(root: ParentNode, findingId: number, e: EvidenceDto | undefined, attr: 'data-o' | 'data-s', only = ''): Element | null {
  const at = evidenceOffset(e)
  const all = [...root.querySelectorAll(`${only}[data-fids~="${findingId}"]`)]
  if (at === null || !all.length) return all[0] ?? null
  let best: Element | null = null
  let dist = Infinity
  for (const el of all) {
    const o = Number(el.getAttribute(attr))
    if (!Number.isFinite(o)) continue
    const end = Number(el.getAttribute('data-e'))
    const d = Number.isFinite(end) && o <= at && at <= end ? 0 : Math.abs(o - at)
    if (d < dist) {
      dist = d
      best = el
    }
  }
  return best ?? all[0] ?? null
}

/** In the parsed pane: the cell an evidence item names, else the finding's first marked element. */
export function evidenceElementInParsed(root: ParentNode, findingId: number, e: EvidenceDto | undefined): Element | null {
  if (e?.kind === 'cell') {
    const el = root.querySelector(`[data-cell="${e.table}|${e.row}|${e.col}"]`)
    if (el) return el
  }
  return findingElement(root, findingId)
}

/** The first element of a pane that shows the given finding's evidence. */
export function findingElement(root: ParentNode, findingId: number): Element | null {
  return root.querySelector(`[data-fids~="${findingId}"]`)
}
