// Lazy rendering of the PDF pages: a page is drawn to its canvas, with pdf.js's selectable text layer
// over it, only when it comes near the visible part of the pane, and again at a new zoom. The template
// registers each page's elements here; the viewer hears when a page's text layer is ready (to mark
// text evidence in it) and when a page is drawn (to finish a scroll that waited for it).
import type { RenderTask, TextLayer } from 'pdfjs-dist'
import { reactive, type Ref } from 'vue'
import { loadPdfjs } from '../../../domain/pdfjs.ts'
import type { PdfDocument } from './pdfDocument.ts'
import type { PdfZoom } from './pdfZoom.ts'

/** Pages start rendering this far before they scroll into view. */
const AHEAD = '400px 0px'

export function usePageRender(
  doc: PdfDocument,
  zoom: PdfZoom,
  pane: Ref<HTMLElement | null>,
  hooks: { textReady(i: number, layer: TextLayer): void; drawn(i: number): void }
) {
  /** Pages drawn at the current zoom (0-based). */
  const rendered = reactive(new Set<number>())
  const pageEls: HTMLElement[] = []
  const canvases: HTMLCanvasElement[] = []
  const textEls: HTMLElement[] = []
  const renderTasks = new Map<number, RenderTask>()
  const textLayers = new Map<number, TextLayer>()
  /** The scale each page was last drawn (or is being drawn) at. */
  const renderedAt = new Map<number, number>()
  const visible = new Set<number>()
  let observer: IntersectionObserver | null = null

  function observe(): void {
    observer?.disconnect()
    if (!pane.value) return
    observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const i = Number((e.target as HTMLElement).dataset.page) - 1
          if (e.isIntersecting) {
            visible.add(i)
            void renderPage(i)
          } else visible.delete(i)
        }
      },
      { root: pane.value, rootMargin: AHEAD }
    )
    for (const el of pageEls) if (el) observer.observe(el)
  }

  async function renderPage(i: number): Promise<void> {
    const page = doc.pages()[i]
    const vp = zoom.viewport(i)
    const canvas = canvases[i]
    const tl = textEls[i]
    if (!page || !vp || !canvas || !tl) return
    const s = zoom.scale.value
    if (renderedAt.get(i) === s) return
    renderedAt.set(i, s)
    renderTasks.get(i)?.cancel()
    const dpr = window.devicePixelRatio || 1
    canvas.width = Math.floor(vp.width * dpr)
    canvas.height = Math.floor(vp.height * dpr)
    canvas.style.width = `${Math.floor(vp.width)}px`
    canvas.style.height = `${Math.floor(vp.height)}px`
    const rt = page.render({ canvas, viewport: vp, transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined })
    renderTasks.set(i, rt)
    try {
      await rt.promise
    } catch {
      if (renderedAt.get(i) === s) renderedAt.delete(i)
      return // cancelled by a newer render
    } finally {
      if (renderTasks.get(i) === rt) renderTasks.delete(i)
    }
    if (renderedAt.get(i) !== s) return
    rendered.add(i)
    try {
      const lib = await loadPdfjs()
      textLayers.get(i)?.cancel()
      tl.replaceChildren()
      const layer = new lib.TextLayer({ textContentSource: page.streamTextContent(), container: tl, viewport: vp })
      textLayers.set(i, layer)
      await layer.render()
      if (renderedAt.get(i) === s) hooks.textReady(i, layer)
    } catch {
      // a page without selectable text (a scan) still shows its image
    }
    hooks.drawn(i)
  }

  /** After a zoom: every page is drawn again, the visible ones now. */
  function redraw(): void {
    renderedAt.clear()
    rendered.clear()
    for (const i of visible) void renderPage(i)
  }

  function reset(): void {
    observer?.disconnect()
    observer = null
    for (const t of renderTasks.values()) t.cancel()
    renderTasks.clear()
    for (const l of textLayers.values()) l.cancel()
    textLayers.clear()
    renderedAt.clear()
    rendered.clear()
    visible.clear()
  }

  return {
    rendered,
    pageEls,
    textLayers,
    observe,
    redraw,
    reset,
    setPageEl(el: unknown, i: number): void {
      if (el instanceof HTMLElement) pageEls[i] = el
    },
    setCanvas(el: unknown, i: number): void {
      if (el instanceof HTMLCanvasElement) canvases[i] = el
    },
    setText(el: unknown, i: number): void {
      if (el instanceof HTMLElement) textEls[i] = el
    }
  }
}

export type PageRender = ReturnType<typeof usePageRender>
