import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import T3_BALANCE from '../../src-main/engine/checks/rules/T3-BALANCE.ts'
import T3_OUTCOME_SUM from '../../src-main/engine/checks/rules/T3-OUTCOME-SUM.ts'
import T3_ROW_TOTAL from '../../src-main/engine/checks/rules/T3-ROW-TOTAL.ts'
import T4_SUM from '../../src-main/engine/checks/rules/T4-SUM.ts'
import T2_RULES_TOWNSHIP from '../../src-main/engine/checks/rules/T2-RULES-TOWNSHIP.ts'
import T2_INFORCE_FLOOR from '../../src-main/engine/checks/rules/T2-INFORCE-FLOOR.ts'
import T2_2019_PUB_LE_TOTAL from '../../src-main/engine/checks/rules/T2-2019-PUB-LE-TOTAL.ts'
import T2_FEE_UNIT from '../../src-main/engine/checks/rules/T2-FEE-UNIT.ts'
import T3_FEE_NOTICE from '../../src-main/engine/checks/rules/T3-FEE-NOTICE.ts'
import { ARITHMETIC_RULES } from '../../src-main/engine/checks/rules/_arithmetic.ts'
import { t3OutcomeRows } from '../../src-main/engine/checks/lib/tables.ts'
import type { Finding } from '../../src-main/engine/checks/types.ts'
import { ctxFromText, runOnSeed, runRule, seedText } from '../helpers/check.ts'
import { FIXTURES } from '../helpers/seeds.ts'

const SEEDS = ['000', '001', '002', '003', '004']
const planted = (f: string): string => readFileSync(join(FIXTURES, 'planted', f), 'utf8')
const cellsOf = (f: Finding): string[] => f.evidence.flatMap((e) => (e.kind === 'cell' ? [`${e.table}.${e.row}.${e.col}`] : []))

function edit(text: string, from: string | RegExp, to: string): string {
  const n = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, from.flags.replace('g', '') + 'g')) ?? []).length
  expect(n, `pattern ${String(from)} must occur once`).toBe(1)
  return text.replace(from, to)
}

/** Seed 002 (one cell per line): replace the 7 values under a table 三 row label. */
function setT3Row002(text: string, label: string, values: (number | string)[]): string {
  const esc = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return edit(text, new RegExp(`(\\t${esc}\\n)((?:\\t[^\\n]*\\n){7})`), `$1${values.map((v) => `\t${v}\n`).join('')}`)
}

describe('arithmetic rules: common shape', () => {
  it('every rule is in the arithmetic family with a Chinese title and source; [R] rules are not errors', () => {
    for (const r of ARITHMETIC_RULES) {
      expect(r.family).toBe('arithmetic')
      expect(r.title).toMatch(/[\u4e00-\u9fff]/)
      expect(r.source).toMatch(/[\u4e00-\u9fff]/)
      if (r.confidence === 'R') expect(r.severity).not.toBe('error')
    }
    expect(ARITHMETIC_RULES.map((r) => r.id)).toContain('T3-BALANCE')
  })

  it('no error-level FAIL on the five seeds', () => {
    for (const s of SEEDS) {
      const ctx = ctxFromText(seedText(s))
      for (const r of ARITHMETIC_RULES) {
        if (!r.formats.includes(ctx.format)) continue
        const errors = r.check(ctx).findings.filter((f) => f.severity === 'error' && f.outcome === 'FAIL')
        expect(errors, `${r.id} on ${s}`).toEqual([])
      }
    }
  })

  it('outcome rows come from the template: 21 in 2021, 19 in 2019', () => {
    expect(t3OutcomeRows('2021')).toHaveLength(21)
    expect(t3OutcomeRows('2019')).toHaveLength(19)
    expect(t3OutcomeRows('2021')).not.toContain('r7_total')
    expect(t3OutcomeRows('2019')).toContain('r6_other')
  })
})

