// Runs the real engine over the accuracy corpus and scores it. The path is the import's: readDocument (as the
// reader worker), parseReport, prepareChecks (the per-version rules, as at import), then checkBatch (as
// runChecks) over one batch per layout and group of reports (the five seeds; the real PDFs), so the cross
// rules see a folder as a county would send it. A planted copy is checked in a batch of its own and compared
// with the unchanged copy checked the same way.
import { readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { prepareChecks } from '../../src-main/engine/checks/prep.ts'
import { checkBatch } from '../../src-main/engine/checks/run.ts'
import type { BatchReport, Finding, FormatKey } from '../../src-main/engine/checks/types.ts'
import { readDocument } from '../../src-main/engine/ingest/read.ts'
import type { CellValue, ParsedReport } from '../../src-main/engine/model.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import {
  expectedCells,
  isHeldOutLayout,
  loadCorpus,
  loadExpected,
  loadFindings,
  ROOT,
  type CorpusEntry,
  type ExpectedFindings,
  type FindingSpec
} from './corpus.ts'
import { PLANT_RULE, type PlantId } from './plant.ts'

export interface CellTally {
  total: number
  right: number
  /** Wrong (or not read) but marked uncertain / missing / invalid: the reviewer is told to look. */
  uncertain: number
  /** Wrong and reported as certain: the failure that matters. */
  silent: number
}

export interface ReportFigures {
  layout: string
  report: string
  file: string
  format: string
  error?: string
  cells: CellTally
  /** Up to 20 silent cells, for the reader: table.row.col expected→got. */
  silentCells: string[]
  /** Cells expected with a value but read uncertain (or not read), one line per row and reason: T|row|col want→read, the reader's note and the source text there. */
  uncertainCells: string[]
  meta: { body: boolean; township: boolean; year: boolean; format: boolean }
  found: string[]
  missing: string[]
  unexpectedErrors: string[]
  unexpectedWarnings: string[]
  parseFindings: number
  /** Per rule: findings raised (error/warning/info; 'parse' apart). */
  raised: Record<string, number>
  /** Every finding as rule|severity|outcome|message. */
  findings: string[]
  /** Error and warning findings that point at nothing in a report (no cell, no text span): rule|message. */
  withoutEvidence: string[]
}

export interface PlantFigure {
  layout: string
  report: string
  plant: PlantId
  rule: string
  found: boolean
  error?: string
}

export interface Figures {
  reports: ReportFigures[]
  plants: PlantFigure[]
  seconds: number
}

interface Run {
  entry: CorpusEntry
  read?: Awaited<ReturnType<typeof readDocument>>
  parsed?: ParsedReport
  batch?: BatchReport
  error?: string
}

const certain = (s: CellValue['status']): boolean => s === 'ok' || s === 'inferred' || s === 'blank'

async function readAndParse(entry: CorpusEntry, id: number): Promise<Run> {
  const ext = extname(entry.file).toLowerCase()
  try {
    const bytes = readFileSync(join(ROOT, entry.file))
    const read = await readDocument(ext, bytes)
    if (read.needsOcr) return { entry, error: 'needs OCR' }
    const parsed = parseReport(read)
    let prep
    try {
      prep = prepareChecks(parsed, read.text)
    } catch {
      prep = undefined
    }
    const format: FormatKey = parsed.format === '2019' ? '2019' : parsed.format === '2021' ? '2021' : parsed.year !== undefined && parsed.year < 2021 ? '2019' : '2021'
    const batch: BatchReport = {
      reportId: id,
      versionId: id,
      file: entry.file,
      township: parsed.body?.township,
      year: parsed.year,
      body: parsed.body?.name,
      format,
      sha256: String(id),
      report: parsed,
      text: read.text,
      prep
    }
    return { entry, read, parsed, batch }
  } catch (e) {
    return { entry, error: e instanceof Error ? e.message : String(e) }
  }
}

/** Source text around a cell's span, on one line, for the verbose listing. */
function around(text: string | undefined, c: CellValue | undefined): string {
  if (!text || !c?.span) return ''
  const a = Math.max(0, c.span.start - 24)
  const b = Math.min(text.length, c.span.end + 24)
  const flat = (s: string): string => s.replace(/\s+/g, ' ')
  return `${flat(text.slice(a, c.span.start))}[${flat(text.slice(c.span.start, c.span.end))}]${flat(text.slice(c.span.end, b))}`
}

