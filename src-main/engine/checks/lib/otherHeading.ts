// Part headings as the report writes them: one standing in a template part's place but worded otherwise, and the
// chain of ordinals 一、二、三… that tells how many parts the text has, whatever their titles.
import { templateSections } from './headings.ts'
import { tableRanges } from './narrative.ts'
import type { ReportCtx } from '../types.ts'

/** 表三's own rows 一、本年新收… 二、上年结转… 三、本年度办理结果 四、结转下年度… are no part headings. */
const T3_ROW = /^[一二三四]、\s*(?:本年新收|上年结转|本\s*年\s*度|结转下)/

/**
 * A heading with the part's ordinal standing in the part's place (between the parts found before and after it) but
 * worded otherwise (liangcheng2020: `一、工作基本情况` over the preface): the report has a part there; whether it holds
 * what the format asks is for the reviewer to read, so it is not reported as absent.
 */
export function otherHeading(ctx: ReportCtx, id: string, no: string): { start: number; end: number; text: string } | null {
  const order = templateSections(ctx).map((x) => x.id)
  const at = order.indexOf(id)
  const spans = ctx.report.sections.filter((x) => x.found && x.titleSpan)
  const before = spans.filter((x) => order.indexOf(x.id) < at).map((x) => x.titleSpan!.end)
  const after = spans.filter((x) => order.indexOf(x.id) > at).map((x) => x.titleSpan!.start)
  const from = before.length ? Math.max(...before) : 0
  const to = after.length ? Math.min(...after) : ctx.text.length
  if (to <= from) return null
  const tables = tableRanges(ctx)
  let pos = from
  // folded text (simplified, half-width; same offsets) for matching, the words as written for the message
  for (const raw of ctx.report.norm.slice(from, to).split('\n')) {
    const lead = raw.length - raw.trimStart().length
    const line = raw.trim()
    const start = pos + lead
    pos += raw.length + 1
    if (line.length > 30 || !line.startsWith(`${no}、`) || T3_ROW.test(line)) continue
    if (tables.some((t) => start >= t.start && start < t.end)) continue
    return { start, end: start + line.length, text: ctx.text.slice(start, start + line.length) }
  }
  return gluedHeading(ctx, from, to, no, tables)
}

/** Chinese words of a heading glued to its body: '一、年度工作核心成效（一）主动公开…' (a crawler's one-paragraph text). */
const GLUED = /^[\u4e00-\u9fff]{4,12}(?![\u4e00-\u9fff])/

/** The first 'ordinal + a few words' in [from, to) that ends where the glued body starts (a bracket, a digit, a mark). */
function gluedHeading(ctx: ReportCtx, from: number, to: number, no: string, tables: { start: number; end: number }[]): { start: number; end: number; text: string } | null {
  const norm = ctx.report.norm
  for (let at = norm.indexOf(`${no}、`, from); at >= 0 && at < to; at = norm.indexOf(`${no}、`, at + 2)) {
    if (/[一二三四五六七八九十百第(（]/.test(norm[at - 1] ?? '')) continue
    if (tables.some((t) => at >= t.start && at < t.end)) continue
    const words = GLUED.exec(norm.slice(at + 2, Math.min(to, at + 16)))
    if (!words || T3_ROW.test(norm.slice(at, at + 8))) continue
    const end = at + 2 + words[0].length
    return { start: at, end, text: ctx.text.slice(at, end) }
  }
  return null
}


const ORDINALS = '一二三四五六七八九十'
/** 'ordinal、' then Chinese words: a part heading candidate (folded text). */
const ORDINAL_HEAD = /[一二三四五六七八九十]、(?=[\u4e00-\u9fff]{2})/g

/**
 * How many parts the text numbers in order: the longest run 一、二、三… of headings outside the tables, each at a line's
 * start or right after a sentence or a table's last number (a crawler's one-paragraph text). Sub-lists inside a part restart at 一 and so never
 * lengthen the run; 表三's own rows 一、…四、 are skipped.
 */
export function writtenPartCount(ctx: ReportCtx): number {
  const norm = ctx.report.norm
  const tables = tableRanges(ctx)
  let next = 0
  ORDINAL_HEAD.lastIndex = 0
  for (let m = ORDINAL_HEAD.exec(norm); m; m = ORDINAL_HEAD.exec(norm)) {
    if (ORDINALS.indexOf(norm[m.index] as string) !== next) continue
    const before = norm[m.index - 1] ?? '\n'
    // after a line break, a sentence, or a table's last number (费0三、收到和处理… in a one-paragraph text)
    if (!/[\n。；;！？!?\s\d]/.test(before)) continue
    if (T3_ROW.test(norm.slice(m.index, m.index + 12))) continue
    if (tables.some((t) => m!.index >= t.start && m!.index < t.end)) continue
    next++
  }
  return next
}
