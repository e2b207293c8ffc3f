// What a report states in words, for the rules that hold the text against the tables (TXT-*).
//
// A count is only taken from an explicit statement: a number bound to its subject and verb inside one
// clause (收到…申请 N 件, 结转 N 件, 行政复议 N 件). A negation binds to what it negates: in
// '未发生因依申请公开被行政复议纠错或行政诉讼败诉情形' it negates 纠错/败诉, which says nothing about
// how many applications or appeals there were. Lines that look like table rows or header cells are
// never read as narrative. Every scan here is linear: literal anchors, bounded gaps, a number scanner.
import type { ReportCtx } from '../types.ts'
import { numberTokens, type NumToken } from './cnnum.ts'
import { sentences } from './narrativeSentences.ts'
import { otherYear } from './narrative.ts'
import { otherBody } from './scope.ts'
import { clauseAt, clauseEnd, clauses, type Clause } from './split.ts'

export { clauseAt, clauseEnd, clauses, type Clause, type Sentence } from './split.ts'
export { sentenceRanges, sentences, sentencesIn } from './narrativeSentences.ts'

/** Words that qualify a count as one outcome of an appeal, not the number of appeals. */
export const OUTCOME = /纠错|纠正|败诉|胜诉|撤销|驳回|确认违法|维持|责令|审结|结果|改变|被改|赔偿/
/** Negations; 未经 (without going through), 无正当理由 and the like negate nothing countable. */
const NEG = /(?:未曾|尚未|均未|暂未|暂无|没有|未|无)(?!经|正当|明确|法定|按时|按期|超期|逾期|一例外|差错)/g

export interface Anchor {
  topic: string
  start: number
  end: number
  /** The number may come before the anchor ('1件…行政复议', '31件结转下一年'). */
  after?: boolean
}

export interface TopicSpec {
  id: string
  /** Topic the statement is about, when several specs state the same count (default: id); a function
   *  decides from the words before the number (null: no statement). */
  as?: string | ((clause: Clause, at: number) => string | null)
  /** Extra condition on a bound anchor (e.g. a verb without its object needs 申请 earlier in the sentence);
   *  start and end (in the clause) span the anchor and its number. */
  accept?: (clause: Clause, start: number, end: number) => boolean
  /** Phrases naming the subject (and verb) of a count; bounded repetition only. */
  anchors: RegExp[]
  /** Counting words of this topic. */
  units: string
  /** Maximal gap between the anchor and the number after it. */
  gap?: number
  /** Words that must not stand between the anchor and its number (they make it a part, not the total). */
  partWords?: RegExp
  /** What alone may stand between the anchor and a number after it (the whole gap must match): other words
   *  make the subject a modifier of something else ('行政复议工作会议3次', '上年结转的整改问题3个'). */
  between?: RegExp
  /** The number may stand before the anchor (with at most this gap). */
  before?: number
  /** For a number before the anchor: what may follow the anchor. The number counts the last noun of its phrase,
   *  so the anchor must end it ('1起行政复议，' but not '3次行政诉讼应诉培训'). */
  follows?: RegExp
  /** A negation of this subject means zero. */
  zeroable?: boolean
  /** A mention of the subject that states no count by itself: a number next to it is only noted. */
  mentionOnly?: boolean
  /** Why a number next to this subject was not compared (note). */
  unclearWhy?: string
  /** Reject an anchor found in this clause (e.g. an application anchor in a clause about appeals). */
  rejectClause?: RegExp
}

export interface Statement {
  topic: string
  value: number
  /** Offsets in the report text of the clause part that states it. */
  start: number
  end: number
  /** The anchor text (verb and subject). */
  said: string
  zero?: boolean
}

export interface Extraction {
  stmts: Statement[]
  /** Sentences that mention a subject with a number but do not state a count of it (shown in notes). */
  unclear: { start: number; end: number; why: string }[]
  /** Statements left out because they are about another year or a comparison. */
  otherYears: { start: number; end: number; why: string }[]
}