function scoreCells(parsed: ParsedReport | undefined, report: string, text?: string): { tally: CellTally; silent: string[]; uncertain: string[] } {
  const exp = expectedCells(loadExpected(report))
  const tally: CellTally = { total: exp.length, right: 0, uncertain: 0, silent: 0 }
  const silent: string[] = []
  const uncertainRows: { key: string; why: string; cols: string[] }[] = []
  const uncertain = (): string[] => uncertainRows.map((u) => `${u.key}|${u.cols.join(', ')}: ${u.why}`)
  if (!parsed) {
    tally.uncertain = exp.length
    return { tally, silent, uncertain: ['no report read'] }
  }
  const index = new Map<string, CellValue>()
  for (const t of ['T2', 'T3', 'T4'] as const) for (const c of parsed.tables[t].cells) index.set(`${t}|${c.row}|${c.col}`, c)
  for (const [t, row, col, v] of exp) {
    const c = index.get(`${t}|${row}|${col}`)
    // A cell the published text does not give: right only when the reader says it cannot know it.
    if (v === 'uncertain') {
      if (!c || !certain(c.status)) tally.right++
      else {
        tally.silent++
        if (silent.length < 20) silent.push(`${t}.${row}.${col} 存疑→${c.status === 'blank' ? '空' : c.value}`)
      }
      continue
    }
    if (!c || !certain(c.status)) {
      tally.uncertain++
      // One line per row and reason: the columns with the values expected and read.
      const why = `${c ? `${c.status}: ${c.note ?? ''}` : 'not read'}  «${around(text, c)}»`
      const got = c && c.value !== null ? `${c.value}` : c?.choices ? c.choices.join('/') : '?'
      const last = uncertainRows[uncertainRows.length - 1]
      const cellText = `${col} ${v ?? '空'}→${got}`
      if (last && last.key === `${t}|${row}` && last.why === why) last.cols.push(cellText)
      else uncertainRows.push({ key: `${t}|${row}`, why, cols: [cellText] })
      continue
    }
    const got = c.status === 'blank' ? null : c.value
    if (got === v) tally.right++
    else {
      tally.silent++
      if (silent.length < 20) silent.push(`${t}.${row}.${col} ${v ?? '空'}→${got ?? '空'}`)
    }
  }
  return { tally, silent, uncertain: uncertain() }
}

const specKey = (s: FindingSpec): string => `${s[0]}/${s[1]}${s[2] && s[2] !== 'FAIL' ? `/${s[2]}` : ''}`

function scoreFindings(layout: string, findings: Finding[], spec: ExpectedFindings | undefined) {
  // A key ending in '*' names a layout family ('wide-*' also covers its 'trad-wide-*' copies).
  const family = Object.entries(spec?.layouts ?? {}).find(([k]) => k.endsWith('*') && layout.replace(/^trad-/, '').startsWith(k.slice(0, -1)))
  const lay = spec?.layouts?.[layout] ?? family?.[1]
  const drop = new Set(lay?.drop ?? [])
  // A drop names a rule, or one expected finding of it ('TBL-LABEL/info'): the others stay expected.
  const dropped = (s: FindingSpec): boolean => drop.has(s[0]) || drop.has(`${s[0]}/${s[1]}`) || drop.has(specKey(s))
  const expected = [...(spec?.expected ?? []), ...(lay?.expected ?? [])].filter((s) => !dropped(s))
  const allowed = new Set([...(spec?.allowed ?? []), ...(lay?.allowed ?? []), ...drop])
  const found: string[] = []
  const missing: string[] = []
  for (const s of expected) {
    const hit = findings.some((f) => f.rule === s[0] && f.severity === s[1] && f.outcome === (s[2] ?? 'FAIL'))
    ;(hit ? found : missing).push(specKey(s))
  }
  const expectedRules = new Set(expected.map((s) => s[0]))
  // An allowed entry names a rule, or a rule with its severity and outcome: 'T3-ROW-TOTAL/warning/UNVERIFIABLE'.
  const isAllowed = (f: Finding): boolean => allowed.has(f.rule) || allowed.has(`${f.rule}/${f.severity}`) || allowed.has(`${f.rule}/${f.severity}/${f.outcome}`)
  const unexpected = (sev: string): string[] =>
    findings.filter((f) => f.severity === sev && !expectedRules.has(f.rule) && !isAllowed(f)).map((f) => `${f.rule}: ${f.message}`)
  return { found, missing, unexpectedErrors: unexpected('error'), unexpectedWarnings: unexpected('warning') }
}

/** A cell, a text span, or a span of another report of the batch (the cross rules' copies): something to show. */
function pointsAtReport(f: Finding): boolean {
  return f.evidence.some((e) => e.kind === 'cell' || (e.kind === 'text' && e.end > e.start) || (e.kind === 'report' && e.start !== undefined && e.end !== undefined && e.end > e.start))
}

