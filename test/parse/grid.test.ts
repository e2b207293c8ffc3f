// The table reader stage by stage, on real inputs: the WPS PDFs of ../shared/real-pdf (copied into
// test/accuracy/real), their text extractions and web copies from the accuracy corpus, and the seeds.
// Expected values were read from the PDFs by eye (see test/accuracy/expected/ for the whole tables).
import { readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CellValue, ParsedReport, TableId } from '../../src-main/engine/model.ts'
import { readDocument } from '../../src-main/engine/ingest/read.ts'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { buildGrid } from '../../src-main/engine/parse/grid/build.ts'
import { isPageFurniture } from '../../src-main/engine/parse/grid/footers.ts'
import { placements, resplit, solve, splitDigits } from '../../src-main/engine/parse/grid/solve.ts'
import { tokenize } from '../../src-main/engine/parse/tokens.ts'
import { tableSpecs, validateTemplate } from '../../src-main/engine/template.ts'
import { makeContext } from '../../src-main/engine/checks/context.ts'
import T3_ROW_TOTAL from '../../src-main/engine/checks/rules/T3-ROW-TOTAL.ts'
import { FIXTURES, ROOT } from '../helpers/seeds.ts'

const ACC = join(ROOT, 'test', 'accuracy')
const parseFile = async (path: string): Promise<ParsedReport> => parseReport(await readDocument(extname(path).toLowerCase(), readFileSync(path)))
const row = (r: ParsedReport, t: TableId, id: string): CellValue[] => r.tables[t].cells.filter((c) => c.row === id)
const values = (cs: CellValue[]): (number | null)[] => cs.map((c) => c.value)
const statuses = (cs: CellValue[]): string[] => [...new Set(cs.map((c) => c.status))]

describe('positioned grid (PDF text layer)', () => {
  it('szfgs2024.pdf: labels wrapped over three lines keep the numbers of their middle line', async () => {
    const r = await parseFile(join(ACC, 'real', 'szfgs2024.pdf'))
    // Read from the PDF, page 4–5: (五)5 and (六)1–2 wrap over three lines, the numbers sit on the middle one.
    expect(values(row(r, 'T3', 'r5_5_confirm_reissue'))).toEqual([1, 0, 0, 0, 0, 0, 1])
    expect(values(row(r, 'T3', 'r6_1_no_correction'))).toEqual([67, 3, 0, 0, 1, 0, 71])
    expect(values(row(r, 'T3', 'r6_2_fee_unpaid'))).toEqual([6, 0, 0, 0, 0, 0, 6])
    // The page footer '- 4 -' stands between （四）1 and （四）2: skipped, nothing shifts.
    expect(values(row(r, 'T3', 'r4_1_not_held'))).toEqual([746, 12, 0, 0, 10, 1, 769])
    expect(values(row(r, 'T3', 'r4_2_needs_creation'))).toEqual([11, 0, 0, 0, 0, 0, 11])
    expect(r.tables.T3.cells.every((c) => c.status === 'ok')).toBe(true)
    expect(r.tables.T3.shape).toEqual([])
    expect(r.problems ?? []).toEqual([])
  })

  it('merges the letter-spaced vertical cell 三、本年度办理结果 and a label wrapped round the numbers', async () => {
    const read = await readDocument('.pdf', readFileSync(join(ACC, 'real', 'szfgs2024.pdf')))
    const labels = tableSpecs('2021').flatMap((s) => [...s.rows.flatMap((x) => (x.label ? [x.label] : [])), ...s.groups, ...s.header])
    const grid = buildGrid(tokenize(read.lines), labels)
    expect(grid.source).toBe('positioned')
    const texts = grid.cells.map((c) => c.text.replace(/\s+/g, ''))
    expect(texts).toContain('三、本年度办理结果')
    expect(texts).toContain('5.要求行政机关确认或重新出具已获取信息')
    expect(texts).toContain('（六）其他处理')
    expect(texts.some((t) => isPageFurniture(t))).toBe(false)
  })

  it('hzq2023_working.pdf: 表四 kept as printed, a label typo is a deviation, （六） as one row does not swallow （五）5', async () => {
    const r = await parseFile(join(ACC, 'real', 'hzq2023_working.pdf'))
    expect(values(r.tables.T4.cells)).toEqual([10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0])
    expect(statuses(r.tables.T4.cells)).toEqual(['ok'])
    const typo = r.tables.T3.labels.find((l) => l.id === 'r3_2_law_prohibited')
    expect(typo).toMatchObject({ raw: '2.其他法律行政止公开', match: 'deviation' })
    expect(values(row(r, 'T3', 'r5_5_confirm_reissue'))).toEqual([0, 0, 0, 0, 0, 0, 0])
    // （六）其他处理 printed as one row of zeros without its sub-rows: they are parts of a 0 total, so 0.
    for (const id of ['r6_1_no_correction', 'r6_2_fee_unpaid', 'r6_3_other']) {
      expect(statuses(row(r, 'T3', id))).toEqual(['inferred'])
      expect(values(row(r, 'T3', id))).toEqual([0, 0, 0, 0, 0, 0, 0])
    }
  })
})

