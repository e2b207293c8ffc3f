// Recogniser words on a scanned page -> layout items: words cut at the table's vertical rules, per-character
// confidences, line positions, boxes into PDF points.
import type { Box } from '../model.ts'
import type { Rule } from './image.ts'
import type { OcrCell, OcrItem } from './layout.ts'
import type { OcrWord } from './pool.ts'

/** A word whose box straddles a vertical rule is two words (tesseract's CJK boxes run wide): cut it by its symbols. */
export function splitAtRules(w: OcrWord, vRules: Rule[]): OcrWord[] {
  if (w.symbols.length < 2) return [w]
  const yc = (w.bbox.y0 + w.bbox.y1) / 2
  const cut = vRules.find((r) => {
    const x = (r.x0 + r.x1) / 2
    return x > w.bbox.x0 + 2 && x < w.bbox.x1 - 2 && r.y0 <= yc && r.y1 >= yc
  })
  if (!cut) return [w]
  const x = (cut.x0 + cut.x1) / 2
  const sides = [w.symbols.filter((sy) => (sy.bbox.x0 + sy.bbox.x1) / 2 < x), w.symbols.filter((sy) => (sy.bbox.x0 + sy.bbox.x1) / 2 >= x)]
  if (sides.some((sd) => sd.length === 0)) {
    // all symbols on one side: only the box was too wide
    const sd = sides.find((x2) => x2.length > 0) as OcrWord['symbols']
    return [{ ...w, bbox: symbolsBox(sd) }]
  }
  return sides.flatMap((sd) => splitAtRules({ ...w, text: sd.map((sy) => sy.text).join(''), symbols: sd, bbox: symbolsBox(sd) }, vRules))
}

function symbolsBox(syms: OcrWord['symbols']): OcrWord['bbox'] {
  return { x0: Math.min(...syms.map((sy) => sy.bbox.x0)), y0: Math.min(...syms.map((sy) => sy.bbox.y0)), x1: Math.max(...syms.map((sy) => sy.bbox.x1)), y1: Math.max(...syms.map((sy) => sy.bbox.y1)) }
}

const CJK_RE = /[\u4e00-\u9fff]/
const PUNCT_RE = /^[，。、；：“”‘’（）()《》〈〉,.;:'"!?！？\-—_…·]+$/

/** OCR word -> layout items with per-character confidences; a word that straddles a vertical rule is cut there. */
export function toItems(w: OcrWord, em: number, vRules: Rule[], cap = 100): OcrItem[] {
  const pieces: { text: string; confs: number[]; box: { x0: number; y0: number; x1: number; y1: number } }[] = []
  const symConfs = (syms: OcrWord['symbols'], text: string): number[] => {
    // one confidence per UTF-16 unit of text; symbols normally spell the word exactly
    const joined = syms.map((s) => s.text).join('')
    if (joined === text) return syms.flatMap((s) => Array.from({ length: s.text.length }, () => Math.min(s.confidence, w.confidence, cap)))
    return Array.from({ length: text.length }, () => Math.min(w.confidence, cap))
  }
  const cut = vRules.find((r) => {
    const x = (r.x0 + r.x1) / 2
    return x > w.bbox.x0 + 2 && x < w.bbox.x1 - 2 && r.y0 <= (w.bbox.y0 + w.bbox.y1) / 2 && r.y1 >= (w.bbox.y0 + w.bbox.y1) / 2
  })
  if (cut && w.symbols.length > 1) {
    const x = (cut.x0 + cut.x1) / 2
    for (const side of [0, 1]) {
      const syms = w.symbols.filter((s) => ((s.bbox.x0 + s.bbox.x1) / 2 < x ? 0 : 1) === side)
      if (syms.length === 0) continue
      const text = syms.map((s) => s.text).join('')
      pieces.push({
        text,
        confs: symConfs(syms, text),
        box: { x0: Math.min(...syms.map((s) => s.bbox.x0)), y0: Math.min(...syms.map((s) => s.bbox.y0)), x1: Math.max(...syms.map((s) => s.bbox.x1)), y1: Math.max(...syms.map((s) => s.bbox.y1)) }
      })
    }
  } else pieces.push({ text: w.text, confs: symConfs(w.symbols, w.text), box: w.bbox })
  return pieces.map((p) => {
    const bh = p.box.y1 - p.box.y0
    const cjk = CJK_RE.test(p.text)
    const h = cjk ? Math.max(bh, 0.8 * em) : /^\d+$/.test(p.text) ? Math.max(bh / 0.72, 0.8 * em) : em
    // the word's line position: the centre of its tesseract text line (robust for '一', '，', digits next to
    // CJK), unless that line is too tall to be one line of text (tesseract joined two table rows)
    const lb = w.lineBox
    const own = cjk || PUNCT_RE.test(p.text) ? (p.box.y0 + p.box.y1) / 2 : p.box.y1 - 0.36 * em
    const base = lb.y1 - lb.y0 <= 1.7 * em ? (lb.y0 + lb.y1) / 2 : own
    return { text: p.text, confs: p.confs, x0: p.box.x0, y0: p.box.y0, x1: p.box.x1, y1: p.box.y1, base, h }
  })
}

export function pdfBox(c: OcrCell, toPage: (x: number, y: number) => [number, number]): Box {
  const pts = [toPage(c.x0, c.y0), toPage(c.x1, c.y0), toPage(c.x0, c.y1), toPage(c.x1, c.y1)]
  const xs = pts.map((p) => p[0])
  const ys = pts.map((p) => p[1])
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}


