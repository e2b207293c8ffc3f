// The renderer's pure logic, without a browser: marking the original by offsets (blank cells as
// zero-width marks), overlap of elements with evidence, PDF boxes for blank cells, identities.
import { describe, expect, it } from 'vitest'
import type { CellDto, FindingDto, TemplateDto } from '../../src-main/shared/api.ts'
import { templateDto } from '../../src-main/server/templateDto.ts'
import { buildHighlights, cellKey, touches, type Mark } from '../../src-renderer/src/domain/evidence.ts'
import { inferCellBox, pdfBoxMarks } from '../../src-renderer/src/domain/pdfBoxes.ts'
import { segmentText } from '../../src-renderer/src/domain/segments.ts'
import { locateQuote } from '../../src-renderer/src/domain/locate.ts'
import { sidesText } from '../../src-renderer/src/domain/sides.ts'
import { cellName, colLabel, rowLabel, t2BlockTitle, tableName } from '../../src-renderer/src/domain/templateNames.ts'

const mark = (start: number, end: number, severity: Mark['severity'], findingId = 1): Mark => ({ start, end, severity, findingId, title: `t${findingId}` })

function finding(id: number, severity: FindingDto['severity'], evidence: FindingDto['evidence'], extra: Partial<FindingDto> = {}): FindingDto {
  return { id, key: `K${id}`, rule: 'R', family: 'structure', title: 'T', source: '', severity, outcome: 'FAIL', message: `m${id}`, evidence, sides: null, state: 'open', manual: false, decision: null, comment: null, decidedBy: null, decidedAt: null, ...extra }
}

describe('segmentText', () => {
  it('wraps ranges, keeps plain text together and takes the most severe overlapping finding', () => {
    const segs = segmentText('0123456789', [mark(2, 6, 'info', 1), mark(4, 8, 'error', 2)])
    expect(segs.map((s) => [s.text, s.severity])).toEqual([
      ['01', null],
      ['23', 'info'],
      ['45', 'error'],
      ['67', 'error'],
      ['89', null]
    ])
    expect(segs[2]!.findingIds).toEqual([1, 2])
    expect(segs.map((s) => s.text).join('')).toBe('0123456789')
  })

  it('shows blank cells (zero-width spans) as point marks at their place', () => {
    const segs = segmentText('a\t\tb', [mark(1, 1, 'warning', 7), mark(2, 2, 'warning', 7)])
    const points = segs.filter((s) => s.point)
    expect(points.map((p) => p.start)).toEqual([1, 2])
    expect(points.every((p) => p.text === '' && p.severity === 'warning' && p.findingIds[0] === 7)).toBe(true)
    expect(segs.map((s) => s.text).join('')).toBe('a\t\tb')
  })

  it('draws long context quotations lighter than exact places', () => {
    const text = 'x'.repeat(400)
    const segs = segmentText(text, [mark(0, 400, 'info', 1), mark(10, 12, 'warning', 2)])
    expect(segs.find((s) => s.start === 0)!.long).toBe(true)
    expect(segs.find((s) => s.start === 10)!.long).toBe(false)
  })
})

describe('touches', () => {
  it('matches overlapping ranges and zero-width marks on empty elements', () => {
    expect(touches(0, 5, { start: 4, end: 9 })).toBe(true)
    expect(touches(0, 5, { start: 5, end: 9 })).toBe(false)
    expect(touches(7, 7, { start: 7, end: 7 })).toBe(true)
    expect(touches(6, 6, { start: 7, end: 7 })).toBe(false)
    expect(touches(5, 9, { start: 7, end: 7 })).toBe(true)
    expect(touches(3, 3, { start: 0, end: 10 })).toBe(true)
  })
})

describe('search hit in the plain text', () => {
  it('marks exactly the words found, apart from and across evidence runs', () => {
    const segs = segmentText('0123456789', [mark(2, 6, 'info', 1)], { start: 4, end: 8 })
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(['45', '67'])
    expect(segs.find((s) => s.text === '45')?.severity).toBe('info')
    expect(segs.map((s) => s.text).join('')).toBe('0123456789')
    // without a hit nothing is marked as one
    expect(segmentText('0123456789', [], null).some((s) => s.hit)).toBe(false)
  })
})

