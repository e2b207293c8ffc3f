// The one place that lists every rule. Each family file lists its rules explicitly.
import { ARITHMETIC_RULES } from './rules/_arithmetic.ts'
import { CROSS_RULES } from './rules/_cross.ts'
import { DOCUMENT_RULES } from './rules/_document.ts'
import { SECTION_RULES } from './rules/_section.ts'
import { STRUCTURE_RULES } from './rules/_structure.ts'
import { TEXT_RULES } from './rules/_text.ts'
import type { BatchRule, ReportRule } from './types.ts'

export const REPORT_RULES: ReportRule[] = [...DOCUMENT_RULES, ...SECTION_RULES, ...STRUCTURE_RULES, ...ARITHMETIC_RULES, ...TEXT_RULES]
export { CROSS_RULES }

export type AnyRule = ReportRule | BatchRule
export const ALL_RULES: AnyRule[] = [...REPORT_RULES, ...CROSS_RULES]

/** Catalog ids deliberately not implemented, with the reason (checked by the catalog test). */
export const NOT_IMPLEMENTED: Record<string, string> = {}

export function ruleById(id: string): AnyRule | undefined {
  return ALL_RULES.find((r) => r.id === id)
}
