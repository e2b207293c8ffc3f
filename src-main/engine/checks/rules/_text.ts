// Explicit list of the text rules (domain.md §8), in catalog order.
import type { ReportRule } from '../types.ts'

export const TEXT_RULES: ReportRule[] = []
