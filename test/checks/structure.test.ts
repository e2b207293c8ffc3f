import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import TBL_PRESENT from '../../src-main/engine/checks/rules/TBL-PRESENT.ts'
import TBL_LABEL from '../../src-main/engine/checks/rules/TBL-LABEL.ts'
import TBL_BLANK from '../../src-main/engine/checks/rules/TBL-BLANK.ts'
import TBL_SHAPE from '../../src-main/engine/checks/rules/TBL-SHAPE.ts'
import TBL_NUMERIC from '../../src-main/engine/checks/rules/TBL-NUMERIC.ts'
import TBL_ALLZERO from '../../src-main/engine/checks/rules/TBL-ALLZERO.ts'
import { STRUCTURE_RULES } from '../../src-main/engine/checks/rules/_structure.ts'
import type { Finding } from '../../src-main/engine/checks/types.ts'
import { runOnSeed, runRule, seedText } from '../helpers/check.ts'
import { FIXTURES } from '../helpers/seeds.ts'
import { ACC_DIR } from '../../scripts/accuracy/corpus.ts'

const SEEDS = ['000', '001', '002', '003', '004']
const planted = (f: string): string => readFileSync(join(FIXTURES, 'planted', f), 'utf8')
const cellsOf = (f: Finding): string[] => f.evidence.flatMap((e) => (e.kind === 'cell' ? [`${e.table}.${e.row}.${e.col}`] : []))

/** Replace exactly one occurrence (fails loudly when the seed text changed). */
function edit(text: string, from: string | RegExp, to: string): string {
  const n = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, from.flags.replace('g', '') + 'g')) ?? []).length
  expect(n, `pattern ${String(from)} must occur once`).toBe(1)
  return text.replace(from, to)
}

describe('structure rules: common shape', () => {
  it('every rule has id, Chinese title, source and a family of structure', () => {
    for (const r of STRUCTURE_RULES) {
      expect(r.family).toBe('structure')
      expect(r.title).toMatch(/[\u4e00-\u9fff]/)
      expect(r.source).toMatch(/[\u4e00-\u9fff]/)
      if (r.confidence === 'R') expect(r.severity).not.toBe('error')
    }
  })

  it('no error-level FAIL on the five seeds', () => {
    for (const s of SEEDS) {
      for (const r of STRUCTURE_RULES) {
        const res = runOnSeed(r, s)
        const errors = res.findings.filter((f) => f.severity === 'error' && f.outcome === 'FAIL')
        expect(errors, `${r.id} on ${s}`).toEqual([])
      }
    }
  })
})

describe('TBL-PRESENT', () => {
  it('passes on every seed', () => {
    for (const s of SEEDS) expect(runOnSeed(TBL_PRESENT, s).outcome, s).toBe('PASS')
  })

  it('fails (error) when table 三 is removed', () => {
    const t = seedText('000')
    const a = t.indexOf('三、收到和处理政府信息公开申请情况')
    const b = t.indexOf('四、政府信息公开行政复议、行政诉讼情况')
    const cut = t.slice(0, a) + '三、收到和处理政府信息公开申请情况\n\n本年度未收到申请。\n\n' + t.slice(b)
    const res = runRule(TBL_PRESENT, cut)
    expect(res.outcome).toBe('FAIL')
    const f = res.findings.find((x) => x.loc === 'T3')
    expect(f?.severity).toBe('error')
    expect(f?.message).toContain('表三')
  })
})

