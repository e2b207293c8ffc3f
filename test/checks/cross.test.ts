import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport, tableFormat } from '../../src-main/engine/parse/index.ts'
import { checkBatch } from '../../src-main/engine/checks/run.ts'
import { CROSS_RULES } from '../../src-main/engine/checks/rules/_cross.ts'
import XDOC_CARRY from '../../src-main/engine/checks/rules/XDOC-CARRY.ts'
import XDOC_INFORCE from '../../src-main/engine/checks/rules/XDOC-INFORCE.ts'
import XDOC_2019_ITEMS from '../../src-main/engine/checks/rules/XDOC-2019-ITEMS.ts'
import XDOC_PREV_COPY from '../../src-main/engine/checks/rules/XDOC-PREV-COPY.ts'
import XDOC_PEER_COPY from '../../src-main/engine/checks/rules/XDOC-PEER-COPY.ts'
import XDOC_OTHER_NAME from '../../src-main/engine/checks/rules/XDOC-OTHER-NAME.ts'
import XDOC_DUP_FILE from '../../src-main/engine/checks/rules/XDOC-DUP-FILE.ts'
import XDOC_MISSING from '../../src-main/engine/checks/rules/XDOC-MISSING.ts'
import XDOC_MIXED_YEAR from '../../src-main/engine/checks/rules/XDOC-MIXED-YEAR.ts'
import XDOC_YOY from '../../src-main/engine/checks/rules/XDOC-YOY.ts'
import XDOC_IDENTICAL_TABLE from '../../src-main/engine/checks/rules/XDOC-IDENTICAL-TABLE.ts'
import { containment, grams, simText } from '../../src-main/engine/checks/lib/similarity.ts'
import type { BatchReport, BatchRule, BatchSettings, Finding } from '../../src-main/engine/checks/types.ts'
import { seedText } from '../helpers/check.ts'
import { FIXTURES } from '../helpers/seeds.ts'
import { foldText } from '../../src-main/engine/parse/normalize.ts'
import { cellOf } from '../../src-main/engine/checks/lib/tables.ts'

const SEEDS = ['000', '001', '002', '003', '004']
const planted = (f: string): string => readFileSync(join(FIXTURES, 'planted', f), 'utf8')

let nextId = 1
function batchReport(text: string, file: string): BatchReport {
  const read = readText(Buffer.from(text, 'utf8'))
  const report = parseReport(read)
  const id = nextId++
  const r: BatchReport = {
    reportId: id, versionId: id, file, format: tableFormat(report), report, text: read.text,
    sha256: createHash('sha256').update(text).digest('hex')
  }
  if (report.body?.township) r.township = report.body.township
  if (report.year) r.year = report.year
  return r
}

const seedBatch = (): BatchReport[] => SEEDS.map((s) => batchReport(seedText(s), `${s}.txt`))
const run = (rule: BatchRule, reports: BatchReport[], settings: BatchSettings = {}) => rule.checkBatch({ reports, settings })
const all = (m: Map<number, Finding[]>): Finding[] => [...m.values()].flat()

function edit(text: string, from: string | RegExp, to: string): string {
  const n = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, from.flags.replace('g', '') + 'g')) ?? []).length
  expect(n, `pattern ${String(from)} must occur once`).toBe(1)
  return text.replace(from, to)
}

function setT3Row002(text: string, label: string, values: (number | string)[]): string {
  const esc = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return edit(text, new RegExp(`(\\t${esc}\\n)((?:\\t[^\\n]*\\n){7})`), `$1${values.map((v) => `\t${v}\n`).join('')}`)
}

/** Seed 002 turned into the 2022 report of the same township. */
function as2022(text: string): string {
  return text.replaceAll('2023', '2022').replaceAll('2024', '2023')
}

