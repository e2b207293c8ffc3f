// Offsets of a text selection in the original, from the data-o (plain text) or data-s/data-e
// (Word/HTML) attributes the panes carry.
export interface PickedRange {
  start: number
  end: number
  text: string
}

function offsetIn(root: HTMLElement, node: Node, offset: number, attr: 'data-o' | 'data-s'): number | null {
  const el = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest(`[${attr}]`)
  if (!el || !root.contains(el)) return null
  const base = Number(el.getAttribute(attr))
  if (!Number.isFinite(base)) return null
  const r = document.createRange()
  r.setStart(el, 0)
  try {
    r.setEnd(node, offset)
  } catch {
    return base
  }
  let n = base + r.toString().length
  const e = el.getAttribute('data-e')
  if (e !== null) n = Math.min(n, Number(e))
  return n
}

export function selectionRange(root: HTMLElement, attr: 'data-o' | 'data-s'): PickedRange | null {
  const sel = window.getSelection()
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null
  const r = sel.getRangeAt(0)
  if (!root.contains(r.commonAncestorContainer)) return null
  const a = offsetIn(root, r.startContainer, r.startOffset, attr)
  const b = offsetIn(root, r.endContainer, r.endOffset, attr)
  if (a === null || b === null || b <= a) return null
  return { start: a, end: b, text: sel.toString() }
}

/** A click on a highlight (no text selected) selects the finding it belongs to. */
export function selectFromTarget(target: EventTarget | null, findings: { selectedId: number | null; select(id: number): void }): void {
  const el = (target as Element | null)?.closest?.('[data-fids]')
  const ids = (el?.getAttribute('data-fids') ?? '').split(' ').map(Number).filter((n) => n > 0)
  if (!ids.length) return
  const i = ids.indexOf(findings.selectedId ?? -1)
  // clicking again cycles through the findings that share this place
  const next = i >= 0 ? ids[(i + 1) % ids.length] : ids[0]
  if (next !== undefined && next !== findings.selectedId) findings.select(next)
}
