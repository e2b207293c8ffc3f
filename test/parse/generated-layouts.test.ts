// Layouts of the accuracy corpus rendered from blocks (scripts/accuracy/flat.ts, paged.ts): comma-separated
// rows, rows whose digits a text extraction interleaved, digits the reader cannot read as a cell.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../../src-main/engine/ingest/read.ts'
import { readText, textToLines } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { ROOT, seedBytes } from '../helpers/seeds.ts'

const parse = (text: string) => parseReport(readText(Buffer.from(text, 'utf8')))
const corpus = (layout: string, file: string) => parseReport(readText(readFileSync(join(ROOT, 'test', 'accuracy', 'files', layout, file))))
const row = (r: ReturnType<typeof parse>, t: 'T2' | 'T3' | 'T4', id: string) => r.tables[t].cells.filter((c) => c.row === id)

describe('rows written with tabs or pipes between cells', () => {
  it('cuts each line at its own tabs and pipes, whatever the lines before and after hold', () => {
    const text = '一、总体情况\r\n规章\t0\t 1 \t2\r\n\n| 行政许可 | 3 |\n本镇全年未收取任何费用。\n'
    const lines = textToLines(text)
    expect(lines.map((l) => l.cells.map((c) => c.text))).toEqual([['一、总体情况'], ['规章', '0', '1', '2'], ['', '行政许可', '3', ''], ['本镇全年未收取任何费用。']])
    expect(lines[1]?.cells.map((c) => c.col)).toEqual([0, 1, 2, 3])
    for (const c of lines.flatMap((l) => l.cells)) expect(text.slice(c.start, c.end)).toBe(c.text)
  })

  it('reads a text of 160,000 lines without a separator as one cell a line (the search stays within each line)', () => {
    const lines = textToLines('统计数据一行文字\n'.repeat(160_000))
    expect(lines).toHaveLength(160_000)
    expect(lines.every((l) => l.cells.length === 1 && l.cells[0]?.text === '统计数据一行文字')).toBe(true)
  })
})

describe('rows written with commas between cells', () => {
  it('splits a comma row into fields, a quoted field whole, with offsets into the text', () => {
    const text = '规章,0,0,0\n一、本年新收政府信息公开申请数量,"3,001",53,0,0,61,4,"3,119"\n'
    const [a, b] = textToLines(text)
    expect(a?.cells.map((c) => c.text)).toEqual(['规章', '0', '0', '0'])
    expect(b?.cells.map((c) => c.text)).toEqual(['一、本年新收政府信息公开申请数量', '3,001', '53', '0', '0', '61', '4', '3,119'])
    for (const c of [...(a?.cells ?? []), ...(b?.cells ?? [])]) expect(text.slice(c.start, c.end)).toBe(c.text)
  })

  it('splits a header row of words when a comma row of as many fields stands next to it, not a line of words alone', () => {
    const [h, r] = textToLines('信息内容,本年新制作数量,本年新公开数量,对外公开总数量\n规章,0,0,0\n')
    expect(h?.cells.map((c) => c.text)).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'])
    expect(r?.cells).toHaveLength(4)
    expect(textToLines('信息内容,本年新制作数量,本年新公开数量,对外公开总数量\n规章,0,0\n')[0]?.cells).toHaveLength(1)
    expect(textToLines('主要公开政府工作动态,政策信息,招标信息\n')[0]?.cells).toHaveLength(1)
  })

  it('leaves prose with commas as one cell (sentence end, or most fields words)', () => {
    for (const l of ['2020年,我镇先后组织开展宣讲活动,向群众宣传相关政策。', '一是时效性有待提升,部分村居和部门信息公开不及时,主动公开意识不强']) {
      expect(textToLines(l)[0]?.cells).toHaveLength(1)
    }
  })

  it('reads a CSV export of a real report with thousands separators', () => {
    const r = corpus('csv-txt', 'szfgs2024.txt')
    expect(row(r, 'T3', 'new_received').map((c) => [c.value, c.status])).toEqual([3001, 53, 0, 0, 61, 4, 3119].map((v) => [v, 'ok']))
    expect(row(r, 'T2', 'A20_8.admin_fees')[0]?.value).toBe(96171.6)
  })
})

