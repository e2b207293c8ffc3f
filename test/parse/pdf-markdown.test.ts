// Shapes of real reports converted from PDF to markdown (test/accuracy/holdout-full: kewei2024, shoffice2025):
// the body written in its short form (上海市科委) with the preface's first line below the title ending in 政府,
// and 表三 rows whose wrapped labels the conversion tore away from their numbers, so that one label line stands
// with no number after it while another row collects two rows' numbers.
import { describe, expect, it } from 'vitest'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import type { ParsedReport } from '../../src-main/engine/model.ts'

const parse = (text: string): ParsedReport => parseReport(readText(new TextEncoder().encode(text)))

describe('the body of a converted PDF', () => {
  const head = (title: string) =>
    `正文\n${title}\n年度报告\n根据《中华人民共和国政府信息公开条例》和《上海市政府\n信息公开规定》的要求，编制了 2024 年度政务公开工作\n报告。\n\n一、总体情况\n2024 年，我委推进政务公开工作。\n`

  it('a commission named by its short form is the body; the preface line below the title is not', () => {
    const r = parse(head('2024 年上海市科委政府信息公开工作'))
    expect(r.body?.name).toBe('上海市科委')
    expect(r.body?.township).toBe('上海市科委')
    expect(r.year).toBe(2024)
  })

  it('with no body in the title, a preface line ending in 政府 is still not taken for one', () => {
    const r = parse(head('2024 年政府信息公开工作'))
    expect(r.body?.name ?? '').not.toContain('根据')
  })

  it('a body on its own line below the title is still read', () => {
    const r = parse('2022年政府信息公开工作年度报告\n桃江县松木塘镇人民政府\n一、总体情况\n2022年，我镇推进公开工作。\n')
    expect(r.body?.name).toBe('桃江县松木塘镇人民政府')
  })
})

describe('表三 rows torn from their labels', () => {
  const rows: [string, number][] = [
    ['一、本年新收政府信息公开申请数量', 10], ['二、上年结转政府信息公开申请数量', 0], ['（一）予以公开', 4],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 0], ['1.属于国家秘密', 0], ['2.其他法律行政法规禁止公开', 0],
    ['3.危及“三安全一稳定”', 0], ['4.保护第三方合法权益', 0], ['5.属于三类内部事务信息', 0], ['6.属于四类过程性信息', 0],
    ['7.属于行政执法案卷', 0], ['8.属于行政查询事项', 0], ['1.本机关不掌握相关政府信息', 2], ['2.没有现成信息需要另行制作', 3],
    ['3.补正后申请内容仍不明确', 0], ['1.信访举报投诉类申请', 0], ['2.重复申请', 0], ['3.要求提供公开出版物', 0],
    ['4.无正当理由大量反复申请', 0], ['5.要求行政机关确认或重新出具已获取信息', 0],
    ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 1], ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 0],
    ['3.其他', 0], ['（七）总计', 10], ['四、结转下年度继续办理', 0]
  ]
  const pipe = (v: number) => `| ${v} | 0 | 0 | 0 | 0 | 0 | ${v} |`
  const report = (body: string) =>
    '某某镇2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我镇做好公开工作。\n三、收到和处理政府信息公开申请情况\n' +
    '| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n' + body +
    '四、政府信息公开行政复议、行政诉讼情况\n'
  const row = (r: ParsedReport, id: string) => r.tables.T3.cells.filter((c) => c.row === id)

  it('a label with no number after it is uncertain when another row holds more numbers than columns', () => {
    // As converted: (四)1's label lost and its numbers under the 8. row; (四)2's label alone on its line,
    // its numbers under the (四)3 row.
    const want = new Map(rows.map(([, v], i) => [i, [v, 0, 0, 0, 0, 0, v]]))
    const body = rows
      .map(([label, v]) =>
        label.startsWith('1.本机关') ? ''
          : label.startsWith('2.没有现成') ? `${label}\n`
            : label.startsWith('8.属于') ? `| ${label} | ${v} | 0 | 0 | 0 | 0 | 0 | ${v} |\n${pipe(2)}\n`
              : label.startsWith('3.补正后') ? `| ${label} | ${v} | 0 | 0 | 0 | 0 | 0 | ${v} |\n${pipe(3)}\n`
                : `| ${label} | ${v} | 0 | 0 | 0 | 0 | 0 | ${v} |\n`)
      .join('')
    const r = parse(report(body))
    expect(row(r, 'r4_2_needs_creation').map((c) => c.status)).toEqual(Array(7).fill('uncertain'))
    // nothing is read certain and wrong
    const ids = [...new Set(r.tables.T3.cells.map((c) => c.row))]
    r.tables.T3.cells.forEach((c) => {
      if (c.status === 'uncertain' || c.status === 'missing') return
      expect(c.value).toBe(want.get(ids.indexOf(c.row))?.[r.tables.T3.cells.filter((x) => x.row === c.row).indexOf(c)])
    })
    expect(row(r, 'r1_disclosed').map((c) => c.value)).toEqual([4, 0, 0, 0, 0, 0, 4])
  })

  it("an item's ordinal opening a torn label fragment is not read as a cell of the row above", () => {
    // As converted: the first line of a later row name ('5.要求行政机关确认或重新出具') under the (四)2 row.
    const body = rows
      .map(([label, v]) => `| ${label} | ${v} | 0 | 0 | 0 | 0 | 0 | ${v} |\n` + (label.startsWith('2.没有现成') ? '5.要求行政机关确认或重新出具\n' : ''))
      .join('')
    const r = parse(report(body))
    expect(row(r, 'r4_2_needs_creation').map((c) => (c.status === 'ok' ? c.value : c.status))).toEqual([3, 0, 0, 0, 0, 0, 3])
  })

  it('without such a row, a label with no number after it is read as the blank row it shows', () => {
    const body = rows.map(([label, v]) => (label.startsWith('2.没有现成') ? `${label}\n` : `| ${label} | ${v} | 0 | 0 | 0 | 0 | 0 | ${v} |\n`)).join('')
    const r = parse(report(body))
    expect(row(r, 'r4_2_needs_creation').map((c) => c.status)).toEqual(Array(7).fill('blank'))
    expect(row(r, 'r4_1_not_held').map((c) => c.value)).toEqual([2, 0, 0, 0, 0, 0, 2])
  })
})