describe('locating a quotation', () => {
  const text = '一、总体情况\n本机关全年收到申请12件，办结12件。\n五、存在的主要问题\n人员不足。'
  it('keeps the offsets when the words stand there, whitespace aside', () => {
    const at = text.indexOf('收到申请')
    expect(locateQuote(text, { start: at, end: at + 6, text: '收到 申请12' })).toEqual({ start: at, end: at + 6 })
  })
  it('finds words whose offsets belong to another version, nearest to where they were', () => {
    const t = `${text}\n附：本机关全年收到申请12件。`
    const at = t.indexOf('收到申请')
    expect(locateQuote(t, { start: at + 30, end: at + 36, text: '收到申请12' })).toEqual({ start: t.lastIndexOf('收到申请'), end: t.lastIndexOf('收到申请') + 6 })
    expect(locateQuote(t, { start: at - 3, end: at + 3, text: '收到申请12' })).toEqual({ start: at, end: at + 6 })
  })
  it('gives null for words the text does not hold, and buildHighlights lists them instead of marking', () => {
    expect(locateQuote(text, { start: 3, end: 9, text: '并无此句' })).toBeNull()
    const hl = buildHighlights([finding(1, 'warning', [{ kind: 'text', start: 3, end: 7, text: '并无此句' }])], [], null, text)
    expect(hl.marks).toEqual([])
    expect(hl.unplaced.get(1)).toEqual(['并无此句'])
  })
})

describe('buildHighlights', () => {
  it('colours a cell by its most severe open finding and ignores dismissed or resolved ones', () => {
    const cell = { kind: 'cell' as const, table: 'T4' as const, row: 'counts', col: 'review_total', value: null, raw: '', status: 'blank' as const, span: { start: 5, end: 5 } }
    const hl = buildHighlights(
      [finding(1, 'warning', [cell]), finding(2, 'error', [cell]), finding(3, 'error', [cell], { decision: 'dismissed' }), finding(4, 'error', [cell], { state: 'resolved' })],
      []
    )
    const h = hl.cells.get(cellKey('T4', 'counts', 'review_total'))!
    expect(h.severity).toBe('error')
    expect(h.findingIds).toEqual([1, 2])
    expect(hl.marks.map((m) => [m.start, m.end])).toEqual([
      [5, 5],
      [5, 5]
    ])
  })
})

describe('PDF boxes of blank cells', () => {
  // seed 003 as a PDF: the ten 行政诉讼 cells carry boxes, the five 行政复议 cells are blank
  const real = templateDto('2021')
  const template: TemplateDto = {
    ...real,
    t4: {
      ...real.t4,
      columns: ['review', 'lit_direct', 'lit_after_review'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => ({ id: `${g}_${c}`, label: c, group: g })))
    }
  }
  const xs = [243.1, 280, 316.9, 353.8, 383.2, 412.7, 449.6, 486.5, 523.4, 553.2]
  const cells: CellDto[] = template.t4.columns.map((c, i) =>
    i < 5
      ? { table: 'T4', row: 'counts', col: c.id, value: null, raw: '', status: 'blank' }
      : { table: 'T4', row: 'counts', col: c.id, value: 0, raw: '0', status: 'ok', span: { start: i, end: i + 1, page: 2, box: [xs[i - 5]!, 101.29, xs[i - 5]! + 4.95, 110.29] } }
  )

  it('places a blank cell on the line through its row neighbours, left of them, on their page', () => {
    const b = inferCellBox({ table: 'T4', row: 'counts', col: 'review_total' }, cells, template)!
    expect(b.page).toBe(2)
    const cx = (b.box[0] + b.box[2]) / 2
    expect(cx).toBeGreaterThan(180)
    expect(cx).toBeLessThan(243)
    expect(b.box[1]).toBeLessThan(101.29)
    expect(b.box[3]).toBeGreaterThan(110.29)
    const first = inferCellBox({ table: 'T4', row: 'counts', col: 'review_upheld' }, cells, template)!
    expect((first.box[0] + first.box[2]) / 2).toBeLessThan(cx)
  })

  it('draws boxed cells exactly and blank cells as approximate', () => {
    const ev = (col: string): FindingDto['evidence'][number] => ({ kind: 'cell', table: 'T4', row: 'counts', col, value: null, raw: '', status: 'blank' })
    const marks = pdfBoxMarks([finding(9, 'warning', [ev('review_upheld'), ev('lit_direct_total')])], cells, template)
    expect(marks.map((m) => [m.cell, m.approximate, m.page])).toEqual([
      ['T4|counts|review_upheld', true, 2],
      ['T4|counts|lit_direct_total', false, 2]
    ])
  })
})