describe('T3-BALANCE (seed expectations)', () => {
  it('PASS on 000–003, UNVERIFIABLE on 004 (row 四 blank; holds with blanks as 0)', () => {
    for (const s of ['000', '001', '002', '003']) expect(runOnSeed(T3_BALANCE, s).outcome, s).toBe('PASS')
    const res = runOnSeed(T3_BALANCE, '004')
    expect(res.outcome).toBe('UNVERIFIABLE')
    expect(res.findings.every((f) => f.outcome === 'UNVERIFIABLE')).toBe(true)
    expect(res.findings[0]?.message).toContain('成立')
  })

  it('FAIL on the planted balance error (columns 自然人 and 总计)', () => {
    const res = runRule(T3_BALANCE, planted('t3-balance-broken.txt'))
    expect(res.findings.filter((f) => f.outcome === 'FAIL').map((f) => f.loc).sort()).toEqual(['T3.natural_person', 'T3.total'])
  })

  it('FAIL when one number of seed 002 table 三 is changed', () => {
    const res = runRule(T3_BALANCE, setT3Row002(seedText('002'), '四、结转下年度继续办理', [1, 0, 0, 0, 0, 0, 1]))
    expect(res.outcome).toBe('FAIL')
    expect(res.findings[0]?.message).toMatch(/本年新收（1）\+上年结转（0）≠办理结果总计（1）\+结转下年度（1）/)
  })
})

describe('T3-OUTCOME-SUM', () => {
  it('passes on every seed', () => {
    for (const s of SEEDS) expect(runOnSeed(T3_OUTCOME_SUM, s).outcome, s).toBe('PASS')
  })

  it('fails when an outcome row of seed 002 no longer adds up to （七）总计', () => {
    const t = setT3Row002(seedText('002'), '1.本机关不掌握相关政府信息', [2, 0, 0, 0, 0, 0, 2])
    const res = runRule(T3_OUTCOME_SUM, t)
    expect(res.outcome).toBe('FAIL')
    const locs = res.findings.map((f) => f.loc).sort()
    expect(locs).toEqual(['T3.r7_total.natural_person', 'T3.r7_total.total'])
    const f = res.findings.find((x) => x.loc === 'T3.r7_total.total') as Finding
    expect(f.severity).toBe('error')
    expect(f.message).toContain('之和（2）≠（七）总计（1）')
    expect(f.sides?.left).toHaveLength(21)
    expect(cellsOf(f)).toContain('T3.r4_1_not_held.total')
    expect(cellsOf(f)).toContain('T3.r7_total.total')
  })

  it('UNVERIFIABLE (not FAIL) when an outcome cell is blank', () => {
    const t = setT3Row002(seedText('002'), '（一）予以公开', ['', 0, 0, 0, 0, 0, 0])
    const ctx = ctxFromText(t)
    expect(ctx.cell('T3', 'r1_disclosed', 'natural_person')?.status).not.toBe('ok')
    const res = T3_OUTCOME_SUM.check(ctx)
    expect(res.findings.some((f) => f.outcome === 'FAIL')).toBe(false)
    const f = res.findings.find((x) => x.loc === 'T3.r7_total.natural_person')
    expect(f?.outcome).toBe('UNVERIFIABLE')
  })
})

describe('T3-ROW-TOTAL', () => {
  it('passes on 000–003; 004 row 四 is UNVERIFIABLE (all blank), never FAIL', () => {
    for (const s of ['000', '001', '002', '003']) expect(runOnSeed(T3_ROW_TOTAL, s).outcome, s).toBe('PASS')
    const res = runOnSeed(T3_ROW_TOTAL, '004')
    expect(res.outcome).toBe('UNVERIFIABLE')
    expect(res.findings.map((f) => f.loc)).toEqual(['T3.carried_forward.total'])
  })

  it('fails on the planted row-total error in rows 一, （一） and （七）', () => {
    const res = runRule(T3_ROW_TOTAL, planted('t3-rowtotal-broken.txt'))
    expect(res.findings.filter((f) => f.outcome === 'FAIL').map((f) => f.loc).sort()).toEqual(
      ['T3.new_received.total', 'T3.r1_disclosed.total', 'T3.r7_total.total'].sort()
    )
  })

  it('fails when the 总计 of one row of seed 002 is changed', () => {
    const res = runRule(T3_ROW_TOTAL, setT3Row002(seedText('002'), '（七）总计', [1, 0, 0, 0, 0, 0, 2]))
    const f = res.findings.find((x) => x.loc === 'T3.r7_total.total') as Finding
    expect(f.outcome).toBe('FAIL')
    expect(f.message).toContain('≠总计（2）')
    expect(f.sides?.right[0]?.value).toBe(2)
  })
})

