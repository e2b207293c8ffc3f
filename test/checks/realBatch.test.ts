// The cross-file rules on a real folder: the seventeen reports of 平潭's four 片区管理局 (the units that do the
// zone's township work) of 2019–2025, as a zone office would check them together, and the zone's own reports of
// 2019 and 2020. Every finding expected here was checked by hand against the published text (the 2019-template
// item counts are the reports' own: pthtp2019 '其他对外管理服务事项 0 3 3', pthtp2020 '2 0 3', …).
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkBatch } from '../../src-main/engine/checks/run.ts'
import type { BatchReport, BatchSettings, Finding } from '../../src-main/engine/checks/types.ts'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport, tableFormat } from '../../src-main/engine/parse/index.ts'

const DIR = join(import.meta.dirname, '..', 'accuracy', 'holdout-full')

function load(files: string[]): BatchReport[] {
  return files.map((file, i) => {
    const buf = readFileSync(join(DIR, file))
    const read = readText(buf)
    const report = parseReport(read)
    const r: BatchReport = {
      reportId: i + 1, versionId: i + 1, file, format: tableFormat(report), report, text: read.text,
      sha256: createHash('sha256').update(buf).digest('hex')
    }
    if (report.body?.township) r.township = report.body.township
    if (report.year) r.year = report.year
    return r
  })
}

/** 'file rule severity loc' of every finding of the given rules. */
function listed(reports: BatchReport[], settings: BatchSettings, rule: (id: string) => boolean): string[] {
  const out: string[] = []
  for (const [id, res] of checkBatch(reports, settings)) {
    const file = reports.find((r) => r.reportId === id)!.file
    for (const f of res.findings as Finding[]) if (rule(f.rule)) out.push(`${file} ${f.rule} ${f.severity} ${f.loc}`)
  }
  return out.sort()
}

const AREA = readdirSync(DIR).filter((f) => /^pt(htp|jjp|jsp|spp)20\d\d\.txt$/.test(f)).sort()
const ROSTER = ['海坛片区管理局', '金井片区管理局', '君山片区管理局', '苏平片区管理局']

describe('a real folder: 平潭 片区管理局 2019–2025', () => {
  const reports = load(AREA)

  it('reads all seventeen with body and year', () => {
    expect(AREA).toHaveLength(17)
    for (const r of reports) {
      expect(r.township, r.file).toMatch(/片区管理局$/)
      expect(String(r.year), r.file).toBe(r.file.slice(5, 9))
    }
  })

  it('the roster makes the area offices the county\'s units; without it each is asked about', () => {
    const entity = (id: string) => id === 'DOC-WRONG-ENTITY'
    expect(listed(reports, { year: 2025 }, entity)).toHaveLength(17)
    expect(listed(reports, { year: 2025, roster: ROSTER }, entity)).toEqual([])
  })

  it('cross-year warnings are the reports\' own inconsistencies, and nothing else of the cross rules warns', () => {
    const cross = listed(reports, { year: 2025, roster: ROSTER }, (id) => id.startsWith('XDOC-'))
    expect(cross.filter((l) => / (error|warning) /.test(l) && !l.includes('XDOC-MIXED-YEAR'))).toEqual([
      // 2019 '其他对外管理服务事项033' (0 + 3) and 2020 '203': 2 ≠ 3.
      'pthtp2020.txt XDOC-2019-ITEMS warning T2.A20_5.other_mgmt_services.prev_year_items@2019',
      // 2020 '行政许可000' and 2021 '111': 1 ≠ 0; 2020 '…服务事项203' and 2021 '000': 0 ≠ 2.
      'pthtp2021.txt XDOC-2019-ITEMS warning T2.A20_5.admin_license.prev_year_items@2020',
      'pthtp2021.txt XDOC-2019-ITEMS warning T2.A20_5.other_mgmt_services.prev_year_items@2020',
      // 2021 '111' and 2022 '000': 0 ≠ 2.
      'pthtp2022.txt XDOC-2019-ITEMS warning T2.A20_5.admin_license.prev_year_items@2021',
      // 2025 gives 行政规范性文件 现行有效 0 (表二 '规范性文件000'), 2024 gave 11 with none made or repealed.
      'ptjsp2025.txt XDOC-INFORCE warning T2.A20_1.normative_docs.in_force@2024'
    ])
    // Tables of different years are not set side by side (苏平 2021 and 君山 2025 each had one request).
    expect(cross.filter((l) => l.includes('XDOC-IDENTICAL-TABLE'))).toEqual([])
  })
})

describe('a real folder: 平潭综合实验区 2019 and 2020', () => {
  it('2019 cells the app could not read leave 2020\'s item checks as parse problems, not warnings', () => {
    const reports = load(['pingtan2019.txt', 'pingtan2020.txt'])
    const items = listed(reports, {}, (id) => id === 'XDOC-2019-ITEMS')
    expect(items.length).toBeGreaterThan(0)
    expect(items.filter((l) => !l.includes(' parse '))).toEqual([])
  })
})
