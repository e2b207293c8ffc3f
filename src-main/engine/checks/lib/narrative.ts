// Helpers for the rules that read a report's narrative (document, section and text-vs-table rules).
// Matching always runs on the folded text (ctx.report.norm: simplified, half-width, same offsets as
// ctx.text), so every match offset can be shown in the original as evidence.
import { foldText } from '../../parse/normalize.ts'
import { textEvidence } from '../evidence.ts'
import type { Evidence, ReportCtx, SectionText } from '../types.ts'

export interface Range {
  start: number
  end: number
}

export interface Match {
  start: number
  end: number
  m: RegExpExecArray
}

/** Section body without the 落款 (issuing body and date) when the signature falls inside it (last section). */
export function sectionBody(ctx: ReportCtx, id: string): SectionText | null {
  const s = ctx.section(id)
  if (!s) return null
  let end = s.end
  for (const sp of [ctx.report.signBody?.span, ctx.report.signDate?.span]) {
    if (sp && sp.start >= s.start && sp.start < end) end = sp.start
  }
  if (end === s.end) return s
  return { ...s, end, text: ctx.text.slice(s.start, end), norm: ctx.report.norm.slice(s.start, end) }
}

/** Spans of the tables that were found. */
export function tableRanges(ctx: ReportCtx): Range[] {
  const out: Range[] = []
  for (const t of Object.values(ctx.report.tables)) if (t.found && t.span) out.push({ start: t.span.start, end: t.span.end })
  return out.sort((a, b) => a.start - b.start)
}

/** [from, to) without the tables: the places where a report states things in words. */
export function narrativeRanges(ctx: ReportCtx, from = 0, to = ctx.text.length): Range[] {
  let parts: Range[] = [{ start: from, end: to }]
  for (const t of tableRanges(ctx)) {
    const next: Range[] = []
    for (const p of parts) {
      if (t.end <= p.start || t.start >= p.end) next.push(p)
      else {
        if (t.start > p.start) next.push({ start: p.start, end: t.start })
        if (t.end < p.end) next.push({ start: t.end, end: p.end })
      }
    }
    parts = next
  }
  return parts.filter((p) => p.end > p.start)
}

/** The preface: text after the title and before section 一 (null when there is none). */
export function preface(ctx: ReportCtx): Range | null {
  const s1 = ctx.report.sections.find((s) => s.id === 'S1')
  if (!s1?.found || !s1.titleSpan) return null
  const start = ctx.report.title && ctx.report.title.span.end <= s1.titleSpan.start ? ctx.report.title.span.end : 0
  const end = s1.titleSpan.start
  return end > start ? { start, end } : null
}

/** The global twin of each rule's pattern, made once: rules pass literal patterns that live as long as the rule. */
const GLOBAL = new WeakMap<RegExp, RegExp>()

/** All matches of a regex on the folded text inside the ranges; offsets point into ctx.text. */
export function matchAll(ctx: ReportCtx, re: RegExp, ranges: Range[]): Match[] {
  const out: Match[] = []
  let g = GLOBAL.get(re)
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)))
  for (const r of ranges) {
    const s = ctx.report.norm.slice(r.start, r.end)
    g.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = g.exec(s))) {
      out.push({ start: r.start + m.index, end: r.start + m.index + m[0].length, m })
      if (m[0].length === 0) g.lastIndex++
    }
  }
  return out
}

export interface Para {
  start: number
  end: number
  /** Folded text of the paragraph, trimmed. */
  norm: string
}

/** Non-empty lines of [start, end), trimmed; offsets of the trimmed content. */
export function paragraphs(ctx: ReportCtx, start: number, end: number): Para[] {
  const out: Para[] = []
  const norm = ctx.report.norm
  let i = start
  while (i < end) {
    let j = norm.indexOf('\n', i)
    if (j < 0 || j > end) j = end
    const raw = norm.slice(i, j)
    const lead = raw.length - raw.trimStart().length
    const t = raw.trim()
    if (t) out.push({ start: i + lead, end: i + lead + t.length, norm: t })
    i = j + 1
  }
  return out
}

/** The clause around [start, end): bounded by 。；;！？!? and line breaks (and by ，, when comma is set). */
export function clauseAround(norm: string, start: number, end: number, comma = false): Range {
  const stop = comma ? /[。；;！？!?\n，,]/ : /[。；;！？!?\n]/
  let s = start
  while (s > 0 && !stop.test(norm[s - 1] as string)) s--
  let e = end
  while (e < norm.length && !stop.test(norm[e] as string)) e++
  return { start: s, end: e }
}