describe('rows whose digits a text extraction interleaved', () => {
  it('shares 67 01 00… between the two rows: the columns where both splits agree are read, the others stay uncertain', () => {
    const r = corpus('pdftotext-paged', 'szfgs2024.txt')
    // '4.保护第三方合法权益' has no number; '5.属于三类内部事务信息 67 01 00 00 00 00 68' holds both rows' digits.
    // The PDF prints 6 0 0 0 0 0 6 and 7 1 0 0 0 0 8: swapped, the rows satisfy every identity just as well.
    for (const id of ['r3_4_third_party', 'r3_5_internal_affairs']) {
      const cells = row(r, 'T3', id)
      expect(cells.map((c) => c.status), id).toEqual(['uncertain', 'uncertain', 'inferred', 'inferred', 'inferred', 'inferred', 'uncertain'])
      expect(cells.map((c) => c.value ?? c.choices)).toEqual([[6, 7], [0, 1], 0, 0, 0, 0, [6, 8]])
      expect(cells[0]?.note).toMatch(/交错/)
      expect(r.problems?.some((p) => p.table === 'T3' && p.cells?.some((c) => c.row === id))).toBe(true)
    }
    // The rows around them are read as usual.
    expect(row(r, 'T3', 'r3_3_security_stability').map((c) => c.value)).toEqual([5, 0, 0, 0, 0, 0, 5])
    expect(row(r, 'T3', 'r3_6_process_info').map((c) => [c.value, c.status])).toEqual([12, 0, 0, 0, 0, 0, 12].map((v) => [v, 'ok']))
  })

  it('reads both rows when every split gives them the same digits (00 00 00 …)', () => {
    const r = corpus('pdftotext-paged', '002_3439ace2b5349fdf.txt')
    for (const id of ['r3_4_third_party', 'r3_5_internal_affairs']) {
      expect(row(r, 'T3', id).map((c) => [c.value, c.status])).toEqual(new Array(7).fill([0, 'inferred']))
    }
    expect(r.problems ?? []).toEqual([])
  })

  // szfgs2024's (七)总计 2932 53 0 0 61 4 3050 and 四、结转下年度继续办理 103 0 0 0 0 0 103 set on one line.
  const totals = (line: string): string => {
    const text = readFileSync(join(ROOT, 'test', 'accuracy', 'files', 'pdftotext-paged', 'szfgs2024.txt'), 'utf8')
    const from = /（七）总计 +2932 53 0 0 61 4 3050\n四、结转下年度继续办理 +103 0 0 0 0 0 103\n/
    expect(text).toMatch(from)
    return text.replace(from, `     （七）总计\n四、结转下年度继续办理   ${line}\n`)
  }

  it('reads rows of different roles from one interleaved line when the column sums leave one split', () => {
    const r = parse(totals('2193032 530 00 00 601 40 3105003'))
    expect(row(r, 'T3', 'r7_total').map((c) => [c.value, c.status])).toEqual([2932, 53, 0, 0, 61, 4, 3050].map((v) => [v, 'inferred']))
    expect(row(r, 'T3', 'carried_forward').map((c) => [c.value, c.status])).toEqual([103, 0, 0, 0, 0, 0, 103].map((v) => [v, 'inferred']))
    // Every other row is read; only the two rows of '67 01 00 …' (see above) keep their swap open.
    const open = new Set(['r3_4_third_party', 'r3_5_internal_affairs'])
    expect(r.tables.T3.cells.filter((c) => !open.has(c.row)).every((c) => c.status === 'ok' || c.status === 'inferred')).toBe(true)
  })

  it('leaves both rows uncertain when a field holds one digit (one row may be blank there)', () => {
    const r = parse(totals('2193032 530 0 00 601 40 3105003'))
    for (const id of ['r7_total', 'carried_forward']) expect(row(r, 'T3', id).every((c) => c.status === 'uncertain'), id).toBe(true)
  })

  it('reads (四) 无 of a group name broken over two lines as label text, not as a blank cell of the row above', () => {
    const r = corpus('pdftotext-paged', '000_b657cdc2b6fa0bce.txt')
    const text = readFileSync(join(ROOT, 'test', 'accuracy', 'files', 'pdftotext-paged', '000_b657cdc2b6fa0bce.txt'), 'utf8')
    expect(text).toMatch(/1\.本机关不掌握相关政府信息 0 0 0 0 0 0 0\n +\(四\) 无 2\.没有现成信息需要另行制作/)
    expect(row(r, 'T3', 'r4_1_not_held').map((c) => [c.value, c.status])).toEqual(new Array(7).fill([0, 'ok']))
    // A blank mark after an ordinal that starts no group name is still a cell.
    const other = parse(text.replace('(四) 无 2.没有', '(九) 无 2.没有'))
    expect(row(other, 'T3', 'r4_1_not_held').every((c) => c.status === 'uncertain')).toBe(true)
  })

  it('does not take a row of glued digits (0000000) or plain zeros for interleaved rows', () => {
    const text = seedBytes('002').toString('utf8').replace(/\t（一）予以公开\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n/, '\t（一）予以公开0000000\n')
    expect(text).toContain('（一）予以公开0000000')
    const r = parse(text)
    expect(row(r, 'T3', 'r1_disclosed').map((c) => c.value)).toEqual([0, 0, 0, 0, 0, 0, 0])
    expect(row(r, 'T3', 'r2_partial').every((c) => c.status === 'ok')).toBe(true)
  })
})

