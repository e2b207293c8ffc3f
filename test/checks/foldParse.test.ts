// Copies of real reports cut inside 表三 (test/accuracy/holdout, see its RULE-NOTES §5): the rules that read
// the cells not found gave one parse finding per column and per row for one cause. They come as one parse
// finding per table, which names the rows and columns and loses none of the cells; a table read in full
// (glued digits only) keeps each check's own finding, so that settling from it works as before.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeContext } from '../../src-main/engine/checks/context.ts'
import { foldMissingCells } from '../../src-main/engine/checks/foldParse.ts'
import { parseProblemFindings } from '../../src-main/engine/checks/parseProblems.ts'
import { REPORT_RULES } from '../../src-main/engine/checks/registry.ts'
import { checkReport, runRules } from '../../src-main/engine/checks/run.ts'
import type { Evidence, Finding } from '../../src-main/engine/checks/types.ts'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import type { ParsedReport } from '../../src-main/engine/model.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { applySettlements, type SettlementRow } from '../../src-main/engine/settle/settlement.ts'

const HOLDOUT = join(import.meta.dirname, '../accuracy/holdout')

function load(name: string): { report: ParsedReport; text: string } {
  const read = readText(readFileSync(join(HOLDOUT, name)))
  return { report: parseReport(read), text: read.text }
}

/** The findings as the rules give them, before folding. */
function unfolded(report: ParsedReport, text: string): Finding[] {
  return [...parseProblemFindings(report, text), ...runRules(makeContext(report, text), REPORT_RULES).findings]
}

const unreadCells = (fs: Finding[], table: string): Set<string> =>
  new Set(fs.flatMap((f) => f.evidence.filter((e): e is Extract<Evidence, { kind: 'cell' }> => e.kind === 'cell' && e.table === table && (e.status === 'missing' || e.status === 'uncertain')).map((e) => `${e.row}|${e.col}`)))
const parseOn = (fs: Finding[], table: string): Finding[] => fs.filter((f) => f.severity === 'parse' && f.evidence.some((e) => e.kind === 'cell' && e.table === table))

describe('a table cut mid-way: one parse finding per table', () => {
  it('taiping2022 (stops inside 表三): one finding naming the rows and columns not found, no cell lost', () => {
    const { report, text } = load('taiping2022.txt')
    const raw = unfolded(report, text)
    expect(parseOn(raw, 'T3').length).toBeGreaterThanOrEqual(14)
    const fs = checkReport(report, text).findings
    const t3 = parseOn(fs, 'T3')
    expect(t3.map((f) => `${f.rule}@${f.loc}`)).toEqual(['PARSE@cells-missing:T3'])
    const m = t3[0]!.message
    expect(m).toContain('表三有')
    expect(m).toContain('未能在原文中找到')
    expect(m).toContain('（四）无法提供·1.本机关不掌握相关政府信息')
    expect(m).toContain('7 列：自然人、商业企业')
    expect(m).toContain('表三勾稽关系')
    expect(unreadCells(t3, 'T3')).toEqual(unreadCells(parseOn(raw, 'T3'), 'T3'))
    // what is not about unread cells is left as it was
    const rest = (xs: Finding[]): string[] => xs.filter((f) => !parseOn([f], 'T3').length).map((f) => `${f.rule}@${f.loc}:${f.severity}`)
    expect(rest(fs)).toEqual(rest(raw))
  })

  it('lzq2019: the reader’s own problem with 表三 keeps its key and takes in the checks it stopped', () => {
    const { report, text } = load('lzq2019.txt')
    const raw = unfolded(report, text)
    const fs = checkReport(report, text).findings
    const t3 = parseOn(fs, 'T3')
    expect(t3.map((f) => `${f.rule}@${f.loc}`)).toEqual(['PARSE@table-unplaced:T3'])
    expect(t3[0]!.message).toMatch(/^解析存疑：表三有 \d+ 个格子的数值无法确定对应位置.*；此外有 \d+ 个格子未能在原文中找到/)
    expect(unreadCells(t3, 'T3')).toEqual(unreadCells(parseOn(raw, 'T3'), 'T3'))
  })

  it('once the reviewer settles the missing cells, the checks run on them and the folded finding is gone', () => {
    const { report, text } = load('taiping2022.txt')
    const missing = report.tables.T3.cells.filter((c) => c.status === 'missing')
    expect(missing.length).toBeGreaterThan(0)
    const rows: SettlementRow[] = missing.map((c, i) => ({
      id: i + 1, report_id: 1, version_id: 1, table_id: 'T3', row_id: c.row, col_id: c.col, read_value: null, read_raw: '', read_status: 'missing',
      source_text: '', value: 0, kind: 'corrected', settled_by: '审核人', settled_at: '2026-01-01T00:00:00Z', carried_from: null, active: 1
    }))
    const fs = checkReport(applySettlements(report, rows), text).findings
    expect(fs.some((f) => f.loc === 'cells-missing:T3')).toBe(false)
    expect(parseOn(fs, 'T3').filter((f) => f.evidence.some((e) => e.kind === 'cell' && e.status === 'missing'))).toEqual([])
  })
})

describe('what is not folded', () => {
  const cell = (row: string, col: string, status: 'missing' | 'uncertain' | 'ok', table: 'T3' | 'T4' = 'T3'): Evidence => ({ kind: 'cell', table, row, col, value: status === 'ok' ? 1 : null, raw: '', status })
  const f = (rule: string, loc: string, evidence: Evidence[]): Finding => ({ rule, severity: 'parse', outcome: 'UNVERIFIABLE', message: `${rule} ${loc}`, loc, evidence })
  const { report } = load('taiping2022.txt')

  it('a table whose cells were all found (glued digits, uncertain only) keeps each check’s finding and key', () => {
    const fs = [f('T3-BALANCE', 'T3.natural_person', [cell('r7_total', 'natural_person', 'uncertain'), cell('new_received', 'natural_person', 'ok')]), f('T3-BALANCE', 'T3.total', [cell('r7_total', 'total', 'uncertain')])]
    expect(foldMissingCells(report, fs)).toEqual(fs)
  })

  it('a single finding on a table, findings across two tables, and the other report’s cells stay as they are', () => {
    const other: Evidence = { kind: 'report', reportId: 2, township: '甲镇' }
    const single = [f('T3-BALANCE', 'T3.total', [cell('r7_total', 'total', 'missing')])]
    expect(foldMissingCells(report, single)).toEqual(single)
    const across = [f('X', 'a', [cell('r7_total', 'total', 'missing'), cell('counts', 'review_total', 'missing', 'T4')]), f('X', 'b', [cell('r7_total', 'natural_person', 'missing'), cell('counts', 'review_total', 'missing', 'T4')])]
    expect(foldMissingCells(report, across)).toEqual(across)
    const cross = [f('XDOC-CARRY', 'a', [cell('carried_over', 'total', 'missing'), other]), f('XDOC-CARRY', 'b', [cell('carried_over', 'natural_person', 'missing'), other])]
    expect(foldMissingCells(report, cross)).toEqual(cross)
  })

  it('findings of the township (errors, warnings) are never folded', () => {
    const fs = [{ ...f('T3-BALANCE', 'T3.total', [cell('r7_total', 'total', 'missing')]), severity: 'warning' as const }, { ...f('T3-BALANCE', 'T3.other_org', [cell('r7_total', 'other_org', 'missing')]), severity: 'warning' as const }]
    expect(foldMissingCells(report, fs)).toEqual(fs)
  })
})
