// Layouts a conversion can produce that the seeds do not show: glued cells, markdown pipes,
// values before labels' continuation, full-width digits and thousands separators.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { splitDigits } from '../../src-main/engine/parse/grid/solve.ts'
import { FIXTURES, seedBytes, seedPath } from '../helpers/seeds.ts'

const parse = (text: string) => parseReport(readText(Buffer.from(text, 'utf8')))
const cell = (r: ReturnType<typeof parse>, t: 'T2' | 'T3' | 'T4', row: string, col: string) => r.tables[t].cells.find((c) => c.row === row && c.col === col)

describe('glued cells', () => {
  it('splits （七）总计1000001 only because exactly one split satisfies the row total, and says so', () => {
    const r = parseReport(readText(readFileSync(join(FIXTURES, 'planted', 'glued-digits.txt'))))
    const row = r.tables.T3.cells.filter((c) => c.row === 'r7_total')
    expect(row.map((c) => c.value)).toEqual([1, 0, 0, 0, 0, 0, 1])
    expect(row.every((c) => c.status === 'inferred' && /唯一拆分/.test(c.note ?? ''))).toBe(true)
  })

  it('marks the row uncertain when no split agrees with the other rows, and says why', () => {
    const rowTotal = (p: number[]): boolean => p[6] === p.slice(0, 6).reduce((a, b) => a + b, 0)
    expect(splitDigits(['630020469'], 7, rowTotal).found).toEqual([[63, 0, 0, 2, 0, 4, 69]])
    // Two splits satisfy the row total, but （七）总计 must also be the sum of the 三 rows (1 0 0 0 0 0 1): neither is.
    expect(splitDigits(['110000011'], 7, rowTotal).found).toHaveLength(2)
    const text = seedBytes('002').toString('utf8').replace(/\t（七）总计\n\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1\n/, '\t（七）总计110000011\n')
    expect(text).toContain('（七）总计110000011')
    const r = parse(text)
    const row = r.tables.T3.cells.filter((c) => c.row === 'r7_total')
    expect(row.every((c) => c.status === 'uncertain' && c.value === null)).toBe(true)
    expect(row[0]?.note).toMatch(/没有满足模板勾稽关系的拆分/)
    expect(r.problems?.[0]?.cells).toHaveLength(7)
    expect(r.problems?.[0]?.message).toMatch(/^解析存疑：表三/)
  })
})

describe('a minus glued between numbers (2019 表二 本年增/减)', () => {
  // seed 004 (2019 template) as one paragraph, its cells glued, as a crawler's page text shows it
  const one = readFileSync(seedPath('004'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && l !== '|').join('')
  const row = (r: ReturnType<typeof parse>, id: string) => r.tables.T2.cells.filter((c) => c.row === id)

  it('starts the next number: 行政许可1-10 can only be 1, -1, 0', () => {
    expect(splitDigits(['1', '-10'], 3, () => true).found).toEqual([[1, -1, 0]])
    const t = one.replace('行政許可000', '行政許可1-10')
    expect(t).not.toBe(one)
    const cells = row(parse(t), 'A20_5.admin_license')
    expect(cells.map((c) => c.value)).toEqual([1, -1, 0])
    expect(cells.every((c) => c.status === 'ok' || c.status === 'inferred')).toBe(true)
  })

  it('leaves a count never negative and keeps two readings uncertain (88-720: 88, -7, 20 or 88, -72, 0)', () => {
    // 8, 8, -720 is a split of the digits, but 处理决定数量 is a count.
    expect(splitDigits(['88', '-720'], 3, () => true).found).toContainEqual([8, 8, -720])
    const cells = row(parse(one.replace('行政許可000', '行政許可88-720')), 'A20_5.admin_license')
    expect(cells[0]).toMatchObject({ value: 88 })
    expect(cells[0]?.status === 'ok' || cells[0]?.status === 'inferred').toBe(true)
    expect(cells.slice(1).map((c) => [c.status, c.value])).toEqual([['uncertain', null], ['uncertain', null]])
  })
})

describe('other layouts', () => {
  it('reads a markdown-pipe table as written by a converter', () => {
    const text = seedBytes('000')
      .toString('utf8')
      .split('\n')
      .map((l) => (l.includes('\t') ? `| ${l.split('\t').join(' | ')} |` : l))
      .join('\n')
    const r = parse(text)
    expect(r.tables.T3.cells.filter((c) => c.status === 'ok')).toHaveLength(175)
    expect(r.tables.T4.cells.every((c) => c.status === 'ok' && c.value === 0)).toBe(true)
  })

  it('reads full-width digits and thousands separators, and keeps “/” and “—” blank', () => {
    const text = seedBytes('001')
      .toString('utf8')
      .replace('一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0', '一、本年新收政府信息公开申请数量\t\t１,２０５\t0\t0\t0\t0\t/\t—')
    const r = parse(text)
    expect(cell(r, 'T3', 'new_received', 'natural_person')).toMatchObject({ value: 1205, status: 'ok' })
    expect(cell(r, 'T3', 'new_received', 'other_org')).toMatchObject({ value: null, status: 'blank' })
    expect(cell(r, 'T3', 'new_received', 'total')).toMatchObject({ value: null, status: 'blank' })
  })

  it('does not guess when a row has fewer numbers than columns in a text layout', () => {
    const text = seedBytes('001').toString('utf8').replace('二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0', '二、上年结转政府信息公开申请数量\t\t0\t0\t0')
    const r = parse(text)
    const row = r.tables.T3.cells.filter((c) => c.row === 'carried_over')
    expect(row.every((c) => c.status === 'uncertain')).toBe(true)
    expect(r.tables.T3.shape).toEqual([expect.objectContaining({ row: 'carried_over', expected: 7, got: 3 })])
  })

  it('normalises a traditional-character report for matching but keeps the original text', () => {
    const raw = seedBytes('004').toString('utf8')
    const r = parse(raw)
    expect(r.tradShare).toBeGreaterThan(0.05)
    const s4 = r.sections.find((s) => s.id === 'S4')
    expect(raw.slice(s4!.titleSpan!.start, s4!.titleSpan!.end)).toContain('政府信息公開行政復議')
  })
})
