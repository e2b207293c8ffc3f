// Text-versus-table rules (domain.md §8.5) on the five seeds (§9 expectations) and on planted variants.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readNumber } from '../../src-main/engine/checks/lib/cnnum.ts'
import { TEXT_RULES } from '../../src-main/engine/checks/rules/_text.ts'
import type { BatchSettings, Outcome } from '../../src-main/engine/checks/types.ts'
import { ruleHarness, runRule, SEED_IDS } from '../helpers/check.ts'
import { FIXTURES } from '../helpers/seeds.ts'

const BATCH: BatchSettings = { year: 2023 }
const SEEDS = SEED_IDS
const { rule, seed, onSeed, edit } = ruleHarness(TEXT_RULES, '_text.ts', BATCH)
/** Seed 002 with a sentence added to 一（二）依申请公开情况. */
const in002 = (sentence: string): string => edit('002', '（二）依申请公开情况。', `（二）依申请公开情况。${sentence}`)

type Row = Record<(typeof SEEDS)[number], Outcome>
const row = (a: Outcome, b: Outcome, c: Outcome, d: Outcome, e: Outcome): Row => ({ '000': a, '001': b, '002': c, '003': d, '004': e })
// domain.md §9.
const EXPECTED: Record<string, Row> = {
  'TXT-T3-COUNT': row('N/A', 'PASS', 'PASS', 'PASS', 'N/A'),
  'TXT-T3-CATEGORY': row('N/A', 'N/A', 'FAIL', 'N/A', 'N/A'),
  'TXT-T4-COUNT': row('N/A', 'N/A', 'N/A', 'N/A', 'N/A'),
  'TXT-T2-COUNT': row('N/A', 'N/A', 'N/A', 'N/A', 'N/A'),
  'TXT-SUM': row('N/A', 'PASS', 'N/A', 'PASS', 'PASS'),
  'TXT-FEE': row('N/A', 'PASS', 'N/A', 'PASS', 'N/A')
}

describe('text rules: the family', () => {
  it('lists every catalog rule of §8.5 once', () => {
    expect(TEXT_RULES.map((r) => r.id)).toEqual(Object.keys(EXPECTED))
    for (const r of TEXT_RULES) {
      expect(r.family).toBe('text')
      expect(r.source).toMatch(/[\u4e00-\u9fa5]/)
      if (r.confidence === 'R') expect(r.severity).not.toBe('error')
    }
  })

  it('meets the §9 expectations on the five seeds, with no error-level finding', () => {
    for (const id of Object.keys(EXPECTED)) {
      for (const p of SEEDS) {
        const r = onSeed(id, p)
        expect(r.outcome, `${id} on seed ${p}: ${r.note ?? ''}`).toBe(EXPECTED[id]![p])
        for (const f of r.findings) {
          expect(f.severity, `${id} on ${p}: ${f.message}`).not.toBe('error')
          for (const e of f.evidence) if (e.kind === 'text') expect(seed(p).slice(e.start, e.end)).toBe(e.text)
        }
      }
    }
  })
})

describe('reading numbers', () => {
  it('reads Arabic and Chinese numerals', () => {
    expect(readNumber('12')).toBe(12)
    expect(readNumber('1,234')).toBe(1234)
    expect(readNumber('一')).toBe(1)
    expect(readNumber('两')).toBe(2)
    expect(readNumber('十')).toBe(10)
    expect(readNumber('十二')).toBe(12)
    expect(readNumber('二十五')).toBe(25)
    expect(readNumber('一百零五')).toBe(105)
    expect(readNumber('二〇二三')).toBe(2023)
    expect(readNumber('零')).toBe(0)
    expect(readNumber('是')).toBeNull()
  })
})