describe('TBL-PRESENT: rows printed but not read', () => {
  const held = (f: string): string => readFileSync(join(ACC_DIR, 'holdout', f), 'utf8')

  // chuanzhu2019: `规章000` / `规范性文件000` stand in section 二 under a lost block heading; 政府集中采购 is not in the copy.
  it('a 表二 row printed in section 二 that the reader could not place is a parse finding, not the township\u2019s', () => {
    const res = runRule(TBL_PRESENT, held('chuanzhu2019.txt'))
    const parse = res.findings.filter((f) => f.severity === 'parse')
    expect(parse.map((f) => f.loc)).toEqual(['T2.printed.A20_1.rules', 'T2.printed.A20_1.normative_docs'])
    expect(parse.map((f) => f.evidence[0]?.kind === 'text' && f.evidence[0].text)).toEqual(['规章000', '规范性文件000'])
    const warn = res.findings.filter((f) => f.severity === 'warning')
    expect(warn).toHaveLength(1)
    expect(warn[0]!.message).toContain('政府集中采购')
    expect(warn[0]!.message).not.toContain('规章')
  })

  // kewei2024 (holdout-full): `2.其他法律行政法规禁` / `止公开` torn from its numbers by the PDF conversion.
  it('a 表三 row whose wrapped label is printed is a parse finding too', () => {
    const res = runRule(TBL_PRESENT, readFileSync(join(ACC_DIR, 'holdout-full', 'kewei2024.txt'), 'utf8'))
    expect(res.findings.filter((f) => f.severity === 'warning' || f.severity === 'error')).toEqual([])
    const parse = res.findings.filter((f) => f.severity === 'parse')
    expect(parse.map((f) => f.evidence[0]?.kind === 'text' && f.evidence[0].text)).toEqual(['2.其他法律行政法规禁', '1.本机关不掌握相关政'])
  })

  it('rows absent from the text stay a warning (cqsdj2022: the copy stops before 行政处罚)', () => {
    const res = runRule(TBL_PRESENT, held('cqsdj2022.txt'))
    expect(res.findings.filter((f) => f.severity === 'parse')).toEqual([])
    expect(res.findings.find((f) => f.loc === 'T2.rows')?.message).toContain('行政处罚')
  })
})

