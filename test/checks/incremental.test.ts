// Incremental batch checks (issue 17): a check whose inputs have not changed since the last one is not
// run at all; a changed file re-checks its report and updates the cross-file findings that involve it,
// and leaves every other stored finding as it was (same row, same key, same decision).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkRuns, runChecks, saveBatchSettings } from '../../src-main/engine/checks/store.ts'
import type { Db } from '../../src-main/engine/db/open.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { FIXTURES, SEED_DIR } from '../helpers/seeds.ts'
import { copyInto, tempDb, tempDir } from '../helpers/tmp.ts'

let db: Db
let dir = ''
let batchId = 0
const cleanups: (() => void)[] = []
const COPY = '新店镇-2023.txt'

interface Row {
  id: number
  report_id: number
  key: string
  message: string
  evidence: string
  state: string
  last_version_id: number
  decision: string | null
}
const findings = (): Row[] => db.prepare('SELECT id, report_id, key, message, evidence, state, last_version_id, decision FROM findings ORDER BY id').all() as Row[]
const reportOf = (file: string): number =>
  db.prepare('SELECT r.id FROM reports r JOIN versions v ON v.id = r.current_version_id JOIN files f ON f.id = v.file_id WHERE f.rel_path = ?').pluck().get(file) as number

beforeAll(async () => {
  const t = tempDb()
  const d = tempDir()
  cleanups.push(t.cleanup, d.cleanup)
  db = t.db
  dir = d.dir
  // The seeds and a report with a paragraph copied from 官前乡 (seed 001): a cross-file finding on both.
  copyInto(dir, [
    ...readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).map((f): [string, string] => [join(SEED_DIR, f), f]),
    [join(FIXTURES, 'planted', 'copy', COPY), COPY]
  ])
  batchId = (await importFolder(db, dir)).batchId
  runChecks(db, batchId)
})
afterAll(() => cleanups.forEach((c) => c()))

describe('incremental batch checks', () => {
  it('re-importing an unchanged folder runs no check and leaves every finding as it was', async () => {
    const before = findings()
    expect(before.some((f) => f.key.startsWith('XDOC-PEER-COPY@'))).toBe(true)
    const ran = checkRuns.ran
    const skipped = checkRuns.skipped
    const res = await importFolder(db, dir)
    expect(res.outcomes.every((o) => o.status === 'unchanged')).toBe(true)
    expect(runChecks(db, batchId)).toBe(0)
    expect(checkRuns).toMatchObject({ ran, skipped: skipped + 1 })
    expect(findings()).toEqual(before)
    // The reviewer's explicit re-check still runs, and finds the same.
    expect(runChecks(db, batchId, { force: true })).toBe(6)
    expect(checkRuns.ran).toBe(ran + 1)
    expect(findings()).toEqual(before)
  })

  it('one changed file: its report is re-checked, the copy findings on both sides are resolved, the rest untouched', async () => {
    const copier = reportOf(COPY)
    const source = db.prepare("SELECT DISTINCT report_id FROM findings WHERE key LIKE 'XDOC-PEER-COPY@%' AND report_id != ?").pluck().all(copier) as number[]
    expect(source).toHaveLength(1)
    db.prepare("UPDATE findings SET decision = 'confirmed' WHERE key LIKE 'XDOC-PEER-COPY@%'").run()
    const before = findings()
    const involved = (f: Row): boolean => f.report_id === copier || (source.includes(f.report_id) && f.key.startsWith('XDOC-PEER-COPY@'))
    // The township rewrites the copied paragraph in its own words.
    const file = join(dir, COPY)
    const text = readFileSync(file, 'utf8')
    const line = text.split('\n').find((l) => l.startsWith('2022年，我们将继续按照国家和省里的要求')) as string
    writeFileSync(file, text.replace(line, '下一步，新店镇将围绕群众关心的征地拆迁、低保救助和农田水利项目，逐月更新公开栏和村务微信群，请村民代表参与评议。'))
    const res = await importFolder(db, dir)
    expect(res.outcomes.filter((o) => o.status !== 'unchanged')).toHaveLength(1)
    const ran = checkRuns.ran
    runChecks(db, batchId)
    expect(checkRuns.ran).toBe(ran + 1)
    const after = findings()
    const newVersion = db.prepare('SELECT current_version_id FROM reports WHERE id = ?').pluck().get(copier) as number
    // Every finding not involving the changed report is the same row, unchanged.
    expect(after.filter((f) => !involved(f))).toEqual(before.filter((f) => !involved(f)))
    // The copy findings on both sides are resolved, with the reviewer's decision kept.
    const copy = after.filter((f) => f.key.startsWith('XDOC-PEER-COPY@'))
    expect(copy.length).toBeGreaterThanOrEqual(2)
    expect(copy.every((f) => f.state === 'resolved' && f.decision === 'confirmed')).toBe(true)
    // The changed report's open findings come from the new version.
    const open = after.filter((f) => f.report_id === copier && f.state === 'open')
    expect(open.length).toBeGreaterThan(0)
    expect(open.every((f) => f.last_version_id === newVersion)).toBe(true)
    // And importing it once more, unchanged, does no check work.
    await importFolder(db, dir)
    expect(runChecks(db, batchId)).toBe(0)
    expect(findings()).toEqual(after)
  })

  it('a changed setting, or stored per-version work that was lost, makes the next check run', () => {
    const ran = checkRuns.ran
    saveBatchSettings(db, batchId, { deadline: '2000-01-01' })
    expect(runChecks(db, batchId)).toBe(6)
    db.exec('DELETE FROM version_checks WHERE rowid = (SELECT MIN(rowid) FROM version_checks)')
    expect(runChecks(db, batchId)).toBe(6)
    expect(runChecks(db, batchId)).toBe(0)
    expect(checkRuns.ran).toBe(ran + 2)
  })
})
