// Finding the six sections. Headings are matched by ordinal and meaning, not by exact text,
// because real reports reword, truncate and drop ordinals (domain.md §3.1, SEC-TITLE). They are found
// where they stand: on a line of their own (also after markdown marks '##', '**', '>'), or inside a
// paragraph when the whole report came as one block (…联系。一、总体情况2021年，…). The six are then
// placed in template order by choosing the best-scoring increasing sequence, so that a sentence or a
// sub-heading that merely mentions a title does not take the place of the real heading.
import type { Line, SectionHit } from '../model.ts'
import type { TplSection } from '../template.ts'
import { looseHeading, titleAt, type HeadingCandidate, type TitleEntry } from './inlineTitle.ts'
import { labelCore, labelKey, similarity } from './normalize.ts'

export type { HeadingCandidate } from './inlineTitle.ts'

/** Words a section heading must contain when its wording differs from the template. */
export const SECTION_KEYWORDS: Record<string, string[]> = {
  // '一、概述' / '一、基本概况': the overview under an older or local name.
  S1: ['总体情况', '概述', '概况'],
  S2: ['主动公开'],
  S3: ['申请'],
  S4: ['复议', '诉讼'],
  S5: ['问题'],
  S6: ['其他', '事项']
}


/** Markdown and quoting marks before a heading ('## ', '> ', '- ', '**'); labelKey already drops '*' and '|'. */
const LEAD = /^[#>\-+]+/
const TRAIL = /#+$/

function headingKey(s: string): string {
  return labelKey(s).replace(LEAD, '').replace(TRAIL, '')
}

/** Chars labelKey drops (whitespace, '*', '|' and their full-width forms) or LEAD/TRAIL may strip ('#>-+' and the forms folding to them). */
const DROPPABLE = new Set([...'*|＊｜#＃>＞-－—–―+＋'].map((c) => c.charCodeAt(0)))

/**
 * True when the heading key of s is surely longer than n, told without folding: every char that is
 * neither whitespace nor droppable stays in the key. A paragraph is a line too: most lines are this.
 */
function keySurelyLonger(s: string, n: number): boolean {
  if (s.length <= n) return false
  let kept = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (DROPPABLE.has(c) || WS.test(s[i] as string)) continue
    if (++kept > n) return true
  }
  return false
}
const WS = /\s/

interface LineText {
  text: string
  start: number
  end: number
}

/** A character that trim() keeps: \s is trim()'s whitespace and line terminators. */
const NON_BLANK = /\S/

function lineText(line: Line): LineText | null {
  // The one or two non-blank cells picked without a filtered copy or trimmed strings: this runs for every line.
  let first: Line['cells'][number] | undefined
  let second: Line['cells'][number] | undefined
  for (let i = 0; i < line.cells.length; i++) {
    const c = line.cells[i] as Line['cells'][number]
    if (!NON_BLANK.test(c.text)) continue
    if (second) return null
    if (first) second = c
    else first = c
  }
  if (!first) return null
  return second ? { text: first.text + second.text, start: first.start, end: second.end } : { text: first.text, start: first.start, end: first.end }
}

/** Short lines (and cells of table rows that start with a section ordinal) that may be headings. */
function lineCandidates(lines: Line[]): LineText[] {
  const out: LineText[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line
    const lt = lineText(line)
    if (!lt) {
      // Some converters (word-extractor) put a heading on the same line as the table before it:
      // a cell that starts with a section ordinal is still a candidate.
      for (const c of line.cells) {
        if (keySurelyLonger(c.text, 40)) continue
        const key = headingKey(c.text)
        if (key.length <= 40 && /^[一二三四五六][、.]/.test(key)) out.push({ text: c.text, start: c.start, end: c.end })
      }
      continue
    }
    if (keySurelyLonger(lt.text, 40)) continue
    const key = headingKey(lt.text)
    if (key.length > 40) continue
    if (/^[一二三四五六][、.]$/.test(key) && i + 1 < lines.length) {
      const next = lineText(lines[i + 1] as Line)
      if (next && headingKey(next.text).length <= 40) {
        out.push({ text: lt.text + next.text, start: lt.start, end: next.end })
        continue
      }
    }
    out.push(lt)
  }
  return out
}

/** A candidate line's heading key and its core, computed once and compared with each section. */
interface Keyed {
  key: string
  core: string
}

function keyed(written: string): Keyed {
  const key = headingKey(written)
  return { key, core: labelCore(key) }
}

function classify(sec: TplSection, { key, core }: Keyed): HeadingCandidate['match'] {
  if (key === labelKey(sec.title)) return 'exact'
  if ((sec.title_variants_seen ?? []).some((v) => labelKey(v) === key)) return 'variant'
  if (core === labelCore(sec.title)) return 'no-ordinal'
  if (core.length >= 4 && labelCore(sec.title).startsWith(core)) return 'truncated'
  return 'reworded'
}