describe('cross rules: common shape', () => {
  it('every rule is a cross BatchRule with Chinese title and source', () => {
    expect(CROSS_RULES.map((r) => r.id)).toEqual([
      'XDOC-CARRY', 'XDOC-INFORCE', 'XDOC-2019-ITEMS', 'XDOC-PREV-COPY', 'XDOC-PEER-COPY', 'XDOC-OTHER-NAME',
      'XDOC-DUP-FILE', 'XDOC-MISSING', 'XDOC-MIXED-YEAR', 'XDOC-YOY', 'XDOC-IDENTICAL-TABLE'
    ])
    for (const r of CROSS_RULES) {
      expect(r.family).toBe('cross')
      expect(r.title).toMatch(/[\u4e00-\u9fff]/)
      expect(r.source).toMatch(/[\u4e00-\u9fff]/)
      if (r.confidence === 'R') expect(r.severity).not.toBe('error')
    }
  })
})

describe('the five seeds as one batch (domain.md §9)', () => {
  const reports = seedBatch()

  it('XDOC-MIXED-YEAR fires: 2023×3, 2021, 2020; findings on 001 and 004', () => {
    const res = run(XDOC_MIXED_YEAR, reports)
    expect(res.outcome).toBe('FAIL')
    expect(res.note).toContain('2023年×3')
    const flagged = [...res.perReport.keys()].map((id) => reports.find((r) => r.reportId === id)?.file).sort()
    expect(flagged).toEqual(['001.txt', '004.txt'])
    expect(all(res.perReport).every((f) => f.severity === 'warning')).toBe(true)
  })

  it('same-township rules are N/A; XDOC-PEER-COPY, XDOC-OTHER-NAME, XDOC-DUP-FILE, XDOC-IDENTICAL-TABLE pass', () => {
    for (const r of [XDOC_CARRY, XDOC_INFORCE, XDOC_2019_ITEMS, XDOC_PREV_COPY, XDOC_YOY]) expect(run(r, reports).outcome, r.id).toBe('N/A')
    for (const r of [XDOC_PEER_COPY, XDOC_OTHER_NAME, XDOC_DUP_FILE, XDOC_IDENTICAL_TABLE]) {
      const res = run(r, reports)
      expect(res.outcome, r.id).toBe('PASS')
      expect(all(res.perReport), r.id).toEqual([])
    }
    expect(run(XDOC_MISSING, reports).outcome).toBe('N/A')
  })

  it('no error-level FAIL from any cross rule', () => {
    for (const r of CROSS_RULES) {
      const errors = all(run(r, reports).perReport).filter((f) => f.severity === 'error' && f.outcome === 'FAIL')
      expect(errors, r.id).toEqual([])
    }
  })

  it('checkBatch records the cross results on every report', () => {
    const out = checkBatch(reports)
    for (const r of reports) {
      const res = out.get(r.reportId)?.results ?? []
      expect(res.find((x) => x.rule === 'XDOC-CARRY')?.outcome).toBe('N/A')
      expect(res.find((x) => x.rule === 'XDOC-PEER-COPY')?.outcome).toBe('PASS')
      // Reports of another year carry DOC-TARGET-YEAR; the folder summary raises no second finding on them.
      const mixed = res.find((x) => x.rule === 'XDOC-MIXED-YEAR')
      expect(mixed?.outcome).toBe('PASS')
      expect(mixed?.note).toContain('2021年×1')
      expect(out.get(r.reportId)!.findings.filter((f) => f.rule === 'XDOC-MIXED-YEAR')).toEqual([])
      expect(out.get(r.reportId)!.findings.some((f) => f.rule === 'DOC-TARGET-YEAR')).toBe(['001.txt', '004.txt'].includes(r.file))
    }
  })
})

