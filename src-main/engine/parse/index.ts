// From a read document to the report model: format, sections, tables, body, year, 落款.
import type { ParseProblem, ParsedReport, ReadResult, SectionHit, TableResult } from '../model.ts'
import { template } from '../template.ts'
import { detectFormat, parsingFormat } from './format.ts'
import { readMeta } from './meta.ts'
import { foldText, tradShare } from './normalize.ts'
import { placementProblems } from './problems.ts'
import { findSections } from './sections.ts'
import { parseT2 } from './tables/t2.ts'
import { parseT3 } from './tables/t3.ts'
import { parseT4 } from './tables/t4.ts'
import { tokenAt, tokenize, type Token } from './tokens.ts'

export function parseReport(read: ReadResult): ParsedReport {
  const norm = foldText(read.text)
  const detected = detectFormat(norm)
  const sections = findSections(read.lines, norm, template('2021').sections, read.text.length)
  const s1 = sections[0]?.found ? sections[0].titleSpan?.start : undefined
  const meta = readMeta(read.lines, read.text, s1)
  // The 落款 (body and date at the end) is not part of section 六.
  const last = [...sections].reverse().find((h) => h.found)
  const signStart = meta.signBody?.span.start ?? meta.signDate?.span.start
  if (last && signStart !== undefined && last.bodyStart !== undefined && signStart >= last.bodyStart && signStart < (last.bodyEnd ?? Infinity)) last.bodyEnd = signStart
  const fmt = parsingFormat(detected, meta.year)
  const tokens = tokenize(read.lines)

  const region = (id: string, fallbackStart: number, fallbackEnd: number): Token[] => {
    const s = sections.find((h) => h.id === id) as SectionHit
    const start = s.found ? (s.bodyStart as number) : fallbackStart
    const end = s.found ? (s.bodyEnd as number) : fallbackEnd
    return tokens.slice(tokenAt(tokens, start), tokenAt(tokens, end))
  }
  const at = (id: string, which: 'start' | 'end'): number | undefined => {
    const s = sections.find((h) => h.id === id)
    if (!s?.found) return undefined
    return which === 'start' ? s.titleSpan?.start : s.bodyEnd
  }
  const len = read.text.length
  const t2 = parseT2(region('S2', at('S1', 'end') ?? 0, at('S3', 'start') ?? len), fmt)
  const t3 = parseT3(region('S3', at('S2', 'end') ?? t2.span?.end ?? 0, at('S4', 'start') ?? len), fmt)
  const t3End = lastEnd(t3)
  const t4 = parseT4(region('S4', t3End ?? at('S3', 'end') ?? 0, at('S5', 'start') ?? len), fmt)
  for (const t of [t2, t3, t4]) setSpan(t)

  const report: ParsedReport = {
    format: detected.format,
    markers: { f2021: detected.f2021, f2019: detected.f2019 },
    sections,
    tables: { T2: t2, T3: t3, T4: t4 },
    tradShare: tradShare(read.text, norm),
    norm
  }
  Object.assign(report, meta)
  addProblems(report, placementProblems(report, read.lines, fmt))
  return report
}

/** The template actually used to read the tables. */
export function tableFormat(r: ParsedReport): '2021' | '2019' {
  return parsingFormat({ format: r.format, f2021: r.markers.f2021, f2019: r.markers.f2019 }, r.year)
}

/** Adds problems unless one of the same code already names the same table or section. */
function addProblems(report: ParsedReport, add: ParseProblem[]): void {
  if (!add.length) return
  const list = (report.problems ??= [])
  for (const p of add) if (!list.some((q) => q.code === p.code && q.table === p.table && q.section === p.section)) list.push(p)
}

function lastEnd(t: TableResult): number | undefined {
  let end: number | undefined
  for (const c of t.cells) if (c.span && (end === undefined || c.span.end > end)) end = c.span.end
  return end
}

function setSpan(t: TableResult): void {
  let start: number | undefined
  let end: number | undefined
  for (const s of [...t.labels.map((l) => l.span), ...t.cells.flatMap((c) => (c.span ? [c.span] : []))]) {
    if (start === undefined || s.start < start) start = s.start
    if (end === undefined || s.end > end) end = s.end
  }
  if (start !== undefined && end !== undefined) t.span = { start, end }
}
