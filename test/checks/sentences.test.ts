// The sentence corpus (test/checks/sentences/): every labelled sentence against its rule. A rule change is
// judged on the whole corpus, not on the sentence it was made for. Each sentence is put into a real
// report (seed 002, or seed 000 for the statistics period); `cells` set table values for the case.
import { describe, expect, it } from 'vitest'
import { extract, type TopicSpec } from '../../src-main/engine/checks/lib/statements.ts'
import { REPORT_RULES } from '../../src-main/engine/checks/registry.ts'
import { T3_TOPICS } from '../../src-main/engine/checks/rules/TXT-T3-COUNT.ts'
import { T4_TOPICS } from '../../src-main/engine/checks/rules/TXT-T4-COUNT.ts'
import { t2Topics } from '../../src-main/engine/checks/rules/TXT-T2-COUNT.ts'
import type { ReportCtx, RuleResult } from '../../src-main/engine/checks/types.ts'
import type { TableId } from '../../src-main/engine/model.ts'
import { ctxFromText, seedText } from '../helpers/check.ts'
import { CASES as T3 } from './sentences/txt-t3-count.ts'
import { CASES as T4 } from './sentences/txt-t4-count.ts'
import { CASES as T2 } from './sentences/txt-t2-count.ts'
import { CASES as SUM } from './sentences/txt-sum.ts'
import { CASES as FEE } from './sentences/txt-fee.ts'
import { CASES as CATEGORY } from './sentences/txt-t3-category.ts'
import { CASES as SEC5 } from './sentences/sec5-both.ts'
import { CASES as PERIOD } from './sentences/doc-stat-period.ts'
import { CASES as S6FEE } from './sentences/sec6-fee.ts'
import { CASES as NOTICE } from './sentences/t3-fee-notice.ts'
import { CASES as ASPECTS, FILLER } from './sentences/sec1-aspects.ts'
import type { SentenceCase } from './sentences/types.ts'

const rule = (id: string) => REPORT_RULES.find((r) => r.id === id)!

/** The report with the sentence, the sentence's range in it, and a context with the case's cells. */
function place(c: SentenceCase, where: 'S1' | 'S1body' | 'S5' | 'S6' | 'preface'): { ctx: ReportCtx; start: number; end: number } {
  let base: string
  let anchor: string
  if (where === 'preface') {
    base = seedText('000')
    anchor = '一、总体情况'
  } else if (where === 'S5') {
    const t = seedText('002')
    const a = t.indexOf('五、存在的主要问题及改进情况')
    const b = t.indexOf('六、其他需要报告的事项')
    base = `${t.slice(0, a)}五、存在的主要问题及改进情况\n${t.slice(b)}`
    anchor = '六、其他需要报告的事项'
  } else if (where === 'S1body') {
    // Section 一 is the case and FILLER alone.
    const t = seedText('002')
    const a = t.indexOf('总体情况\n') + '总体情况\n'.length
    const b = t.indexOf('二、主动公开政府信息情况')
    base = `${t.slice(0, a)}END\n${FILLER}\n${t.slice(b)}`
    anchor = 'END'
  } else if (where === 'S6') {
    // Section 六 is the case alone: seed 002 ends with it (六 … 无。).
    const t = seedText('002')
    const b = t.indexOf('六、其他需要报告的事项')
    base = `${t.slice(0, b)}六、其他需要报告的事项\nEND`
    anchor = 'END'
  } else {
    base = seedText('002')
    anchor = '（二）依申请公开情况。'
  }
  const at = where === 'S1' ? base.indexOf(anchor) + anchor.length : base.indexOf(anchor)
  if (at < 0) throw new Error(`anchor ${anchor} not found`)
  const text = where === 'S6' ? `${base.slice(0, at)}${c.s}\n` : where === 'S1body' ? `${base.slice(0, at)}${c.s}${base.slice(at + 3)}` : `${base.slice(0, at)}\n${c.s}\n\n${base.slice(at)}`
  const year = c.year ?? 2023
  const own = c.body ? text.replace('云阳县平安镇人民政府', c.body) : text
  const ctx = ctxFromText(c.year ? own.replaceAll('2023', String(c.year)) : own, { year })
  const start = ctx.text.indexOf(c.s.split('\n')[0]!)
  const over = new Map(Object.entries(c.cells ?? {}))
  const cell: ReportCtx['cell'] = (table, row, col) => {
    const key = table === 'T4' ? `T4.${col}` : `${table}.${row}.${col}`
    const v = over.get(key)
    const real = ctx.cell(table, row, col)
    return v === undefined ? real : { ...(real ?? { table: table as TableId, row, col, raw: '' }), value: v, raw: String(v), status: 'ok' }
  }
  return { ctx: { ...ctx, cell }, start, end: start + c.s.length }
}