describe('XDOC-CARRY', () => {
  it('planted pair: 2023 上年结转 0 ≠ 2022 结转下年度 1 in 自然人 and 总计 (error on 2023)', () => {
    const y22 = batchReport(planted('pair/平安镇-2022.txt'), '平安镇-2022.txt')
    const y23 = batchReport(planted('pair/平安镇-2023.txt'), '平安镇-2023.txt')
    const res = run(XDOC_CARRY, [y22, y23])
    expect(res.outcome).toBe('FAIL')
    const f23 = res.perReport.get(y23.reportId) ?? []
    expect(f23.map((f) => f.loc).sort()).toEqual(['T3.carried_over.natural_person@2022', 'T3.carried_over.total@2022'])
    const f = f23.find((x) => x.loc.startsWith('T3.carried_over.total')) as Finding
    expect(f.severity).toBe('error')
    expect(f.message).toContain('本年“上年结转”（0）')
    expect(f.message).toContain('结转下年度继续办理”（1）')
    expect(f.sides?.left[0]?.value).toBe(0)
    expect(f.sides?.right[0]?.value).toBe(1)
    const other = f.evidence.find((e) => e.kind === 'report')
    expect(other).toMatchObject({ kind: 'report', reportId: y22.reportId, township: '平安镇', year: 2022, text: '1' })
    // Only this report's own cell is cited as cell evidence.
    expect(f.evidence.filter((e) => e.kind === 'cell').map((e) => (e.kind === 'cell' ? e.row : ''))).toEqual(['carried_over'])
    expect((res.perReport.get(y22.reportId) ?? []).every((x) => x.severity === 'info')).toBe(true)
  })

  it('last year\'s cell the app could not read makes it a parse problem, not a warning to this year', () => {
    const y22 = batchReport(planted('pair/平安镇-2022.txt'), '平安镇-2022.txt')
    const y23 = batchReport(planted('pair/平安镇-2023.txt'), '平安镇-2023.txt')
    const c = cellOf(y22.report, 'T3', 'carried_forward', 'total')!
    Object.assign(c, { status: 'uncertain', value: null })
    const f = (run(XDOC_CARRY, [y22, y23]).perReport.get(y23.reportId) ?? []).find((x) => x.loc.startsWith('T3.carried_over.total')) as Finding
    expect([f.outcome, f.severity]).toEqual(['UNVERIFIABLE', 'parse'])
    expect(f.message).toContain('无法确定')
    // Left blank by the township last year: not a reading failure; the check stays the township's (info here,
    // as blank read as 0 makes 0 = 0).
    Object.assign(c, { status: 'blank', value: null })
    const g = (run(XDOC_CARRY, [y22, y23]).perReport.get(y23.reportId) ?? []).find((x) => x.loc.startsWith('T3.carried_over.total')) as Finding
    expect([g.outcome, g.severity]).toEqual(['UNVERIFIABLE', 'info'])
  })

  it('planted pair-ok: PASS', () => {
    const res = run(XDOC_CARRY, [
      batchReport(planted('pair-ok/平安镇-2022.txt'), '平安镇-2022.txt'),
      batchReport(planted('pair-ok/平安镇-2023.txt'), '平安镇-2023.txt')
    ])
    expect(res.outcome).toBe('PASS')
    expect(all(res.perReport)).toEqual([])
  })

  it('seed 002 as 2023 with a 2022 copy whose 结转下年度继续办理 row differs', () => {
    let t22 = as2022(seedText('002'))
    t22 = setT3Row002(t22, '一、本年新收政府信息公开申请数量', [2, 0, 0, 0, 0, 0, 2])
    t22 = setT3Row002(t22, '四、结转下年度继续办理', [1, 0, 0, 0, 0, 0, 1])
    const y22 = batchReport(t22, 'a.txt')
    const y23 = batchReport(seedText('002'), 'b.txt')
    expect(y22.year).toBe(2022)
    expect(y22.township).toBe('平安镇')
    const res = run(XDOC_CARRY, [y23, y22])
    expect((res.perReport.get(y23.reportId) ?? []).filter((f) => f.outcome === 'FAIL')).toHaveLength(2)
    // Same 2022 copy with an unchanged row 四 (all 0): consistent.
    expect(run(XDOC_CARRY, [batchReport(as2022(seedText('002')), 'c.txt'), y23]).outcome).toBe('PASS')
  })

  it('a blank 结转下年度 row last year makes it UNVERIFIABLE, not FAIL', () => {
    const t22 = setT3Row002(as2022(seedText('002')), '四、结转下年度继续办理', ['', '', '', '', '', '', ''])
    const y22 = batchReport(t22, 'a.txt')
    const y23 = batchReport(seedText('002'), 'b.txt')
    const fs = run(XDOC_CARRY, [y22, y23]).perReport.get(y23.reportId) ?? []
    expect(fs.length).toBeGreaterThan(0)
    expect(fs.every((f) => f.outcome === 'UNVERIFIABLE')).toBe(true)
    expect(fs[0]?.message).toContain('空白按 0 计时成立')
  })
})

