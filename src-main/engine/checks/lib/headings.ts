// Looking for a section heading anywhere in the text (not only where the splitter placed one), so that
// the section rules can tell a missing section from one that is out of order. The same candidates as
// the splitter's (parse/sections.ts): own lines, '## ' headings, 'ordinal + title' inside paragraphs.
import type { Line } from '../../model.ts'
import { headingCandidates } from '../../parse/sections.ts'
import { template, type TplSection } from '../../template.ts'
import { textEvidence } from '../evidence.ts'
import type { Evidence, ReportCtx } from '../types.ts'
import { paragraphs, tableRanges } from './narrative.ts'

export interface HeadingHit {
  start: number
  end: number
  text: string
}

export function templateSections(ctx: ReportCtx): TplSection[] {
  return template(ctx.format).sections
}

/** Every place outside the tables that reads as the heading of the section, in text order. */
export function findHeadings(ctx: ReportCtx, sec: TplSection): HeadingHit[] {
  const tables = tableRanges(ctx)
  const inTable = (at: number): boolean => tables.some((t) => at >= t.start && at < t.end)
  const lines: Line[] = []
  for (const p of paragraphs(ctx, 0, ctx.text.length)) {
    if (inTable(p.start)) continue
    let start = p.start
    const cells = p.norm.split('\t').flatMap((part) => {
      const cell = { text: part, start, end: start + part.length }
      start += part.length + 1
      return part.trim() ? [cell] : []
    })
    lines.push({ cells })
  }
  const cands = headingCandidates(lines, ctx.report.norm, [sec]).get(sec.id) ?? []
  return cands.filter((c) => !inTable(c.start)).map((c) => ({ start: c.start, end: c.end, text: ctx.text.slice(c.start, c.end) }))
}

/**
 * Where a missing section would stand, as a text span to show: the title of the next section found after
 * it in the template's order, else of the last one found before it, else the opening of the text. An
 * absence has nothing of its own to point at; the reviewer is taken to the place where it is missing.
 */
export function missingPlace(ctx: ReportCtx, id: string): Evidence {
  const order = templateSections(ctx)
  const at = order.findIndex((s) => s.id === id)
  const no = order[at]?.no ?? ''
  const found = (s: TplSection) => ctx.report.sections.find((x) => x.id === s.id && x.found && x.titleSpan)?.titleSpan
  for (const s of order.slice(at + 1)) {
    const span = found(s)
    if (span) return textEvidence(ctx, span.start, span.end, `第${no}部分应在此标题之前`)
  }
  for (const s of order.slice(0, Math.max(at, 0)).reverse()) {
    const span = found(s)
    if (span) return textEvidence(ctx, span.start, span.end, `第${no}部分应在此部分之后`)
  }
  const line = ctx.text.search(/\S/)
  if (line < 0) return { kind: 'note', text: '全文为空' }
  const nl = ctx.text.indexOf('\n', line)
  return textEvidence(ctx, line, nl < 0 ? ctx.text.length : nl, '全文未见任何部分的标题')
}
