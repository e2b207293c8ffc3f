// Sentences and clauses of the narrative, split by char code: the splitters test every char of every
// report (statements.ts reads counts out of them).
import { isSpace } from '../../text/space.ts'

export interface Sentence {
  /** Offsets in the report text. */
  start: number
  end: number
  /** Folded text of [start, end); line breaks of a wrapped paragraph are replaced by spaces, or taken out
   *  where they cut a word (between two Chinese characters: '行政复' + '议'). */
  text: string
  /** Report offset of each character of `text` when a line break was taken out (else start + index). */
  at?: number[]
}

export interface Clause {
  /** Offsets in the report text. */
  start: number
  end: number
  text: string
  sentence: Sentence
  /** Index of the clause's first character in its sentence's text. */
  off: number
}

/** Report offset of character i of a sentence's text. */
export function offsetOf(sen: Sentence, i: number): number {
  if (!sen.at) return sen.start + i
  return i < sen.at.length ? (sen.at[i] as number) : sen.end
}

/** Report offset just after character i - 1 of a sentence's text (the end of a span [.., i)). */
export function endOf(sen: Sentence, i: number): number {
  if (!sen.at) return sen.start + i
  return i <= 0 ? offsetOf(sen, 0) : (sen.at[Math.min(i, sen.at.length) - 1] as number) + 1
}

/** Report offsets of [s, e) of a clause's text. */
export const clauseAt = (c: Clause, s: number): number => offsetOf(c.sentence, c.off + s)
export const clauseEnd = (c: Clause, e: number): number => endOf(c.sentence, c.off + e)

const SENTENCE_END = '。！？!?'
const CLAUSE_END = '，,；;'

/** SENTENCE_END and CLAUSE_END by char code: the splitters test every char of the narrative. */
const codes = (chars: string): Set<number> => new Set([...chars].map((c) => c.charCodeAt(0)))
const SENTENCE_END_CODES = codes(SENTENCE_END)
const CLAUSE_END_CODES = codes(CLAUSE_END)

/** Sentences of a paragraph's text; `at` maps its characters to report offsets when it is not start + i. */
export function splitSentences(start: number, text: string, out: Sentence[], at?: number[]): void {
  let s = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || SENTENCE_END_CODES.has(text.charCodeAt(i))) {
      const e = i < text.length ? i + 1 : i
      let a = s
      while (a < e && isSpace(text.charCodeAt(a))) a++
      if (e > a) {
        if (at) out.push({ start: at[a] as number, end: (at[e - 1] as number) + 1, text: text.slice(a, e), at: at.slice(a, e) })
        else out.push({ start: start + a, end: start + e, text: text.slice(a, e) })
      }
      s = e
    }
  }
}

const CLAUSES = new WeakMap<Sentence, Clause[]>()

/** Clauses of a sentence: split at commas and semicolons; made once per sentence (extract runs per topic list). */
export function clauses(sen: Sentence): Clause[] {
  const hit = CLAUSES.get(sen)
  if (hit) return hit
  const out: Clause[] = []
  let s = 0
  const t = sen.text
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || CLAUSE_END_CODES.has(t.charCodeAt(i))) {
      if (i > s) out.push({ start: offsetOf(sen, s), end: endOf(sen, i), text: t.slice(s, i), sentence: sen, off: s })
      s = i + 1
    }
  }
  CLAUSES.set(sen, out)
  return out
}
