// The accuracy corpus: manifest entries (test/accuracy/corpus.json, generated) and expected records
// (hand-written: test/expected/*.json for the seeds, test/accuracy/expected/*.json for the real PDFs,
// test/accuracy/findings.json for the findings of every report).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PlantId } from './plant.ts'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const ACC_DIR = join(ROOT, 'test', 'accuracy')
/** Real reports from elsewhere, as published (never used in development): layout 'holdout', see its SOURCES.md. */
export const HOLDOUT_DIR = join(ACC_DIR, 'holdout')
export const HOLDOUT_LAYOUT = 'holdout'
/** Real reports whose whole text (all three tables) the library keeps: layout 'holdout-full', see its SOURCES.md. */
export const HOLDOUT_FULL_DIR = join(ACC_DIR, 'holdout-full')
export const HOLDOUT_FULL_LAYOUT = 'holdout-full'
/** Held-out folders and their layout ids; each report in them is checked alone (they come from different bodies). */
const HELD_OUT: { dir: string; layout: string }[] = [
  { dir: HOLDOUT_DIR, layout: HOLDOUT_LAYOUT },
  { dir: HOLDOUT_FULL_DIR, layout: HOLDOUT_FULL_LAYOUT },
]
/** Held-out reports are checked alone: in their own folders, and rendered through the block layouts (`wide-*`, wide.ts). */
export const isHeldOutLayout = (layout: string): boolean => HELD_OUT.some((h) => h.layout === layout) || /^(?:trad-)?wide-/.test(layout)

export interface CorpusEntry {
  layout: string
  report: string
  /** Repository-relative path. */
  file: string
  /** A copy with one planted error; absent for the unchanged file. */
  plant?: PlantId
}

/** Same shape as test/expected/*.json: null = the source shows an empty cell. */
export interface ExpectedReport {
  /** null: the stored text does not show which template (not scored). */
  format: string | null
  year: number
  /** null: the text never names the body, so none must be read. */
  township: string | null
  body?: string
  signDate?: string | null
  sections: Record<string, boolean>
  tables: {
    T2: Record<string, Record<string, number | null>>
    T3: Record<string, (number | null)[]>
    T4: Record<string, number | null>
  }
  /** Cells ('T3|row|col') the published text itself does not give: right only when read as uncertain. */
  uncertain?: string[]
}

/** [rule, severity, outcome?]; outcome defaults to FAIL. */
export type FindingSpec = [string, string, string?]

export interface ExpectedFindings {
  /** Findings the report deserves in every layout. */
  expected: FindingSpec[]
  /** Rules that may or may not fire (layout-dependent or debatable); never counted as missing or unexpected. */
  allowed?: string[]
  /** Per layout: findings expected in addition, dropped (a rule, or 'RULE/severity[/OUTCOME]' for one of its
   *  expected findings; a dropped finding is also allowed) and allowed; `why` says what the layout cannot show. */
  layouts?: Record<string, { expected?: FindingSpec[]; drop?: string[]; allowed?: string[]; why?: string }>
  note?: string
}

export const T3_COLS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total']

/** The manifest's entries whose report has an expected record. */
export function loadCorpus(): CorpusEntry[] {
  const all = (JSON.parse(readFileSync(join(ACC_DIR, 'corpus.json'), 'utf8')) as { entries: CorpusEntry[] }).entries
  return [...all.filter((e) => hasExpected(e.report)), ...holdoutEntries()]
}

/** Every report file in the held-out folders that has an expected record there. */
function holdoutEntries(): CorpusEntry[] {
  return HELD_OUT.flatMap(({ dir, layout }) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => /\.(txt|html?|docx|pdf)$/i.test(f))
          .sort()
          .map((f) => ({ layout, report: f.replace(/\.[^.]+$/, ''), file: `test/accuracy/${layout}/${f}` }))
          .filter((e) => existsSync(join(dir, 'expected', `${e.report}.json`)))
      : [],
  )
}

/** The held-out expected record of a report, if it is a held-out one. */
function heldOutExpected(report: string): string | undefined {
  return HELD_OUT.map((h) => join(h.dir, 'expected', `${report}.json`)).find((f) => existsSync(f))
}

export function hasExpected(report: string): boolean {
  if (heldOutExpected(report)) return true
  return existsSync(join(ROOT, 'test', 'expected', `${report}.json`)) || existsSync(join(ACC_DIR, 'expected', `${report}.json`))
}

export function loadExpected(report: string): ExpectedReport {
  const held = heldOutExpected(report)
  if (held) return JSON.parse(readFileSync(held, 'utf8')) as ExpectedReport
  const seed = join(ROOT, 'test', 'expected', `${report}.json`)
  try {
    return JSON.parse(readFileSync(seed, 'utf8')) as ExpectedReport
  } catch {
    return JSON.parse(readFileSync(join(ACC_DIR, 'expected', `${report}.json`), 'utf8')) as ExpectedReport
  }
}

export function loadFindings(): Record<string, ExpectedFindings> {
  const raw = JSON.parse(readFileSync(join(ACC_DIR, 'findings.json'), 'utf8')) as Record<string, ExpectedFindings | string>
  for (const { dir } of HELD_OUT) {
    const held = join(dir, 'findings.json')
    if (existsSync(held)) Object.assign(raw, JSON.parse(readFileSync(held, 'utf8')) as Record<string, ExpectedFindings | string>)
  }
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('_'))) as Record<string, ExpectedFindings>
}

/** Every expected cell as [table, row, col, value]; 'uncertain' = the published text does not give it. */
export function expectedCells(e: ExpectedReport): [string, string, string, number | null | 'uncertain'][] {
  const out: [string, string, string, number | null | 'uncertain'][] = []
  for (const [row, cols] of Object.entries(e.tables.T2)) for (const [col, v] of Object.entries(cols)) out.push(['T2', row, col, v])
  for (const [row, vs] of Object.entries(e.tables.T3)) vs.forEach((v, i) => out.push(['T3', row, T3_COLS[i] as string, v]))
  for (const [col, v] of Object.entries(e.tables.T4)) out.push(['T4', 'counts', col, v])
  for (const k of e.uncertain ?? []) {
    const [t, row, col] = k.split('|') as [string, string, string]
    const at = out.findIndex((c) => c[0] === t && c[1] === row && c[2] === col)
    if (at >= 0) out.splice(at, 1)
    out.push([t, row, col, 'uncertain'])
  }
  return out
}
