// Golden test over the seed folder (domain.md §9): every listed finding is raised with the stated
// rule id and severity, the listed passes raise nothing, and nothing is raised at error level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { SEED_DIR } from '../helpers/seeds.ts'
import { tempDb } from '../helpers/tmp.ts'

type Row = { file: string; rule: string; severity: string; outcome: string; message: string }
let rows: Row[] = []
let cleanup = (): void => undefined

beforeAll(async () => {
  const t = tempDb()
  cleanup = t.cleanup
  const r = await importFolder(t.db, SEED_DIR)
  runChecks(t.db, r.batchId)
  rows = t.db
    .prepare(
      `SELECT f.rel_path AS file, g.rule, g.severity, g.outcome, g.message FROM findings g JOIN reports r ON r.id = g.report_id
       JOIN versions v ON v.id = r.current_version_id JOIN files f ON f.id = v.file_id WHERE g.state = 'open'`
    )
    .all() as Row[]
})
afterAll(() => cleanup())

const of = (seed: string): Row[] => rows.filter((r) => r.file.startsWith(seed))
const has = (seed: string, rule: string, severity: string, outcome = 'FAIL'): void => {
  const hit = of(seed).filter((r) => r.rule === rule && r.severity === severity && r.outcome === outcome)
  expect(hit.length, `${seed}: ${rule} ${severity} ${outcome}\n${of(seed).map((r) => `${r.rule} ${r.severity} ${r.outcome}`).join('\n')}`).toBeGreaterThan(0)
}
const lacks = (seed: string, rule: string): void => {
  expect(of(seed).filter((r) => r.rule === rule).map((r) => r.message)).toEqual([])
}

const EXPECT: Record<string, [string, string, string?][]> = {
  '000': [
    ['DOC-TITLE-AGENCY', 'info'], ['DOC-STAT-PERIOD', 'info'], ['SEC1-ASPECTS', 'warning'], ['SEC1-DATA', 'info'], ['SEC-NUMBERING', 'info'],
    ['SEC1-GOV-ASSESS', 'warning'], ['SEC5-PREV', 'info'], ['SEC6-EMPTY', 'warning'], ['SEC6-FEE', 'warning'], ['SEC6-POINTS', 'warning'],
    ['SEC6-NPC', 'info'], ['SEC6-INNOV', 'info'], ['TBL-ALLZERO', 'info'], ['DOC-DEADLINE', 'info', 'UNVERIFIABLE']
  ],
  '001': [
    ['DOC-TARGET-YEAR', 'warning'], ['SEC1-GOV-ASSESS', 'warning'], ['TBL-LABEL', 'warning'], ['TBL-LABEL', 'info'], ['SEC5-PREV', 'info'],
    ['SEC6-NPC', 'info'], ['SEC6-INNOV', 'info'], ['TBL-ALLZERO', 'info'], ['DOC-DEADLINE', 'info', 'UNVERIFIABLE']
  ],
  '002': [
    ['SEC-TITLE', 'info'], ['SEC1-GOV-ASSESS', 'warning'], ['TXT-T3-CATEGORY', 'warning'], ['SEC-NUMBERING', 'info'], ['SEC5-PREV', 'info'],
    ['SEC6-EMPTY', 'warning'], ['SEC6-FEE', 'warning'], ['SEC6-POINTS', 'warning'], ['SEC6-NPC', 'info'], ['SEC6-INNOV', 'info'],
    ['DOC-DEADLINE', 'info', 'UNVERIFIABLE']
  ],
  '003': [
    ['DOC-TITLE-AGENCY', 'info'], ['SEC1-GOV-ASSESS', 'warning'], ['TBL-BLANK', 'warning'], ['TBL-SHAPE', 'warning'], ['T4-SUM', 'info', 'UNVERIFIABLE'],
    ['SEC5-PREV', 'info'], ['SEC6-NPC', 'info'], ['SEC6-INNOV', 'info'], ['TBL-ALLZERO', 'info'], ['DOC-DEADLINE', 'info', 'UNVERIFIABLE']
  ],
  '004': [
    ['DOC-TRAD', 'info'], ['DOC-FORMAT-DETECT', 'info'], ['DOC-TARGET-YEAR', 'warning'], ['DOC-STAT-PERIOD', 'info'], ['DOC-CITATION', 'info'],
    ['SEC1-ASPECTS', 'info'], ['SEC1-GOV-ASSESS', 'warning'], ['TBL-LABEL', 'info'], ['TBL-BLANK', 'warning'], ['T3-BALANCE', 'info', 'UNVERIFIABLE'],
    ['SEC-TITLE', 'warning'], ['SEC6-EMPTY', 'info'], ['TBL-ALLZERO', 'info']
  ]
}

describe('domain.md §9 on the seed folder', () => {
  it.each(Object.keys(EXPECT))('seed %s raises every listed finding', (seed) => {
    for (const [rule, sev, outcome] of EXPECT[seed] ?? []) has(seed, rule, sev, outcome)
  })

  it('raises nothing at error level on any seed', () => {
    expect(rows.filter((r) => r.severity === 'error').map((r) => `${r.file} ${r.rule}: ${r.message}`)).toEqual([])
  })

  it('says a report of another year once: DOC-TARGET-YEAR on it, XDOC-MIXED-YEAR only as the folder summary', () => {
    for (const s of ['001', '004']) {
      has(s, 'DOC-TARGET-YEAR', 'warning')
      lacks(s, 'XDOC-MIXED-YEAR')
    }
  })

  it('raises nothing where §9 says PASS', () => {
    lacks('004', 'DOC-DEADLINE')
    for (const s of ['001', '002', '003']) lacks(s, 'SEC1-ASPECTS')
    for (const s of ['000', '001', '003', '004']) lacks(s, 'TXT-T3-CATEGORY')
    for (const s of ['000', '001', '002', '003', '004']) {
      lacks(s, 'XDOC-PEER-COPY')
      lacks(s, 'XDOC-OTHER-NAME')
      lacks(s, 'T3-OUTCOME-SUM')
      lacks(s, 'T2-RULES-TOWNSHIP')
      lacks(s, 'SEC-PRESENT')
      lacks(s, 'TXT-T3-COUNT')
    }
    for (const s of ['001', '003']) lacks(s, 'SEC6-FEE')
    for (const s of ['000', '001', '002', '003']) lacks(s, 'DOC-TRAD')
    for (const s of ['000', '001', '002', '003']) lacks(s, 'T3-ROW-TOTAL')
    lacks('002', 'TBL-ALLZERO')
    expect(of('004').filter((r) => r.rule === 'SEC-TITLE')).toHaveLength(2)
    expect(of('002').filter((r) => r.rule === 'SEC-TITLE').map((r) => r.severity)).toEqual(['info'])
  })
})