describe('TBL-LABEL', () => {
  it('seed 001: warnings for 社会组织 and 2.其他法律法规禁止公开, info for 保留4位小数', () => {
    const res = runOnSeed(TBL_LABEL, '001')
    expect(res.outcome).toBe('FAIL')
    const warn = res.findings.filter((f) => f.severity === 'warning')
    expect(warn.map((f) => f.loc).sort()).toEqual(['T3.col.social_welfare_org', 'T3.row.r3_2_law_prohibited'])
    expect(warn.find((f) => f.loc === 'T3.col.social_welfare_org')?.message).toContain('“社会组织”应为“社会公益组织”')
    expect(warn.find((f) => f.loc === 'T3.row.r3_2_law_prohibited')?.message).toContain('2.其他法律行政法规禁止公开')
    const info = res.findings.filter((f) => f.severity === 'info')
    expect(info).toHaveLength(1)
    expect(info[0]?.message).toContain('保留4位小数')
    for (const f of res.findings) expect(f.evidence[0]?.kind).toBe('text')
  })

  it('seed 004: info for the truncated headers 本年新, no warning', () => {
    const res = runOnSeed(TBL_LABEL, '004')
    expect(res.findings.length).toBe(2)
    expect(res.findings.every((f) => f.severity === 'info')).toBe(true)
    expect(res.findings.every((f) => f.message.includes('本年新'))).toBe(true)
  })

  it('passes on seeds 000, 002, 003 (spaces, split labels, half-width brackets are not deviations)', () => {
    for (const s of ['000', '002', '003']) expect(runOnSeed(TBL_LABEL, s).outcome, s).toBe('PASS')
  })

  // shoffice2025 (holdout-full): the PDF conversion tore the three-line label of （六）1 and kept only its middle line.
  it('a label cut at both ends (torn by the conversion) is info, not a wording the township must correct', () => {
    const torn = edit(seedText('000'), '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '行政机关不再处理其政府信息公')
    const res = runRule(TBL_LABEL, torn)
    const f = res.findings.find((x) => x.loc === 'T3.row.r6_1_no_correction')
    expect(f?.severity).toBe('info')
    expect(f?.message).toContain('不完整')
    expect(res.findings.filter((x) => x.severity === 'warning')).toEqual([])
  })

  it('a label missing only its first word (规范性文件 for 行政规范性文件) stays a warning', () => {
    const res = runRule(TBL_LABEL, edit(seedText('000'), '行政规范性文件\t', '规范性文件\t'))
    expect(res.findings.map((f) => [f.loc, f.severity])).toEqual([['T2.row.A20_1.normative_docs', 'warning']])
  })

  it('fires on a planted deviation in seed 000 and is silent once seed 001 labels are corrected', () => {
    const bad = runRule(TBL_LABEL, edit(seedText('000'), '社会公益组织', '社会组织'))
    expect(bad.findings.map((f) => [f.loc, f.severity])).toEqual([['T3.col.social_welfare_org', 'warning']])
    const fixed = edit(edit(seedText('001'), '社会组织', '社会公益组织'), '2.其他法律法规禁止公开', '2.其他法律行政法规禁止公开')
    const res = runRule(TBL_LABEL, fixed)
    expect(res.findings.filter((f) => f.severity === 'warning')).toEqual([])
  })
})

describe('TBL-BLANK', () => {
  it('seed 003: one finding listing the five 行政复议 cells of table 四', () => {
    const res = runOnSeed(TBL_BLANK, '003')
    expect(res.outcome).toBe('FAIL')
    expect(res.findings).toHaveLength(1)
    const f = res.findings[0] as Finding
    expect(f.severity).toBe('warning')
    expect(f.loc).toBe('T4')
    expect(cellsOf(f)).toEqual(['review_upheld', 'review_corrected', 'review_other', 'review_pending', 'review_total'].map((c) => `T4.counts.${c}`))
    expect(f.message).toContain('行政复议')
  })

  it('seed 004: one finding for row 四、结转下年度继续办理 (7 cells)', () => {
    const res = runOnSeed(TBL_BLANK, '004')
    expect(res.findings).toHaveLength(1)
    const f = res.findings[0] as Finding
    expect(f.loc).toBe('T3')
    expect(cellsOf(f)).toHaveLength(7)
    expect(cellsOf(f).every((c) => c.startsWith('T3.carried_forward.'))).toBe(true)
    expect(f.message).toContain('结转下年度继续办理')
  })

  it('passes on 000, 001, 002 and fires on a "/" planted in seed 002', () => {
    for (const s of ['000', '001', '002']) expect(runOnSeed(TBL_BLANK, s).outcome, s).toBe('PASS')
    const t = edit(seedText('002'), /(\t规章\n\t0\n)\t0\n/, '$1\t/\n')
    const res = runRule(TBL_BLANK, t)
    expect(res.outcome).toBe('FAIL')
    expect(cellsOf(res.findings[0] as Finding)).toEqual(['T2.A20_1.rules.repealed'])
  })
})

describe('TBL-SHAPE', () => {
  it('seed 003: table 四 data row has 16 values instead of 15', () => {
    const res = runOnSeed(TBL_SHAPE, '003')
    expect(res.outcome).toBe('FAIL')
    expect(res.findings.map((f) => f.loc)).toEqual(['T4.counts'])
    expect(res.findings[0]?.message).toMatch(/16.*15/)
    expect(res.findings[0]?.severity).toBe('warning')
  })

  it('passes on the other seeds', () => {
    for (const s of ['000', '001', '002', '004']) expect(runOnSeed(TBL_SHAPE, s).outcome, s).toBe('PASS')
  })

  it('planted glued digits split by the identities: the copy glued them, not the township; TBL-NUMERIC silent on 1000001', () => {
    const t = planted('glued-digits.txt')
    expect(runRule(TBL_SHAPE, t).outcome).toBe('PASS')
    expect(runRule(TBL_NUMERIC, t).outcome).toBe('PASS')
  })

  it('a row the reader cannot place is a parse problem, not a shape finding', () => {
    // Three numbers on the 二、上年结转 line of a tab layout: which columns they stand in is unknown.
    const t = edit(seedText('001'), '二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0', '二、上年结转政府信息公开申请数量\t\t0\t0\t0')
    expect(runRule(TBL_SHAPE, t).outcome).toBe('PASS')
  })
})

describe('TBL-NUMERIC', () => {
  it('passes on every seed', () => {
    for (const s of SEEDS) expect(runOnSeed(TBL_NUMERIC, s).outcome, s).toBe('PASS')
  })

  it('fails (error) on a decimal count in table 三', () => {
    const t = edit(seedText('002'), /(\t1\.本机关不掌握相关政府信息\n)\t1\n/, '$1\t1.5\n')
    const res = runRule(TBL_NUMERIC, t)
    expect(res.outcome).toBe('FAIL')
    const f = res.findings[0] as Finding
    expect(f.severity).toBe('error')
    expect(cellsOf(f)).toEqual(['T3.r4_1_not_held.natural_person'])
    expect(f.message).toContain('1.5')
  })
})

describe('TBL-ALLZERO', () => {
  it('fires (info) on 000, 001, 003, 004 and not on 002', () => {
    for (const s of ['000', '001', '003', '004']) {
      const res = runOnSeed(TBL_ALLZERO, s)
      expect(res.outcome, s).toBe('FAIL')
      expect(res.findings.every((f) => f.severity === 'info'), s).toBe(true)
    }
    expect(runOnSeed(TBL_ALLZERO, '002').outcome).toBe('PASS')
  })

  it('does not fire once table 四 has a non-zero cell (planted t4-sum-broken)', () => {
    expect(runRule(TBL_ALLZERO, planted('t4-sum-broken.txt')).outcome).toBe('PASS')
  })
})
