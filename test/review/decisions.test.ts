// engine/review without the server: each decision is audited in its transaction, the trail reads it
// back, and undo reverses the latest action (of one report or of all) and is itself never undone.
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { auditTrail } from '../../src-main/engine/review/audit.ts'
import { addFinding, decide, setReportBody, setReviewStatus } from '../../src-main/engine/review/decisions.ts'
import { findingById, findingsOf } from '../../src-main/engine/review/findingsRepo.ts'
import { undoLast } from '../../src-main/engine/review/undo.ts'
import { FIXTURES } from '../helpers/seeds.ts'
import { tempDb, tempDir } from '../helpers/tmp.ts'

describe('engine/review: decisions, audit trail, undo', async () => {
  const t = tempDir('xxgk-review-')
  const d = tempDb()
  afterAll(() => {
    d.cleanup()
    t.cleanup()
  })
  cpSync(join(FIXTURES, 'planted', 'pair'), join(t.dir, 'pair'), { recursive: true })
  const { batchId } = await importFolder(d.db, join(t.dir, 'pair'))
  runChecks(d.db, batchId)
  const [a, b] = d.db.prepare('SELECT id FROM reports ORDER BY id').pluck().all() as number[]
  const db = d.db

  it('maps rows to models in one place: evidence decoded, flags as booleans', () => {
    const fs = findingsOf(db, a!)
    expect(fs.length).toBeGreaterThan(0)
    const f = fs[0]!
    expect(Array.isArray(f.evidence)).toBe(true)
    expect(f.manual).toBe(false)
    expect(f.reportId).toBe(a)
    expect(findingById(db, f.id)).toEqual(f)
    expect(findingById(db, -1)).toBeUndefined()
  })

  it('decides, audits and undoes a decision', async () => {
    const f = findingsOf(db, a!)[0]!
    const after = decide(db, '甲', f.id, 'dismissed', '不是问题')
    expect(after).toMatchObject({ decision: 'dismissed', comment: '不是问题', decidedBy: '甲' })
    expect(auditTrail(db, batchId)[0]).toMatchObject({ action: 'decide', reviewer: '甲', reportId: a, findingKey: f.key, undone: false })
    expect(await undoLast(db, '甲', a)).toEqual({ undone: '审核决定', reportId: a })
    expect(findingById(db, f.id)).toMatchObject({ decision: f.decision, comment: f.comment })
    const [undo, undone] = auditTrail(db, batchId)
    expect(undo).toMatchObject({ action: 'undo', undone: true })
    expect(undone).toMatchObject({ action: 'decide', undone: true })
  })

  it('adds a manual finding, confirmed, and undo deletes it', async () => {
    const m = addFinding(db, '乙', b!, { severity: 'warning', message: '人工发现', comment: null, evidence: [] })
    expect(m).toMatchObject({ manual: true, decision: 'confirmed', rule: 'MANUAL', decidedBy: '乙', reportId: b })
    // the latest action of all reports is this one
    expect(await undoLast(db, '乙')).toEqual({ undone: '人工添加的发现', reportId: b })
    expect(findingById(db, m.id)).toBeUndefined()
  })

  it('undoes status and body per report, latest first', async () => {
    setReviewStatus(db, '丙', a!, '需整改')
    setReportBody(db, '丙', b!, '某镇人民政府')
    expect(await undoLast(db, '丙', a)).toEqual({ undone: '审核状态', reportId: a })
    expect(db.prepare('SELECT review_status FROM reports WHERE id = ?').pluck().get(a)).toBe('待审核')
    expect(db.prepare('SELECT body_named FROM reports WHERE id = ?').pluck().get(b)).toBe('某镇人民政府')
    expect(await undoLast(db, '丙')).toEqual({ undone: '报送单位名称', reportId: b })
    expect(db.prepare('SELECT body_named FROM reports WHERE id = ?').pluck().get(b)).toBeNull()
  })

  it('says so when there is nothing to undo, and refuses unknown ids', async () => {
    expect(await undoLast(db, '丁', a)).toEqual({ undone: null })
    expect(() => decide(db, '丁', -1, 'confirmed', null)).toThrow('没有这条发现')
    expect(() => setReviewStatus(db, '丁', -1, '已通过')).toThrow('没有这份年报')
  })
})