describe('XDOC-INFORCE', () => {
  it('warns when 现行有效件数 does not continue last year; passes when it does', () => {
    const y22 = batchReport(edit(as2022(seedText('000')), '行政规范性文件\t0\t0\t0', '行政规范性文件\t2\t0\t5'), 'a.txt')
    const bad = batchReport(edit(seedText('000'), '行政规范性文件\t0\t0\t0', '行政规范性文件\t1\t0\t3'), 'b.txt')
    const res = run(XDOC_INFORCE, [y22, bad])
    expect(res.outcome).toBe('FAIL')
    const f = res.perReport.get(bad.reportId)?.[0] as Finding
    expect(f.loc).toBe('T2.A20_1.normative_docs.in_force@2022')
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('=6')
    const good = batchReport(edit(seedText('000'), '行政规范性文件\t0\t0\t0', '行政规范性文件\t1\t0\t6'), 'c.txt')
    expect(run(XDOC_INFORCE, [y22, good]).outcome).toBe('PASS')
  })
})

describe('XDOC-2019-ITEMS', () => {
  it('warns when 上一年项目数量(2020) ≠ 上一年项目数量(2019) + 本年增/减(2019)', () => {
    const t = seedText('004')
    const y19 = batchReport(t.replaceAll('2020', '2019').replaceAll('2021', '2020'), 'a.txt')
    expect(y19.year).toBe(2019)
    expect(y19.format).toBe('2019')
    const y20 = batchReport(t, 'b.txt')
    expect(run(XDOC_2019_ITEMS, [y19, y20]).outcome).toBe('PASS')
    // 2020: 行政许可 上一年项目数量 becomes 3 while 2019 had 0 + 0.
    const i = t.indexOf('行政許可')
    expect(i).toBeGreaterThan(0)
    const changed = t.slice(0, i) + t.slice(i).replace(/\n0\n/, '\n3\n')
    const bad = batchReport(changed, 'c.txt')
    const res = run(XDOC_2019_ITEMS, [y19, bad])
    expect(res.outcome).toBe('FAIL')
    expect(res.perReport.get(bad.reportId)?.[0]?.loc).toBe('T2.A20_5.admin_license.prev_year_items@2019')
  })
})

describe('XDOC-PREV-COPY', () => {
  it('planted pair: the 2023 text is the 2022 text with the years changed → 基本照搬', () => {
    const y22 = batchReport(planted('pair/平安镇-2022.txt'), 'a.txt')
    const y23 = batchReport(planted('pair/平安镇-2023.txt'), 'b.txt')
    const fs = run(XDOC_PREV_COPY, [y22, y23]).perReport.get(y23.reportId) ?? []
    expect(fs.map((f) => f.loc).sort()).toEqual(['S1@2022', 'S5@2022'])
    expect(fs.every((f) => f.severity === 'warning' && f.message.includes('基本照搬'))).toBe(true)
    expect(fs[0]?.evidence.some((e) => e.kind === 'report' && e.reportId === y22.reportId)).toBe(true)
  })

  it('no finding when last year\'s section 五 was rewritten', () => {
    const t22 = as2022(seedText('002'))
    const s5 = t22.indexOf('五、存在的主要问题及改进情况')
    const s6 = t22.indexOf('六、其他需要报告的事项')
    const rewritten = t22.slice(0, s5) + '五、存在的主要问题及改进情况\n' + seedText('003').slice(seedText('003').indexOf('五、存在的主要问题及改进情况') + 14, seedText('003').indexOf('六、其他需要报告的事项')) + t22.slice(s6)
    const fs = run(XDOC_PREV_COPY, [batchReport(rewritten, 'a.txt'), batchReport(seedText('002'), 'b.txt')])
    expect(all(fs.perReport).map((f) => f.loc)).toEqual(['S1@2022'])
  })
})