describe('digits the reader cannot read as a cell', () => {
  it('makes the row uncertain, never blank (行政事业性收费 0,0: two numbers or one?)', () => {
    const text = seedBytes('002').toString('utf8').replace('\t行政事业性收费\n\t0\n', '\t行政事业性收费 0,0\n')
    expect(text).toContain('行政事业性收费 0,0')
    const fee = row(parse(text), 'T2', 'A20_8.admin_fees')
    expect(fee.map((c) => c.status)).toEqual(['uncertain'])
  })
})

describe('column names broken over lines inside their cells', () => {
  it('reads 本年 / 制发件数 as the name 本年制发件数, not as a deviation (Word table-to-text with tabs)', () => {
    const r = corpus('word-text-tabs-wrapped', '002_3439ace2b5349fdf.txt')
    const cols = [...r.tables.T2.labels, ...r.tables.T3.labels].filter((l) => l.kind === 'col')
    const issued = cols.find((l) => l.id === 'A20_1.issued')
    expect(issued?.raw).toBe('本年制发件数')
    expect(issued?.match).toBe('exact')
    expect(cols.find((l) => l.id === 'social_welfare_org')?.match).toBe('exact')
    expect(cols.filter((l) => l.match !== 'exact' && l.match !== 'variant')).toEqual([])
  })

  it('reads a name whose bracket goes on to the next line whole (本年收费金额（单位：万元， / 保留4位小数）)', () => {
    const file = readFileSync(join(ROOT, 'test', 'accuracy', 'files', 'word-text-tabs-wrapped', '001_3cdfaf53304c8eaa.txt'), 'utf8')
    expect(file).toContain('信息内容\t本年收费金额（单位：万元，\n保留4位小数）\n')
    const fee = (text: string) => parse(text).tables.T2.labels.find((l) => l.kind === 'col' && l.id === 'A20_8.fee_amount')
    expect(fee(file)?.raw).toBe('本年收费金额（单位：万元，保留4位小数）')
    // A name that closes its bracket on its own line does not take the next line's text.
    const closed = fee(file.replace('本年收费金额（单位：万元，\n保留4位小数）\n', '本年收费金额（单位：万元）\n（保留4位小数）\n'))
    expect([closed?.raw, closed?.match]).toEqual(['本年收费金额（单位：万元）', 'exact'])
  })

  it('still reports a name really written otherwise in one piece', () => {
    const text = seedBytes('002').toString('utf8').replace('本年制发件数', '本年印发件数')
    expect(text).toContain('本年印发件数')
    const col = parse(text).tables.T2.labels.find((l) => l.kind === 'col' && l.id === 'A20_1.issued')
    expect(col?.match).toBe('deviation')
  })
})