function countRaised(findings: Finding[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const f of findings) if (f.severity !== 'parse') out[f.rule] = (out[f.rule] ?? 0) + 1
  return out
}

/** Findings of one report checked in a batch of its own, as the planted copies are. */
function alone(run: Run, year: number): Finding[] {
  if (!run.batch) return []
  return checkBatch([run.batch], { year }).get(run.batch.reportId)?.findings ?? []
}

// Where and how a finding stands, not its wording: a planted change that only alters the numbers of a finding
// the unchanged copy already has is not a new finding.
const key = (f: Finding): string => `${f.rule}|${f.outcome}|${f.loc}`

export async function measure(opts: { filter?: (e: CorpusEntry) => boolean } = {}): Promise<Figures> {
  const started = Date.now()
  const corpus = loadCorpus().filter(opts.filter ?? (() => true))
  const specs = loadFindings()
  let id = 0
  const runs: Run[] = []
  for (const e of corpus) runs.push(await readAndParse(e, ++id))

  const reports: ReportFigures[] = []
  const plain = runs.filter((r) => !r.entry.plant)
  // One batch per layout and group (seeds; real PDFs), as a county's folder would be.
  // Held-out reports come from different counties: each is checked alone, not as one county's folder.
  const groupOf = (r: Run): string =>
    isHeldOutLayout(r.entry.layout) ? `${r.entry.layout}|${r.entry.report}` : `${r.entry.layout}|${/^\d{3}_/.test(r.entry.report) ? 'seed' : 'real'}`
  const groups = new Map<string, Run[]>()
  for (const r of plain) groups.set(groupOf(r), [...(groups.get(groupOf(r)) ?? []), r])
  for (const members of groups.values()) {
    const batch = members.filter((m) => m.batch).map((m) => m.batch as BatchReport)
    const results = batch.length ? checkBatch(batch) : new Map()
    for (const m of members) {
      const findings: Finding[] = m.batch ? (results.get(m.batch.reportId)?.findings ?? []) : []
      const exp = loadExpected(m.entry.report)
      const { tally, silent, uncertain } = scoreCells(m.parsed, m.entry.report, m.read?.text)
      reports.push({
        layout: m.entry.layout,
        report: m.entry.report,
        file: m.entry.file,
        format: extname(m.entry.file).slice(1).toLowerCase(),
        error: m.error,
        cells: tally,
        silentCells: silent,
        uncertainCells: uncertain,
        meta: {
          body: exp.body === undefined || exp.body === null || m.parsed?.body?.name === exp.body,
          township: exp.township === null ? m.parsed?.body?.township === undefined : m.parsed?.body?.township === exp.township,
          year: m.parsed?.year === exp.year,
          format: !exp.format || m.parsed?.format === exp.format
        },
        ...scoreFindings(m.entry.layout, findings, specs[m.entry.report]),
        parseFindings: findings.filter((f) => f.severity === 'parse').length,
        raised: countRaised(findings),
        findings: findings.map((f) => `${f.rule}|${f.severity}|${f.outcome}|${f.message}`),
        withoutEvidence: findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && !pointsAtReport(f)).map((f) => `${f.rule}|${f.message}`)
      })
    }
  }

  const plants: PlantFigure[] = []
  const baseOf = new Map(plain.map((r) => [`${r.entry.layout}|${r.entry.report}`, r]))
  const aloneCache = new Map<Run, Finding[]>()
  for (const r of runs.filter((x) => x.entry.plant)) {
    const plant = r.entry.plant as PlantId
    const rule = PLANT_RULE[plant]
    const base = baseOf.get(`${r.entry.layout}|${r.entry.report}`)
    const year = loadExpected(r.entry.report).year
    if (!base || r.error) {
      plants.push({ layout: r.entry.layout, report: r.entry.report, plant, rule, found: false, error: r.error ?? 'no unchanged copy' })
      continue
    }
    const baseFindings = aloneCache.get(base) ?? alone(base, year)
    aloneCache.set(base, baseFindings)
    const before = new Set(baseFindings.filter((f) => f.rule === rule).map(key))
    const found = alone(r, year).some((f) => f.rule === rule && (f.severity === 'error' || f.severity === 'warning') && !before.has(key(f)))
    plants.push({ layout: r.entry.layout, report: r.entry.report, plant, rule, found })
  }
  return { reports, plants, seconds: (Date.now() - started) / 1000 }
}