describe('XDOC-PEER-COPY', () => {
  it('the paraphrased stock paragraph of seeds 000/001 stays below the threshold (≈0.25–0.35)', () => {
    const p000 = seedText('000').split('\n').find((l) => l.startsWith('积极推进重点事项公开')) as string
    const p001 = seedText('001').split('\n').find((l) => l.includes('规范建设，提高政务公开质量')) as string
    const c = containment(grams(simText(foldText(p000))), grams(simText(foldText(p001))))
    expect(c).toBeGreaterThan(0.1)
    expect(c).toBeLessThan(0.5)
    const res = run(XDOC_PEER_COPY, [batchReport(seedText('000'), 'a.txt'), batchReport(seedText('001'), 'b.txt')])
    expect(all(res.perReport)).toEqual([])
  })

  it('planted copy: 新店镇 L90 = 官前乡 L88 verbatim → warning on both reports', () => {
    const xd = batchReport(planted('copy/新店镇-2023.txt'), '新店镇-2023.txt')
    const gq = batchReport(planted('copy/官前乡-2021.txt'), '官前乡-2021.txt')
    const res = run(XDOC_PEER_COPY, [xd, gq])
    expect(res.outcome).toBe('FAIL')
    const a = res.perReport.get(xd.reportId) ?? []
    const b = res.perReport.get(gq.reportId) ?? []
    expect(a).toHaveLength(1)
    expect(b).toHaveLength(1)
    expect(a[0]?.severity).toBe('warning')
    expect(a[0]?.loc).toMatch(/^S5\.p\d+$/)
    const own = a[0]?.evidence.find((e) => e.kind === 'text')
    expect(own?.kind === 'text' && own.text.startsWith('2022年，我们将继续按照国家和省里的要求')).toBe(true)
    const other = a[0]?.evidence.find((e) => e.kind === 'report')
    expect(other).toMatchObject({ kind: 'report', reportId: gq.reportId, township: '官前乡', year: 2021 })
    expect(other?.kind === 'report' && other.text?.startsWith('2022年，我们将继续')).toBe(true)
    // The shared paraphrase of 000 L15 / 001 L21 is not flagged.
    expect(a.some((f) => f.loc.startsWith('S1'))).toBe(false)
  })

  it('a verbatim paragraph planted by String.replace fires; same-township pairs are not compared', () => {
    const t003 = seedText('003')
    const para = t003.slice(t003.indexOf('五、存在的主要问题及改进情况')).split('\n').find((l) => l.length > 80) ?? ''
    expect(para.length).toBeGreaterThan(50)
    const t = edit(seedText('002'), '六、其他需要报告的事项\n无。', `六、其他需要报告的事项\n${para}`)
    const a = batchReport(t, 'a.txt')
    const b = batchReport(seedText('003'), 'b.txt')
    const res = run(XDOC_PEER_COPY, [a, b])
    expect((res.perReport.get(a.reportId) ?? []).map((f) => f.loc)).toEqual(['S6.p1'])
    const pair = run(XDOC_PEER_COPY, [batchReport(planted('pair/平安镇-2022.txt'), 'x.txt'), batchReport(planted('pair/平安镇-2023.txt'), 'y.txt')])
    expect(all(pair.perReport)).toEqual([])
  })
})

