// Where the PDF pane is scrolled: the page shown (for the page box of the toolbar), going to a page, and
// bringing into view what the reviewer chose: the rectangle of the selected finding's evidence (the item
// stepped to with N / P), its words in a text layer (versions without text boxes), or a search hit's words.
import { nextTick, ref, type ComputedRef, type Ref } from 'vue'
import { cellKey } from '../../../domain/evidence.ts'
import { findingElement, scrollIntoPane } from '../../../domain/scroll.ts'
import type { useFindingsStore } from '../../../stores/findings.ts'
import type { ReviewCtx } from '../context.ts'
import type { DrawnBox, ShownHit } from './evidenceOverlay.ts'
import type { PageRender } from './pageRender.ts'
import type { PdfDocument } from './pdfDocument.ts'

/** The page counts as shown once it reaches this share of the pane's height from the top. */
const SHOWN_AT = 0.3

export function usePdfScroll(opts: {
  pane: Ref<HTMLElement | null>
  doc: PdfDocument
  render: PageRender
  boxes: ComputedRef<DrawnBox[][]>
  hit: ComputedRef<ShownHit | null>
  ctx: ReviewCtx
  findings: ReturnType<typeof useFindingsStore>
}) {
  const { pane, doc, render, boxes, hit, ctx, findings } = opts
  const current = ref(1)
  const pageInput = ref('1')
  /** A focus that waits for its page's text layer (text found by searching it). */
  let pending = false
  /** The search hit already scrolled to: it is shown once, then the reviewer's choices lead. */
  let hitShown: ShownHit | null = null

  function showPage(p: number): void {
    current.value = p
    pageInput.value = String(p)
  }

  function goto(n: number): void {
    const p = Math.max(1, Math.min(doc.numPages.value, Math.round(n)))
    const el = render.pageEls[p - 1]
    if (el && pane.value) pane.value.scrollTop = el.offsetTop - 10
    showPage(p)
  }

  function onScroll(): void {
    const el = pane.value
    if (!el) return
    const y = el.scrollTop + el.clientHeight * SHOWN_AT
    let p = 1
    render.pageEls.forEach((pe, i) => {
      if (pe && pe.offsetTop <= y) p = i + 1
    })
    if (p !== current.value) showPage(p)
  }

  /** Centres a drawn rectangle of page i (0-based) in the pane. */
  function toBox(i: number, b: DrawnBox): void {
    const el = pane.value
    const pe = render.pageEls[i]
    if (el && pe) el.scrollTop = Math.max(0, pe.offsetTop + b.top - (el.clientHeight - b.height) / 2)
  }

  function first(pred: (b: DrawnBox) => boolean): { i: number; b: DrawnBox } | undefined {
    for (const [i, list] of boxes.value.entries()) {
      const b = list.find(pred)
      if (b) return { i, b }
    }
    return undefined
  }

  async function focus(): Promise<void> {
    await nextTick()
    const el = pane.value
    if (!el || !doc.pages().length) return
    pending = false
    const h = hit.value
    if (h && h !== hitShown) {
      hitShown = h
      const at = first((b) => b.kind === 'hit')
      if (at) return toBox(at.i, at.b)
    }
    const id = findings.selectedId
    if (id === null) return
    // the rectangle of the evidence item shown (a cell or a boxed text), else the finding's first; a text
    // item without boxes stepped to (N / P) goes to its words in the text layer instead
    const fe = findings.focusEvidence.original
    const want = fe?.kind === 'cell' ? cellKey(fe.table, fe.row, fe.col) : fe?.kind === 'text' ? `t:${fe.start}-${fe.end}` : null
    const wanted = want ? first((b) => b.ids.includes(id) && b.refs.includes(want)) : undefined
    const at = wanted ?? (fe?.kind === 'text' && findings.evIndex > 0 ? undefined : first((b) => b.ids.includes(id)))
    if (at) return toBox(at.i, at.b)
    // words marked in a drawn text layer
    const t = findingElement(el, id)
    if (t) return scrollIntoPane(el, t)
    // words on a page not drawn yet: go to that page, finish once it is drawn
    const f = ctx.detail.value.findings.find((x) => x.id === id)
    for (const e of fe?.kind === 'text' ? [fe] : (f?.evidence ?? [])) {
      if (e.kind !== 'text') continue
      const page = e.page ?? doc.pageWith(e.text)
      if (page > 0) {
        if (!render.rendered.has(page - 1)) pending = true
        goto(page)
        return
      }
    }
  }

  return {
    current,
    pageInput,
    goto,
    onScroll,
    focus,
    /** Page i was drawn: a focus waiting for it can finish. */
    drawn(): void {
      if (pending) void focus()
    },
    reset(): void {
      hitShown = null
      showPage(1)
    }
  }
}
