// Rectangles for the PDF pane: each cell of a finding's evidence at its box in PDF points (origin
// bottom-left). Blank cells have no text and so no box: their place is worked out from the other
// cells of the same row (column centres fitted on a line), and drawn as approximate.
import type { CellDto, FindingDto, TemplateDto } from '../../../src-main/shared/api.ts'
import { cellKey, hoverTitle, isActive, type BoxMark } from './evidence.ts'

type Box = [number, number, number, number]

function columnOrder(template: TemplateDto, table: string, row: string): string[] {
  if (table === 'T3') return template.t3.columns.map((c) => c.id)
  if (table === 'T4') return template.t4.columns.map((c) => c.id)
  const block = template.t2.find((b) => row.startsWith(`${b.id}.`))
  return block ? block.columns.map((c) => c.id) : []
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

/** Where a cell without a box would be, from the boxed cells of its row; null when it cannot be told. */
export function inferCellBox(cell: { table: string; row: string; col: string }, cells: CellDto[], template: TemplateDto): { page: number; box: Box } | null {
  const order = columnOrder(template, cell.table, cell.row)
  const idx = order.indexOf(cell.col)
  if (idx < 0) return null
  const sib: { i: number; page: number; box: Box }[] = []
  for (const c of cells) {
    if (c.table !== cell.table || c.row !== cell.row || !c.span?.box || !c.span.page) continue
    const i = order.indexOf(c.col)
    if (i >= 0) sib.push({ i, page: c.span.page, box: c.span.box })
  }
  if (sib.length < 2) return null
  const page = median(sib.map((s) => s.page))
  const pts = sib.filter((s) => s.page === page)
  if (pts.length < 2) return null
  // least-squares line through (column index, box centre x)
  const n = pts.length
  const mx = pts.reduce((s, p) => s + p.i, 0) / n
  const my = pts.reduce((s, p) => s + (p.box[0] + p.box[2]) / 2, 0) / n
  let sxx = 0
  let sxy = 0
  for (const p of pts) {
    sxx += (p.i - mx) ** 2
    sxy += (p.i - mx) * ((p.box[0] + p.box[2]) / 2 - my)
  }
  if (sxx === 0) return null
  const slope = sxy / sxx
  if (!(slope > 4)) return null
  const cx = my + slope * (idx - mx)
  const half = Math.min(slope * 0.42, 30)
  const y0 = median(pts.map((p) => p.box[1]))
  const y1 = median(pts.map((p) => p.box[3]))
  return { page, box: [cx - half, y0 - 3, cx + half, y1 + 3] }
}

export function pdfBoxMarks(findings: FindingDto[], cells: CellDto[], template: TemplateDto, includeId: number | null = null): BoxMark[] {
  const byKey = new Map(cells.map((c) => [cellKey(c.table, c.row, c.col), c]))
  const out: BoxMark[] = []
  for (const f of findings) {
    if (!isActive(f) && f.id !== includeId) continue
    for (const e of f.evidence) {
      if (e.kind !== 'cell') continue
      const key = cellKey(e.table, e.row, e.col)
      const span = e.span ?? byKey.get(key)?.span
      if (span?.box && span.page) {
        out.push({ page: span.page, box: span.box, severity: f.severity, findingId: f.id, title: hoverTitle(f), approximate: false, cell: key })
        continue
      }
      const guess = inferCellBox(e, cells, template)
      if (guess) out.push({ ...guess, severity: f.severity, findingId: f.id, title: `${hoverTitle(f)}\n（空白单元格，位置为推算）`, approximate: true, cell: key })
    }
  }
  return out
}

/** Text evidence with boxes (PDF text and scans read since the reader keeps its runs): one mark per box. */
export function pdfTextBoxMarks(findings: FindingDto[], includeId: number | null = null): BoxMark[] {
  const out: BoxMark[] = []
  for (const f of findings) {
    if (!isActive(f) && f.id !== includeId) continue
    for (const e of f.evidence) {
      if (e.kind !== 'text' || !e.boxes) continue
      for (const b of e.boxes) out.push({ page: b.page, box: b.box, severity: f.severity, findingId: f.id, title: hoverTitle(f), approximate: false, span: `${e.start}-${e.end}` })
    }
  }
  return out
}

export interface TextMark {
  text: string
  page?: number
  severity: FindingDto['severity']
  findingId: number
  title: string
}

/**
 * Text evidence without boxes (a version read before the reader kept its runs, a finding whose offsets
 * point into another version's text): located later in the page's text layer by its wording.
 */
export function pdfTextMarks(findings: FindingDto[], includeId: number | null = null): TextMark[] {
  const out: TextMark[] = []
  for (const f of findings) {
    if (!isActive(f) && f.id !== includeId) continue
    for (const e of f.evidence)
      if (e.kind === 'text' && !e.boxes?.length && e.text.trim()) out.push({ text: e.text, page: e.page, severity: f.severity, findingId: f.id, title: hoverTitle(f) })
  }
  return out
}