describe('XDOC-PEER-COPY in a large batch', () => {
  it('120 townships sharing their wording: a paragraph of two is a copy, one used by 11 is common wording', () => {
    const HAN = '零一二三四五六七八九'
    const name = (i: number): string => `${'东西南北中'[i % 5]}山${[...String(i)].map((d) => HAN[Number(d)]).join('')}镇`
    const s3 = seedText('003')
    const own = '本镇在石榴种植合作社门口设置了可扫码查阅的公开栏，每季度邀请种植户代表核对补贴发放名单，去年共纠正错发补贴三笔并在公开栏说明原因。'
    const city = '按照市政务公开办关于基层公开标准目录动态调整的统一部署，各乡镇对照清单逐项核对村级公开事项，市里将于年底组织交叉检查并通报结果。'
    const reports = Array.from({ length: 120 }, (_, i) => {
      const extra = i === 7 || i === 99 ? own : i >= 20 && i < 31 ? city : ''
      const t = s3.split('头营镇').join(name(i)).replace('六、其他需要报告的事项\n', `六、其他需要报告的事项\n${extra ? `${extra}\n` : ''}`)
      return batchReport(t, `${i}.txt`)
    })
    expect(new Set(reports.map((r) => r.township)).size).toBe(120)
    const res = run(XDOC_PEER_COPY, reports)
    const flagged = reports.filter((r) => res.perReport.has(r.reportId)).map((r) => r.file)
    // 120 townships: without the cap any wording of up to 12 townships would count as copied.
    expect(flagged).toEqual(['7.txt', '99.txt'])
    expect(res.perReport.get(reports[7]!.reportId)?.map((f) => f.loc)).toEqual(['S6.p1'])
  })
})

describe('XDOC-OTHER-NAME', () => {
  it('planted: 平安镇 in a 我镇 sentence of the 头营镇 report → error (batch with seed 002)', () => {
    const other = batchReport(planted('othername.txt'), 'othername.txt')
    const pa = batchReport(seedText('002'), '002.txt')
    const res = run(XDOC_OTHER_NAME, [other, pa])
    const fs = res.perReport.get(other.reportId) ?? []
    expect(fs.map((f) => [f.loc, f.severity])).toEqual([['name.平安镇', 'error']])
    expect(fs[0]?.evidence.some((e) => e.kind === 'report' && e.reportId === pa.reportId)).toBe(true)
    expect(res.perReport.get(pa.reportId)).toBeUndefined()
  })

  it('planted: also found through the roster alone; own name never counts', () => {
    const other = batchReport(planted('othername.txt'), 'othername.txt')
    const res = run(XDOC_OTHER_NAME, [other], { roster: ['云阳县平安镇', '头营镇'] })
    expect(all(res.perReport).map((f) => f.loc)).toEqual(['name.平安镇'])
    expect(run(XDOC_OTHER_NAME, [batchReport(seedText('003'), 'a.txt')], { roster: ['平安镇', '头营镇'] }).outcome).toBe('PASS')
  })

  it('the city above a district body is its own, and district names are not township names (issue 13: only 乡/镇/街道 count)', () => {
    const s3 = seedText('003')
    const say = (t: string, sentence: string): string => edit(t, '一、总体情况\n', `一、总体情况\n${sentence}\n`)
    const district = say(edit(s3, '原州区头营镇 2023年', '淮安市洪泽区人民政府2023年'), '淮安市洪泽区坚持公开为常态。')
    const short = say(edit(s3, '原州区头营镇 2023年', '洪泽区人民政府2023年'), '本报告由淮安市洪泽区人民政府办公室编制。')
    const city = edit(seedText('002'), '云阳县平安镇人民政府\n', '淮安市人民政府\n')
    const reports = [batchReport(district, 'a.txt'), batchReport(short, 'b.txt'), batchReport(city, 'c.txt')]
    expect(reports.map((r) => r.township)).toEqual(['洪泽区', '洪泽区', '淮安市'])
    expect(all(run(XDOC_OTHER_NAME, reports).perReport).filter((f) => f.loc === 'name.淮安市')).toEqual([])
    const sibling = batchReport(edit(s3, '原州区头营镇 2023年', '淮安市淮阴区人民政府2023年'), 'd.txt')
    const withSibling = batchReport(edit(district, '淮安市洪泽区坚持', '淮安市洪泽区与淮阴区坚持'), 'e.txt')
    const fs = run(XDOC_OTHER_NAME, [withSibling, sibling]).perReport.get(withSibling.reportId) ?? []
    expect(fs.map((f) => f.loc)).toEqual([])
  })

  // Traps: a 我镇 sentence that names another township on purpose (working with it, learning from it, citing
  // its document) is a mention (warning); the other name standing where the own one should is a copy (error).
  it.each([
    ['我镇与裴城镇联合开展政务公开业务培训。', 'warning'],
    ['我镇组织人员赴裴城镇学习政务公开标准化建设经验。', 'warning'],
    ['我镇借鉴裴城镇做法，在各村设立政务公开栏。', 'warning'],
    ['我镇参照《裴城镇政务公开工作实施方案》制定了本镇方案。', 'warning'],
    ['裴城镇党委高度重视政务公开工作，我镇坚持主要领导负总责。', 'error'],
    ['2023年，我镇（裴城镇）共发布信息52条。', 'error']
  ] as const)('in a 我镇 sentence: %s → %s', (sentence, severity) => {
    const t = edit(seedText('003'), '六、其他需要报告的事项\n', `六、其他需要报告的事项\n\n${sentence}\n`)
    const res = run(XDOC_OTHER_NAME, [batchReport(t, 'a.txt'), batchReport(seedText('000'), 'b.txt')])
    expect(all(res.perReport).map((f) => [f.loc, f.severity])).toEqual([['name.裴城镇', severity]])
  })

  it('a neutral mention of another township is a warning; in the 落款 an error', () => {
    const t = edit(seedText('003'), '六、其他需要报告的事项\n', '六、其他需要报告的事项\n\n本年度与裴城镇开展了政务公开工作交流。\n')
    const res = run(XDOC_OTHER_NAME, [batchReport(t, 'a.txt'), batchReport(seedText('000'), 'b.txt')])
    const fs = all(res.perReport)
    expect(fs.map((f) => [f.loc, f.severity])).toEqual([['name.裴城镇', 'warning']])
    const signed = `${seedText('003').trimEnd()}\n\n裴城镇人民政府\n2024年1月20日\n`
    const r2 = batchReport(signed, 'c.txt')
    expect(r2.township).toBe('头营镇')
    const fs2 = run(XDOC_OTHER_NAME, [r2, batchReport(seedText('000'), 'd.txt')]).perReport.get(r2.reportId) ?? []
    expect(fs2.map((f) => f.message).join()).toContain('落款')
    expect(fs2.some((f) => f.severity === 'error')).toBe(true)
  })
})

