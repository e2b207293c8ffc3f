// Settlement pieces on their own: applying settlements to a parsed report without touching it, the
// choices offered for a glued run (worked out, or given by the reader), and a cross-document rule that
// reads the settled value of another report.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { openDb } from '../../src-main/engine/db/open.ts'
import { storedText, unpackJson } from '../../src-main/engine/db/packed.ts'
import type { ParsedReport } from '../../src-main/engine/model.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { cellChoices } from '../../src-main/engine/review/choices.ts'
import { applySettlements, settleCells, type SettlementRow } from '../../src-main/engine/settle/settlement.ts'
import { FIXTURES } from '../helpers/seeds.ts'
import { gluedReport } from '../helpers/settleFixture.ts'

const row = (over: Partial<SettlementRow>): SettlementRow => ({
  id: 1, report_id: 1, version_id: 1, table_id: 'T3', row_id: 'r7_total', col_id: 'natural_person', read_value: null, read_raw: '110000011',
  read_status: 'uncertain', source_text: 'cell:110000011', value: 11, kind: 'corrected', settled_by: '甲', settled_at: '2024-02-01T00:00:00Z',
  carried_from: null, active: 1, ...over
})

describe('applying settlements', () => {
  it('gives the checks the settled value and leaves the parsed report as read', () => {
    const parsed = parseReport(readText(Buffer.from(gluedReport(), 'utf8')))
    const before = JSON.stringify(parsed.tables.T3)
    const applied = applySettlements(parsed, [row({}), row({ id: 2, col_id: 'total', value: null })])
    const c = (r: typeof parsed, col: string) => r.tables.T3.cells.find((x) => x.row === 'r7_total' && x.col === col)!
    expect(c(applied, 'natural_person')).toMatchObject({ value: 11, status: 'ok', raw: '110000011', settled: { kind: 'corrected', by: '甲', read: { value: null, status: 'uncertain' } } })
    expect(c(applied, 'total')).toMatchObject({ value: null, status: 'blank' })
    expect(c(applied, 'commercial_enterprise').status).toBe('uncertain')
    expect(JSON.stringify(parsed.tables.T3)).toBe(before)
    expect(applySettlements(parsed, [])).toBe(parsed)
  })

  it('offers the splits of a glued run only when there are two or three', () => {
    const two = cellChoices(parseReport(readText(Buffer.from(gluedReport('110000011'), 'utf8'))))
    expect(two.get('T3|r7_total|natural_person')?.choices).toEqual([1, 11])
    expect(two.get('T3|r7_total|total')?.choices).toEqual([11, 11])
    // one split: the reader settles it itself (inferred), nothing to offer
    expect(cellChoices(parseReport(readText(Buffer.from(gluedReport('630020469'), 'utf8')))).size).toBe(0)
    // no split at all keeps the row total: nothing to offer either
    expect(cellChoices(parseReport(readText(Buffer.from(gluedReport('1200000012'), 'utf8')))).size).toBe(0)
  })

  it('uses the values the reader still allows per cell (CellValue.choices) to keep or drop row splits', () => {
    type C = ReturnType<typeof parseReport>['tables']['T3']['cells'][number] & { choices?: number[] }
    // as a reader that infers the cells equal in every reading and lists the others' values, sorted
    const asReader = (allowed: Record<string, number[]>) => {
      const parsed = parseReport(readText(Buffer.from(gluedReport(), 'utf8')))
      for (const c of parsed.tables.T3.cells as C[]) {
        if (c.row !== 'r7_total') continue
        if (allowed[c.col]) c.choices = allowed[c.col]
        else Object.assign(c, { status: 'inferred', value: c.col === 'total' ? 11 : 0 })
      }
      return cellChoices(parsed)
    }
    const both = asReader({ natural_person: [1, 11], commercial_enterprise: [0, 10] })
    // the row splits pair 1 with 10 and 11 with 0, which the sorted per-cell lists cannot say
    expect(both.get('T3|r7_total|natural_person')?.choices).toEqual([1, 11])
    expect(both.get('T3|r7_total|commercial_enterprise')?.choices).toEqual([10, 0])
    expect(both.get('T3|r7_total|natural_person')?.group).toBe(both.get('T3|r7_total|commercial_enterprise')?.group)
    expect(both.has('T3|r7_total|total')).toBe(false)
    // the reader's constraints leave one row split only: each cell offers its own values
    const one = asReader({ natural_person: [1, 5], commercial_enterprise: [0, 10] })
    expect(one.get('T3|r7_total|natural_person')?.choices).toEqual([1, 5])
    expect(one.get('T3|r7_total|natural_person')?.group).not.toBe(one.get('T3|r7_total|commercial_enterprise')?.group)
  })
})

describe('cross-document rules read settled values', () => {
  it('XDOC-CARRY follows a settled 上年结转 of the later year', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-settle-'))
    try {
      cpSync(join(FIXTURES, 'planted', 'pair'), join(dir, 'pair'), { recursive: true })
      const db = openDb(join(dir, 'review.db')).db
      const { batchId } = await importFolder(db, join(dir, 'pair'))
      runChecks(db, batchId)
      const r2023 = db.prepare('SELECT id, current_version_id AS v FROM reports WHERE year = 2023').get() as { id: number; v: number }
      const open = () => db.prepare("SELECT key FROM findings WHERE rule = 'XDOC-CARRY' AND state = 'open' AND report_id = ? ORDER BY key").pluck().all(r2023.id)
      expect(open()).toContain('XDOC-CARRY@T3.carried_over.natural_person@2022')
      const v = db.prepare('SELECT text, parsed FROM versions WHERE id = ?').get(r2023.v) as { text: Buffer; parsed: Buffer }
      settleCells(db, {
        reportId: r2023.id, versionId: r2023.v, text: storedText(v.text), parsed: unpackJson(v.parsed) as Omit<ParsedReport, 'norm'>, by: '甲', at: '2024-02-01T00:00:00Z',
        cells: [{ table: 'T3', row: 'carried_over', col: 'natural_person', value: 1 }]
      })
      runChecks(db, batchId)
      expect(open()).not.toContain('XDOC-CARRY@T3.carried_over.natural_person@2022')
      expect(open()).toContain('XDOC-CARRY@T3.carried_over.total@2022')
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
