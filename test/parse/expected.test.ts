// Every table value of the five seeds, read exactly as written (blank where blank), from the
// seed text and from the derived fixtures (real Word/PDF tables, GBK/UTF-16 text, HTML).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../../src-main/engine/ingest/read.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import type { ParsedReport } from '../../src-main/engine/model.ts'
import { FIXTURES, ROOT, SEEDS, SEED_DIR } from '../helpers/seeds.ts'

interface Expected {
  format: string
  year: number
  township: string
  signDate: string | null
  sections: Record<string, boolean>
  tables: {
    T2: Record<string, Record<string, number | null>>
    T3: Record<string, (number | null)[]>
    T4: Record<string, number | null>
  }
}

const T3_COLS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total']

function expected(seed: string): Expected {
  return JSON.parse(readFileSync(join(ROOT, 'test', 'expected', seed.replace(/\.txt$/, '.json')), 'utf8')) as Expected
}

/** The parsed tables in the shape of the expected files (value, or null when not read with certainty). */
function actualTables(r: ParsedReport): Expected['tables'] {
  const out: Expected['tables'] = { T2: {}, T3: {}, T4: {} }
  for (const c of r.tables.T2.cells) (out.T2[c.row] ??= {})[c.col] = c.status === 'ok' ? c.value : null
  for (const c of r.tables.T3.cells) {
    const row = (out.T3[c.row] ??= new Array(7).fill(undefined))
    row[T3_COLS.indexOf(c.col)] = c.status === 'ok' ? c.value : null
  }
  for (const c of r.tables.T4.cells) out.T4[c.col] = c.status === 'ok' ? c.value : null
  return out
}

async function parseFile(path: string): Promise<ParsedReport> {
  const ext = extname(path).toLowerCase()
  return parseReport(await readDocument(ext, readFileSync(path)))
}

function compare(r: ParsedReport, e: Expected, opts: { signDate?: boolean } = {}): void {
  expect(r.format).toBe(e.format)
  expect(r.year).toBe(e.year)
  expect(r.body?.township).toBe(e.township)
  if (opts.signDate !== false) expect(r.signDate?.iso ?? null).toBe(e.signDate)
  expect(Object.fromEntries(r.sections.map((s) => [s.id, s.found]))).toEqual(e.sections)
  expect(actualTables(r)).toEqual(e.tables)
}

describe('seed texts parse to the expected values', () => {
  it.each(SEEDS)('%s', async (seed) => {
    compare(await parseFile(join(SEED_DIR, seed)), expected(seed))
  })
})

const variants: [string, string][] = []
// chrome/: the seed HTML printed to PDF by Chromium (another PDF producer: Skia, radical code points).
for (const dir of ['seeds', 'encodings', 'chrome']) {
  const d = join(FIXTURES, dir)
  if (!existsSync(d)) continue
  for (const f of readdirSync(d).sort()) {
    const seed = SEEDS.find((s) => f.startsWith(s.slice(0, 20)))
    if (seed) variants.push([`${dir}/${f}`, seed])
  }
}

describe('derived fixtures (docx, pdf, html, GBK, UTF-16) parse to the same values', () => {
  it.each(variants.filter(([f]) => !f.endsWith('.doc')))('%s', async (file, seed) => {
    compare(await parseFile(join(FIXTURES, file)), expected(seed))
  })
})

// word-extractor flattens .doc tables into one tab-separated run without row ends, so a blank
// cell cannot always be located: such cells must come out uncertain, never as a wrong number.
describe('.doc fixtures: every certain value is right, the rest is marked uncertain', () => {
  it.each(variants.filter(([f]) => f.endsWith('.doc')))('%s', async (file, seed) => {
    const r = await parseFile(join(FIXTURES, file))
    const e = expected(seed)
    expect(r.year).toBe(e.year)
    expect(r.body?.township).toBe(e.township)
    let certain = 0
    for (const t of ['T2', 'T3', 'T4'] as const) {
      for (const c of r.tables[t].cells) {
        const want = t === 'T3' ? e.tables.T3[c.row]?.[T3_COLS.indexOf(c.col)] : t === 'T2' ? e.tables.T2[c.row]?.[c.col] : e.tables.T4[c.col]
        if (c.status === 'uncertain') continue
        certain++
        expect({ cell: `${t}.${c.row}.${c.col}`, value: c.status === 'ok' ? c.value : null }).toEqual({ cell: `${t}.${c.row}.${c.col}`, value: want })
      }
    }
    expect(certain).toBeGreaterThan(150)
  })
})
