// Cell settlement (人工核定) through the API on a real import: the checks follow the settled value at
// once, the reading is kept beside it, undo restores the reading, the audit trail records both steps,
// a re-import or re-check keeps the settlement, a changed cell of a new version is read afresh, and the
// workbook and the letter show the settled cell as such.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import { reportsJson } from '../../src-main/engine/reportJson.ts'
import { ReviewService } from '../../src-main/server/service.ts'
import type { ApiEvents, CellDto, ReportDetail } from '../../src-main/shared/api.ts'
import { gluedReport } from '../helpers/settleFixture.ts'
import { SEED_DIR } from '../helpers/seeds.ts'
import { storedCells } from '../helpers/stored.ts'
import { tempDb, tempDir } from '../helpers/tmp.ts'
import { unpackJson } from '../../src-main/engine/db/packed.ts'

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

function setup() {
  const d = tempDb()
  const t = tempDir()
  cleanups.push(d.cleanup, t.cleanup)
  const folder = join(t.dir, 'reports')
  mkdirSync(folder)
  writeFileSync(join(folder, '平安镇2023年报.txt'), gluedReport())
  const service = new ReviewService(d.db, { mode: 'browser', sampleFolder: SEED_DIR, version: 'test', exportsDir: join(t.dir, 'exports') })
  return { service, db: d.db, folder }
}

const cell = (d: ReportDetail, row: string, col: string): CellDto | undefined => d.cells.find((c) => c.table === 'T3' && c.row === row && c.col === col)
const balance = (d: ReportDetail, col: string) => d.findings.find((f) => f.key === `T3-BALANCE@T3.${col}`)