describe('表四 written as three small tables', () => {
  const small = (title: string, v: number[]) =>
    `### ${title}\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|----------|----------|----------|----------|------|\n| ${v.join(' | ')} |\n\n`
  const report = (parts: string) =>
    '某某县2025年政府信息公开工作年度报告\n一、总体情况\n2025年，我县做好公开工作。\n## 四、政府信息公开行政复议、行政诉讼情况\n\n' + parts +
    '## 五、政府信息公开工作存在的主要问题及改进情况\n问题。\n'
  const values = (r: ParsedReport) => r.tables.T4.cells.map((c) => (c.status === 'ok' ? c.value : c.status))

  it('reads the three groups in their headed order', () => {
    const r = parse(report(small('行政复议', [27, 10, 9, 15, 61]) + small('行政诉讼（未经复议直接起诉）', [3, 0, 0, 0, 3]) + small('行政诉讼（复议后起诉）', [8, 0, 1, 1, 10])))
    expect(values(r)).toEqual([27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10])
  })

  it('does not read them in template order when the headings give another', () => {
    const r = parse(report(small('行政复议', [27, 10, 9, 15, 61]) + small('行政诉讼（复议后起诉）', [8, 0, 1, 1, 10]) + small('行政诉讼（未经复议直接起诉）', [3, 0, 0, 0, 3])))
    const cells = r.tables.T4.cells
    expect(cells.slice(5).some((c) => c.status === 'ok' && c.value === 8)).toBe(false)
  })
})

describe('表四 as one pipe row between a note and an unheaded section 五', () => {
  const t4 = [40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22]
  const report = (note: string, after: string) =>
    '某某市人民政府办公厅2025年政府信息公开工作年度报告\n一、总体情况\n2025年，做好公开工作。\n四、政府信息公开行政复议、行政诉讼情况\n' +
    '行政复议行政诉讼\n未经复议直接起诉复议后起诉\n结果结果其他尚未\n总计结果结果其他尚未结果结果其他尚未\n维持纠正结果审结维持纠正结果审结\n' + note +
    '| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |\n|---|---|---|---|---|---|\n' + `| ${t4.join(' | ')} |\n\n` + after + '六、其他需要报告的事项\n无。\n'
  const values = (r: ParsedReport) => r.tables.T4.cells.map((c) => (c.status === 'ok' ? c.value : c.status))

  it('a 、 between words of a note is punctuation, and a （一） sub-heading after the row ends it', () => {
    const r = parse(report('注：行政复议、行政诉讼数量含上年度结转数量。\n', '（一）2024 年工作中存在问题的改进情况\n一是提升质效。\n'))
    expect(values(r)).toEqual(t4)
  })

  it('a placeholder standing as a cell is still a blank cell', () => {
    const r = parse(report('', '').replace('| 40 | 0 |', '| 40 | 、 |'))
    expect(r.tables.T4.cells[1]?.status).not.toBe('ok')
  })
})
