// Per-version check work (checks/prep.ts): the rules that depend on a report alone run once, in the
// reader worker at import, and a check of the batch reuses their results. These tests hold that
// reuse to the same answers as a full check, and the settings flag to what the rules really read.
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadBatchReports, runChecks, saveBatchSettings } from '../../src-main/engine/checks/store.ts'
import { checkBatch, type CheckResult } from '../../src-main/engine/checks/run.ts'
import { FIXED_RULES, RULESET, SETTINGS_RULES } from '../../src-main/engine/checks/ruleset.ts'
import type { BatchReport, BatchSettings } from '../../src-main/engine/checks/types.ts'
import type { Db } from '../../src-main/engine/db/open.ts'
import { unpackJson } from '../../src-main/engine/db/packed.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import type { ParsedReport } from '../../src-main/engine/model.ts'
import { foldText } from '../../src-main/engine/parse/normalize.ts'
import { wordingKey } from '../../src-main/engine/checks/lib/wordingKey.ts'
import { ctxFromText, SEED_IDS, seedText } from '../helpers/check.ts'
import { FIXTURES, SEED_DIR } from '../helpers/seeds.ts'
import { copyInto, tempDb, tempDir } from '../helpers/tmp.ts'

let db: Db
let batchId = 0
const cleanups: (() => void)[] = []

beforeAll(async () => {
  const t = tempDb()
  const d = tempDir()
  cleanups.push(t.cleanup, d.cleanup)
  db = t.db
  // The seeds, a township pair (cross-year rules read the cells of both years) and a copied paragraph.
  copyInto(d.dir, [
    ...readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).map((f): [string, string] => [join(SEED_DIR, f), f]),
    [join(FIXTURES, 'planted', 'pair', '平安镇-2022.txt'), '平安镇-2022.txt'],
    [join(FIXTURES, 'planted', 'copy', '新店镇-2023.txt'), '新店镇-2023.txt']
  ])
  batchId = (await importFolder(db, d.dir)).batchId
})
afterAll(() => cleanups.forEach((c) => c()))

/** The same reports parsed in full from the database, without stored work: the reference check. */
function fullReports(): BatchReport[] {
  const parsedOf = db.prepare('SELECT parsed FROM versions WHERE id = ?').pluck()
  return loadBatchReports(db, batchId).map((r) => {
    const report = { ...(unpackJson(parsedOf.get(r.versionId)) as Omit<ParsedReport, 'norm'>), norm: foldText(r.text) }
    return { ...r, report, prep: undefined }
  })
}

const plain = (m: Map<number, CheckResult>): unknown => JSON.parse(JSON.stringify([...m].sort((a, b) => a[0] - b[0])))

describe('per-version check work', () => {
  it('is stored by the reader worker for every imported version', () => {
    const versions = db.prepare('SELECT COUNT(*) FROM versions WHERE parsed IS NOT NULL').pluck().get() as number
    expect(versions).toBe(7)
    expect(db.prepare('SELECT COUNT(*) FROM version_checks WHERE ruleset = ?').pluck().get(RULESET)).toBe(versions)
  })

  it('gives exactly the results and findings of a full check, cross-year and copy findings included', () => {
    const settings: BatchSettings = { year: 2023, roster: ['平安镇', '裴城镇', '官前乡', '头营镇', '王官集镇', '新店镇'] }
    const fromStored = checkBatch(loadBatchReports(db, batchId), settings)
    const reference = checkBatch(fullReports(), settings)
    expect(plain(fromStored)).toEqual(plain(reference))
    const rules = new Set([...fromStored.values()].flatMap((r) => r.findings.map((f) => f.rule)))
    for (const id of ['XDOC-CARRY', 'XDOC-PREV-COPY', 'XDOC-PEER-COPY', 'T3-BALANCE', 'DOC-TARGET-YEAR']) expect(rules, id).toContain(id)
  })

  it('keeps the wording digest that XDOC-DUP-FILE groups by, the one it would make from the text', () => {
    const reports = loadBatchReports(db, batchId)
    expect(reports.length).toBe(7)
    for (const r of reports) expect(r.prep?.textKey, r.file).toBe(wordingKey(foldText(r.text)))
  })

  it('finds the same text in two files that differ only in whitespace, from the stored digest', async () => {
    const t = tempDb()
    const d = tempDir()
    cleanups.push(t.cleanup, d.cleanup)
    const text = seedText('002')
    writeFileSync(join(d.dir, 'a.txt'), text)
    writeFileSync(join(d.dir, 'b.txt'), text.replace(/\n/g, '\n\n'))
    const res = await importFolder(t.db, d.dir)
    const reports = loadBatchReports(t.db, res.batchId)
    expect(reports.every((r) => typeof r.prep?.textKey === 'string')).toBe(true)
    runChecks(t.db, res.batchId)
    const dup = t.db.prepare("SELECT key FROM findings WHERE rule = 'XDOC-DUP-FILE' ORDER BY report_id").pluck().all()
    expect(dup).toEqual(['XDOC-DUP-FILE@dup.text', 'XDOC-DUP-FILE@dup.text'])
  })

  it('is redone and stored again when it is missing, damaged or was made by another rule set', () => {
    runChecks(db, batchId)
    const before = db.prepare('SELECT report_id, key, severity, message FROM findings ORDER BY report_id, key').all()
    db.prepare("UPDATE version_checks SET ruleset = 'older', prep = '{}' WHERE rowid IN (SELECT rowid FROM version_checks LIMIT 3)").run()
    db.prepare('DELETE FROM version_checks WHERE rowid = (SELECT MAX(rowid) FROM version_checks)').run()
    // Damaged but stamped with the current rule set: not trusted either.
    db.prepare("UPDATE version_checks SET prep = '{\"outline\":' WHERE rowid = (SELECT MIN(rowid) FROM version_checks WHERE ruleset = ?)").run(RULESET)
    runChecks(db, batchId)
    expect(db.prepare('SELECT COUNT(*) FROM version_checks WHERE ruleset = ?').pluck().get(RULESET)).toBe(7)
    expect(db.prepare('SELECT report_id, key, severity, message FROM findings ORDER BY report_id, key').all()).toEqual(before)
  })
})