describe('a check that blank cells keep from being made (TBL-BLANK already names the blanks)', () => {
  it('info when it holds with the blanks as 0: 004 row 四 (T3-ROW-TOTAL, T3-BALANCE), 003 行政复议 (T4-SUM)', () => {
    for (const [rule, seed] of [[T3_ROW_TOTAL, '004'], [T3_BALANCE, '004'], [T4_SUM, '003']] as const) {
      const res = runOnSeed(rule, seed)
      expect(res.findings.length, `${rule.id} ${seed}`).toBeGreaterThan(0)
      expect(res.findings.map((f) => [f.outcome, f.severity]), `${rule.id} ${seed}`).toEqual(res.findings.map(() => ['UNVERIFIABLE', 'info']))
    }
  })

  it('keeps its own severity when it fails with the blanks as 0 (a row total left blank while the row has values)', () => {
    const res = runRule(T3_ROW_TOTAL, setT3Row002(seedText('002'), '（七）总计', [1, 0, 0, 0, 0, 0, '/']))
    const f = res.findings.find((x) => x.loc === 'T3.r7_total.total') as Finding
    expect([f.outcome, f.severity]).toEqual(['UNVERIFIABLE', 'error'])
    expect(f.message).toContain('不成立')
    const bal = runRule(T3_BALANCE, setT3Row002(seedText('002'), '一、本年新收政府信息公开申请数量', ['/', 0, 0, 0, 0, 0, 1]))
    const g = bal.findings.find((x) => x.loc === 'T3.natural_person') as Finding
    expect([g.outcome, g.severity]).toEqual(['UNVERIFIABLE', 'error'])
  })
})

describe('T4-SUM', () => {
  it('PASS on 000, 001, 002, 004; 003 行政复议 UNVERIFIABLE (blank cells)', () => {
    for (const s of ['000', '001', '002', '004']) expect(runOnSeed(T4_SUM, s).outcome, s).toBe('PASS')
    const res = runOnSeed(T4_SUM, '003')
    expect(res.outcome).toBe('UNVERIFIABLE')
    expect(res.findings.map((f) => f.loc)).toEqual(['T4.review'])
    expect(res.findings[0]?.message).toContain('行政复议')
    expect(res.findings[0]?.message).toContain('空白按 0 计时成立')
    expect(cellsOf(res.findings[0] as Finding)).toHaveLength(5)
  })

  it('FAIL on the planted error (行政复议 结果维持 1, 总计 0)', () => {
    const res = runRule(T4_SUM, planted('t4-sum-broken.txt'))
    expect(res.outcome).toBe('FAIL')
    expect(res.findings.map((f) => [f.loc, f.outcome])).toEqual([['T4.review', 'FAIL']])
    expect(res.findings[0]?.message).toContain('≠总计（0）')
  })
})

describe('T2-RULES-TOWNSHIP', () => {
  it('passes on every seed', () => {
    for (const s of SEEDS) expect(runOnSeed(T2_RULES_TOWNSHIP, s).outcome, s).toBe('PASS')
  })

  it('fails (error) when a township reports 规章', () => {
    const res = runRule(T2_RULES_TOWNSHIP, edit(seedText('000'), '规章\t0\t0\t0', '规章\t1\t0\t1'))
    expect(res.outcome).toBe('FAIL')
    expect(res.findings[0]?.severity).toBe('error')
    expect(res.findings[0]?.message).toContain('本年制发件数 1')
    expect(cellsOf(res.findings[0] as Finding)).toHaveLength(3)
  })
})

describe('T2-INFORCE-FLOOR', () => {
  it('passes on the 2021-format seeds', () => {
    for (const s of ['000', '001', '002', '003']) expect(runOnSeed(T2_INFORCE_FLOOR, s).outcome, s).toBe('PASS')
  })

  it('warns when 现行有效件数 < 本年制发件数 − 本年废止件数', () => {
    const res = runRule(T2_INFORCE_FLOOR, edit(seedText('000'), '行政规范性文件\t0\t0\t0', '行政规范性文件\t3\t0\t1'))
    expect(res.outcome).toBe('FAIL')
    expect(res.findings[0]?.loc).toBe('T2.A20_1.normative_docs')
    expect(res.findings[0]?.severity).toBe('warning')
    expect(res.findings[0]?.message).toContain('现行有效件数（1）')
  })
})

describe('T2-2019-PUB-LE-TOTAL', () => {
  it('passes on seed 004 (2019 format)', () => {
    expect(runOnSeed(T2_2019_PUB_LE_TOTAL, '004').outcome).toBe('PASS')
  })

  it('warns when 本年新公开数量 > 对外公开总数量', () => {
    const t = edit(seedText('004'), '規章\n|\n0\n|\n0\n|\n0\n', '規章\n|\n0\n|\n5\n|\n3\n')
    const res = runRule(T2_2019_PUB_LE_TOTAL, t)
    expect(res.outcome).toBe('FAIL')
    expect(res.findings[0]?.message).toContain('本年新公开数量（5）大于对外公开总数量（3）')
  })
})

