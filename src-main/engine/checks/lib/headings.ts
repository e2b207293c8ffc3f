// Looking for a section heading anywhere in the text (not only where the splitter placed one), so that
// the section rules can tell a missing section from one that is out of order. The same candidates as
// the splitter's (parse/sections.ts): own lines, '## ' headings, 'ordinal + title' inside paragraphs.
import type { Line } from '../../model.ts'
import { headingCandidates } from '../../parse/sections.ts'
import { template, type TplSection } from '../../template.ts'
import type { ReportCtx } from '../types.ts'
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
