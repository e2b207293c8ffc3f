// The API boundary: every method has an argument rule, every rule refuses wrong types and ranges,
// and a refused call changes nothing (no folder outside the exports folder, no stored finding).
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ReviewService } from '../../src-main/server/service.ts'
import { API_ARGS, ApiArgError, callApi, UnknownMethodError, validateArgs } from '../../src-main/server/validate.ts'
import { API_METHODS, type ApiMethod } from '../../src-main/shared/api.ts'
import { SEED_DIR } from '../helpers/seeds.ts'
import { tempDb, tempDir } from '../helpers/tmp.ts'

/** Arguments each method must refuse. A method added without cases here fails the first test. */
const BAD: Record<ApiMethod, unknown[][]> = {
  appInfo: [[1]],
  listBatches: [['x']],
  openFolder: [[], [''], ['   '], [42], [{ path: '/tmp' }], ['a'.repeat(5000)], ['/tmp\u0000x']],
  cancelTask: [[], [1], [null], ['x'.repeat(101)]],
  getBatch: [[], ['1'], [0], [-1], [1.5], [Number.NaN], ['../../x'], [null], [1, 2]],
  saveSettings: [
    [1],
    [1, null],
    [1, 'x'],
    [1, { deadline: '2024-13-45' }],
    [1, { deadline: '2023-02-29' }],
    [1, { replyDeadline: '31/01/2024' }],
    [1, { year: 23 }],
    [1, { year: '2023' }],
    [1, { year: 2023.5 }],
    [1, { roster: '头营镇' }],
    [1, { roster: [1, 2] }],
    [1, { roster: Array.from({ length: 501 }, (_, i) => `乡${i}`) }],
    [1, { reviewer: 'x'.repeat(51) }],
    [1, { office: 7 }],
    [1, { unknownKey: 1 }],
    ['1', {}]
  ],
  rerunChecks: [[], ['1'], [0]],
  getReport: [[], ['1'], [1, '2'], [1, 0], [1, 2, 3]],
  decide: [[1, 'maybe', null], [1, 'confirmed', 5], ['1', 'confirmed', null], [1, 'confirmed', 'x'.repeat(2001)], [1]],
  addFinding: [
    [1, { severity: 'warning', message: '错字', evidence: 'notarray' }],
    [1, { severity: 'parse', message: '错字', evidence: [] }],
    [1, { severity: 'warning', message: '   ', evidence: [] }],
    [1, { severity: 'warning', message: '错字' }],
    [1, { severity: 'warning', message: '错字', evidence: [{ kind: 'script', text: 'x' }] }],
    [1, { severity: 'warning', message: '错字', evidence: [{ kind: 'text', start: -1, end: 3, text: 'x' }] }],
    [1, { severity: 'warning', message: '错字', evidence: [{ kind: 'text', start: 0, end: 3, text: 'x', extra: 1 }] }],
    [1, { severity: 'warning', message: '错字', evidence: [{ kind: 'cell', table: 'T9', row: 'a', col: 'b', value: 1, raw: '1', status: 'ok' }] }],
    [1, { severity: 'warning', message: '错字', evidence: [{ kind: 'cell', table: 'T3', row: 'a', col: 'b', value: 1, raw: '1', status: 'ok', span: { start: 0, end: 1, box: [1, 2, 3] } }] }],
    [1, { severity: 'warning', message: '错字', evidence: Array.from({ length: 21 }, () => ({ kind: 'note', text: 'x' })) }],
    [1, null],
    ['x', { severity: 'warning', message: '错字', evidence: [] }]
  ],
  setReviewStatus: [[1, '随便'], [1], ['1', '已通过']],
  undo: [['1'], [0], [1, 2]],
  diffVersions: [[1, 2], [1, '2', 3], [1, 2, -3]],
  exportSummary: [['../../../../x'], [], [0], [{}]],
  exportFeedback: [['../../../../x'], ['../../../../x', 1], [1, '../x'], [1, 0]],
  saveProfile: [[], [{ reviewer: '李', office: '' }], [{ reviewer: 'x'.repeat(51), office: '办公室' }], [{ reviewer: '李', office: '办公室', extra: 1 }], ['李']],
  setReportBody: [[1], ['1', '某镇人民政府'], [1, 5], [1, 'x'.repeat(61)]],
  auditTrail: [[], ['1'], [1, 0], [1, 5001]],
  search: [[1], [1, 5], [1, 'x'.repeat(101)], ['1', '行政复议']],
  settleCells: [[1], [1, 'cells'], [1, [{ table: 'T9', row: 'r1', col: 'c1', value: 1 }]], [1, [{ table: 'T3', row: 'r1', col: 'c1', value: '1' }]], [0, []]],
  unsettleCells: [[1], [1, {}], [1, [{ table: 'T3', row: 5, col: 'c1' }]], ['x', []]]
}

