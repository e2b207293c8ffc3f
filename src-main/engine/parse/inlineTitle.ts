// Reading a section title inside a paragraph (a crawler's one-paragraph text, 'ordinal + title' glued to its
// body): how much of the template's title the text spells from an ordinal on, where the written title ends,
// and the few reworded or renumbered headings read by their keywords. Split from sections.ts, which orders them.
import type { SectionHit } from '../model.ts'
import type { TplSection } from '../template.ts'
import { labelCore } from './normalize.ts'

/** A place where a section heading may stand. */
export interface HeadingCandidate {
  text: string
  start: number
  end: number
  /** 'line': a line (or two, '二、' + title) of its own; 'inline': an ordinal and a template title inside a paragraph. */
  kind: 'line' | 'inline'
  match: NonNullable<SectionHit['titleMatch']>
  /** Preference when several places read as the same heading. */
  score: number
  /** Read under another part's ordinal or by keyword only: never taken as the next title of a table of contents. */
  moved?: true
}

/** Characters skipped when comparing a title inside running text: spaces, markdown, punctuation. */
const SKIP = /[\s*|#，,。.、:：;；()（）"'-]/

/**
 * End (exclusive) of `core` read in norm from `from` on, skipping SKIP characters on the text side;
 * -1 when the text says something else. Linear in the title length.
 */
function readTitle(norm: string, from: number, core: string): number {
  const r = readPrefix(norm, from, core)
  return r.n === core.length ? r.end : -1
}

/** How much of `core` the text spells from `from` on (n characters), and where that ends. */
function readPrefix(norm: string, from: number, core: string): { n: number; end: number } {
  let i = from
  let n = 0
  let end = from
  for (const ch of core) {
    while (i < norm.length && SKIP.test(norm[i] as string)) i++
    if (norm[i] !== ch) break
    i++
    n++
    end = i
  }
  return { n, end }
}

/**
 * End of `core` read from where `part` stopped, past one extra or one wrong character of the text; -1 when
 * the rest of the title does not follow.
 */
function oneEdit(norm: string, part: { n: number; end: number }, core: string): number {
  if (part.n >= core.length) return -1
  let skip = part.end
  while (skip < norm.length && SKIP.test(norm[skip] as string)) skip++
  const extra = readTitle(norm, skip + 1, core.slice(part.n))
  if (extra > 0) return extra
  return part.n + 1 < core.length ? readTitle(norm, skip + 1, core.slice(part.n + 1)) : -1
}

/** End of the run of Chinese characters from `from` on, at most `max` of them. */
function wordsEnd(norm: string, from: number, max: number): number {
  let i = from
  while (i < norm.length && i - from < max && /[\u4e00-\u9fff]/.test(norm[i] as string)) i++
  return i
}


export interface TitleEntry {
  sec: TplSection
  key: string
  cores: { core: string; variant: boolean }[]
}

/** The heading that the ordinal at `at` (its title read from `from`) starts, read against one section's title; null if none. */
export function titleAt(norm: string, at: number, from: number, entry: TitleEntry): HeadingCandidate | null {
  for (const { core, variant } of entry.cores) {
    const end = readTitle(norm, from, core)
    if (end < 0) continue
    const written = norm.slice(at, end)
    // norm is already folded: only spaces and marks stand between the written title and its key.
    const exact = written.replace(/[\s*|]+/g, '') === entry.key
    return { text: written, start: at, end, kind: 'inline', match: exact ? 'exact' : variant ? 'variant' : 'exact', score: 8 }
  }
  const core = labelCore(entry.sec.title)
  const part = readPrefix(norm, from, core)
  if (part.n >= Math.max(6, Math.ceil(0.75 * core.length))) {
    // '五、存在的主要问题及改进措施2023年，…': the title's last word rewritten, not cut; a title cut short runs
    // on into long text ('…行政诉讼情行政复议行政诉讼结果维持…'), a rewritten one ends after a word or two.
    // The same when the body is glued on in Chinese ('…及改进措施今年以来，…'): the title's last word (two
    // characters) replaced by another two.
    const run = wordsEnd(norm, part.end, 4)
    const swapped = core.length - part.n === 2 && run - part.end >= 2
    if (swapped || (run > part.end && run - part.end <= 3 && !/[\u4e00-\u9fff]/.test(norm[run] ?? ''))) {
      const end = swapped ? part.end + 2 : run
      return { text: norm.slice(at, end), start: at, end, kind: 'inline', match: 'reworded', score: 6 }
    }
    // A title cut short inside a paragraph ('四、政府信息公开行政复议、行政诉讼情行政复议…'): most of it, in order.
    return { text: norm.slice(at, part.end), start: at, end: part.end, kind: 'inline', match: 'truncated', score: 6 }
  }
  // The whole title with one character added or miswritten ('四、政府信息公开行政法复议、行政诉讼情况'): the
  // heading, written differently (SEC-TITLE says so). Only for a title that is long and matched on both sides.
  const typo = oneEdit(norm, part, core)
  if (typo > 0 && part.n >= 4 && core.length >= 10) {
    return { text: norm.slice(at, typo), start: at, end: typo, kind: 'inline', match: 'reworded', score: 6 }
  }
  // A title 'A及B' that keeps its whole first clause and rewrites the second ('五、存在的主要问题及明年工作计划2024年，…'
  // in a crawler's one-paragraph text): the section starts at the ordinal. A title broken inside a clause
  // ('行政法律复议') is no heading. The written title runs on over Chinese words up to the first digit, mark
  // or space (where the glued body starts). Scored below every other reading, so the ordered chain takes it
  // only where the section has no better heading.
  if (part.n >= 6 && /[及和与]/.test(core[part.n - 1] ?? '')) {
    const end = wordsEnd(norm, part.end, core.length - part.n + 6)
    return { text: norm.slice(at, end), start: at, end, kind: 'inline', match: 'reworded', score: 4 }
  }
  return null
}

/** The problems part and the last part, by their section keywords, when their headings are reworded (see looseHeading). */
const S5_ID = 'S5'
const S6_ID = 'S6'

/**
 * Headings the template's wording does not reach, read only where a glued paragraph leaves no doubt about
 * where the title ends (at its keyword) and scored below every other reading: '五、当前存在的突出问题过去一年中…'
 * (the problems part, under its own ordinal) and '七、其他需说明事项2025年度…' (the last part, under any ordinal).
 */
export function looseHeading(norm: string, at: number, from: number, own: TitleEntry | undefined, byNo: Map<string, TitleEntry>): { sec: TplSection; cand: HeadingCandidate } | null {
  // '五、当前存在的突出问题过去一年中，…': the problems part retitled, its body glued on; the title ends at 问题.
  if (own?.sec.id === S5_ID) {
    const p = norm.slice(from, from + 12).indexOf('问题')
    const stop = from + p + 2
    if (p >= 2 && wordsEnd(norm, from, 12) >= stop) {
      return { sec: own.sec, cand: { text: norm.slice(at, stop), start: at, end: stop, kind: 'inline', match: 'reworded', score: 2, moved: true } }
    }
  }
  // '六、其他需报告的事项本年度…', '七、其他需说明事项2025年度…': the last part, under any ordinal; the title ends at 事项.
  const last = [...byNo.values()].find((e) => e.sec.id === S6_ID)
  if (last && norm.startsWith('其他', from)) {
    const p = norm.slice(from, from + 10).indexOf('事项')
    const stop = from + p + 2
    if (p >= 2 && wordsEnd(norm, from, 10) >= stop) {
      return { sec: last.sec, cand: { text: norm.slice(at, stop), start: at, end: stop, kind: 'inline', match: 'reworded', score: 3, moved: true } }
    }
  }
  return null
}