describe('merged ranges filled by the converter (Excel 取消合并并填充)', () => {
  it('reads a row whose label is repeated across its merged columns, instead of taking it as blank', () => {
    const r = corpus('excel-filled', 'szfgs2024.txt')
    expect(row(r, 'T3', 'carried_forward').map((c) => [c.value, c.status])).toEqual([103, 0, 0, 0, 0, 0, 103].map((v) => [v, 'ok']))
  })

  it('reads a one-column value repeated over its merged columns once, without blaming the table shape', () => {
    const r = corpus('excel-filled', 'szfgs2024.txt')
    expect(row(r, 'T2', 'A20_5.admin_license').map((c) => c.value)).toEqual([447228])
    const shape = r.tables.T2.shape.find((s) => s.row === 'A20_5.admin_license')
    expect(shape?.source).toBe('reading')
  })

  it('reads one value repeated over a merged range in a block of two rows, and no differing copies', () => {
    const file = readFileSync(join(ROOT, 'test', 'accuracy', 'files', 'excel-filled', 'szfgs2024.txt'), 'utf8')
    expect(file).toContain('行政处罚\t3985758\t3985758\t3985758\n行政强制\t88283\t88283\t88283\n')
    const cell = (text: string, id: string) => parse(text).tables.T2.cells.find((c) => c.row === id)
    expect([cell(file, 'A20_6.admin_penalty')?.value, cell(file, 'A20_6.admin_penalty')?.status]).toEqual([3985758, 'ok'])
    expect([cell(file, 'A20_6.admin_coercion')?.value, cell(file, 'A20_6.admin_coercion')?.status]).toEqual([88283, 'ok'])
    const other = file.replace('行政强制\t88283\t88283\t88283', '行政强制\t88283\t8828\t88283')
    expect(cell(other, 'A20_6.admin_coercion')?.status).toBe('uncertain')
  })

  it('still holds a one-column row with different numbers in extra fields against the source', () => {
    const text = readFileSync(join(ROOT, 'test', 'accuracy', 'files', 'excel-filled', 'szfgs2024.txt'), 'utf8').replace('行政许可\t447228\t447228\t447228', '行政许可\t447228\t5\t447228')
    expect(text).toContain('行政许可\t447228\t5\t447228')
    expect(parse(text).tables.T2.shape.find((s) => s.row === 'A20_5.admin_license')?.source).toBe('source')
  })
})

describe('表四 split over lines: one line per column group (行政复议 / 未经复议直接起诉 / 复议后起诉), or one cell per line', () => {
  const T4 = '类别\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n行政复议\t\t\t\t\t\t\n行政诉讼\t未经复议直接起诉\t0\t0\t0\t0\t0\n\t复议后起诉\t0\t0\t0\t0\t0\n'
  const text = (): string => {
    const t = readFileSync(join(ROOT, 'test', 'accuracy', 'files', 'excel-tsv-t4-rows', '003_ba49bbb087adff7b.txt'), 'utf8')
    expect(t).toContain(T4)
    return t
  }
  const t4 = (r: ReturnType<typeof parse>) => r.tables.T4.cells.map((c) => [c.value, c.status])
  const blank5 = new Array(5).fill([null, 'blank'])
  const zero5 = new Array(5).fill([0, 'ok'])

  it('reads a group whose line shows only empty cells as blank, the other groups where their names stand', async () => {
    expect(t4(parse(text()))).toEqual([...blank5, ...zero5, ...zero5])
    const docx = await readDocument('.docx', readFileSync(join(ROOT, 'test', 'accuracy', 'files', 'docx-t4-rows', '003_ba49bbb087adff7b.docx')))
    expect(t4(parseReport(docx))).toEqual([...blank5, ...zero5, ...zero5])
  })

  it('places the empty group by its name wherever its line stands among the others', () => {
    const moved = text().replace(T4, T4.replace('行政复议\t\t\t\t\t\t\n行政诉讼\t未经复议直接起诉\t0\t0\t0\t0\t0\n\t复议后起诉\t0\t0\t0\t0\t0\n', '行政复议\t\t1\t0\t0\t0\t1\n行政诉讼\t未经复议直接起诉\t\t\t\t\t\n\t复议后起诉\t0\t0\t0\t0\t0\n'))
    expect(t4(parse(moved))).toEqual([[1, 'ok'], ...new Array(3).fill([0, 'ok']), [1, 'ok'], ...blank5, ...zero5])
  })

  it('leaves the cells uncertain when the group lines are not in the template order', () => {
    const swapped = text().replace(T4, T4.replace('行政诉讼\t未经复议直接起诉\t0\t0\t0\t0\t0\n\t复议后起诉\t0\t0\t0\t0\t0\n', '\t复议后起诉\t0\t0\t0\t0\t0\n行政诉讼\t未经复议直接起诉\t0\t0\t0\t0\t0\n'))
    expect(parse(swapped).tables.T4.cells.every((c) => c.status === 'uncertain')).toBe(true)
  })

  it('does not take the empty fields after a group heading of the header for a group of cells', () => {
    const header = text().replace(T4, '类别\t行政复议\t\t\t\t\t行政诉讼\t\t\t\t\n\t\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n\t\t\t\t\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n')
    expect(t4(parse(header))).toEqual(t4(corpus('excel-tsv', '003_ba49bbb087adff7b.txt')))
  })

  it('reads the empty lines of a table written one cell per line as its empty cells when they make up the row', () => {
    const file = readFileSync(join(ROOT, 'test', 'accuracy', 'files', 'cell-lines', '003_ba49bbb087adff7b.txt'), 'utf8')
    const tail = '尚 未 审 结\n总 计\n\n\n\n\n\n' + '0\n'.repeat(10) + '五、存在的主要问题及改进情况\n'
    expect(file).toContain(tail)
    expect(t4(parse(file))).toEqual([...blank5, ...zero5, ...zero5])
    // One empty line more (16 cells), or an empty line after the last value: spacing cannot be told from cells.
    for (const other of [tail.replace('总 计\n', '总 计\n\n'), tail.replace('0\n五、', '0\n\n五、')]) {
      expect(parse(file.replace(tail, other)).tables.T4.cells.every((c) => c.status === 'uncertain')).toBe(true)
    }
  })
})

