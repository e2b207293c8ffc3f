import { describe, expect, it } from 'vitest'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import type { ParsedReport } from '../../src-main/engine/model.ts'
import { seedBytes } from '../helpers/seeds.ts'

function parseSeed(prefix: string): ParsedReport {
  return parseReport(readText(seedBytes(prefix)))
}

const cell = (r: ParsedReport, t: 'T2' | 'T3' | 'T4', row: string, col: string) =>
  r.tables[t].cells.find((c) => c.row === row && c.col === col)

describe('seed reports: format, body, year', () => {
  it.each([
    ['000', '2021', 2023, '裴城镇'],
    ['001', '2021', 2021, '官前乡'],
    ['002', '2021', 2023, '平安镇'],
    ['003', '2021', 2023, '头营镇'],
    ['004', '2019', 2020, '王官集镇']
  ])('seed %s is %s format, year %i, township %s', (seed, format, year, township) => {
    const r = parseSeed(seed)
    expect(r.format).toBe(format)
    expect(r.year).toBe(year)
    expect(r.body?.township).toBe(township)
    expect(r.sections.every((s) => s.found)).toBe(true)
  })

  it('reads the 落款 date of seed 004 and no date where there is none', () => {
    expect(parseSeed('004').signDate?.iso).toBe('2021-01-25')
    expect(parseSeed('000').signDate).toBeUndefined()
  })
})

describe('seed tables', () => {
  it('reads seed 002 one-cell-per-line table 三 with its non-zero cells', () => {
    const r = parseSeed('002')
    expect(cell(r, 'T3', 'new_received', 'natural_person')?.value).toBe(1)
    expect(cell(r, 'T3', 'new_received', 'total')?.value).toBe(1)
    expect(cell(r, 'T3', 'r4_1_not_held', 'total')?.value).toBe(1)
    expect(cell(r, 'T3', 'r7_total', 'total')?.value).toBe(1)
    expect(cell(r, 'T3', 'carried_forward', 'total')?.value).toBe(0)
    expect(r.tables.T3.cells).toHaveLength(25 * 7)
  })

  it('keeps blank cells blank: seed 003 table 四 行政复议 and seed 004 row 四', () => {
    const r3 = parseSeed('003')
    expect(cell(r3, 'T4', 'counts', 'review_total')).toMatchObject({ value: null, status: 'blank' })
    expect(cell(r3, 'T4', 'counts', 'lit_direct_total')).toMatchObject({ value: 0, status: 'ok' })
    expect(r3.tables.T4.shape).toEqual([expect.objectContaining({ expected: 15, got: 16 })])
    const r4 = parseSeed('004')
    expect(r4.tables.T3.cells).toHaveLength(23 * 7)
    expect(cell(r4, 'T3', 'carried_forward', 'total')).toMatchObject({ value: null, status: 'blank' })
    expect(cell(r4, 'T3', 'r6_other', 'total')).toMatchObject({ value: 0, status: 'ok' })
  })

  it('ties every read cell to its place in the original text', () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      const bytes = seedBytes(seed)
      const read = readText(bytes)
      const r = parseReport(read)
      for (const t of ['T2', 'T3', 'T4'] as const) {
        for (const c of r.tables[t].cells) {
          if (c.status === 'ok') expect(read.text.slice(c.span!.start, c.span!.end)).toBe(c.raw)
        }
      }
    }
  })
})
