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
