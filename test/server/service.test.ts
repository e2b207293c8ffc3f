// Reviewer decisions through the API: confirm/dismiss with comments, manual findings, review status,
// undo, audit trail, version diff after a resubmission.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ReviewService } from '../../src-main/server/service.ts'
import type { ApiEvents } from '../../src-main/shared/api.ts'
import { FIXTURES, SEED_DIR, seedPath } from '../helpers/seeds.ts'
import { tempDb, tempDir } from '../helpers/tmp.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

async function openAndWait(service: ReviewService, folder: string): Promise<number> {
  const done = new Promise<ApiEvents['task']>((resolve) => {
    const off = service.onEvent((e, p) => {
      if (e === 'task' && (p as ApiEvents['task']).state !== 'running') {
        off()
        resolve(p as ApiEvents['task'])
      }
    })
  })
  await service.openFolder(folder)
  const t = await done
  expect(t.state).toBe('done')
  return t.batchId as number
}

function setup(): { service: ReviewService; db: ReturnType<typeof tempDb>['db']; dir: string } {
  const d = tempDb()
  const t = tempDir()
  cleanups.push(d.cleanup, t.cleanup)
  return { service: new ReviewService(d.db, { mode: 'browser', sampleFolder: SEED_DIR, version: 'test', exportsDir: join(t.dir, 'exports') }), db: d.db, dir: t.dir }
}

describe('reviewer decisions through the API', () => {
  it('confirms, dismisses, comments, adds by hand, sets the status and undoes, with an audit trail', async () => {
    const { service, db } = setup()
    const batchId = await openAndWait(service, SEED_DIR)
    const batch = await service.getBatch(batchId)
    const pingan = batch.reports.find((r) => r.township === '平安镇')!
    const report = await service.getReport(pingan.id)
    expect(report.cells.find((c) => c.table === 'T3' && c.row === 'new_received' && c.col === 'total')?.value).toBe(1)
    const cat = report.findings.find((f) => f.rule === 'TXT-T3-CATEGORY')!
    expect(cat.evidence.some((e) => e.kind === 'text')).toBe(true)
    expect(cat.evidence.some((e) => e.kind === 'cell')).toBe(true)
    const fee = report.findings.find((f) => f.rule === 'SEC6-FEE')!

    await service.decide(cat.id, 'dismissed', '口径问题，不作整改')
    const confirmed = await service.decide(fee.id, 'confirmed', '请补充信息处理费情况')
    expect(confirmed).toMatchObject({ decision: 'confirmed', comment: '请补充信息处理费情况', decidedBy: '审核人' })
    const manual = await service.addFinding(pingan.id, {
      severity: 'warning',
      message: '第一部分“进一步落压紧压实”有错字',
      evidence: [{ kind: 'text', start: 200, end: 210, text: report.text.slice(200, 210) }]
    })
    expect(manual).toMatchObject({ manual: true, decision: 'confirmed', rule: 'MANUAL' })
    await service.setReviewStatus(pingan.id, '需整改')
    expect((await service.getBatch(batchId)).reports.find((r) => r.id === pingan.id)?.reviewStatus).toBe('需整改')
    await expect(service.setReviewStatus(pingan.id, '随便' as never)).rejects.toThrow()

    // Undo is per report: nothing to undo in another report.
    const other = batch.reports.find((r) => r.township === '头营镇')!
    expect(await service.undo(other.id)).toEqual({ undone: null })
    expect(await service.undo(pingan.id)).toEqual({ undone: '审核状态', reportId: pingan.id })
    expect((await service.getBatch(batchId)).reports.find((r) => r.id === pingan.id)?.reviewStatus).toBe('待审核')
    expect(await service.undo()).toEqual({ undone: '人工添加的发现', reportId: pingan.id })
    expect((await service.getReport(pingan.id)).findings.some((f) => f.manual)).toBe(false)
    expect(await service.undo()).toEqual({ undone: '审核决定', reportId: pingan.id })
    expect((await service.getReport(pingan.id)).findings.find((f) => f.id === fee.id)?.decision).toBeNull()
    // The dismissal made before stays.
    expect((await service.getReport(pingan.id)).findings.find((f) => f.id === cat.id)).toMatchObject({ decision: 'dismissed', comment: '口径问题，不作整改' })
    const audit = db.prepare('SELECT action, reviewer FROM audit ORDER BY id').all() as { action: string; reviewer: string }[]
    expect(audit.map((a) => a.action)).toEqual(['decide', 'decide', 'add', 'status', 'undo', 'undo', 'undo'])
    expect(audit.every((a) => a.reviewer === '审核人')).toBe(true)
  })

  it('shows what changed between versions after a resubmission and which findings were resolved', async () => {
    const { service, dir } = setup()
    const folder = join(dir, 'in')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(folder)
    writeFileSync(join(folder, '平安镇.txt'), readFileSync(join(FIXTURES, 'planted', 't3-balance-broken.txt')))
    const batchId = await openAndWait(service, folder)
    const rid = (await service.getBatch(batchId)).reports[0]!.id
    const before = await service.getReport(rid)
    const balance = before.findings.find((f) => f.rule === 'T3-BALANCE' && f.state === 'open')!
    await service.decide(balance.id, 'confirmed', '请核对')
    rmSync(join(folder, '平安镇.txt'))
    writeFileSync(join(folder, '平安镇-更正.txt'), readFileSync(seedPath('002')))
    await openAndWait(service, folder)
    const after = await service.getReport(rid)
    expect(after.versions).toHaveLength(2)
    const diff = await service.diffVersions(rid, before.versionId, after.versionId)
    expect(diff.cells).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'T3', row: 'new_received', col: 'total', before: 2, after: 1 })]))
    expect(diff.text.some((t) => t.op === 'del' && t.text.includes('2件'))).toBe(true)
    expect(diff.resolved.map((f) => f.rule)).toContain('T3-BALANCE')
    expect(diff.resolved.find((f) => f.rule === 'T3-BALANCE')).toMatchObject({ decision: 'confirmed', comment: '请核对', state: 'resolved' })
    expect(diff.remaining.map((f) => f.rule)).toContain('SEC6-EMPTY')
  })
})
