import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { makeContext } from '../../src-main/engine/checks/context.ts'
import type { BatchSettings, ReportCtx, ReportRule, RuleResult } from '../../src-main/engine/checks/types.ts'
import { seedBytes } from './seeds.ts'

/** Context for a report given as text (a seed's text, or a seed's text with a planted defect). */
export function ctxFromText(text: string, settings: BatchSettings = {}): ReportCtx {
  const read = readText(Buffer.from(text, 'utf8'))
  return makeContext(parseReport(read), read.text, settings)
}

export function seedText(prefix: string): string {
  return seedBytes(prefix).toString('utf8')
}

export function runRule(rule: ReportRule, text: string, settings: BatchSettings = {}): RuleResult {
  return rule.check(ctxFromText(text, settings))
}

export function runOnSeed(rule: ReportRule, prefix: string, settings: BatchSettings = {}): RuleResult {
  return runRule(rule, seedText(prefix), settings)
}

export const SEED_IDS = ['000', '001', '002', '003', '004'] as const

/** Shared set-up of the per-family rule tests: rules by id, seed texts, cached results, planted edits. */
export function ruleHarness(rules: ReportRule[], listName: string, settings: BatchSettings = { year: 2023 }) {
  const rule = (id: string): ReportRule => {
    const r = rules.find((x) => x.id === id)
    if (!r) throw new Error(`rule ${id} not listed in ${listName}`)
    return r
  }
  const texts = new Map<string, string>()
  const seed = (p: string): string => {
    if (!texts.has(p)) texts.set(p, seedText(p))
    return texts.get(p) as string
  }
  const results = new Map<string, RuleResult>()
  const onSeed = (id: string, p: string): RuleResult => {
    const key = `${id}|${p}`
    if (!results.has(key)) {
      const r = rule(id)
      const ctx = ctxFromText(seed(p), settings)
      // As run.ts does: a rule that does not cover the report's format is N/A.
      results.set(key, r.formats.includes(ctx.format) ? r.check(ctx) : { outcome: 'N/A', findings: [] })
    }
    return results.get(key) as RuleResult
  }
  /** Seed text with one replacement that must take place. */
  const edit = (p: string, from: string, to: string): string => {
    const t = seed(p)
    if (!t.includes(from)) throw new Error(`seed ${p} does not contain ${from}`)
    return t.replace(from, to)
  }
  return { rule, seed, onSeed, edit }
}
