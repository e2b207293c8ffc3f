// A text span (offsets in the document text) -> the boxes it covers on the PDF pages, from the runs the
// reader placed (lineBoxes.ts). A run only partly inside the span is cut along its width in proportion to
// the characters before and inside the span (a full-width character counts twice a Latin one), which is
// what a line of one font looks like; runs next to each other on one line are joined into one box.
import type { Box, PageBox } from '../../shared/vocabulary.ts'
import type { LineBox } from './lineBoxes.ts'

/** A whole section quoted as evidence would cover pages; its first lines are enough to show where it is. */
const MAX_BOXES = 200

/** Display width of a character in ems: full-width (CJK, full-width punctuation) 1, anything else half. */
function charWidth(code: number): number {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) ? 1 : 0.5
}

/** Share of a run's width before offset `at` (run.start <= at <= run.end). */
function widthShare(run: LineBox, at: number, text: string | undefined): number {
  const len = run.end - run.start
  if (at <= run.start) return 0
  if (at >= run.end) return 1
  if (!text || text.length < run.end) return (at - run.start) / len
  let before = 0
  let all = 0
  for (let i = run.start; i < run.end; i++) {
    const w = charWidth(text.charCodeAt(i))
    all += w
    if (i < at) before += w
  }
  return all > 0 ? before / all : (at - run.start) / len
}

/** First run whose end is after `start` (runs sorted by start, not overlapping). */
function firstRun(runs: readonly LineBox[], start: number): number {
  let lo = 0
  let hi = runs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((runs[mid] as LineBox).end <= start) lo = mid + 1
    else hi = mid
  }
  return lo
}

const r2 = (n: number): number => Math.round(n * 100) / 100

/** On one page and one line, and close enough that one highlight reads better than two. */
function joinable(a: PageBox, b: PageBox): boolean {
  if (a.page !== b.page) return false
  const h = Math.min(a.box[3] - a.box[1], b.box[3] - b.box[1])
  const overlap = Math.min(a.box[3], b.box[3]) - Math.max(a.box[1], b.box[1])
  if (h <= 0 || overlap < 0.6 * h) return false
  const gap = Math.max(a.box[0], b.box[0]) - Math.min(a.box[2], b.box[2])
  return gap < 2 * h
}

/**
 * The boxes of [start, end) on the pages, in text order; none when no placed run covers it (text of a
 * Word file, a version read before the runs were kept). `text` (the document text) makes the cut of a
 * partly covered run follow character widths; without it characters count alike.
 */
export function spanBoxes(runs: readonly LineBox[], start: number, end: number, text?: string): PageBox[] {
  const out: PageBox[] = []
  if (!(end > start)) return out
  for (let i = firstRun(runs, start); i < runs.length && out.length < MAX_BOXES; i++) {
    const run = runs[i] as LineBox
    if (run.start >= end) break
    const a = Math.max(start, run.start)
    const z = Math.min(end, run.end)
    if (z <= a) continue
    const [x0, y0, x1, y1] = run.box
    const w = x1 - x0
    const box: Box = [r2(x0 + w * widthShare(run, a, text)), r2(y0), r2(x0 + w * widthShare(run, z, text)), r2(y1)]
    const next: PageBox = { page: run.page, box }
    const prev = out[out.length - 1]
    if (prev && joinable(prev, next)) {
      prev.box = [Math.min(prev.box[0], box[0]), Math.min(prev.box[1], box[1]), Math.max(prev.box[2], box[2]), Math.max(prev.box[3], box[3])]
    } else out.push(next)
  }
  return out
}