/** Global twins of the anchor patterns, made once per pattern. */
const GLOBAL = new WeakMap<RegExp, RegExp>()

// Index loops, not for…of: this runs for every clause × topic × anchor, and with TurboFan off while
// reading (ingest/jitTier.ts) each step of an array iterator allocated its result (a fifth of a report's
// iterator garbage).
function anchorsIn(c: Clause, topics: TopicSpec[]): Anchor[] {
  const out: Anchor[] = []
  for (let ti = 0; ti < topics.length; ti++) {
    const t = topics[ti] as TopicSpec
    if (t.rejectClause?.test(c.text)) continue
    for (let ri = 0; ri < t.anchors.length; ri++) {
      const re = t.anchors[ri] as RegExp
      let g = GLOBAL.get(re)
      if (!g) GLOBAL.set(re, (g = new RegExp(re.source, 'g')))
      g.lastIndex = 0
      let m: RegExpExecArray | null
      while ((m = g.exec(c.text))) {
        if (m[0].length === 0) {
          g.lastIndex++
          continue
        }
        out.push({ topic: t.id, start: m.index, end: m.index + m[0].length, after: t.before !== undefined })
      }
    }
  }
  // Overlapping anchors: the longest wins (受理…申请 over 申请).
  out.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: Anchor[] = []
  for (let ai = 0; ai < out.length; ai++) {
    const a = out[ai] as Anchor
    const last = kept[kept.length - 1]
    if (last && a.start < last.end) {
      if (a.end - a.start > last.end - last.start) kept[kept.length - 1] = a
      continue
    }
    kept.push(a)
  }
  return kept
}

/** Separators of a list of subjects ('行政复议、行政诉讼'). */
/** Clauses longer than this are not sentences of a report (garbled or hostile text): not read. */
const MAX_CLAUSE = 400

/** '20个工作日内予以答复', '3个月': the number counts days or months, never applications or appeals. */
const DURATION = /^\s{0,2}(?:工作日|自然日|日内|天|小时|月|星期|周)/

/** '行政复议、行政诉讼均为0' (no counting word after the 0). */
const ZERO_AFTER = /^[^，。；\d]{0,6}?(?:均|都|各)?(?:为|是)\s*(?:0|零)(?![\d.件])/

/** '受理办结' / '收到并答复': received and answered, one verb for two stages of the same applications. */
const RECEIVED_ANSWERED = /^(?:受理|收到|接收)(?:办结|答复)$/
const LIST_GAP = /^[、和及与或以及]{1,2}$|^[、和及与或]?(?:提起|被申请|发生|引发)?$/

/**
 * Extract the explicit statements of the topics from the narrative. A number is bound to the anchor
 * right before it (gap without another number, anchor or part word) or, where the topic allows it, right
 * after it; a negation gives 0 to the subjects it governs when no outcome word (纠错, 败诉 …) follows them.
 */