/** 1-based line number of an offset, for messages. */
export function lineOf(ctx: ReportCtx, offset: number): number {
  let n = 1
  for (let i = 0; i < offset && i < ctx.text.length; i++) if (ctx.text.charCodeAt(i) === 10) n++
  return n
}

/** Short quotation of the original for a message. */
export function quote(ctx: ReportCtx, start: number, end: number, max = 40): string {
  const s = ctx.text.slice(start, end).replace(/\s+/g, ' ').trim()
  return s.length > max ? `${s.slice(0, max)}…` : s
}

/** Regex source that matches a phrase even with whitespace, markdown or pipes between its characters. */
export function loose(phrase: string): string {
  return [...phrase].map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('[\\s*|]*')
}

/** Evidence for the format markers found: the first place each marker occurs (at most five). */
export function markerEvidence(ctx: ReportCtx, markers: string[], max = 5): Evidence[] {
  const out: Evidence[] = []
  for (const mk of markers) {
    if (out.length >= max) break
    const m = new RegExp(loose(foldText(mk))).exec(ctx.report.norm)
    if (m) out.push(textEvidence(ctx, m.index, m.index + m[0].length, `格式标志“${mk}”`))
  }
  return out
}

/** 统计期限 sentence: '统计期限自2023年1月1日起至2023年12月31日止' and its variants. */
export const STAT_PERIOD =
  /(统计(?:期限|时限|数据|时间|区间|周期|范围|口径)|所列数据)[^。\n]{0,30}?((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日[^。\n]{0,20}?(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31(?!\d)\s*日?/

/**
 * Why a number stated at [start, end) may not be about the report year: the clause before it names
 * another year or compares with last year ('2022年', '去年', '同比'). Returns the reason, or null.
 */
export function otherYear(ctx: ReportCtx, start: number, end: number): string | null {
  const c = clauseAround(ctx.report.norm, start, end, true)
  // 结转至2026年 in a 2025 report names the year the applications move to, not the year the count is about.
  const next = ctx.year === undefined ? null : String(ctx.year + 1)
  const before = ctx.report.norm
    .slice(c.start, end)
    .replace(/上一?年度?结转/g, '')
    .replace(/结转(?:至|到)\s*((?:19|20)\d{2})\s*年度?/g, (t, y: string) => (y === next ? '' : t))
  for (const m of before.matchAll(/((?:19|20)\d{2})\s*年/g)) if (ctx.year !== undefined && Number(m[1]) !== ctx.year) return `提到${m[1]}年`
  const cmp = /去年|上一?年度?|同比|较上年|环比/.exec(before)
  if (cmp) return `与“${cmp[0]}”比较`
  // '近三年共收到申请10件', '平均每月收到2件', '上半年收到1件': a count over another period than the year.
  const period = /近[一两二三四五六七八九十\d]{1,2}年|历年|多年来|平均|每月|每年|月均|年均|日均|上半年|下半年|[一二三四1-4]季度/.exec(before)
  if (period) return `是“${period[0]}”的数字，不是全年的`
  let s = c.start
  while (s > 0 && !/[。！？!?\n]/.test(ctx.report.norm[s - 1] as string)) s--
  // '截至2023年底，累计受理申请15件': a running total up to a date may hold earlier years ('全年累计' does not).
  const lead = ctx.report.norm.slice(s, end)
  if (lead.includes('累计') && /截至|截止|至今|以来/.test(lead) && !/全年|本年|今年|当年|年内/.test(lead)) return '为截至某日的累计数（可能含往年）'
  // A year set off by a comma earlier in the sentence ('2022年，…共制定规范性文件0件，…') dates every clause
  // after it: a sentence copied from last year's report is about last year.
  if (ctx.year === undefined) return null
  for (const m of ctx.report.norm.slice(s, c.start).matchAll(/((?:19|20)\d{2})\s*年度?(?:以来|全年)?\s*[,，]/g)) {
    if (Number(m[1]) !== ctx.year) return `句首写明${m[1]}年`
  }
  return null
}

/** Evidence for [start, end) without the surrounding whitespace (section bodies end in blank lines). */
export function spanEvidence(ctx: ReportCtx, start: number, end: number, note?: string): Evidence {
  let s = start
  let e = end
  while (s < e && /\s/.test(ctx.text[s] as string)) s++
  while (e > s && /\s/.test(ctx.text[e - 1] as string)) e--
  return textEvidence(ctx, s, e, note)
}

/** Why a cell cannot be used, in words ('空白', '未读出' …). */
export function cellState(c: { status: string } | undefined): string {
  if (!c || c.status === 'missing') return '未读出（表格或该行缺失）'
  return { blank: '空白', uncertain: '读数不确定', invalid: '不是数字' }[c.status] ?? '无法确定'
}
