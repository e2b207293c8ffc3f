// Names and scope (issue 13): township names only, duties of one kind of body, one report in two files,
// one year fact said once.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { kindOfName } from '../../src-main/engine/checks/lib/body.ts'
import { CROSS_RULES, REPORT_RULES } from '../../src-main/engine/checks/registry.ts'
import type { BatchReport } from '../../src-main/engine/checks/types.ts'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport, tableFormat } from '../../src-main/engine/parse/index.ts'
import { runRule, seedText } from '../helpers/check.ts'

let id = 1
function br(text: string, file: string, opts: { noTownship?: boolean } = {}): BatchReport {
  const read = readText(Buffer.from(text, 'utf8'))
  const report = parseReport(read)
  const n = id++
  const r: BatchReport = { reportId: n, versionId: n, file, format: tableFormat(report), report, text: read.text, sha256: createHash('sha256').update(text).digest('hex') }
  if (report.body?.township && !opts.noTownship) r.township = report.body.township
  if (report.year) r.year = report.year
  return r
}
const cross = (id: string) => CROSS_RULES.find((r) => r.id === id)!
const report = (id: string) => REPORT_RULES.find((r) => r.id === id)!

describe('kinds of body', () => {
  it.each([
    ['云阳县平安镇人民政府', 'township'], ['长宁街道办事处', 'township'], ['淮安市人民政府', 'government'], ['淮安市洪泽区人民政府', 'government'],
    ['重庆市人民政府办公厅', 'department'], ['云阳县教育委员会', 'department'], ['洪泽区财政局', 'department'], ['#', 'unknown']
  ])('%s is a %s', (name, kind) => expect(kindOfName(name)).toBe(kind))
})

describe('duties of one kind of body', () => {
  const as = (body: string, short: string): string =>
    seedText('002').replace('云阳县平安镇人民政府\n\n2023年政府信息公开工作年度报告', `${body}2023年政府信息公开工作年度报告`).replace(/平安镇/g, short)
  const city = as('淮安市人民政府', '淮安市')
  const dept = as('云阳县教育委员会', '县教委')
  it('T2-RULES-TOWNSHIP is N/A for a city government and a department, with the reason', () => {
    for (const t of [city, dept]) {
      const r = runRule(report('T2-RULES-TOWNSHIP'), t)
      expect(r.outcome).toBe('N/A')
      expect(r.note).toContain('DOC-WRONG-ENTITY')
    }
  })
  it('SEC1-GOV-ASSESS is N/A for a department, still applies to a city government', () => {
    expect(runRule(report('SEC1-GOV-ASSESS'), dept).outcome).toBe('N/A')
    expect(runRule(report('SEC1-GOV-ASSESS'), city).outcome).toBe('FAIL')
  })
  it('DOC-WRONG-ENTITY says which rules do not apply', () => {
    const f = runRule(report('DOC-WRONG-ENTITY'), dept).findings[0]!
    expect(f.message).toContain('部门')
    expect(f.message).toContain('不适用')
  })
})

describe('XDOC-OTHER-NAME uses township names only', () => {
  it('a cited 《重庆市人民政府办公厅关于…》 and a city name are not another township', () => {
    const a = br(seedText('002').replace('（二）依申请公开情况。', '（二）依申请公开情况。按照《重庆市人民政府办公厅关于做好2023年政务公开工作的通知》要求，淮安市、云阳县均有部署。'), '002.txt')
    const b = br(seedText('000'), '000.txt')
    const c = br(seedText('003').replace(/原州区头营镇/g, '重庆市人民政府办公厅'), 'x.txt')
    const res = cross('XDOC-OTHER-NAME').checkBatch({ reports: [a, b, c], settings: { roster: ['淮安市', '重庆市人民政府办公厅'] } })
    expect(res.perReport.get(a.reportId) ?? []).toEqual([])
  })
  it('still fires on another township of the batch named as 我镇', () => {
    const b = br(seedText('000'), '000.txt')
    const a = br(seedText('002').replace('（二）依申请公开情况。', `（二）依申请公开情况。我镇${b.township}持续推进公开。`), '002.txt')
    const res = cross('XDOC-OTHER-NAME').checkBatch({ reports: [a, b], settings: {} })
    expect((res.perReport.get(a.reportId) ?? []).map((f) => f.loc)).toContain(`name.${b.township}`)
  })
})

describe('a scan and the text file of one report', () => {
  const text = seedText('002')
  // OCR of the scan: the heading line lost, some characters misread, no 。 (so the township is unknown).
  const scan = text.replace('云阳县平安镇人民政府', '').replace('主动公开情况', '主动公幵情况').replace(/。/g, '.')
  it('is a duplicate (XDOC-DUP-FILE), not a copy between townships nor an identical table', () => {
    const reports = [br(text, 'a/平安镇.docx'), br(scan, 'b/扫描.pdf', { noTownship: true }), br(seedText('003'), 'c/003.txt')]
    const of = (rule: string) => [...cross(rule).checkBatch({ reports, settings: { year: 2023 } }).perReport.values()].flat()
    expect(of('XDOC-PEER-COPY')).toEqual([])
    expect(of('XDOC-IDENTICAL-TABLE')).toEqual([])
    expect(of('XDOC-DUP-FILE').map((f) => f.loc).sort()).toEqual([`dup.near.${reports[0]!.reportId}`, `dup.near.${reports[1]!.reportId}`].sort())
  })
  it('same file stem in one folder is a duplicate', () => {
    const reports = [br(text, 'x/平安镇年报.docx'), br(scan, 'x/平安镇年报.pdf', { noTownship: true })]
    const f = [...cross('XDOC-DUP-FILE').checkBatch({ reports, settings: {} }).perReport.values()].flat()
    expect(f.some((x) => x.loc === 'dup.stem')).toBe(true)
  })
})