describe('TXT-T3-COUNT', () => {
  it('passes seed 002 (收到…申请1件 = 表三一 总计 1) and seeds 001/003 (未收到 = 0)', () => {
    for (const p of ['001', '002', '003']) expect(onSeed('TXT-T3-COUNT', p).findings).toEqual([])
  })

  it('notes a number it cannot place, but not a count of another kind of request', () => {
    const other = runRule(rule('TXT-T3-COUNT'), in002('全年办结低保申请35件，受理办事申请120件。'))
    expect(other.outcome).toBe('PASS')
    expect(other.note ?? '').not.toMatch(/低保|办事/)
    const unclear = runRule(rule('TXT-T3-COUNT'), in002('办理依申请公开4件。'))
    expect(unclear.findings).toEqual([])
    expect(unclear.note).toContain('“依申请公开4件”未说明是新收、办结还是结转')
  })

  it('fires as an error when seed 002 says 3 applications were received', () => {
    const r = runRule(rule('TXT-T3-COUNT'), in002('本年度共收到政府信息公开申请3件。'))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings).toHaveLength(1)
    expect(r.findings[0]).toMatchObject({ severity: 'error', loc: 'T3.new_received' })
    expect(r.findings[0]!.message).toContain('3件')
    expect(r.findings[0]!.evidence.some((e) => e.kind === 'cell' && e.row === 'new_received' && e.value === 1)).toBe(true)
  })

  it('reads Chinese numerals: 一件 agrees, 两件 and 十二件 do not', () => {
    expect(runRule(rule('TXT-T3-COUNT'), in002('本年度共收到政府信息公开申请一件。')).outcome).toBe('PASS')
    expect(runRule(rule('TXT-T3-COUNT'), in002('本年度共收到政府信息公开申请两件。')).findings[0]!.message).toContain('2件')
    expect(runRule(rule('TXT-T3-COUNT'), in002('全年受理政府信息公开申请十二件。')).findings[0]!.message).toContain('12件')
  })

  it('fires when the text says none were received but table 三 has one', () => {
    const r = runRule(rule('TXT-T3-COUNT'), in002('本年度未收到政府信息公开申请。'))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]!.message).toContain('0件')
  })

  it('does not read published items (条) or other years as application counts', () => {
    expect(runRule(rule('TXT-T3-COUNT'), in002('依申请公开栏目发布信息3条。')).outcome).toBe('PASS')
    const r = runRule(rule('TXT-T3-COUNT'), in002('2022年收到政府信息公开申请5件，'))
    expect(r.outcome).toBe('PASS')
    expect(r.note).toContain('2022')
  })

  it('says so in the note, without a finding, when a number does not name its row', () => {
    const r = runRule(rule('TXT-T3-COUNT'), in002('办理依申请公开4件。'))
    expect(r.findings).toEqual([])
    expect(r.note).toContain('未说明是新收、办结还是结转')
  })

  it('reads 受理 that includes last year\u2019s carry-over as a note, not a finding', () => {
    const base = readFileSync(join(FIXTURES, 'planted', 'pair-ok', '平安镇-2023.txt'), 'utf8')
    const t = base.replace('2023年收到政府信息公开申请1件', '2023年受理政府信息公开申请2件')
    expect(t).not.toBe(base)
    const r = runRule(rule('TXT-T3-COUNT'), t)
    expect(r.outcome).toBe('PASS')
    expect(r.note).toContain('上年结转')
  })

  // pingtan2022 (holdout-full): 全区收到政府信息公开申请75件 against 本年新收 74 and 上年结转 1.
  it('收到 equal to new plus carried-over is a note, not a finding; 新收 equal to it, or another number, fires', () => {
    const base = readFileSync(join(FIXTURES, 'planted', 'pair-ok', '平安镇-2023.txt'), 'utf8')
    const t = base.replace('2023年收到政府信息公开申请1件', '2023年收到政府信息公开申请2件')
    expect(t).not.toBe(base)
    const r = runRule(rule('TXT-T3-COUNT'), t)
    expect(r.findings).toEqual([])
    expect(r.note).toContain('含上年结转（本年新收1+上年结转1）')
    // 新收 is the row's own word: it excludes the carry-over
    const fresh = runRule(rule('TXT-T3-COUNT'), base.replace('2023年收到政府信息公开申请1件', '2023年新收政府信息公开申请2件')).findings
    expect(fresh.map((f) => f.loc)).toEqual(['T3.new_received'])
    // a number that is not that sum fires, with the sentence and the cell as evidence
    const other = runRule(rule('TXT-T3-COUNT'), base.replace('2023年收到政府信息公开申请1件', '2023年收到政府信息公开申请5件')).findings
    expect(other).toHaveLength(1)
    expect(other[0]!.evidence.map((e) => e.kind)).toEqual(['text', 'cell'])
  })

  it('is UNVERIFIABLE without a finding, not FAIL, when the table cell is blank (seed 004 row 四)', () => {
    const t = edit('004', '我鎮信息公開主要采取3種方式', '本年度結轉至下年度繼續辦理0件。我鎮信息公開主要采取3種方式')
    const r = runRule(rule('TXT-T3-COUNT'), t)
    expect(r.outcome).toBe('UNVERIFIABLE')
    // The blank cell is TBL-BLANK's finding; this rule only says why it could not compare.
    expect(r.findings).toEqual([])
    expect(r.note).toContain('四、结转下年度继续办理')
  })
})

