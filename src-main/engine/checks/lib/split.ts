// Sentences and clauses of the narrative, split by char code: the splitters test every char of every
// report (statements.ts reads counts out of them).
import { isSpace } from '../../text/space.ts'

export interface Sentence {
  /** Offsets in the report text. */
  start: number
  end: number
  /** Folded text of [start, end); line breaks of a wrapped paragraph are replaced by spaces (same length). */
  text: string
}

export interface Clause {
  /** Offsets in the report text. */
  start: number
  end: number
  text: string
  sentence: Sentence
}

const SENTENCE_END = '。！？!?'
const CLAUSE_END = '，,；;'

/** SENTENCE_END and CLAUSE_END by char code: the splitters test every char of the narrative. */
const codes = (chars: string): Set<number> => new Set([...chars].map((c) => c.charCodeAt(0)))
const SENTENCE_END_CODES = codes(SENTENCE_END)
const CLAUSE_END_CODES = codes(CLAUSE_END)

export function splitSentences(start: number, text: string, out: Sentence[]): void {
  let s = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || SENTENCE_END_CODES.has(text.charCodeAt(i))) {
      const e = i < text.length ? i + 1 : i
      let a = s
      while (a < e && isSpace(text.charCodeAt(a))) a++
      if (e > a) out.push({ start: start + a, end: start + e, text: text.slice(a, e) })
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
      if (i > s) out.push({ start: sen.start + s, end: sen.start + i, text: t.slice(s, i), sentence: sen })
      s = i + 1
    }
  }
  CLAUSES.set(sen, out)
  return out
}