describe('API argument rules', () => {
  it('every API method has an argument rule and refusal cases, with the arity of the service method', () => {
    for (const m of API_METHODS) {
      expect(API_ARGS[m], `${m} has an argument rule`).toBeDefined()
      expect(BAD[m]?.length, `${m} has refusal cases`).toBeGreaterThan(0)
      const fn = (ReviewService.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[m]
      expect(typeof fn, `${m} is a service method`).toBe('function')
      expect(API_ARGS[m].length, `${m}: one rule per parameter`).toBe(fn!.length)
    }
  })

  it('refuses wrong types, ranges, unknown fields and extra arguments for every method', () => {
    for (const m of API_METHODS) {
      for (const args of BAD[m]) {
        expect(() => validateArgs(m, args), `${m}(${JSON.stringify(args).slice(0, 80)})`).toThrow(ApiArgError)
      }
    }
  })

  it('says in Chinese which argument is wrong', () => {
    expect(() => validateArgs('saveSettings', [1, { deadline: '2024-13-45' }])).toThrow('参数无效：公开截止日期（saveSettings 的 settings.deadline）应为真实存在的日期（YYYY-MM-DD）')
    expect(() => validateArgs('saveSettings', [1, { roster: ['头营镇', 3] }])).toThrow('参数无效：乡镇名单（saveSettings 的 settings.roster[1]）应为文字')
    expect(() => validateArgs('addFinding', [1, { severity: 'warning', message: 'x', evidence: 'notarray' }])).toThrow(/finding\.evidence应为列表/)
    expect(() => validateArgs('exportSummary', ['../../../../x'])).toThrow(/batchId应为正整数编号/)
  })

  it('accepts what the renderer sends, and drops omitted optional arguments', () => {
    expect(validateArgs('appInfo', [])).toEqual([])
    expect(validateArgs('getReport', [3])).toEqual([3])
    expect(validateArgs('getReport', [3, null])).toEqual([3])
    expect(validateArgs('undo', [])).toEqual([])
    expect(validateArgs('exportFeedback', [2, 5])).toEqual([2, 5])
    expect(validateArgs('decide', [4, null, null])).toEqual([4, null, null])
    const settings = { year: 2023, deadline: '2024-01-31', replyDeadline: '', roster: ['头营镇', '平安镇'], reviewer: '李审核', office: '县政务公开办' }
    expect(validateArgs('saveSettings', [1, settings])).toEqual([1, { year: 2023, deadline: '2024-01-31', roster: ['头营镇', '平安镇'], reviewer: '李审核', office: '县政务公开办' }])
    expect(validateArgs('saveSettings', [1, { deadline: '2024-02-29' }])).toEqual([1, { deadline: '2024-02-29' }])
    const cell = { kind: 'cell', table: 'T4', row: 'counts', col: 'review_total', value: null, raw: '', status: 'blank', span: { start: 10, end: 12, page: 1, box: [1, 2, 3, 4] } }
    const text = { kind: 'text', start: 200, end: 210, text: '进一步落压紧压实' }
    expect(validateArgs('addFinding', [7, { severity: 'warning', message: '错字', evidence: [cell, text] }])).toEqual([7, { severity: 'warning', message: '错字', evidence: [cell, text] }])
  })
})

describe('callApi (used by HTTP and IPC)', () => {
  let service: ReviewService
  const cleanups: (() => void)[] = []
  let exportsDir = ''
  let batchId = 0
  let reportId = 0

  beforeAll(async () => {
    const d = tempDb()
    const ex = tempDir()
    cleanups.push(d.cleanup, ex.cleanup)
    exportsDir = join(ex.dir, 'exports')
    service = new ReviewService(d.db, { mode: 'browser', sampleFolder: SEED_DIR, version: 'test', exportsDir })
    const done = new Promise<number>((resolve) => {
      const off = service.onEvent((e, p) => {
        if (e === 'task' && 'state' in p && p.state !== 'running') {
          off()
          resolve(p.batchId ?? 0)
        }
      })
    })
    await service.openFolder(SEED_DIR)
    batchId = await done
    reportId = (await service.getBatch(batchId)).reports[0]!.id
  })
  afterAll(() => {
    while (cleanups.length) cleanups.pop()?.()
  })

  it('refuses unknown methods and non-array arguments', async () => {
    await expect(callApi(service, 'constructor', [])).rejects.toThrow(UnknownMethodError)
    await expect(callApi(service, 'original', [1])).rejects.toThrow(UnknownMethodError)
    await expect(callApi(service, 'getBatch', { 0: 1 })).rejects.toThrow(ApiArgError)
  })

  it('an export with a path-like batch id fails before anything is created on disk', async () => {
    const parent = dirname(exportsDir)
    const before = readdirSync(parent)
    await expect(callApi(service, 'exportSummary', ['../../../../x'])).rejects.toThrow(ApiArgError)
    await expect(callApi(service, 'exportFeedback', ['../../../../x'])).rejects.toThrow(ApiArgError)
    await expect(callApi(service, 'exportFeedback', ['../x', reportId])).rejects.toThrow(ApiArgError)
    // a well-formed id of a batch that does not exist: refused by the service, still no folder
    await expect(callApi(service, 'exportSummary', [987654])).rejects.toThrow(/没有编号为 987654 的文件夹/)
    expect(readdirSync(parent)).toEqual(before)
    expect(existsSync(exportsDir) ? readdirSync(exportsDir) : []).toEqual([])
    expect(existsSync(join(parent, '..', '..', '..', 'x-x'))).toBe(false)
  })

  it('stores nothing from a refused finding or settings, and passes good calls through', async () => {
    const before = (await service.getReport(reportId)).findings.length
    await expect(callApi(service, 'addFinding', [reportId, { severity: 'warning', message: '错字', evidence: 'notarray' }])).rejects.toThrow(ApiArgError)
    expect((await service.getReport(reportId)).findings.length).toBe(before)
    await expect(callApi(service, 'saveSettings', [batchId, { deadline: '2024-13-45' }])).rejects.toThrow(ApiArgError)
    expect((await service.getBatch(batchId)).settings.deadline).toBeUndefined()
    const saved = (await callApi(service, 'saveSettings', [batchId, { deadline: '2024-01-31' }])) as { settings: { deadline?: string } }
    expect(saved.settings.deadline).toBe('2024-01-31')
    const f = (await callApi(service, 'addFinding', [reportId, { severity: 'warning', message: '错字', evidence: [{ kind: 'note', text: '见第一部分' }] }])) as { manual: boolean }
    expect(f.manual).toBe(true)
    expect((await service.getReport(reportId)).findings.length).toBe(before + 1)
  })
})
