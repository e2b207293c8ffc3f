// The accuracy corpus (issue 12 §4, issue 13): the seeds as given must be read 100 % right; on every other
// layout the figures may only get better than test/accuracy/baseline.json (a ratchet: fewer silent cells, more
// right cells, fewer false errors, every planted error found so far still found). After an improvement:
// `npm run accuracy -- --update-baseline`, and commit the baseline.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BASELINE_FILE, layoutFigures, plantKey, type Baseline } from '../../scripts/accuracy/baseline.ts'
import { ACC_DIR, loadCorpus, ROOT, type CorpusEntry } from '../../scripts/accuracy/corpus.ts'
import { measure, type Figures } from '../../scripts/accuracy/measure.ts'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { SEED_DIR } from '../helpers/seeds.ts'
import { tempDb } from '../helpers/tmp.ts'

let fig: Figures
const baseline = JSON.parse(readFileSync(join(ACC_DIR, BASELINE_FILE), 'utf8')) as Baseline

beforeAll(async () => {
  fig = await measure()
}, 180_000)

describe('accuracy corpus', () => {
  it('reads every cell of the seeds as given right, with their findings and no false error', () => {
    const seeds = fig.reports.filter((r) => r.layout === 'original' && /^\d{3}_/.test(r.report))
    expect(seeds).toHaveLength(5)
    for (const r of seeds) {
      expect(r.cells, r.report).toEqual({ total: r.cells.total, right: r.cells.total, uncertain: 0, silent: 0 })
      expect(r.missing, r.report).toEqual([])
      expect(r.unexpectedErrors, r.report).toEqual([])
      expect(r.meta, r.report).toEqual({ body: true, township: true, year: true, format: true })
    }
  })

  // The seeds as given and the real PDFs as given are each a folder as a county would send it: importing and
  // checking that folder must give exactly the findings the harness measured on it.
  it.each([
    ['seeds', SEED_DIR, (r: string) => /^\d{3}_/.test(r), '.txt'],
    ['real PDFs', join(ACC_DIR, 'real'), (r: string) => !/^\d{3}_/.test(r), '.pdf']
  ] as const)('measures what an import and a check of the folder give: %s', async (_name, dir, isGroup, ext) => {
    const t = tempDb()
    try {
      const res = await importFolder(t.db, dir, { ocr: false })
      runChecks(t.db, res.batchId)
      const rows = t.db
        .prepare(
          `SELECT f.rel_path AS file, g.rule || '|' || g.severity || '|' || g.outcome || '|' || g.message AS k FROM findings g
           JOIN reports r ON r.id = g.report_id JOIN versions v ON v.id = r.current_version_id JOIN files f ON f.id = v.file_id WHERE g.state = 'open'`
        )
        .all() as { file: string; k: string }[]
      const group = fig.reports.filter((r) => r.layout === 'original' && isGroup(r.report))
      expect(group.length).toBeGreaterThan(2)
      for (const r of group) {
        const imported = rows.filter((x) => x.file === `${r.report}${ext}`).map((x) => x.k)
        expect([...r.findings].sort(), r.report).toEqual(imported.sort())
      }
    } finally {
      t.cleanup()
    }
  })

  // Every finding carries its evidence: on every report of every layout (seeds, real PDFs, held-out real
  // reports), an error or a warning points at a cell or a text span, an absence at the place it is missing.
  it('every error and warning finding points at a cell or a text span', () => {
    const bare = fig.reports.flatMap((r) => r.withoutEvidence.map((m) => `${r.layout}/${r.report}: ${m}`))
    expect(fig.reports.some((r) => r.findings.some((f) => f.startsWith('SEC-PRESENT|error')))).toBe(true)
    expect(bare).toEqual([])
  })

  it('every file of the corpus was read (no reader error)', () => {
    expect(fig.reports.filter((r) => r.error).map((r) => `${r.file}: ${r.error}`)).toEqual([])
  })

  it('does no worse than the baseline on any layout', () => {
    const now = layoutFigures(fig)
    const worse: string[] = []
    for (const [layout, b] of Object.entries(baseline.layouts)) {
      const n = now[layout]
      if (!n) {
        worse.push(`${layout}: gone from the corpus`)
        continue
      }
      if (n.right < b.right) worse.push(`${layout}: right ${n.right} < ${b.right}`)
      if (n.silent > b.silent) worse.push(`${layout}: silent ${n.silent} > ${b.silent}`)
      if (n.unexpectedErrors > b.unexpectedErrors) worse.push(`${layout}: unexpected errors ${n.unexpectedErrors} > ${b.unexpectedErrors}`)
    }
    for (const layout of Object.keys(now)) if (!baseline.layouts[layout]) worse.push(`${layout}: not in the baseline (run npm run accuracy -- --update-baseline)`)
    expect(worse).toEqual([])
  })

  it('still finds every planted error found before', () => {
    const found = new Set(fig.plants.filter((p) => p.found).map(plantKey))
    expect(baseline.plantsFound.filter((k) => !found.has(k))).toEqual([])
  })

  it('every planted copy differs from its unchanged copy and was read', () => {
    expect(fig.plants.length).toBeGreaterThan(30)
    expect(fig.plants.filter((p) => p.error).map(plantKey)).toEqual([])
    const corpus = loadCorpus()
    const file = (e: CorpusEntry): Buffer => readFileSync(join(ROOT, e.file))
    for (const e of corpus.filter((x) => x.plant)) {
      const base = corpus.find((x) => !x.plant && x.layout === e.layout && x.report === e.report)
      expect(base, e.file).toBeDefined()
      expect(file(e).equals(file(base as CorpusEntry)), e.file).toBe(false)
    }
  })
})
