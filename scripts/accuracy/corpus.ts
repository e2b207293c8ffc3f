// The accuracy corpus: manifest entries (test/accuracy/corpus.json, generated) and expected records
// (hand-written: test/expected/*.json for the seeds, test/accuracy/expected/*.json for the real PDFs,
// test/accuracy/findings.json for the findings of every report).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PlantId } from './plant.ts'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const ACC_DIR = join(ROOT, 'test', 'accuracy')

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
  format: string
  year: number
  township: string
  body?: string
  signDate?: string | null
  sections: Record<string, boolean>
  tables: {
    T2: Record<string, Record<string, number | null>>
    T3: Record<string, (number | null)[]>
    T4: Record<string, number | null>
  }
}

/** [rule, severity, outcome?]; outcome defaults to FAIL. */
export type FindingSpec = [string, string, string?]

export interface ExpectedFindings {
  /** Findings the report deserves in every layout. */
  expected: FindingSpec[]
  /** Rules that may or may not fire (layout-dependent or debatable); never counted as missing or unexpected. */
  allowed?: string[]
  /** Per layout: findings expected in addition (e.g. DOC-TRAD in the traditional copies). */
  layouts?: Record<string, { expected?: FindingSpec[]; drop?: string[]; allowed?: string[] }>
  note?: string
}

export const T3_COLS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total']

/** The manifest's entries whose report has an expected record. */
export function loadCorpus(): CorpusEntry[] {
  const all = (JSON.parse(readFileSync(join(ACC_DIR, 'corpus.json'), 'utf8')) as { entries: CorpusEntry[] }).entries
  return all.filter((e) => hasExpected(e.report))
}

export function hasExpected(report: string): boolean {
  return existsSync(join(ROOT, 'test', 'expected', `${report}.json`)) || existsSync(join(ACC_DIR, 'expected', `${report}.json`))
}

export function loadExpected(report: string): ExpectedReport {
  const seed = join(ROOT, 'test', 'expected', `${report}.json`)
  try {
    return JSON.parse(readFileSync(seed, 'utf8')) as ExpectedReport
  } catch {
    return JSON.parse(readFileSync(join(ACC_DIR, 'expected', `${report}.json`), 'utf8')) as ExpectedReport
  }
}

export function loadFindings(): Record<string, ExpectedFindings> {
  const raw = JSON.parse(readFileSync(join(ACC_DIR, 'findings.json'), 'utf8')) as Record<string, ExpectedFindings | string>
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('_'))) as Record<string, ExpectedFindings>
}

/** Every expected cell as [table, row, col, value]. */
export function expectedCells(e: ExpectedReport): [string, string, string, number | null][] {
  const out: [string, string, string, number | null][] = []
  for (const [row, cols] of Object.entries(e.tables.T2)) for (const [col, v] of Object.entries(cols)) out.push(['T2', row, col, v])
  for (const [row, vs] of Object.entries(e.tables.T3)) vs.forEach((v, i) => out.push(['T3', row, T3_COLS[i] as string, v]))
  for (const [col, v] of Object.entries(e.tables.T4)) out.push(['T4', 'counts', col, v])
  return out
}
