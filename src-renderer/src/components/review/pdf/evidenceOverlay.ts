// The rectangles drawn over the PDF pages: cells of the findings' evidence (blank ones at a place worked
// out from their row), text evidence at the boxes the server sends with it, and the words of a search hit.
// Boxes are in PDF points (origin bottom-left) and become pixels through the page's viewport. One place
// cited by several findings is one rectangle that carries all of them (hover lists them, a click cycles).
import type { PageViewport } from 'pdfjs-dist'
import { computed, type ComputedRef } from 'vue'
import type { PageBox, Severity } from '../../../../../src-main/shared/api.ts'
import type { BoxMark } from '../../../domain/evidence.ts'
import { maxSeverity } from '../../../domain/labels.ts'
import { pdfBoxMarks, pdfTextBoxMarks } from '../../../domain/pdfBoxes.ts'
import type { ReviewCtx } from '../context.ts'
import type { PdfZoom } from './pdfZoom.ts'

export interface DrawnBox {
  key: string
  kind: 'cell' | 'text' | 'hit'
  left: number
  top: number
  width: number
  height: number
  severity: Severity
  ids: number[]
  title: string
  approximate: boolean
  /** What the rectangle shows: cell keys (T4|counts|x) and text spans (t:start-end) of the evidence. */
  refs: string[]
}

/** Pixels around a cell's box; text boxes hug their line a little closer. */
const PAD = { cell: 2, text: 1, hit: 1 }

function toPixels(vp: PageViewport, box: [number, number, number, number], pad: number): { left: number; top: number; width: number; height: number } {
  const [x0, y0] = vp.convertToViewportPoint(box[0], box[1]) as [number, number]
  const [x1, y1] = vp.convertToViewportPoint(box[2], box[3]) as [number, number]
  return { left: Math.min(x0, x1) - pad, top: Math.min(y0, y1) - pad, width: Math.abs(x1 - x0) + 2 * pad, height: Math.abs(y1 - y0) + 2 * pad }
}

/** Draws marks per page, merging those at one place. */
export function drawBoxes(marks: BoxMark[], pages: number, viewport: (i: number) => PageViewport | undefined): DrawnBox[][] {
  const out: DrawnBox[][] = Array.from({ length: pages }, () => [])
  const merged = new Map<string, DrawnBox>()
  for (const m of marks) {
    const vp = viewport(m.page - 1)
    if (!vp) continue
    const kind = m.cell ? 'cell' : 'text'
    const key = `${m.page}:${m.cell ?? m.box.join(',')}`
    const ref = m.cell ?? `t:${m.span ?? ''}`
    const prev = merged.get(key)
    if (prev) {
      prev.severity = maxSeverity(prev.severity, m.severity)
      if (!prev.ids.includes(m.findingId)) prev.ids.push(m.findingId)
      if (!prev.title.includes(m.title)) prev.title += `\n${m.title}`
      if (!prev.refs.includes(ref)) prev.refs.push(ref)
      continue
    }
    const b: DrawnBox = { key, kind, ...toPixels(vp, m.box, PAD[kind]), severity: m.severity, ids: [m.findingId], title: m.title, approximate: m.approximate, refs: [ref] }
    merged.set(key, b)
    out[m.page - 1]?.push(b)
  }
  return out
}

/** The search hit being shown, when it belongs to this report. */
export interface ShownHit {
  boxes: PageBox[]
}

export function useEvidenceOverlay(ctx: ReviewCtx, zoom: PdfZoom, hit: ComputedRef<ShownHit | null>) {
  const boxes = computed<DrawnBox[][]>(() => {
    void zoom.layoutTick.value
    const d = ctx.detail.value
    const live = ctx.markFindings.value
    const sel = ctx.selectedId.value
    const marks = [...pdfBoxMarks(live, d.cells, d.template, sel), ...pdfTextBoxMarks(live, sel)]
    const out = drawBoxes(marks, zoom.sizes.value.length, zoom.viewport)
    for (const [k, pb] of (hit.value?.boxes ?? []).entries()) {
      const vp = zoom.viewport(pb.page - 1)
      if (vp) out[pb.page - 1]?.push({ key: `hit:${k}`, kind: 'hit', ...toPixels(vp, pb.box, PAD.hit), severity: 'info', ids: [], title: '搜索结果', approximate: false, refs: ['hit'] })
    }
    return out
  })
  return { boxes }
}

/**
 * The findings whose highlighted words are under a click on the page (text highlights let clicks through
 * to the words), the one of the smallest highlight first: the words clicked, before a passage around them.
 */
export function textFindingsAt(page: Element, x: number, y: number): number[] {
  const under: { area: number; ids: number[] }[] = []
  for (const el of page.querySelectorAll('.pdf-box.text')) {
    const r = el.getBoundingClientRect()
    if (x < r.left || x > r.right || y < r.top || y > r.bottom) continue
    const ids = (el.getAttribute('data-fids') ?? '').split(' ').map(Number).filter((n) => n > 0)
    under.push({ area: r.width * r.height, ids })
  }
  under.sort((a, b) => a.area - b.area)
  return [...new Set(under.flatMap((u) => u.ids))]
}
