// Zoom of the PDF pages: the scale, each page's viewport at that scale (pdf.js objects, kept out of Vue's
// reactivity) and the page sizes the template lays out. layoutTick tells computed overlays that the
// viewports changed, since they are not reactive themselves.
import type { PageViewport } from 'pdfjs-dist'
import { ref, type Ref } from 'vue'
import type { PdfDocument } from './pdfDocument.ts'

const MIN_SCALE = 0.3
const MAX_SCALE = 4

export function usePdfZoom(doc: PdfDocument, pane: Ref<HTMLElement | null>) {
  const scale = ref(1)
  const sizes = ref<{ w: number; h: number }[]>([])
  const layoutTick = ref(0)
  let viewports: PageViewport[] = []

  function computeViewports(): void {
    viewports = doc.pages().map((p) => p.getViewport({ scale: scale.value }))
    sizes.value = viewports.map((v) => ({ w: Math.floor(v.width), h: Math.floor(v.height) }))
    layoutTick.value++
  }

  /** The scale at which the first page fills the pane's width. */
  function widthScale(): number | null {
    const first = doc.pages()[0]
    if (!first || !pane.value) return null
    return (pane.value.clientWidth - 30) / first.getViewport({ scale: 1 }).width
  }

  /** On opening: fit the width, within the range that keeps a page readable. */
  function fitOnOpen(): void {
    const s = widthScale()
    if (s !== null) scale.value = Math.max(0.4, Math.min(2, s))
    computeViewports()
  }

  /** Sets the zoom; true when it changed (the caller redraws the pages), keeping the reading position. */
  function setScale(s: number): boolean {
    const next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, Math.round(s * 100) / 100))
    if (next === scale.value || !doc.pages().length) return false
    scale.value = next
    computeViewports()
    return true
  }

  function clear(): void {
    viewports = []
    sizes.value = []
  }

  return {
    scale,
    sizes,
    layoutTick,
    viewport: (i: number): PageViewport | undefined => viewports[i],
    widthScale,
    fitOnOpen,
    setScale,
    clear
  }
}

export type PdfZoom = ReturnType<typeof usePdfZoom>
