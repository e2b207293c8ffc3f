// The items the 2021 format asks section 六 to report ([R]): each rule looks for its item in the
// section body (without the 落款) and, when it is missing, points at the whole section.
import { na, type ReportCtx, type ReportRule, type RuleResult, type SectionText } from '../types.ts'
import { matchAll, sectionBody, spanEvidence, type Match } from './narrative.ts'

/** Body of section 六 of a 2021-format report, or the N/A result that explains why there is none. */
export function section6(ctx: ReportCtx): SectionText | RuleResult {
  if (ctx.format !== '2021') return na('2019年试行格式不要求')
  return sectionBody(ctx, 'S6') ?? na('未找到第六部分')
}

export function isResult(x: SectionText | RuleResult): x is RuleResult {
  return 'outcome' in x
}

/** First mention of the item in section 六. */
export function mentionIn(ctx: ReportCtx, s: SectionText, re: RegExp): Match | undefined {
  return matchAll(ctx, re, [{ start: s.start, end: s.end }])[0]
}

/** The item is not reported: one finding on the whole section. */
export function missingIn6(ctx: ReportCtx, rule: ReportRule, s: SectionText, loc: string, message: string): RuleResult {
  return {
    outcome: 'FAIL',
    findings: [
      { rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc, evidence: [spanEvidence(ctx, s.start, s.end, '第六部分')], message }
    ]
  }
}