describe('stream grid (plain text)', () => {
  it('pdftotext -layout of szfgs2024: wrapped labels detached from their numbers read as in the PDF', async () => {
    const pdf = await parseFile(join(ACC, 'real', 'szfgs2024.pdf'))
    const txt = await parseFile(join(ACC, 'files', 'pdftotext-layout', 'szfgs2024.txt'))
    expect(values(txt.tables.T3.cells)).toEqual(values(pdf.tables.T3.cells))
    expect(values(txt.tables.T4.cells)).toEqual(values(pdf.tables.T4.cells))
  })

  it('one-paragraph web copy: the template labels are the only delimiters; glued runs split by the identities', async () => {
    const r = await parseFile(join(ACC, 'files', 'web-para-txt', 'szfgs2024.txt'))
    const first = row(r, 'T3', 'new_received')
    expect(values(first)).toEqual([3001, 53, 0, 0, 61, 4, 3119])
    expect(statuses(first)).toEqual(['inferred'])
    // 1011 under 规章 (three columns, no identity): 1 0 11 or 10 1 1 -> uncertain, both offered.
    const rules = row(r, 'T2', 'A20_1.rules')
    expect(statuses(rules)).toEqual(['uncertain'])
    expect(rules.map((c) => c.choices)).toEqual([[1, 10], [0, 1], [1, 11]])
    // Every certain cell is the one printed in the PDF.
    const pdf = await parseFile(join(ACC, 'real', 'szfgs2024.pdf'))
    for (const t of ['T2', 'T3', 'T4'] as const) {
      r.tables[t].cells.forEach((c, i) => {
        if (c.status === 'ok' || c.status === 'inferred') expect([t, c.row, c.col, c.value]).toEqual([t, c.row, c.col, pdf.tables[t].cells[i]?.value])
      })
    }
    expect(r.problems?.map((p) => p.message)).toContain('解析存疑：表二有 6 个格子的数值无法确定对应位置，已标为“存疑”，请对照原文核对')
  })

  it('one-paragraph web copy with 予以公开’s 总计 one too high: the column sums pin the split, T3-ROW-TOTAL fails on it', async () => {
    const file = join(ACC, 'planted', 'web-para-txt', 'szfgs2024.t3-row-total.txt')
    const r = await parseFile(file)
    const disclosed = row(r, 'T3', 'r1_disclosed')
    expect(values(disclosed)).toEqual([1288, 21, 0, 0, 50, 3, 1363])
    expect(statuses(disclosed)).toEqual(['inferred'])
    expect(disclosed[6]?.note).toContain('若本行仅“总计”一格有误')
    // Every other certain cell of 表三 is the one printed in the PDF (where that 总计 is 1362).
    const pdf = await parseFile(join(ACC, 'real', 'szfgs2024.pdf'))
    r.tables.T3.cells.forEach((c, i) => {
      if (c.status !== 'ok' && c.status !== 'inferred') return
      const want = c.row === 'r1_disclosed' && c.col === 'total' ? 1363 : pdf.tables.T3.cells[i]?.value
      expect([c.row, c.col, c.value]).toEqual([c.row, c.col, want])
    })
    const res = T3_ROW_TOTAL.check(makeContext(r, '', {}))
    expect(res.findings.map((f) => [f.outcome, f.loc])).toEqual([['FAIL', 'T3.r1_disclosed.total']])
  })

  it('markdown with generic headers 数据1… and an empty pipe cell: the empty cell is blank, 数据1 is no number', async () => {
    const r = await parseFile(join(ACC, 'planted', 'markdown', '002_3439ace2b5349fdf.blank-pipe-cell.txt'))
    const cs = row(r, 'T3', 'r1_disclosed')
    expect(cs.map((c) => c.status)).toEqual(['blank', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'])
    expect(r.tables.T3.cells.filter((c) => c.status !== 'ok')).toHaveLength(1)
    expect(r.tables.T3.shape).toEqual([])
  })

  it('numbers separated by spaces inside one line are several cells', () => {
    const text = readFileSync(join(ROOT, 'resources', 'sample', '000_b657cdc2b6fa0bce.txt'), 'utf8')
      .split('\n')
      .map((l) => l.split('\t').map((c) => c.trim()).filter((c) => c).join('  '))
      .join('\n')
    const r = parseReport(readText(Buffer.from(text, 'utf8')))
    expect(r.tables.T3.cells.every((c) => c.status === 'ok' && c.value === 0)).toBe(true)
  })
})

describe('honest failure', () => {
  it('.doc with blank 行政复议 cells: the ten 0 after them are uncertain, never blank, and a parse problem says so', async () => {
    const r = await parseFile(join(FIXTURES, 'seeds', '003_ba49bbb087adff7b.doc'))
    expect(statuses(r.tables.T4.cells)).toEqual(['uncertain'])
    const p = r.problems?.find((x) => x.table === 'T4')
    expect(p?.message).toBe('解析存疑：表四的行标签都在原文中，但数值无法对应到格子')
    expect(p?.cells).toHaveLength(15)
    expect(r.tables.T4.shape.every((s) => s.source === 'reading')).toBe(true)
  })
})

describe('constraint solver', () => {
  const rowTotal = (p: number[]): boolean => p[p.length - 1] === p.slice(0, -1).reduce((a, b) => a + b, 0)

  it('accepts a split only when it is the one consistent solution', () => {
    expect(splitDigits(['300153006143119'], 7, rowTotal).found).toEqual([[3001, 53, 0, 0, 61, 4, 3119]])
    // Spaces the source kept are cuts: '10 11' can only be 1|0|11 or 10|1|1 with a cut between 10 and 11.
    expect(splitDigits(['10', '11'], 3, () => true).found).toEqual([[1, 0, 11], [10, 1, 1]])
  })

  it('ambiguous: every reading kept, a column identity of another row decides', () => {
    const cols = ['a', 'b', 'total']
    const ids = [
      { id: 'row:x', lhs: [{ row: 'x', col: 'total' }], rhs: [{ row: 'x', col: 'a' }, { row: 'x', col: 'b' }] },
      { id: 'col:a', lhs: [{ row: 'sum', col: 'a' }], rhs: [{ row: 'x', col: 'a' }, { row: 'y', col: 'a' }] }
    ]
    const x = splitDigits(['11011'], 3, rowTotal).found
    expect(x).toEqual([[1, 10, 11], [11, 0, 11]])
    const open = solve([{ row: 'x', readings: x }], cols, ids)
    expect(open[0]?.readings).toHaveLength(2)
    const decided = solve([{ row: 'x', readings: x }, { row: 'y', readings: [[2, 0, 2]] }, { row: 'sum', readings: [[3, 10, 13]] }], cols, ids)
    expect(decided[0]?.readings).toEqual([[1, 10, 11]])
  })

  it('two open rows in one column identity: readings are tried together, never chosen between', () => {
    // pingtan2021: （一）予以公开 270020130 and （四）1 220000325 each split two ways; the 商业企业 column's 总计 is 0.
    const cols = ['a', 'b', 'total']
    const ids = [{ id: 'col:b', lhs: [{ row: 'sum', col: 'b' }], rhs: [{ row: 'x', col: 'b' }, { row: 'y', col: 'b' }] }]
    const x = [[27, 0, 27], [2, 7, 9]]
    const y = [[22, 0, 22], [2, 20, 22]]
    const decided = solve([{ row: 'x', readings: x }, { row: 'y', readings: y }, { row: 'sum', readings: [[49, 0, 49]] }], cols, ids)
    expect(decided.map((r) => r.readings)).toEqual([[[27, 0, 27]], [[22, 0, 22]], [[49, 0, 49]]])
    // Two consistent combinations (7 + 0 or 0 + 7): both rows stay open.
    const y2 = [[22, 0, 22], [15, 7, 22]]
    const open = solve([{ row: 'x', readings: x }, { row: 'y', readings: y2 }, { row: 'sum', readings: [[40, 7, 47]] }], cols, ids)
    expect(open[0]?.readings).toHaveLength(2)
    expect(open[1]?.readings).toHaveLength(2)
    // No combination holds (the report's own arithmetic): nothing is filtered.
    const none = solve([{ row: 'x', readings: x }, { row: 'y', readings: y }, { row: 'sum', readings: [[49, 5, 54]] }], cols, ids)
    expect(none[0]?.readings).toHaveLength(2)
    expect(none[1]?.readings).toHaveLength(2)
  })

  it('impossible: no reading survives', () => {
    expect(splitDigits(['1234567'], 7, rowTotal).found).toEqual([])
  })

  describe('a glued row whose own total is wrong: the other rows decide the split', () => {
    const cols = ['a', 'b', 'total']
    const ref = (row: string, col: string): { row: string; col: string } => ({ row, col })
    // Rows x and y add up to sum, column by column; each row's total is a + b.
    const ids = [
      ...['x', 'y', 'sum'].map((r) => ({ id: `row:${r}`, lhs: [ref(r, 'total')], rhs: [ref(r, 'a'), ref(r, 'b')] })),
      ...cols.map((c) => ({ id: `col:${c}`, lhs: [ref('sum', c)], rhs: [ref('x', c), ref('y', c)] }))
    ]
    const glued = (digits: string): { row: string; readings: number[][]; pieces: string[] } => ({ row: 'x', readings: splitDigits([digits], 3, rowTotal).found, pieces: [digits] })

    it('fires: 1 10 12 (total one too high) is the one split the column sums allow', () => {
      const x = glued('11012')
      expect(x.readings).toEqual([])
      const rows = [x, { row: 'y', readings: [[2, 0, 2]] }, { row: 'sum', readings: [[3, 10, 13]] }]
      const left = resplit(rows, cols, ids)
      expect(rows[0]?.readings).toEqual([[1, 10, 12]])
      expect(rows[0]).toMatchObject({ broken: ['total'] })
      // Identities through the wrong cell decide nothing more.
      expect(left.map((i) => i.id).sort()).toEqual(['col:a', 'col:b', 'row:sum', 'row:y'])
    })

    it('must not fire: nothing known in the other rows', () => {
      const rows = [glued('11012'), { row: 'y', readings: [[2, 0, 2]] }]
      resplit(rows, cols, ids)
      expect(rows[0]?.readings).toEqual([])
    })

    it('must not fire: two splits, each with a different cell wrong (11 0 2 and 1 10 2)', () => {
      const rows = [glued('1102'), { row: 'y', readings: [[0, 0, 0]] }, { row: 'sum', readings: [[1, 0, 2]] }]
      resplit(rows, cols, ids)
      expect(rows[0]?.readings).toEqual([])
      expect(rows[0]).not.toHaveProperty('broken')
    })

    it('an open row takes part in every combination of its readings; the joint answer must be unique', () => {
      const y = { row: 'y', readings: splitDigits(['11011'], 3, rowTotal).found }
      expect(y.readings).toEqual([[1, 10, 11], [11, 0, 11]])
      const rows = [glued('11012'), y, { row: 'sum', readings: [[2, 20, 22]] }]
      resplit(rows, cols, ids)
      expect(rows[0]?.readings).toEqual([[1, 10, 12]])
      expect(rows[1]?.readings).toEqual([[1, 10, 11]])
      // With a sum that both readings of y allow in different ways, x stays open.
      const both = [glued('11012'), { row: 'y', readings: [[1, 10, 11], [11, 0, 11]] }, { row: 'sum', readings: [[12, 10, 22]] }]
      resplit(both, cols, ids)
      expect(both[0]?.readings).toEqual([])
    })
  })

  it('stays bounded: a run longer than the row could hold is not searched', () => {
    const long = '9'.repeat(60)
    const t0 = Date.now()
    const res = splitDigits([long], 7, () => true)
    expect(res).toEqual({ found: [], overflow: true })
    expect(placements([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 15)).toBeNull()
    expect(Date.now() - t0).toBeLessThan(200)
  })
})

describe('template module', () => {
  it('rejects a template that would make every table unreadable', () => {
    const good = JSON.parse(readFileSync(join(ROOT, 'resources', 'templates', 'template-2021.json'), 'utf8')) as { tables: { id: string; columns?: { is_total?: boolean }[] }[] }
    expect(() => validateTemplate(good, 'copy')).not.toThrow()
    const t3 = good.tables.find((t) => t.id === 'T3')
    for (const c of t3?.columns ?? []) c.is_total = false
    expect(() => validateTemplate(good, 'broken')).toThrow(/exactly one total column/)
    expect(() => validateTemplate({ doc_no: 'x' }, 'empty')).toThrow(/sections/)
  })

  it('derives the identities from the JSON: row totals, （七）总计 per column, the corner note, 表四 groups', () => {
    const specs = tableSpecs('2021')
    const t3 = specs.find((s) => s.table === 'T3')
    const ids = t3?.identities.map((i) => i.id.split(':')[0]) ?? []
    expect(ids.filter((i) => i === 'row')).toHaveLength(25)
    expect(ids.filter((i) => i === 'col')).toHaveLength(7)
    expect(ids.filter((i) => i === 'bal')).toHaveLength(7)
    const bal = t3?.identities.find((i) => i.id === 'bal:total')
    expect(bal?.lhs.map((x) => x.row)).toEqual(['new_received', 'carried_over'])
    expect(bal?.rhs.map((x) => x.row)).toEqual(['r7_total', 'carried_forward'])
    expect(specs.find((s) => s.table === 'T4')?.identities.map((i) => i.id)).toEqual(['group:review', 'group:lit_direct', 'group:lit_after_review'])
  })
})
