// Shapes of real reports as a site crawler saved them (test/accuracy/holdout-full: pingtan2019/2020/2024): a
// header of 'key: value' lines naming the site's column (栏目: 政府信息公开年报), then the whole page as one
// paragraph with every table cell glued to the next, minus signs of 本年增/减 included.
import { describe, expect, it } from 'vitest'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import type { ParsedReport } from '../../src-main/engine/model.ts'

const parse = (text: string): ParsedReport => parseReport(readText(new TextEncoder().encode(text)))

const HEADER = (title: string, column = '政府信息公开年报') =>
  `标题: ${title}\n发布时间: 2021-03-05 08:58\n文号: \n发布机构: \n栏目: ${column}\n原文链接: https://www.example.gov.cn/zfxxgknb/202103/t20210305_1.htm\n本地目录: zfxxgknb/202103/1_${title}\n==================== 正文 ====================\n`

describe('a crawler header above the report', () => {
  it("the site's column name (栏目: 政府信息公开年报) is not the title; the report's own title gives the body", () => {
    const r = parse(`${HEADER('某某镇2020年度政府信息公开工作年度报告')}某某镇2020年政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》要求，编制本报告。一、总体情况2020年，我镇推进政务公开。`)
    expect(r.title?.text).toBe('某某镇2020年政府信息公开工作年度报告')
    expect(r.body?.name).toBe('某某镇')
    expect(r.year).toBe(2020)
  })

  it('with no title in the text, the crawler\'s 标题 line gives it, not the column or the local folder name', () => {
    const r = parse(`${HEADER('某某镇2024年度政府信息公开工作年度报告')}本报告根据《中华人民共和国政府信息公开条例》编制。一、总体情况2024年，我镇推进政务公开。`)
    expect(r.title?.text).toBe('某某镇2024年度政府信息公开工作年度报告')
    expect(r.body?.name).toBe('某某镇')
  })
})

describe('glued 2019-template 表二 rows with a negative 本年增/减', () => {
  const t2 = (penalty: string) =>
    `二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件555第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可000其他对外管理服务事项000第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚${penalty}行政强制000第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购00三、收到和处理政府信息公开申请情况`
  const penalty = (r: ParsedReport) => r.tables.T2.cells.filter((c) => c.row === 'A20_6.admin_penalty')

  it('a minus sign between glued digits is no blank cell: the row is not read with certainty', () => {
    const r = parse(`某某镇2020年政府信息公开工作年度报告\n一、总体情况\n2020年，我镇推进政务公开。\n${t2('2648-18538')}`)
    const cells = penalty(r)
    expect(cells).toHaveLength(3)
    // 2648 / -18 / 538 as published; -18538 cannot be split without the page's cell borders.
    for (const c of cells) if (c.status === 'ok' || c.status === 'blank') expect([2648, -18, 538]).toContain(c.value)
    expect(cells.some((c) => c.status === 'blank')).toBe(false)
  })
})

