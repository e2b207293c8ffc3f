// The narrative sentences of a report: the text outside the tables, split into paragraphs and sentences, with
// table rows written as text and runs of header cells left out, and the lines of a wrapped paragraph joined.
// The statements of the TXT-* rules (statements.ts) and the phrase rules read these.
import type { ReportCtx } from '../types.ts'
import { narrativeRanges } from './narrative.ts'
import { splitSentences, type Sentence } from './split.ts'

/** A line that ends a paragraph: closing punctuation (a colon introduces what follows on its own line). */
const PARA_END = /[。；;！？!?：:]\s*$/
/** A heading or list item opens a new paragraph. */
const HEADING = /^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d))/

/** Table rows written as text: cells separated by tabs or pipes. */
function tableLike(line: string): boolean {
  if (line.includes('\t')) return true
  let pipes = 0
  for (let i = 0; i < line.length && pipes < 2; i++) if (line[i] === '|') pipes++
  return pipes >= 2
}

/** A short line without any punctuation: a header cell or a label (未经复议直接起诉, 总计). */
function labelLike(line: string): boolean {
  const t = line.trim()
  return t.length > 0 && t.length <= 16 && !/[。，,；;：:！？!?]/.test(t)
}

const CACHE = new WeakMap<object, Sentence[]>()

/** A Chinese character (CJK unified ideographs): a line break between two of them cuts a word. */
const isHan = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff

/**
 * The sentences of a paragraph's lines (consecutive in the text, one line break apart). A break between two
 * Chinese characters is where a PDF or a converted page wrapped a word ('行政复' / '议'): it is taken out and
 * the characters keep their report offsets; any other break reads as a space (same length, no map).
 */
function joinLines(start: number, parts: string[], out: Sentence[]): void {
  const text = parts.join('\n')
  let cut = false
  for (let i = text.indexOf('\n'); i >= 0 && !cut; i = text.indexOf('\n', i + 1)) {
    cut = i > 0 && isHan(text.charCodeAt(i - 1)) && isHan(text.charCodeAt(i + 1))
  }
  if (!cut) {
    splitSentences(start, text.replace(/\n/g, ' '), out)
    return
  }
  const chars: string[] = []
  const at: number[] = []
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === '\n') {
      if (i > 0 && isHan(text.charCodeAt(i - 1)) && isHan(text.charCodeAt(i + 1))) continue
      chars.push(' ')
    } else chars.push(ch)
    at.push(start + i)
  }
  splitSentences(start, chars.join(''), out, at)
}

/**
 * Sentences of the narrative (outside the table spans), with the lines of a wrapped paragraph joined.
 * Table-like lines and runs of two or more label-like lines (cells of a table the reader did not
 * recognise) are left out.
 */
export function sentences(ctx: ReportCtx): Sentence[] {
  const hit = CACHE.get(ctx.report)
  if (hit) return hit
  const norm = ctx.report.norm
  const out: Sentence[] = []
  const titles = ctx.report.sections.flatMap((x) => (x.found && x.titleSpan ? [x.titleSpan] : []))
  for (const r of narrativeRanges(ctx)) {
    // Lines of the range.
    const lines: { start: number; end: number; text: string }[] = []
    for (let i = r.start; i < r.end; ) {
      let j = norm.indexOf('\n', i)
      if (j < 0 || j > r.end) j = r.end
      lines.push({ start: i, end: j, text: norm.slice(i, j) })
      i = j + 1
    }
    // A section heading (六、其他需要报告的事项) is short and unpunctuated like a cell, but it is a heading:
    // never a cell, never joined to the line after it.
    const heading = lines.map((l) => titles.some((t) => t.start < l.end && t.end > l.start))
    const skip = lines.map((l) => tableLike(l.text))
    lines.forEach((l, k) => {
      if (heading[k] || !labelLike(l.text)) return
      const near = (x: number): boolean => {
        const n = lines[x]
        return !!n && !heading[x] && (skip[x] || labelLike(n.text))
      }
      if (near(k - 1) || near(k + 1)) skip[k] = true
    })
    // Paragraphs: consecutive kept lines, joined while a line does not end a paragraph.
    let para: { start: number; parts: string[]; end: number } | null = null
    const flush = (): void => {
      if (para) joinLines(para.start, para.parts, out)
      para = null
    }
    lines.forEach((l, k) => {
      if (skip[k] || !l.text.trim()) {
        flush()
        return
      }
      if (para && (HEADING.test(l.text) || para.end !== l.start - 1)) flush()
      if (!para) para = { start: l.start, parts: [], end: l.start - 1 }
      para.parts.push(l.text)
      para.end = l.end
      if (heading[k] || PARA_END.test(l.text)) flush()
    })
    flush()
  }
  CACHE.set(ctx.report, out)
  return out
}

/** The narrative sentences as ranges (for rules that match phrases rather than counts). */
export function sentenceRanges(ctx: ReportCtx): { start: number; end: number }[] {
  return sentences(ctx).map((s) => ({ start: s.start, end: s.end }))
}

/**
 * Narrative sentences inside [from, to), each with `joined`: its text with the line breaks of a wrapped
 * paragraph taken out, so that a phrase a PDF wrapped (未收取信息处 + 理费) still reads as one word.
 */
export function sentencesIn(ctx: ReportCtx, from: number, to: number): (Sentence & { joined: string })[] {
  return sentences(ctx)
    .filter((s) => s.start >= from && s.end <= to)
    .map((s) => ({ ...s, joined: ctx.report.norm.slice(s.start, s.end).replace(/[\r\n]/g, '') }))
}
