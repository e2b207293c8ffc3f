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