describe('表二 block titles as written', () => {
  const T2_GLUED =
    '二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件693665第二十条第（五）项信息内容本年处理决定数量行政许可2293第二十条第（六）项信息内容本年处理决定数量行政处罚1282行政强制42第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费24252.311082三、收到和处理政府信息公开申请情况'
  const blocks = (r: ParsedReport) => r.tables.T2.labels.filter((l) => l.kind === 'block')

  it('in a paragraph holding the whole table glued, a title is the title, not the paragraph', () => {
    const r = parse(`某某镇2021年政府信息公开工作年度报告\n一、总体情况\n2021年，我镇推进政务公开。\n${T2_GLUED}`)
    expect(blocks(r).map((l) => l.raw)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'])
  })

  it('markdown heading marks are no qualifier of the title', () => {
    const r = parse('某某镇2025年政府信息公开工作年度报告\n一、总体情况\n2025年，我镇推进政务公开。\n二、主动公开政府信息情况\n### 第二十条第（一）项\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 1 | 0 | 3 |\n')
    expect(blocks(r)[0]?.raw).toBe('第二十条第（一）项')
  })
})

describe('a glued 表三 whose rows split two ways each', () => {
  const T3 =
    '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开270020130（二）部分公开（区分处理的，只计这一情形，不计其他情形）500000 5（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息10000016.属于四类过程性信息00000007.属于行政执法案卷60000068.属于行政查询事项1000001（四）无法提供1.本机关不掌握相关政府信息2200003252.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他1000001（七）总计630020469四、结转下年度继续办理1000001 四、政府信息公开行政复议、行政诉讼情况'
  it('the column totals settle both rows together (27|0|0|2|0|1|30, not 2|7|0|0|20|1|30)', () => {
    const r = parse(`某某镇2021年政府信息公开工作年度报告\n一、总体情况\n2021年，我镇推进政务公开。\n${T3}`)
    const row = (id: string) => r.tables.T3.cells.filter((c) => c.row === id).map((c) => (c.status === 'uncertain' ? '?' : c.value))
    expect(row('r1_disclosed')).toEqual([27, 0, 0, 2, 0, 1, 30])
    expect(row('r4_1_not_held')).toEqual([22, 0, 0, 0, 0, 3, 25])
  })
})

describe('a section heading miswritten inside a paragraph', () => {
  const text = (h4: string) =>
    `某某镇2022年政府信息公开工作年度报告 一、总体情况 2022年，我镇推进政务公开。二、主动公开政府信息情况 规章000 三、收到和处理政府信息公开申请情况 ${h4}行政复议 行政诉讼 0 0 0 0 0 五、存在的主要问题及改进情况 无。 六、其他需要报告的事项 无。`
  const s4 = (r: ParsedReport) => r.sections.find((s) => s.id === 'S4')

  it('one extra character (行政法复议) still makes the heading, read as written differently', () => {
    const hit = s4(parse(text('四、政府信息公开行政法复议、行政诉讼情况')))
    expect(hit?.found).toBe(true)
    expect(hit?.title).toBe('四、政府信息公开行政法复议、行政诉讼情况')
    expect(hit?.titleMatch).toBe('reworded')
  })

  it('two changes are no heading', () => {
    expect(s4(parse(text('四、政府信息公开行政法律复议、行政诉讼情况')))?.found).not.toBe(true)
  })
})

describe('a township page of 2019 (held-out chuanzhu2019): 一、概述 and 第二十条(五)项', () => {
  const text =
    '2019年某某乡政府信息公开工作年度报告\n一、概述\n2019年我乡推进政务公开。\n二、主动公开政府信息情况\n信息内容本年新制作数量本年新公开数量对外公开总数量\n规章000\n规范性文件000\n第二十条(五)项\n信息内容上一年项目数量本年增/减处理决定数量\n行政许可000\n其他对外管理服务事项000\n第二十条(六)项\n信息内容上一年项目数量本年增/减处理决定数量\n行政处罚012\n行政强制000\n'
  it('the overview under an older name is section 一', () => {
    const hit = parse(text).sections.find((s) => s.id === 'S1')
    expect(hit?.found).toBe(true)
    expect(hit?.title).toBe('一、概述')
  })
  it("a block title without the item's 第 still opens its block", () => {
    const r = parse(text)
    const cell = (row: string, col: string) => r.tables.T2.cells.find((c) => c.row === row && c.col === col)
    expect(cell('A20_5.admin_license', 'decisions')?.status).not.toBe('missing')
    expect(cell('A20_6.admin_penalty', 'decisions')?.value).toBe(2)
  })
})

describe('street offices named in the title (held-out nanyuan2020, tuofenglu2020)', () => {
  it("a county's government named before the street's office is no part of the township", () => {
    const r = parse('广州市荔湾区人民政府南源街道办事处2020年政府信息公开工作年度报告\n一、总体情况\n2020年，我街道推进政务公开。\n')
    expect(r.body?.name).toBe('广州市荔湾区人民政府南源街道办事处')
    expect(r.body?.township).toBe('南源街道')
  })
  it('a title without its year still names the body', () => {
    const r = parse('驼峰路街道办事处政府信息公开工作年度报告\n\n一、总体情况\n\n对领导干部职责等内容进行公开公示。\n')
    expect(r.body?.name).toBe('驼峰路街道办事处')
    expect(r.body?.township).toBe('驼峰路街道')
    expect(r.year).toBeUndefined()
  })
  it('a sentence quoting a report is still no body', () => {
    const r = parse('关于做好政府信息公开工作年度报告的通知\n一、总体情况\n')
    expect(r.body).toBeUndefined()
  })
})

describe('a 表三 row name with a word added, glued between its neighbours', () => {
  // As a crawler keeps a 2021-template 表三 (ptjsp2024 of holdout-full): each row's seven cells glued to its
  // name and to the next row's ordinal.
  const t3 = (r32: string): string =>
    `${HEADER('某某镇2024年政府信息公开工作年度报告')}某某镇2024年政府信息公开工作年度报告 一、总体情况2024年，我镇推进政务公开。二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量3000003二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开1000001（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000（三）不予公开1.属于国家秘密0000000${r32}10000013.危及“三安全一稳定”00000004.保护第三方合法权益0000000（七）总计3000003 四、政府信息公开行政复议、行政诉讼情况`
  const cells = (r: ParsedReport, row: string) => r.tables.T3.cells.filter((c) => c.row === row)

  it('2.其他法律和行政法规禁止公开 is the row 2.其他法律行政法规禁止公开, its cells read', () => {
    const r = parse(t3('2.其他法律和行政法规禁止公开'))
    const row = cells(r, 'r3_2_law_prohibited')
    expect(row.map((c) => c.value)).toEqual([1, 0, 0, 0, 0, 0, 1])
    // Glued digits split by the row's own sum: certain (inferred).
    expect(row.every((c) => c.status === 'ok' || c.status === 'inferred')).toBe(true)
    expect(cells(r, 'r3_1_state_secret').map((c) => c.value)).toEqual([0, 0, 0, 0, 0, 0, 0])
  })

  it('a row name that is something else keeps its row unread, and never takes the next row for it', () => {
    const r = parse(t3('2.其他事项'))
    expect(cells(r, 'r3_2_law_prohibited').some((c) => (c.status === 'ok' || c.status === 'inferred') && c.value === 1)).toBe(false)
  })
})