// A held-out 2021 report in the 2019 tables (wide-* layouts): 政府集中采购 given as one glued amount
// '328291965元' over its two columns (采购项目数量, 采购总金额).
describe('an amount written in a column of counts', () => {
  const cells = (r: ReturnType<typeof parse>) => row(r, 'T2', 'A20_9.central_procurement').map((c) => [c.col, c.status, c.status === 'ok' ? c.value : '?'])
  it('leaves the row uncertain, its empty or repeated fields included (Excel copy, filled merge, Word table)', () => {
    for (const layout of ['wide-excel-tsv', 'wide-excel-filled', 'wide-word-text-spaces', 'wide-cell-lines']) {
      const r = corpus(layout, 'pthtp2021.txt')
      expect(cells(r), layout).toEqual([['items', 'uncertain', '?'], ['amount', 'uncertain', '?']])
      // The rest of 表二 is read as written.
      expect(row(r, 'T2', 'A20_1.normative_docs').map((c) => [c.status, c.value]), layout).toEqual([['ok', 4], ['ok', 4], ['ok', 4]])
    }
  })
  it('reads a count and an amount with its unit where each stands in its own column', () => {
    const text = readFileSync(join(ROOT, 'test', 'accuracy', 'files', 'wide-excel-tsv', 'pthtp2021.txt'), 'utf8')
    expect(text).toContain('政府集中采购\t328291965元\t\t')
    const r = parse(text.replace('政府集中采购\t328291965元\t\t', '政府集中采购\t3\t28291965元\t'))
    expect(cells(r)).toEqual([['items', 'ok', 3], ['amount', 'ok', 28291965]])
  })
})

// Word's table to text with spaces: 本年增/减 written with a minus sign (平潭 2020, 2019 tables).
describe('a signed value standing alone between spaces', () => {
  const vals = (r: ReturnType<typeof parse>, id: string) => row(r, 'T2', id).map((c) => [c.status, c.status === 'ok' ? c.value : null])
  it('reads the minus as the sign of the number after it', () => {
    const r = corpus('wide-word-text-spaces', 'pingtan2020.txt')
    expect(vals(r, 'A20_6.admin_penalty')).toEqual([['ok', 2648], ['ok', -18], ['ok', 538]])
    expect(vals(r, 'A20_8.admin_fees')).toEqual([['ok', 35], ['ok', -15]])
  })
  it('still reads a dash with a space after it as a blank cell', () => {
    const text = readFileSync(join(ROOT, 'test', 'accuracy', 'files', 'wide-word-text-spaces', 'pingtan2020.txt'), 'utf8')
    expect(text).toContain('行政处罚 2648 -18 538\n')
    const r = parse(text.replace('行政处罚 2648 -18 538\n', '行政处罚 2648 - 538\n'))
    expect(vals(r, 'A20_6.admin_penalty')).toEqual([['ok', 2648], ['blank', null], ['ok', 538]])
  })
})
