// The review views' repositories on a real import of the sample folder: each maps its rows in one
// place, and the counts of the report list agree with the findings themselves.
import { realpathSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src-main/engine/db/open.ts'
import { batchExportsDir } from '../../src-main/engine/export/exportFiles.ts'
import { importAndCheck } from '../../src-main/engine/ingest/importTask.ts'
import { allBatches, batchById, batchName, batchRoots, currentFileEvents, importStateOf } from '../../src-main/engine/review/batchesRepo.ts'
import { findingsOf } from '../../src-main/engine/review/findingsRepo.ts'
import { reportById, reportInBatch, reportList } from '../../src-main/engine/review/reportsRepo.ts'
import { originalOf, versionOf, versionReading, versionsOf } from '../../src-main/engine/db/versionsRepo.ts'
import { putSetting, setting } from '../../src-main/engine/review/settingsRepo.ts'
import { SEED_DIR, SEEDS } from '../helpers/seeds.ts'
import { tempDb, tempDir } from '../helpers/tmp.ts'

let db: Db
let batchId: number
const cleanups: (() => void)[] = []

beforeAll(async () => {
  const d = tempDb()
  cleanups.push(d.cleanup)
  db = d.db
  const res = await importAndCheck(db, SEED_DIR, { signal: new AbortController().signal, onProgress: () => {} })
  expect(res.cancelled).toBe(false)
  batchId = res.batchId
}, 120_000)
afterAll(() => {
  while (cleanups.length) cleanups.pop()?.()
})

describe('batchesRepo', () => {
  it('reads the batch with its report count, the import’s end and no file events for a clean folder', () => {
    const b = batchById(db, batchId)!
    expect(b).toMatchObject({ id: batchId, root: realpathSync(SEED_DIR), reports: SEEDS.length })
    expect(allBatches(db)).toEqual([b])
    expect(batchRoots(db)).toEqual([b.root])
    expect(batchName(db, batchId)).toBe(b.name)
    expect(batchById(db, batchId + 1)).toBeUndefined()
    expect(importStateOf(db, batchId)).toMatchObject({ state: 'done', total: SEEDS.length, done: SEEDS.length })
    expect(currentFileEvents(db, batchId)).toEqual([])
  })
})

describe('reportsRepo', () => {
  it('counts each report’s open findings as the findings themselves say, dismissed ones and parse problems apart', () => {
    const list = reportList(db, batchId)
    expect(list).toHaveLength(SEEDS.length)
    for (const r of list) {
      const open = findingsOf(db, r.id).filter((f) => f.state === 'open')
      const counted = (s: string): number => open.filter((f) => f.severity === s && f.decision !== 'dismissed').length
      expect([r.errors, r.warnings, r.infos, r.parse]).toEqual([counted('error'), counted('warning'), counted('info'), open.filter((f) => f.severity === 'parse').length])
      expect(r.undecided).toBe(open.filter((f) => f.decision === null && (f.severity === 'error' || f.severity === 'warning')).length)
      expect(r).toMatchObject({ versions: 1, newVersion: false, reviewStatus: '待审核', bodyNamed: null })
    }
    expect(list.reduce((n, r) => n + r.errors + r.warnings, 0)).toBeGreaterThan(0)
  })

  it('gives a version only with its own report, decoded, without the original file', () => {
    const [a, b] = reportList(db, batchId)
    const ra = reportById(db, a!.id)!
    const rb = reportById(db, b!.id)!
    expect(ra).toMatchObject({ id: a!.id, batchId, reviewStatus: '待审核', bodyNamed: null })
    const v = versionOf(db, ra.id, ra.currentVersionId)!
    expect(v.file).toBe(a!.file)
    expect(v.parsed?.tables.T3.cells.length).toBeGreaterThan(0)
    expect(v.text.length).toBeGreaterThan(1000)
    expect(versionOf(db, ra.id, rb.currentVersionId)).toBeUndefined()
    expect(versionReading(db, rb.id, ra.currentVersionId)).toBeUndefined()
    expect(versionReading(db, ra.id, ra.currentVersionId)?.text).toBe(v.text)
    expect(versionsOf(db, ra.id)).toEqual([expect.objectContaining({ id: ra.currentVersionId, seq: 1, file: a!.file })])
    expect(reportInBatch(db, ra.id, batchId)).toBe(true)
    expect(reportInBatch(db, ra.id, batchId + 1)).toBe(false)
    // the sample folder holds text files: no original is kept for them
    expect(originalOf(db, ra.currentVersionId)).toBeNull()
  })
})

describe('settingsRepo and the export folder', () => {
  it('reads a blank setting as absent', () => {
    expect(setting(db, 'office')).toBeUndefined()
    putSetting(db, 'office', '   ')
    expect(setting(db, 'office')).toBeUndefined()
    putSetting(db, 'office', '原州区人民政府办公室')
    expect(setting(db, 'office')).toBe('原州区人民政府办公室')
  })

  it('makes one folder per batch under the exports root, and none for a batch that does not exist', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    expect(batchExportsDir(db, t.dir, batchId)).toMatch(new RegExp(`${batchId}-${batchName(db, batchId)}$`))
    expect(() => batchExportsDir(db, t.dir, batchId + 1)).toThrow('没有编号为')
  })
})