describe('settling a cell the reader could not read', () => {
  it('offers the two splits, settles one cell, re-checks at once, keeps the reading, audits and undoes', async () => {
    const { service, db, folder } = setup()
    const batchId = await openAndWait(service, folder)
    const reportId = (await service.getBatch(batchId)).reports[0]!.id
    let d = await service.getReport(reportId)
    const natural = cell(d, 'r7_total', 'natural_person')!
    expect(natural).toMatchObject({ status: 'uncertain', value: null, raw: '110000011' })
    // exactly two splits keep the row total: 1+10=11 and 11=11
    expect(natural.choices?.slice().sort((a, b) => a - b)).toEqual([1, 11])
    expect(cell(d, 'r7_total', 'commercial_enterprise')?.choices?.slice().sort((a, b) => a - b)).toEqual([0, 10])
    expect(cell(d, 'r7_total', 'commercial_enterprise')?.choiceGroup).toBe(natural.choiceGroup)
    expect(balance(d, 'natural_person')).toMatchObject({ outcome: 'UNVERIFIABLE', severity: 'parse' })
    const parsedBefore = (db.prepare('SELECT parsed FROM versions WHERE id = ?').get(d.versionId) as { parsed: Buffer }).parsed

    expect(await service.settleCells(reportId, [{ table: 'T3', row: 'r7_total', col: 'natural_person', value: 11 }])).toEqual({ settled: 1 })
    d = await service.getReport(reportId)
    expect(cell(d, 'r7_total', 'natural_person')).toMatchObject({
      value: 11,
      status: 'ok',
      settled: { kind: 'corrected', read: { value: null, raw: '110000011', status: 'uncertain' }, by: '审核人' }
    })
    const fail = balance(d, 'natural_person')!
    expect(fail).toMatchObject({ outcome: 'FAIL', severity: 'error', state: 'open' })
    expect(fail.message).toContain('本年新收（1）')
    expect(fail.message).toContain('办理结果总计（11）')
    const ev = fail.evidence.find((e) => e.kind === 'cell' && e.row === 'r7_total')
    expect(ev).toMatchObject({ value: 11, settled: { read: { value: null, raw: '110000011' } } })
    // the version's stored check work was redone with the settlement, and says so
    const prepStamp = () => unpackJson<{ settled?: string }>(db.prepare('SELECT prep FROM version_checks WHERE version_id = ?').pluck().get(d.versionId))?.settled
    expect(prepStamp()).toMatch(/^[0-9a-f]{16}$/)
    // the other cells of the run are still uncertain
    expect(cell(d, 'r7_total', 'total')?.status).toBe('uncertain')
    // nothing the reader wrote is overwritten
    expect((db.prepare('SELECT parsed FROM versions WHERE id = ?').get(d.versionId) as { parsed: Buffer }).parsed).toEqual(parsedBefore)
    expect(storedCells(db, d.versionId).find((c) => c.table === 'T3' && c.row === 'r7_total' && c.col === 'natural_person')).toMatchObject({ status: 'uncertain', value: null })
    const audit = db.prepare("SELECT action, reviewer, report_id, before, after, undone FROM audit WHERE action = 'settle'").all() as { before: string; after: string }[]
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ reviewer: '审核人', report_id: reportId, undone: 0 })
    expect(JSON.parse(audit[0]!.before).cells).toEqual([{ cell: 'T3|r7_total|natural_person', read: null, raw: '110000011', status: 'uncertain' }])
    expect(JSON.parse(audit[0]!.after).cells).toEqual([{ cell: 'T3|r7_total|natural_person', value: 11 }])

    // correcting again replaces the settlement and keeps the first one (inactive)
    await service.settleCells(reportId, [{ table: 'T3', row: 'r7_total', col: 'natural_person', value: 1 }])
    d = await service.getReport(reportId)
    // 1 + 0 = 1 + 0: the identity holds with this value
    expect(balance(d, 'natural_person')?.state).toBe('resolved')
    expect(db.prepare('SELECT value, active FROM settlements ORDER BY id').all()).toEqual([{ value: 11, active: 0 }, { value: 1, active: 1 }])
    expect((await service.undo(reportId)).undone).toBe('单元格人工核定')
    d = await service.getReport(reportId)
    expect(cell(d, 'r7_total', 'natural_person')?.value).toBe(11)
    expect(balance(d, 'natural_person')).toMatchObject({ outcome: 'FAIL', state: 'open' })

    // undo of the first settlement: the reading is back, and so is UNVERIFIABLE
    await service.undo(reportId)
    d = await service.getReport(reportId)
    expect(cell(d, 'r7_total', 'natural_person')).toMatchObject({ status: 'uncertain', value: null })
    expect(cell(d, 'r7_total', 'natural_person')?.settled).toBeUndefined()
    expect(balance(d, 'natural_person')).toMatchObject({ outcome: 'UNVERIFIABLE', state: 'open' })
    expect(db.prepare('SELECT COUNT(*) AS n FROM settlements').get()).toEqual({ n: 2 })
    expect(prepStamp()).toBeUndefined()
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit WHERE action = 'settle' AND undone = 1").get()).toEqual({ n: 2 })
  })

  it('settles a whole glued run by one choice, and withdraws it', async () => {
    const { service, db, folder } = setup()
    const reportId = (await service.getBatch(await openAndWait(service, folder))).reports[0]!.id
    let d = await service.getReport(reportId)
    const row = d.cells.filter((c) => c.table === 'T3' && c.row === 'r7_total')
    const i = row[0]!.choices!.indexOf(1)
    await service.settleCells(reportId, row.map((c) => ({ table: 'T3', row: c.row, col: c.col, value: c.choices![i]! })))
    d = await service.getReport(reportId)
    expect(d.cells.filter((c) => c.table === 'T3' && c.row === 'r7_total').map((c) => c.value)).toEqual([1, 10, 0, 0, 0, 0, 11])
    expect(balance(d, 'natural_person')?.state).toBe('resolved')
    expect(balance(d, 'commercial_enterprise')).toMatchObject({ outcome: 'FAIL' })
    expect(balance(d, 'total')).toMatchObject({ outcome: 'FAIL' })
    expect(await service.unsettleCells(reportId, [{ table: 'T3', row: 'r7_total', col: 'total' }])).toEqual({ withdrawn: 1 })
    d = await service.getReport(reportId)
    expect(cell(d, 'r7_total', 'total')?.status).toBe('uncertain')
    expect(balance(d, 'total')).toMatchObject({ outcome: 'UNVERIFIABLE' })
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit WHERE action = 'unsettle'").get()).toEqual({ n: 1 })
    await expect(service.settleCells(reportId, [{ table: 'T3', row: 'r7_total', col: 'total', value: -1 }])).rejects.toThrow(/核定值/)
    await expect(service.settleCells(reportId, [{ table: 'T3', row: 'nope', col: 'total', value: 1 }])).rejects.toThrow(/没有这个单元格/)
  })

  it('survives a re-check and a re-import; a new version keeps it only where the original is unchanged', async () => {
    const { service, db, folder } = setup()
    const batchId = await openAndWait(service, folder)
    const reportId = (await service.getBatch(batchId)).reports[0]!.id
    await service.settleCells(reportId, [
      { table: 'T3', row: 'r7_total', col: 'natural_person', value: 11 },
      { table: 'T3', row: 'new_received', col: 'natural_person', value: 1 }
    ])
    await service.rerunChecks(batchId)
    // importing the same folder again finds the file unchanged
    expect(await openAndWait(service, folder)).toBe(batchId)
    let d = await service.getReport(reportId)
    expect(d.versions).toHaveLength(1)
    expect(cell(d, 'r7_total', 'natural_person')).toMatchObject({ value: 11, settled: { kind: 'corrected' } })
    expect(cell(d, 'new_received', 'natural_person')).toMatchObject({ value: 1, settled: { kind: 'confirmed' } })
    expect(balance(d, 'natural_person')).toMatchObject({ outcome: 'FAIL' })

    // a resubmission whose （七）总计 row is written differently: that row is read afresh; 本年新收 is unchanged and keeps its settlement
    writeFileSync(join(folder, '平安镇2023年报.txt'), gluedReport('110000012'))
    await openAndWait(service, folder)
    d = await service.getReport(reportId)
    expect(d.versions).toHaveLength(2)
    expect(cell(d, 'r7_total', 'natural_person')?.settled).toBeUndefined()
    expect(cell(d, 'r7_total', 'natural_person')?.raw).toBe('110000012')
    expect(cell(d, 'new_received', 'natural_person')).toMatchObject({ value: 1, settled: { kind: 'confirmed', carried: true } })
    expect(balance(d, 'natural_person')).toMatchObject({ outcome: 'UNVERIFIABLE' })
    const rows = db.prepare('SELECT version_id, row_id, carried_from FROM settlements WHERE active = 1 ORDER BY id').all() as { version_id: number; row_id: string; carried_from: number | null }[]
    expect(rows.filter((r) => r.version_id === d.versionId)).toEqual([{ version_id: d.versionId, row_id: 'new_received', carried_from: expect.any(Number) }])
    // the first version still shows what was settled on it
    const first = await service.getReport(reportId, d.versions[0]!.id)
    expect(cell(first, 'r7_total', 'natural_person')?.value).toBe(11)
  })

  it('the workbook and the letter show the settled cell as 人工核定 with the reading', async () => {
    const { service, folder, db } = setup()
    const batchId = await openAndWait(service, folder)
    const reportId = (await service.getBatch(batchId)).reports[0]!.id
    await service.settleCells(reportId, [{ table: 'T3', row: 'r7_total', col: 'total', value: 11 }])
    const d = await service.getReport(reportId)
    // the command line's JSON gives the settled value and names the cell as settled
    const [json] = reportsJson(db, [{ file: 'x.txt', status: 'ok', reportId, versionId: d.versionId }]).reports
    expect(json?.tables?.T3.r7_total?.[6]).toBe(11)
    expect(json?.settled).toEqual(['T3.r7_total.total'])
    expect(json?.uncertain).not.toContain('T3.r7_total.total')
    const f = balance(d, 'total')!
    expect(f.outcome).toBe('FAIL')
    await service.decide(f.id, 'confirmed', null)

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile((await service.exportSummary(batchId)).file)
    const notes: { sheet: string; value: unknown; note: string }[] = []
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const n = typeof c.note === 'string' ? c.note : (c.note?.texts ?? []).map((t) => t.text).join('')
          if (n.includes('人工核定')) notes.push({ sheet: ws.name, value: c.value, note: n })
        })
      )
    )
    expect(notes.length).toBeGreaterThan(0)
    expect(notes.every((n) => n.value === 11 && n.note.includes('审核人') && n.note.includes('110000011'))).toBe(true)
    expect(notes.map((n) => n.sheet)).toContain('表格数据')

    const [letter] = (await service.exportFeedback(batchId, reportId)).files
    const xml = await (await JSZip.loadAsync(readFileSync(letter!))).file('word/document.xml')!.async('string')
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('11（人工核定，解析读数为无法确定）')
  })
})