describe('re-checking', () => {
  it('updates changed findings, resolves gone ones and reopens returning ones, leaving the rest as they were', () => {
    const deadline = (): { state: string; message: string }[] =>
      db.prepare("SELECT state, message FROM findings WHERE rule = 'DOC-DEADLINE' AND outcome = 'FAIL' ORDER BY report_id").all() as { state: string; message: string }[]
    const others = (): unknown[] => db.prepare("SELECT id, key, message, evidence, state FROM findings WHERE rule NOT LIKE 'DOC-%' ORDER BY id").all()
    saveBatchSettings(db, batchId, { deadline: '2000-01-01' })
    runChecks(db, batchId)
    const late = deadline()
    expect(late.length).toBeGreaterThan(0)
    expect(late.every((f) => f.state === 'open' && f.message.includes('2000-01-01'))).toBe(true)
    const rest = others()
    saveBatchSettings(db, batchId, { deadline: '2099-12-31' })
    runChecks(db, batchId)
    expect(deadline().map((f) => f.state)).toEqual(late.map(() => 'resolved'))
    // Back to the first deadline: the same findings as stored, which are resolved and must be reopened.
    saveBatchSettings(db, batchId, { deadline: '2000-01-01' })
    runChecks(db, batchId)
    expect(deadline()).toEqual(late)
    expect(others()).toEqual(rest)
  })
})

describe('the settings flag', () => {
  const A: BatchSettings = { year: 2019, deadline: '2000-01-01', roster: ['平安镇人民政府', '某某街道办事处', '海坛片区管理局'] }
  const B: BatchSettings = { year: 2023, deadline: '2099-12-31', roster: [] }
  // An area office that does a township's work: on roster A, so DOC-WRONG-ENTITY reads the roster.
  const texts: [string, string][] = [
    ...SEED_IDS.map((id): [string, string] => [id, seedText(id)]),
    ['003 as 片区管理局', seedText('003').replace('原州区头营镇 2023年政府', '平潭综合实验区海坛片区管理局 2023年政府')]
  ]
  const results = (rules: typeof FIXED_RULES, text: string, s: BatchSettings): string[] => {
    const ctx = ctxFromText(text, s)
    return rules.map((r) => JSON.stringify(r.check(ctx)))
  }

  it('rules run once per version give the same result whatever the batch settings', () => {
    for (const [id, text] of texts) expect(results(FIXED_RULES, text, A), id).toEqual(results(FIXED_RULES, text, B))
  })

  it('the rules marked as reading the settings do change with them', () => {
    const reading = ['DOC-DEADLINE', 'DOC-TARGET-YEAR', 'DOC-WRONG-ENTITY']
    expect(SETTINGS_RULES.map((r) => r.id).sort()).toEqual(reading)
    const changed = new Set<string>()
    for (const [, text] of texts) {
      const a = results(SETTINGS_RULES, text, A)
      const b = results(SETTINGS_RULES, text, B)
      SETTINGS_RULES.forEach((r, i) => a[i] !== b[i] && changed.add(r.id))
    }
    expect([...changed].sort()).toEqual(reading)
  })
})