const firesIn = (r: RuleResult, start: number, end: number): boolean =>
  r.findings.some((f) => f.outcome === 'FAIL' && f.evidence.some((e) => e.kind === 'text' && e.start < end && e.end > start))

const label = (c: SentenceCase): string => `${c.fire ? 'fires' : 'silent'}: ${c.s.replace(/\n/g, '⏎').slice(0, 70)}${c.why ? ` (${c.why})` : ''}`

function countRule(id: string, cases: SentenceCase[], topics: TopicSpec[]): void {
  describe(id, () => {
    it.each(cases.map((c) => [label(c), c] as const))('%s', (_, c) => {
      const { ctx, start, end } = place(c, 'S1')
      if (c.said) {
        const got = extract(ctx, topics).stmts.filter((s) => s.start >= start && s.end <= end).map((s) => [s.topic, s.value])
        expect(got.sort(), 'statements read').toEqual([...c.said].sort())
      }
      const r = rule(id).check(ctx)
      expect(firesIn(r, start, end), `${r.outcome}: ${r.findings.map((f) => f.message).join(' | ')} ${r.note ?? ''}`).toBe(c.fire)
    })
  })
}

countRule('TXT-T3-COUNT', T3, T3_TOPICS)
countRule('TXT-T4-COUNT', T4, T4_TOPICS)
countRule('TXT-T2-COUNT', T2, t2Topics('2021'))

for (const [id, cases] of [['TXT-SUM', SUM], ['TXT-FEE', FEE], ['TXT-T3-CATEGORY', CATEGORY]] as const) {
  describe(id, () => {
    it.each(cases.map((c) => [label(c), c] as const))('%s', (_, c) => {
      const { ctx, start, end } = place(c, 'S1')
      const r = rule(id).check(ctx)
      expect(firesIn(r, start, end), `${r.outcome}: ${r.findings.map((f) => f.message).join(' | ')} ${r.note ?? ''}`).toBe(c.fire)
    })
  })
}

for (const [id, cases, where] of [['SEC5-BOTH', SEC5, 'S5'], ['DOC-STAT-PERIOD', PERIOD, 'preface'], ['SEC6-FEE', S6FEE, 'S6'], ['T3-FEE-NOTICE', NOTICE, 'S6'], ['SEC1-ASPECTS', ASPECTS, 'S1body']] as const) {
  describe(id, () => {
    it.each(cases.map((c) => [label(c), c] as const))('%s', (_, c) => {
      const { ctx } = place(c, where)
      const r = rule(id).check(ctx)
      expect(r.outcome === 'FAIL', `${r.outcome}: ${r.findings.map((f) => f.message).join(' | ')} ${r.note ?? ''}`).toBe(c.fire)
    })
  })
}

it('the corpus is broad: every rule has sentences that fire and sentences that must not', () => {
  for (const cases of [T3, T4, T2, SUM, FEE, CATEGORY, SEC5, PERIOD, S6FEE, NOTICE, ASPECTS]) {
    expect(cases.some((c) => c.fire)).toBe(true)
    expect(cases.some((c) => !c.fire)).toBe(true)
  }
})

it('a statement read across a word the PDF wrapped points at the original text, line break included', () => {
  const base = seedText('002')
  const at = base.indexOf('（二）依申请公开情况。')
  const said = '本年度被申请政府信息公开行政复\n议1件，上年结转政府信息公开\n申请0件。'
  const ctx = ctxFromText(`${base.slice(0, at)}\n${said}\n\n${base.slice(at)}`, { year: 2023 })
  const got = [...extract(ctx, T4_TOPICS).stmts, ...extract(ctx, T3_TOPICS).stmts]
    .filter((s) => s.start >= ctx.text.indexOf(said))
    .map((s) => [s.topic, s.value, ctx.text.slice(s.start, s.end)])
  expect(got).toContainEqual(['review', 1, '政府信息公开行政复\n议1件'])
  expect(got).toContainEqual(['carried_over', 0, '上年结转政府信息公开\n申请0件'])
})