describe('XDOC-DUP-FILE', () => {
  it('same file twice, and two reports of one township and year', () => {
    const a = batchReport(seedText('002'), 'a.txt')
    const b = batchReport(seedText('002'), 'b.txt')
    const res = run(XDOC_DUP_FILE, [a, b, batchReport(seedText('000'), 'c.txt')])
    expect([...res.perReport.keys()].sort()).toEqual([a.reportId, b.reportId].sort())
    expect(res.perReport.get(a.reportId)?.[0]?.message).toContain('哈希一致')
    const c = batchReport(planted('pair-ok/平安镇-2023.txt'), 'd.txt')
    const r2 = run(XDOC_DUP_FILE, [a, c])
    expect(r2.perReport.get(c.reportId)?.[0]?.message).toContain('同一乡镇')
    expect(run(XDOC_DUP_FILE, seedBatch()).outcome).toBe('PASS')
  })
})

describe('XDOC-MISSING', () => {
  it('N/A without a roster; lists roster townships without a report and reports not on the roster', () => {
    const reports = [batchReport(seedText('002'), 'a.txt'), batchReport(seedText('003'), 'b.txt')]
    expect(run(XDOC_MISSING, reports).outcome).toBe('N/A')
    const res = run(XDOC_MISSING, reports, { roster: ['平安镇', '头营镇', '新店镇'], year: 2023 })
    expect(res.outcome).toBe('FAIL')
    expect(res.note).toContain('新店镇')
    expect(all(res.perReport)).toEqual([])
    const ok = run(XDOC_MISSING, reports, { roster: ['云阳县平安镇人民政府', '头营镇'], year: 2023 })
    expect(ok.outcome).toBe('PASS')
    const seeds = seedBatch()
    const notOnRoster = run(XDOC_MISSING, seeds, { roster: ['新店镇'], year: 2023 })
    expect(notOnRoster.perReport.size).toBe(5)
  })
})