function hasOrdinal(sec: TplSection, key: string): boolean {
  return key.startsWith(`${sec.no}、`) || key.startsWith(`${sec.no}.`)
}

function keyMatches(sec: TplSection, { key, core }: Keyed): boolean {
  if (key.length > 40) return false
  const tplCore = labelCore(sec.title)
  if (hasOrdinal(sec, key)) {
    if (core.length === 0) return false
    if (similarity(core, tplCore) >= 0.5) return true
    return core.length <= 30 && (SECTION_KEYWORDS[sec.id] ?? []).some((k) => core.includes(k))
  }
  // Without its ordinal a heading must say almost exactly the template title.
  return core === tplCore || (core.length >= 4 && similarity(core, tplCore) >= 0.85)
}

const MATCH_SCORE: Record<HeadingCandidate['match'], number> = { exact: 10, variant: 9, truncated: 7, reworded: 6, 'no-ordinal': 5 }

function lineScore(sec: TplSection, { key }: Keyed, match: HeadingCandidate['match']): number {
  let s = MATCH_SCORE[match]
  // '（二）主动公开政府信息情况' is a sub-heading of section 一 far more often than a misnumbered section.
  if (match === 'no-ordinal' && /^[(（]/.test(key)) s -= 3
  if (match === 'reworded' && !hasOrdinal(sec, key)) s -= 2
  return s
}

/** Ordinals of the six sections (and of more parts: 七、其他需说明事项), written with or without spaces ('一、', '一 、', '一.', after folding '一．'). */
const ORDINAL = /[一二三四五六七八九十][ \t]*[、.]/g
/** Characters that make an ordinal part of a bigger number or a citation ('十二、', '第二、'). */
const NOT_BEFORE = /[一二三四五六七八九十百第(（]/

/** Template titles (and the variants seen) inside paragraphs: 'ordinal + title', found by one pass over the text. */
function inlineCandidates(norm: string, sections: TplSection[]): { sec: TplSection; cand: HeadingCandidate }[] {
  const byNo = new Map<string, TitleEntry>()
  for (const sec of sections) {
    const cores = [{ core: labelCore(sec.title), variant: false }, ...(sec.title_variants_seen ?? []).map((v) => ({ core: labelCore(v), variant: true }))]
    // Longest first: a variant that extends the title ('…工作存在的主要问题…') must win over a prefix.
    cores.sort((a, b) => b.core.length - a.core.length)
    byNo.set(sec.no, { sec, key: labelKey(sec.title), cores })
  }
  const out: { sec: TplSection; cand: HeadingCandidate }[] = []
  ORDINAL.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = ORDINAL.exec(norm))) {
    const at = m.index
    let b = at - 1
    while (b >= 0 && (norm[b] === ' ' || norm[b] === '\t')) b--
    if (b >= 0 && NOT_BEFORE.test(norm[b] as string)) continue
    const own = byNo.get(m[0][0] as string)
    const cand = own ? titleAt(norm, at, at + m[0].length, own) : null
    if (own && cand) {
      out.push({ sec: own.sec, cand })
      continue
    }
    const loose = looseHeading(norm, at, at + m[0].length, own, byNo)
    if (loose) {
      out.push(loose)
      continue
    }
    // A template title under another section's ordinal ('五、信息处理费收取情况…六、存在的主要问题和改进情况'): the
    // section is there, numbered differently (SEC-TITLE says so). Only a title read whole or with one edit, and
    // scored low, so the ordered chain takes it only where the section has no heading of its own.
    for (const other of byNo.values()) {
      if (other === own) continue
      const moved = titleAt(norm, at, at + m[0].length, other)
      if (!moved || moved.match === 'truncated') continue
      out.push({ sec: other.sec, cand: { ...moved, match: moved.match === 'exact' || moved.match === 'variant' ? 'no-ordinal' : 'reworded', score: 3, moved: true } })
      break
    }
  }
  // A title without its ordinal ('…止。总体情况2023年，…') counts only right after a sentence ends,
  // and only as a last resort: running text names sections too ('全文由总体情况、主动公开…组成').
  for (const sec of sections) {
    const core = labelCore(sec.title)
    for (let at = norm.indexOf(core); at >= 0; at = norm.indexOf(core, at + core.length)) {
      let b = at - 1
      while (b >= 0 && /[ \t*#>]/.test(norm[b] as string)) b--
      // '…）。一总体情况2020年，…': the ordinal written without its 、, right after a sentence ends.
      let from = at
      if (b >= 0 && norm[b] === sec.no) {
        let c = b - 1
        while (c >= 0 && /[ \t]/.test(norm[c] as string)) c--
        if (c < 0 || /[。；;！？!?\n]/.test(norm[c] as string)) {
          from = b
          b = c
        }
      }
      if (b >= 0 && !/[。；;！？!?\n]/.test(norm[b] as string)) continue
      // '总体情况良好' / '总体情况如下' is a sentence about the section, not its heading.
      if (/[如良较不是为的有及和与、，,。]/.test(norm[at + core.length] ?? '')) continue
      out.push({ sec, cand: { text: norm.slice(from, at + core.length), start: from, end: at + core.length, kind: 'inline', match: 'no-ordinal', score: from < at ? 4 : 2 } })
    }
  }
  out.sort((a, b) => a.cand.start - b.cand.start)
  return out
}

/** Every place in the text that may be the heading of each section, in text order. */
export function headingCandidates(lines: Line[], norm: string, sections: TplSection[]): Map<string, HeadingCandidate[]> {
  const out = new Map<string, HeadingCandidate[]>(sections.map((s) => [s.id, []]))
  const lineCands = lineCandidates(lines)
  const keys = lineCands.map((c) => keyed(c.text))
  for (const sec of sections) {
    const list = out.get(sec.id) as HeadingCandidate[]
    lineCands.forEach((c, i) => {
      const k = keys[i] as Keyed
      if (!keyMatches(sec, k)) return
      const match = classify(sec, k)
      list.push({ text: c.text, start: c.start, end: c.end, kind: 'line', match, score: lineScore(sec, k, match) })
    })
  }
  const inline = inlineCandidates(norm, sections)
  // A table of contents in the preface ('一、总体情况；二、主动公开…') lists the titles one right after another.
  const listed = inline.filter((x) => !x.cand.moved)
  for (let i = 0; i < listed.length; i++) {
    const a = listed[i] as { cand: HeadingCandidate }
    const next = listed[i + 1]
    if (next && next.cand.start - a.cand.end <= 12) a.cand.score -= 5
  }
  // A heading on its own line is also found inline: keep the line reading (both lists are in text order).
  const lineSpans = [...out.values()].flat().sort((a, b) => a.start - b.start)
  let k = 0
  for (const { sec, cand } of inline) {
    while (k < lineSpans.length && (lineSpans[k] as HeadingCandidate).end < cand.start) k++
    const l = lineSpans[k]
    if (l && l.start <= cand.start && l.end >= cand.start) continue
    ;(out.get(sec.id) as HeadingCandidate[]).push(cand)
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start)
  return out
}

interface Node {
  sec: number
  cand: HeadingCandidate
  total: number
  prev: Node | null
}

/**
 * The six sections in template order: among all candidates, the increasing sequence (sections may be
 * missing) with the highest total score. Linear in the number of candidates times six.
 */
export function findSections(lines: Line[], norm: string, sections: TplSection[], textLength: number): SectionHit[] {
  const cands = headingCandidates(lines, norm, sections)
  const all: { sec: number; cand: HeadingCandidate }[] = []
  sections.forEach((s, k) => {
    for (const c of cands.get(s.id) ?? []) all.push({ sec: k, cand: c })
  })
  all.sort((a, b) => a.cand.start - b.cand.start || a.sec - b.sec)
  // best[k]: the best chain whose last heading is section k or earlier, over candidates seen so far.
  const best: (Node | null)[] = sections.map(() => null)
  let i = 0
  while (i < all.length) {
    // Candidates starting at the same place cannot follow each other: settle them together.
    let j = i
    while (j < all.length && (all[j] as { cand: HeadingCandidate }).cand.start === (all[i] as { cand: HeadingCandidate }).cand.start) j++
    const made: Node[] = []
    for (let q = i; q < j; q++) {
      const { sec, cand } = all[q] as { sec: number; cand: HeadingCandidate }
      const prev = sec > 0 ? best[sec - 1] ?? null : null
      // Earlier candidates must end before this one starts; chains are built in start order, so checking the tail suffices.
      const usable = findUsable(prev, cand.start)
      made.push({ sec, cand, total: cand.score + (usable?.total ?? 0), prev: usable })
    }
    for (const n of made) {
      for (let k = n.sec; k < sections.length; k++) {
        const b = best[k]
        // Ties go to the later heading: a preface that names a section comes before the section itself.
        if (!b || n.total >= b.total) best[k] = n
      }
    }
    i = j
  }
  const chosen = new Map<number, HeadingCandidate>()
  for (let n = best[sections.length - 1] ?? null; n; n = n.prev) chosen.set(n.sec, n.cand)
  const hits: SectionHit[] = sections.map((sec, k) => {
    const c = chosen.get(k)
    if (!c) return { id: sec.id, found: false }
    return { id: sec.id, found: true, title: c.text, titleSpan: { start: c.start, end: c.end }, titleMatch: c.match, bodyStart: c.end }
  })
  const found = hits.filter((h) => h.found)
  found.forEach((h, k) => {
    const next = found[k + 1]
    h.bodyEnd = next?.titleSpan ? next.titleSpan.start : textLength
  })
  return hits
}

/** The best earlier link of a chain that ends before `start` (overlapping candidates are rare: a line read twice). */
function findUsable(n: Node | null, start: number): Node | null {
  let cur = n
  while (cur && cur.cand.end > start) cur = cur.prev
  return cur
}