export function extract(ctx: ReportCtx, topics: TopicSpec[]): Extraction {
  const res: Extraction = { stmts: [], unclear: [], otherYears: [] }
  const byId = new Map(topics.map((t) => [t.id, t]))
  const units = [...new Set(topics.flatMap((t) => [...t.units]))].join('')
  for (const sen of sentences(ctx)) {
    for (const c of clauses(sen)) {
      if (c.text.length > MAX_CLAUSE) continue
      const anchors = anchorsIn(c, topics)
      if (!anchors.length) continue
      const nums = numberTokens(c.text, units).filter((n) => !DURATION.test(c.text.slice(n.end, n.end + 4)))
      const boundNum = new Set<NumToken>()
      const boundAnchor = new Set<Anchor>()
      const push = (topic: string, value: number, s: number, e: number, said: string, zero?: boolean): void => {
        const start = clauseAt(c, s)
        const end = clauseEnd(c, e)
        const why = otherYear(ctx, start, end) ?? otherBody(ctx, sen, c.off + e)
        const spec = byId.get(topic) as TopicSpec
        if (spec.accept && !spec.accept(c, s, e)) return
        const as = typeof spec.as === 'function' ? spec.as(c, s) : (spec.as ?? topic)
        if (as === null) return
        if (why) res.otherYears.push({ start, end, why })
        else res.stmts.push({ topic: as, value, start, end, said, ...(zero ? { zero } : {}) })
      }
      // Number after its anchor.
      for (const a of anchors) {
        const t = byId.get(a.topic) as TopicSpec
        if (t.mentionOnly) continue
        const n = nums.find((x) => x.start >= a.end && !boundNum.has(x))
        if (!n || !t.units.includes(n.unit)) continue
        const gap = c.text.slice(a.end, n.start)
        if (gap.length > (t.gap ?? 12)) continue
        if (anchors.some((o) => o !== a && o.start >= a.end && o.start < n.start)) continue
        if (t.partWords?.test(gap)) continue
        if (t.between && !t.between.test(gap)) {
          // The subject qualifies another noun, and the number counts that noun: no count of the subject.
          boundAnchor.add(a)
          boundNum.add(n)
          continue
        }
        // '行政复议、行政诉讼均为0件': the number counts each subject of the list before it.
        const list = [a]
        for (let k = anchors.indexOf(a) - 1; k >= 0; k--) {
          const p = anchors[k] as Anchor
          const sep = c.text.slice(p.end, list[0]!.start)
          if (!LIST_GAP.test(sep) || boundAnchor.has(p)) break
          list.unshift(p)
        }
        // '共受理办结2件': two stages of the same applications written as one verb; the number counts each.
        const oneVerb = list.length === 2 && RECEIVED_ANSWERED.test(c.text.slice(list[0]!.start, a.end))
        const multi = list.length > 1 && (/[均各都]/.test(gap) || n.value === 0 || oneVerb)
        boundNum.add(n)
        boundAnchor.add(a)
        // '行政复议、行政诉讼案件共计15件': one number after a list counts the list together, not any one
        // subject of it (a total of 0 is 0 for each, handled above as multi).
        if (list.length > 1 && !multi) {
          for (const x of list) boundAnchor.add(x)
          res.unclear.push({ start: clauseAt(c, list[0]!.start), end: clauseEnd(c, n.end), why: '为几类合计的件数' })
          continue
        }
        for (const x of multi ? list : [a]) {
          boundAnchor.add(x)
          push(x.topic, n.value, x.start, n.end, c.text.slice(x.start, x.end))
        }
      }
      // Number before its anchor ('有1件涉及政府信息公开工作的行政复议', '31件结转下一年').
      for (const a of anchors) {
        if (boundAnchor.has(a) || !a.after) continue
        const t = byId.get(a.topic) as TopicSpec
        if (t.mentionOnly) continue
        const cands = nums.filter((x) => x.end <= a.start && !boundNum.has(x))
        const n = cands[cands.length - 1]
        if (!n || !t.units.includes(n.unit)) continue
        const gap = c.text.slice(n.end, a.start)
        if (gap.length > (t.before ?? 0) || /\d/.test(gap)) continue
        // A bare mention between them ('3件申请均已办结') does not separate a number from its subject.
        if (anchors.some((o) => o !== a && o.start >= n.end && o.end <= a.start && !byId.get(o.topic)?.mentionOnly)) continue
        if (t.partWords?.test(gap)) continue
        if (t.follows && !t.follows.test(c.text.slice(a.end, a.end + 4))) {
          boundNum.add(n)
          boundAnchor.add(a)
          continue
        }
        boundNum.add(n)
        boundAnchor.add(a)
        push(a.topic, n.value, n.start, a.end, c.text.slice(a.start, a.end))
      }
      // '…均为0' / '…为零' without a counting word.
      for (const a of anchors) {
        if (boundAnchor.has(a) || !byId.get(a.topic)?.zeroable) continue
        const z = ZERO_AFTER.exec(c.text.slice(a.end, a.end + 12))
        if (!z) continue
        const list = [a]
        for (let k = anchors.indexOf(a) - 1; k >= 0; k--) {
          const p = anchors[k] as Anchor
          if (!LIST_GAP.test(c.text.slice(p.end, list[0]!.start)) || boundAnchor.has(p)) break
          list.unshift(p)
        }
        for (const x of /[均都各]/.test(z[0]) ? list : [a]) {
          boundAnchor.add(x)
          push(x.topic, 0, x.start, a.end + z[0].length, c.text.slice(x.start, x.end), true)
        }
      }
      // Negations.
      NEG.lastIndex = 0
      let m: RegExpExecArray | null
      while ((m = NEG.exec(c.text))) {
        const n0 = m.index
        const n1 = n0 + m[0].length
        // Subjects governed: the anchors after the negation, up to an outcome word or a number.
        const after = anchors.filter((a) => a.start >= n1 && !boundAnchor.has(a))
        const governed: Anchor[] = []
        let pos = n1
        for (const a of after) {
          const between = c.text.slice(pos, a.start)
          if (between.length > (governed.length ? 6 : 24) || OUTCOME.test(between) || /\d/.test(between)) break
          if (governed.length && !LIST_GAP.test(between) && !/^[、和及与或]/.test(between)) break
          governed.push(a)
          pos = a.end
        }
        if (!governed.length) {
          // '行政复议、行政诉讼均未发生': the subjects stand before the negation.
          const before = anchors.filter((a) => a.end <= n0 && !boundAnchor.has(a))
          let end = n0
          for (let k = before.length - 1; k >= 0; k--) {
            const a = before[k] as Anchor
            const between = c.text.slice(a.end, end)
            if (between.length > (governed.length ? 6 : 8) || OUTCOME.test(between) || /\d/.test(between)) break
            governed.unshift(a)
            end = a.start
          }
          const rest = c.text.slice(n1, n1 + 8)
          if (!governed.length || !/^(?:发生|收到|受理|产生|出现|涉及)/.test(rest)) continue
        }
        // What follows the last subject: an outcome word there means the negation is about the outcome.
        const tail = c.text.slice(governed[governed.length - 1]!.end)
        const outcome = OUTCOME.exec(tail)
        if (outcome) {
          res.unclear.push({ start: clauseAt(c, n0), end: c.end, why: `否定的是“${outcome[0]}”，不是件数` })
          for (const a of governed) boundAnchor.add(a)
          continue
        }
        for (const a of governed) {
          boundAnchor.add(a)
          if (!byId.get(a.topic)?.zeroable) continue
          push(a.topic, 0, Math.min(n0, a.start), Math.max(a.end, n1), c.text.slice(a.start, a.end), true)
        }
      }
      // Anchors with a number nearby that was not bound: the sentence does not say which count it is.
      for (const a of anchors) {
        if (boundAnchor.has(a)) continue
        const t = byId.get(a.topic) as TopicSpec
        const near = nums.find((x) => !boundNum.has(x) && Math.abs(x.start - a.end) <= 16 && t.units.includes(x.unit))
        // A number the topic would not take anyway ('收到人大代表建议3件') is about something else, not unclear.
        if (near && t.accept && !t.accept(c, Math.min(a.start, near.start), Math.max(a.end, near.end))) continue
        if (near) {
          boundNum.add(near)
          res.unclear.push({ start: clauseAt(c, Math.min(a.start, near.start)), end: clauseEnd(c, Math.max(a.end, near.end)), why: t.unclearWhy ?? '未说明所写件数是哪一项' })
        }
      }
    }
  }
  return res
}
