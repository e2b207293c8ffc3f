// Looking for a section heading anywhere in the text (not only where the splitter expects it), so that
// the section rules can tell a missing section from one that is out of order.
import { labelCore, labelKey, similarity } from '../../parse/normalize.ts'
import { SECTION_KEYWORDS } from '../../parse/sections.ts'
import { template, type TplSection } from '../../template.ts'
import type { ReportCtx } from '../types.ts'
import { paragraphs, tableRanges } from './narrative.ts'

const KEYWORDS = SECTION_KEYWORDS

export interface HeadingHit {
  start: number
  end: number
  text: string
}

export function templateSections(ctx: ReportCtx): TplSection[] {
  return template(ctx.format).sections
}

function isHeading(sec: TplSection, written: string): boolean {
  const key = labelKey(written)
  if (key.length > 40) return false
  const core = labelCore(written)
  const tplCore = labelCore(sec.title)
  if (key.startsWith(`${sec.no}、`) || key.startsWith(`${sec.no}.`)) {
    if (!core) return false
    return similarity(core, tplCore) >= 0.5 || (core.length <= 30 && (KEYWORDS[sec.id] ?? []).some((k) => core.includes(k)))
  }
  return core === tplCore || (core.length >= 4 && similarity(core, tplCore) >= 0.85)
}

/** Every line outside the tables that reads as the heading of the section (a heading split as '四、' + title counts). */
export function findHeadings(ctx: ReportCtx, sec: TplSection): HeadingHit[] {
  const tables = tableRanges(ctx)
  const paras = paragraphs(ctx, 0, ctx.text.length).filter((p) => !tables.some((t) => p.start >= t.start && p.start < t.end))
  const out: HeadingHit[] = []
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!
    const next = paras[i + 1]
    let text = p.norm
    let end = p.end
    if (/^[一二三四五六][、.]$/.test(labelKey(text)) && next) {
      text += next.norm
      end = next.end
    }
    if (isHeading(sec, text)) out.push({ start: p.start, end, text: ctx.text.slice(p.start, end) })
  }
  return out
}
