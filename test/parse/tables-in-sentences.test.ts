// A table is not found in a sentence that happens to use its words. Met on a real street report whose stored
// copy stops in section 一 (test/accuracy/holdout/qianjinjie2024.txt): '…审批后，予以公开。' gave a 表三 row
// of seven blank cells and '未发生因政府信息公开申请行政复议、提起行政诉讼的情况' a 表四 of fifteen blanks,
// and so TBL-BLANK warnings against the street for tables its text does not contain.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import type { ParsedReport } from '../../src-main/engine/model.ts'
import { SEEDS, SEED_DIR } from '../helpers/seeds.ts'

const parse = (text: string): ParsedReport => parseReport(readText(new TextEncoder().encode(text)))
const read = (t: ParsedReport, id: 'T3' | 'T4') => t.tables[id].cells.filter((c) => c.status !== 'missing')

describe('tables only where the text has them', () => {
  const overview =
    '某某街道办事处\n2024年政府信息公开工作年度报告\n一、总体情况\n' +
    '(一)主动公开。2024年主动公开信息71条。\n' +
    '(二)依申请公开。2024年未接到政府信息公开申请，也未发生因政府信息公开申请行政复议、提起行政诉讼的情况。\n' +
    '(三)政府信息管理。信息公开均需主管领导、分管领导审批后，予以公开。\n'

  it('a row name or the 表四 group names inside sentences make no table', () => {
    const r = parse(overview)
    expect(r.tables.T3.found).toBe(false)
    expect(read(r, 'T3')).toEqual([])
    expect(r.tables.T4.found).toBe(false)
    expect(read(r, 'T4')).toEqual([])
  })

  it('the same words in a real table are still read (the seeds, and a 表四 glued into one paragraph)', () => {
    const seed = readFileSync(join(SEED_DIR, SEEDS.find((s) => s.startsWith('002'))!), 'utf8')
    const r = parse(seed)
    expect(r.tables.T3.found).toBe(true)
    expect(r.tables.T4.found).toBe(true)
    expect(read(r, 'T4').every((c) => c.status === 'ok')).toBe(true)
    const glued = parse(overview + '四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000\n')
    expect(glued.tables.T4.found).toBe(true)
  })
})

describe('a copy cut short inside a table', () => {
  const t3 =
    '某某镇2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我镇做好公开工作。\n三、收到和处理政府信息公开申请情况\n' +
    '申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n' +
    '一、本年新收政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n三、本年度办理结果\n(一)予以公开\n0\n0\n0\n0\n0\n0\n0\n(二)部分公开(区分处理的,只计这一情形,不计其他情形)\n'

  it('the row name the text stops at is uncertain, not blank; a row name followed by the next one is blank', () => {
    const cut = parse(t3)
    const row = (r: ParsedReport, id: string) => r.tables.T3.cells.filter((c) => c.row === id)
    expect(row(cut, 'r1_disclosed').every((c) => c.status === 'ok' && c.value === 0)).toBe(true)
    expect(row(cut, 'r2_partial').map((c) => c.status)).toEqual(Array(7).fill('uncertain'))
    const next = parse(t3 + '(三)不予公开\n1.属于国家秘密\n0\n0\n0\n0\n0\n0\n0\n')
    expect(row(next, 'r2_partial').map((c) => c.status)).toEqual(Array(7).fill('blank'))
  })
})