describe('XDOC-YOY', () => {
  it('info when 本年新收 jumps more than 5×, nothing for small numbers', () => {
    let t22 = as2022(seedText('002'))
    t22 = setT3Row002(t22, '一、本年新收政府信息公开申请数量', [5, 0, 0, 0, 0, 0, 5])
    let t23 = setT3Row002(seedText('002'), '一、本年新收政府信息公开申请数量', [40, 0, 0, 0, 0, 0, 40])
    const y22 = batchReport(t22, 'a.txt')
    const y23 = batchReport(t23, 'b.txt')
    const res = run(XDOC_YOY, [y22, y23])
    expect(res.perReport.get(y23.reportId)?.map((f) => [f.loc, f.severity])).toEqual([['T3.new_received.total@2022', 'info']])
    t23 = setT3Row002(seedText('002'), '一、本年新收政府信息公开申请数量', [8, 0, 0, 0, 0, 0, 8])
    expect(all(run(XDOC_YOY, [y22, batchReport(t23, 'c.txt')]).perReport)).toEqual([])
    expect(all(run(XDOC_YOY, [batchReport(planted('pair/平安镇-2022.txt'), 'd'), batchReport(planted('pair/平安镇-2023.txt'), 'e')]).perReport)).toEqual([])
  })
})

describe('XDOC-IDENTICAL-TABLE', () => {
  it('info when two townships have the same non-zero table 三; all-zero tables do not count', () => {
    const pa = batchReport(seedText('002'), 'a.txt')
    const copy = batchReport(seedText('002').replaceAll('平安镇', '新店镇'), 'b.txt')
    expect(copy.township).toBe('新店镇')
    const res = run(XDOC_IDENTICAL_TABLE, [pa, copy])
    expect(res.perReport.get(pa.reportId)?.map((f) => [f.loc, f.severity])).toEqual([['T3', 'info']])
    expect(res.perReport.get(copy.reportId)?.map((f) => f.loc)).toEqual(['T3'])
    const zeros = run(XDOC_IDENTICAL_TABLE, [batchReport(seedText('000'), 'c.txt'), batchReport(seedText('003'), 'd.txt')])
    expect(all(zeros.perReport)).toEqual([])
  })

  it('compares tables of one report year only', () => {
    const pa = batchReport(seedText('002'), 'a.txt')
    const earlier = batchReport(as2022(seedText('002')).replaceAll('平安镇', '新店镇'), 'b.txt')
    expect([earlier.township, earlier.year]).toEqual(['新店镇', 2022])
    expect(all(run(XDOC_IDENTICAL_TABLE, [pa, earlier]).perReport)).toEqual([])
  })

  it('a table shared by eight townships names five others and counts the rest', () => {
    const towns = ['甲镇', '乙镇', '丙镇', '丁镇', '戊镇', '己镇', '庚镇', '辛镇']
    const rs = towns.map((t, i) => batchReport(seedText('002').replaceAll('平安镇', t), `${i}.txt`))
    const f = run(XDOC_IDENTICAL_TABLE, rs).perReport.get(rs[0]!.reportId)?.[0] as Finding
    expect(f.message).toContain('乙镇2023年年报、丙镇2023年年报、丁镇2023年年报、戊镇2023年年报、己镇2023年年报等 7 份年报')
    expect(f.message).not.toContain('庚镇')
    // The table itself plus five other reports.
    expect(f.evidence.filter((e) => e.kind === 'report')).toHaveLength(5)
  })
})