describe('TXT-T3-CATEGORY', () => {
  it('fires on seed 002: 不属于政府信息 in the text, （四）1 本机关不掌握 = 1 in table 三', () => {
    const f = onSeed('TXT-T3-CATEGORY', '002').findings
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ severity: 'warning', loc: 'T3.category.not_gov_info' })
    expect(f[0]!.message).toContain('不属于政府信息')
    expect(f[0]!.message).toContain('本机关不掌握相关政府信息')
    expect(f[0]!.evidence.some((e) => e.kind === 'cell' && e.row === 'r4_1_not_held')).toBe(true)
  })

  it('passes when the text gives the reason that matches the row', () => {
    const t = edit('002', '申请公开事项不属于政府信息，不予提供', '申请公开的信息本机关不掌握，无法提供')
    expect(runRule(rule('TXT-T3-CATEGORY'), t).outcome).toBe('PASS')
    // A general rule about applications is not a reason given for this year's cases.
    const general = t.replace('健全了依申请公开内部审核制度，', '健全了依申请公开内部审核制度，涉及国家秘密的申请一律不予公开，')
    expect(general).not.toBe(t)
    expect(runRule(rule('TXT-T3-CATEGORY'), general).outcome).toBe('PASS')
  })

  it('fires when the text says 予以公开 but the count sits in another row', () => {
    const t = edit('002', '申请公开事项不属于政府信息，不予提供', '已予以公开')
    const r = runRule(rule('TXT-T3-CATEGORY'), t)
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]!.message).toContain('（一）予以公开')
  })
})

describe('TXT-T4-COUNT', () => {
  it('passes when the text says no review or litigation occurred (table 四 all 0)', () => {
    expect(runRule(rule('TXT-T4-COUNT'), in002('本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。')).outcome).toBe('PASS')
  })

  it('fires as an error when the text states one review case', () => {
    const r = runRule(rule('TXT-T4-COUNT'), in002('本年度被申请行政复议1件，行政诉讼0件。'))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings).toHaveLength(1)
    expect(r.findings[0]).toMatchObject({ severity: 'error', loc: 'T4.review' })
  })

  it('is UNVERIFIABLE where table 四 行政复议 cells are blank (seed 003)', () => {
    const t = edit('003', '2023年未收到依申请公开信息。', '2023年未收到依申请公开信息，行政复议0件。')
    const r = runRule(rule('TXT-T4-COUNT'), t)
    expect(r.outcome).toBe('UNVERIFIABLE')
    expect(r.findings).toEqual([])
    expect(r.note).toContain('表四行政复议')
  })
})

describe('TXT-T2-COUNT', () => {
  it('fires when the text says 2 normative documents were issued and table 二 says 0', () => {
    const r = runRule(rule('TXT-T2-COUNT'), in002('全年制发行政规范性文件2件。'))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]).toMatchObject({ severity: 'warning', loc: 'T2.normative_docs.issued' })
  })

  it('passes when the text says none were issued', () => {
    expect(runRule(rule('TXT-T2-COUNT'), in002('本年度未制发行政规范性文件。')).outcome).toBe('PASS')
  })
})

describe('TXT-SUM', () => {
  it('passes seed 003 (277 = 8 + 269; 8 = 2 + 4 + 2) and seed 004 (28 = 1+1+1+1+5+2+11+4+2)', () => {
    expect(onSeed('TXT-SUM', '003').findings).toEqual([])
    expect(onSeed('TXT-SUM', '004').findings).toEqual([])
  })

  it('fires when the parts after 其中 do not add up', () => {
    const r = runRule(rule('TXT-SUM'), edit('003', '其中包括乡镇信息2条，财政信息4条', '其中乡镇信息2条，财政信息5条'))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings).toHaveLength(1)
    expect(r.findings[0]!.message).toContain('2+5+2=9')
    expect(r.findings[0]!.loc).toBe('S1.sum2')
  })

  it('does not judge a partial list (其中包括 …) that falls short, only notes it', () => {
    const r = runRule(rule('TXT-SUM'), edit('003', '财政信息4条', '财政信息5条'))
    expect(r.findings).toEqual([])
    expect(r.note).toContain('只列举了一部分')
  })

  it('does not judge a sum without 其中 (only notes it)', () => {
    const r = runRule(rule('TXT-SUM'), edit('003', '政府网站发布信息8条', '政府网站发布信息9条'))
    expect(r.findings).toEqual([])
    expect(r.note).toContain('未写“其中”')
  })
})

describe('TXT-FEE', () => {
  it('fires when the text reports fees although table 三 has no application', () => {
    const t = edit('003', '2023年未收到政府信息公开申请，未收取信息处理费。', '2023年共发出收费通知2件，收取信息处理费200元。')
    const r = runRule(rule('TXT-FEE'), t)
    expect(r.outcome).toBe('FAIL')
    expect(r.findings.map((f) => f.loc)).toContain('fee.applications')
  })

  it('fires when the text says no fee notice but table 三 （六）2 counts an unpaid fee', () => {
    let t = edit(
      '000',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1'
    )
    t = t.slice(0, t.indexOf('六、其他需要报告的事项')) + '六、其他需要报告的事项\n\n本年度未发出收费通知，未收取信息处理费。\n'
    const r = runRule(rule('TXT-FEE'), t)
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]).toMatchObject({ severity: 'warning', loc: 'fee.T3' })
  })
})
