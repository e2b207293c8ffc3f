// From a read document to the report model: format, sections, tables, body, year, 落款.
import type { Line, ParseProblem, ParsedReport, ReadResult, ReportMeta, SectionHit, TableResult } from '../model.ts'
import { template, type FormatKey } from '../template.ts'
import { detectFormat, parsingFormat } from './format.ts'
import { repairHeadings } from './headingRepair.ts'
import { readMeta } from './meta.ts'
import { confirmOcrBody } from './ocrBody.ts'
import { foldText, tradShare } from './normalize.ts'
import { placementProblems } from './problems.ts'
import { scanTradShare } from './scanScript.ts'
import { findSections } from './sections.ts'
import { tokenize, type Token } from './tokens.ts'
import { MIN_CONF } from './values.ts'
import { clipTokens, readGridTable } from './grid/tables.ts'

export function parseReport(read: ReadResult): ParsedReport {
  const norm = foldText(read.text)
  const detected = detectFormat(norm)
  const sections = findSections(read.lines, norm, template('2021').sections, read.text.length)
  const repaired = repairHeadings(sections, read.lines, template('2021').sections, read.text.length)
  const s1 = sections[0]?.found ? sections[0].titleSpan?.start : undefined
  const meta = readMeta(read.lines, read.text, s1)
  const scanned = read.lines.some((l) => l.cells.some((c) => c.conf !== undefined))
  if (scanned) confirmOcrBody(meta, norm)
  // The 落款 (body and date at the end) is not part of section 六.
  const last = [...sections].reverse().find((h) => h.found)
  const signStart = meta.signBody?.span.start ?? meta.signDate?.span.start
  if (last && signStart !== undefined && last.bodyStart !== undefined && signStart >= last.bodyStart && signStart < (last.bodyEnd ?? Infinity)) last.bodyEnd = signStart
  const fmt = parsingFormat(detected, meta.year)
  const tokens = tokenize(read.lines)

  const at = (id: string, which: 'start' | 'end'): number | undefined => {
    const s = sections.find((h) => h.id === id)
    if (!s?.found) return undefined
    return which === 'start' ? s.titleSpan?.start : s.bodyEnd
  }
  const problems: ParseProblem[] = []
  // Regions by offset, so that a report written as one paragraph still gives each table its part.
  const span = (id: string, fallbackStart: number, fallbackEnd: number): Token[] => {
    const s = sections.find((h) => h.id === id) as SectionHit
    return clipTokens(tokens, s.found ? (s.bodyStart as number) : fallbackStart, s.found ? (s.bodyEnd as number) : fallbackEnd)
  }
  const len = read.text.length
  // Where the document's text stops: a row name there with nothing after it is a copy cut short, not a blank row.
  const docEnd = tokens.reduce((m, t) => (/[^\s|｜]/.test(t.text) ? Math.max(m, t.end) : m), 0)
  const g2 = readGridTable('T2', span('S2', at('S1', 'end') ?? 0, at('S3', 'start') ?? len), fmt, docEnd)
  // Without its heading (a scan misread it) 表三 is looked for by its own labels after 表二, not from the end
  // of section 二: that end is then the next heading found, so the region would be empty.
  const g3 = readGridTable('T3', span('S3', g2.end ?? at('S2', 'start') ?? at('S1', 'end') ?? 0, at('S4', 'start') ?? len), fmt, docEnd)
  const g4 = readGridTable('T4', span('S4', g3.end ?? at('S3', 'end') ?? 0, at('S5', 'start') ?? len), fmt, docEnd, read.text)
  const [t2, t3, t4] = [g2.table, g3.table, g4.table]
  for (const g of [g2, g3, g4]) if (g.problem) problems.push(g.problem)
  for (const t of [t2, t3, t4]) setSpan(t)

  const report: ParsedReport = {
    format: detected.format,
    markers: { f2021: detected.f2021, f2019: detected.f2019 },
    sections,
    tables: { T2: t2, T3: t3, T4: t4 },
    tradShare: scanned ? scanTradShare(tradShare(read.text, norm), read.text, norm) : tradShare(read.text, norm),
    norm
  }
  if (problems.length) report.problems = problems
  // a heading found again in a misread line is a reading without confidence, whatever OCR said of its glyphs
  const doubt = [...ocrDoubt(read), ...repaired.map((s): [number, number] => [s.start, s.end]), ...looseOcrLabels(read, [t2, t3, t4]), ...farSignDate(meta, scanned)]
  if (doubt.length) report.ocrDoubt = doubt
  Object.assign(report, meta)
  addProblems(report, placementProblems(report, read.lines, fmt))
  return report
}

/** Ranges of OCR'd text read with less than MIN_CONF (a scan's misreadings are likeliest there). */
function ocrDoubt(read: ReadResult): [number, number][] {
  const out: [number, number][] = []
  // Index loops: every cell of every line, and with TurboFan off while reading an array iterator allocates per step.
  for (let li = 0; li < read.lines.length; li++) {
    const cells = (read.lines[li] as Line).cells
    for (let ci = 0; ci < cells.length; ci++) {
      const c = cells[ci] as Line['cells'][number]
      if (c.conf !== undefined && c.conf < MIN_CONF) out.push([c.start, c.end])
    }
  }
  return out
}

/**
 * A 落款 date read from a scan in a year no slip of the pen gives (2074 for a 2023 report: a seal over its
 * digits) is a misreading until shown otherwise, whatever confidence OCR gave it. A year or two off is left
 * to the checks: a township's copied or mistyped date is what they are there to find.
 */
function farSignDate(meta: ReportMeta, scanned: boolean): [number, number][] {
  if (!scanned || !meta.signDate || meta.year === undefined) return []
  const y = Number(meta.signDate.iso.slice(0, 4))
  return Math.abs(y - (meta.year + 1)) > 2 ? [[meta.signDate.span.start, meta.signDate.span.end]] : []
}

/**
 * Table labels read from a scan that match the template only loosely ('本年處理決定數其' for 本年处理决定数量): a
 * glyph misread is far likelier than a township's rewording, whatever confidence OCR gave the glyphs.
 */
function looseOcrLabels(read: ReadResult, tables: TableResult[]): [number, number][] {
  const ocr = read.lines.flatMap((l) => l.cells.filter((c) => c.conf !== undefined))
  if (!ocr.length) return []
  const out: [number, number][] = []
  for (const t of tables) {
    for (const l of t.labels) {
      if (l.match === 'exact') continue
      if (ocr.some((c) => c.start < l.span.end && c.end > l.span.start)) out.push([l.span.start, l.span.end])
    }
  }
  return out
}

/** The template actually used to read the tables. */
export function tableFormat(r: ParsedReport): FormatKey {
  return parsingFormat({ format: r.format, f2021: r.markers.f2021, f2019: r.markers.f2019 }, r.year)
}

/** Adds problems unless one of the same code already names the same table or section. */
function addProblems(report: ParsedReport, add: ParseProblem[]): void {
  if (!add.length) return
  const list = (report.problems ??= [])
  for (const p of add) if (!list.some((q) => q.code === p.code && q.table === p.table && q.section === p.section)) list.push(p)
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