describe('sidesText', () => {
  it('writes a broken identity as a + b ≠ c + d, and ≟ when a side is blank', () => {
    expect(sidesText({ left: [{ label: 'a', value: 1 }, { label: 'b', value: 2 }], right: [{ label: 'c', value: 2 }, { label: 'd', value: 0 }] })).toBe('1 + 2 ≠ 2 + 0')
    expect(sidesText({ left: [{ label: 'a', value: null }], right: [{ label: 'c', value: 0 }] })).toBe('空 ≟ 0')
    expect(sidesText({ left: [{ label: 'a', value: 0.5 }], right: [{ label: 'c', value: 0.5 }] })).toBe('0.5 = 0.5')
  })
})

describe('template names in the renderer', () => {
  const t2021 = templateDto('2021')
  const t2019 = templateDto('2019')

  it('names tables, rows and columns as the template JSON does, for each format', () => {
    expect(tableName(t2021, 'T3')).toBe('表三')
    expect(tableName(t2021, 'T9')).toBe('T9')
    const firstRow = t2021.t3.rows.find((r) => r.hasData)!
    const natural = t2021.t3.columns[0]!
    expect(cellName(t2021, 'T3', firstRow.id, natural.id)).toBe(`表三 · ${firstRow.label} · ${natural.label}`)
    // 表四: one data row, columns carry their group's heading
    expect(cellName(t2021, 'T4', 'counts', 'lit_after_review_upheld')).toBe('表四 · 复议后起诉·结果维持')
    // a row the template does not know keeps its id, never another row's label
    expect(rowLabel(t2021, 'T3', 'no_such_row')).toBe('no_such_row')
    expect(rowLabel(t2021, 'T4', 'counts')).toBe('')
    const block = t2021.t2[0]!
    expect(t2BlockTitle(t2021, block.rows[0]!.id)).toBe(block.title)
    expect(colLabel(t2021, 'T2', block.columns[0]!.id)).toBe(block.columns[0]!.label)
  })

  it('builds 表四 header rows from the column paths: 行政复议 over five, 行政诉讼 over two groups of five', () => {
    for (const t of [t2021, t2019]) {
      expect(t.t4.headers.map((h) => [h.label, h.span])).toEqual([
        ['行政复议', 5],
        ['行政诉讼', 10]
      ])
      expect(t.t4.headers[1]!.children.map((h) => [h.label, h.span])).toEqual([
        ['未经复议直接起诉', 5],
        ['复议后起诉', 5]
      ])
      expect(t.t4.headers.reduce((n, h) => n + h.span, 0)).toBe(t.t4.columns.length)
    }
  })
})

describe('表三 header groups from the template', () => {
  it('申请人情况 over the seven columns, 法人或其他组织 over the five between 自然人 and 总计', () => {
    for (const t of [templateDto('2021'), templateDto('2019')]) {
      expect(t.t3.headers.map((h) => [h.label, h.span])).toEqual([['申请人情况', 7]])
      expect(t.t3.headers[0]!.children.map((h) => [h.label, h.span])).toEqual([['法人或其他组织', 5]])
      expect(t.t3.columns.map((c) => c.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'])
    }
  })
})
