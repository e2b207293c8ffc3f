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
import { containment, grams, simText } from '../../src-main/engine/checks/lib/similarity.ts'

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
  // The near-copy search looks only at the reports listed under a scan's rarest wording (issue 17); it must
  // find exactly the pairs a comparison with every report finds.
  const NAMES = [['裴城镇'], ['官前乡'], ['平安镇'], ['头营镇'], ['王官集镇', '王官集鎮']]
  const HAN = '零一二三四五六七八九'
  const town = (i: number): string => `${'东西南北中'[i % 5]}河${[...String(i)].map((d) => HAN[Number(d)]).join('')}镇`
  const copy = (k: number, i: number): string => {
    let t = seedText(`00${k}`)
    for (const n of NAMES[k] as string[]) t = t.split(n).join(town(i))
    return t
  }
  const nearPairs = (reports: BatchReport[]): string[] =>
    [...cross('XDOC-DUP-FILE').checkBatch({ reports, settings: {} }).perReport].flatMap(([id, fs]) =>
      fs.filter((f) => f.loc.startsWith('dup.near.')).map((f) => `${id}-${f.loc.slice('dup.near.'.length)}`)).sort()
  const everyPair = (reports: BatchReport[]): string[] => {
    const g = new Map(reports.map((r) => [r.reportId, grams(simText(r.report.norm))]))
    const out: string[] = []
    for (const x of reports.filter((r) => !r.township || !r.year))
      for (const y of reports) {
        if (y === x || (x.year && y.year && x.year !== y.year)) continue
        const a = g.get(x.reportId) as Set<number>
        const b = g.get(y.reportId) as Set<number>
        if (Math.min(containment(a, b), containment(b, a)) >= 0.85) out.push(`${x.reportId}-${y.reportId}`, `${y.reportId}-${x.reportId}`)
      }
    return [...new Set(out)].sort()
  }
  it('among 60 townships: the scans are found through their rarest wording, as comparing with every report finds them', () => {
    const reports = Array.from({ length: 60 }, (_, i) => br(copy(i % 5, i), `${i}.txt`))
    reports.push(br(scan, 'scan-a.pdf', { noTownship: true }), br(copy(3, 99).replace(/。/g, '.'), 'scan-b.pdf', { noTownship: true }))
    const pairs = nearPairs(reports)
    expect(pairs.length).toBeGreaterThan(0)
    expect(pairs).toEqual(everyPair(reports))
  })
  it('a scan whose wording is in more than 64 reports is compared with every report', () => {
    const reports = Array.from({ length: 70 }, (_, i) => br(copy(2, i * 5 + 2), `${i}.txt`))
    reports.push(br(scan, 'scan.pdf', { noTownship: true }))
    const pairs = nearPairs(reports)
    expect(pairs.length).toBeGreaterThanOrEqual(2 * 70)
    expect(pairs).toEqual(everyPair(reports))
  })
  it('same file stem in one folder is a duplicate', () => {
    const reports = [br(text, 'x/平安镇年报.docx'), br(scan, 'x/平安镇年报.pdf', { noTownship: true })]
    const f = [...cross('XDOC-DUP-FILE').checkBatch({ reports, settings: {} }).perReport.values()].flat()
    expect(f.some((x) => x.loc === 'dup.stem')).toBe(true)
  })
})
