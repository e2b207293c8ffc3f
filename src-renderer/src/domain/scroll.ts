// Scrolls one pane (and only that pane) so that an element sits in its middle.
export function scrollIntoPane(container: HTMLElement, el: Element): void {
  const c = container.getBoundingClientRect()
  const r = el.getBoundingClientRect()
  const dy = r.height < c.height - 40 ? r.top - c.top - (c.height - r.height) / 2 : r.top - c.top - 20
  let dx = 0
  if (r.left < c.left || r.right > c.right) dx = r.width < c.width - 40 ? r.left - c.left - (c.width - r.width) / 2 : r.left - c.left - 20
  container.scrollTo({ top: Math.max(0, container.scrollTop + dy), left: Math.max(0, container.scrollLeft + dx), behavior: 'auto' })
}

/** The first element of a pane that shows the given finding's evidence. */
export function findingElement(root: ParentNode, findingId: number): Element | null {
  return root.querySelector(`[data-fids~="${findingId}"]`)
}