describe('T2-FEE-UNIT', () => {
  it('passes on the 2021-format seeds (seed 001 header 保留4位小数 is fine)', () => {
    for (const s of ['000', '001', '002', '003']) expect(runOnSeed(T2_FEE_UNIT, s).outcome, s).toBe('PASS')
  })

  it('warns on an amount written in 元 and on an amount ≥ 10000 万元; info on > 4 decimals', () => {
    const base = seedText('000')
    const yuan = runRule(T2_FEE_UNIT, edit(base, '行政事业性收费\t0', '行政事业性收费\t3000元'))
    expect(yuan.findings.map((f) => [f.loc, f.severity])).toContainEqual(['T2.A20_8.admin_fees.unit', 'warning'])
    const big = runRule(T2_FEE_UNIT, edit(base, '行政事业性收费\t0', '行政事业性收费\t12000'))
    expect(big.findings.map((f) => [f.loc, f.severity])).toEqual([['T2.A20_8.admin_fees.magnitude', 'warning']])
    const dec = runRule(T2_FEE_UNIT, edit(base, '行政事业性收费\t0', '行政事业性收费\t0.123456'))
    expect(dec.findings.map((f) => [f.loc, f.severity])).toEqual([['T2.A20_8.admin_fees.decimals', 'info']])
    const ok = runRule(T2_FEE_UNIT, edit(base, '行政事业性收费\t0', '行政事业性收费\t0.1234'))
    expect(ok.outcome).toBe('PASS')
  })

  it('the size test is for townships only: a city government may collect 10000 万元', () => {
    const base = edit(seedText('000'), '行政事业性收费\t0', '行政事业性收费\t96171.6')
    expect(runRule(T2_FEE_UNIT, base).findings.map((f) => f.loc)).toEqual(['T2.A20_8.admin_fees.magnitude'])
    const city = base.replace('郾城区裴城镇 2023 年', '淮安市人民政府2023年')
    expect(runRule(T2_FEE_UNIT, city).findings).toEqual([])
  })

  it('reads a traditional 萬元 header as 万元', () => {
    const t = seedText('000')
    expect(t).toContain('万元')
    expect(runRule(T2_FEE_UNIT, t.replaceAll('万元', '萬元')).findings.filter((f) => f.loc.endsWith('.header'))).toEqual([])
  })
})

describe('T3-FEE-NOTICE', () => {
  it('passes on the 2021-format seeds (（六）2 is 0)', () => {
    for (const s of ['000', '001', '002', '003']) expect(runOnSeed(T3_FEE_NOTICE, s).outcome, s).toBe('PASS')
  })

  const unpaid = (): string =>
    setT3Row002(seedText('002'), '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [1, 0, 0, 0, 0, 0, 1])

  it('warns when （六）2 > 0 and section 六 says nothing about 收费通知', () => {
    const res = runRule(T3_FEE_NOTICE, unpaid())
    expect(res.outcome).toBe('FAIL')
    expect(res.findings[0]?.severity).toBe('warning')
    expect(res.findings[0]?.message).toContain('收费通知')
  })

  it('a 总计 of 0 settles the row when applicant columns are left blank; a blank 总计 does not', () => {
    const row = '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'
    expect(runRule(T3_FEE_NOTICE, setT3Row002(seedText('002'), row, [0, '/', '/', '/', '/', '/', 0])).outcome).toBe('PASS')
    const res = runRule(T3_FEE_NOTICE, setT3Row002(seedText('002'), row, [0, '/', '/', '/', '/', '/', '/']))
    expect(res.outcome).toBe('UNVERIFIABLE')
  })

  it('passes when section 六 reports enough notices, warns when it reports fewer', () => {
    const ok = edit(unpaid(), '六、其他需要报告的事项\n无。', '六、其他需要报告的事项\n本年度共收到申请1件，发出收费通知1件，申请人逾期未缴费，实际收取信息处理费0元。')
    expect(runRule(T3_FEE_NOTICE, ok).outcome).toBe('PASS')
    const few = edit(unpaid(), '六、其他需要报告的事项\n无。', '六、其他需要报告的事项\n本年度未发出收费通知，未收取信息处理费。')
    const res = runRule(T3_FEE_NOTICE, few)
    expect(res.outcome).toBe('FAIL')
    expect(res.findings[0]?.message).toContain('为 0 件')
    expect(res.findings[0]?.evidence.some((e) => e.kind === 'text')).toBe(true)
  })
})
