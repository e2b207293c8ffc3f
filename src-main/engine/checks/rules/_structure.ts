// Explicit list of the structure rules (domain.md §8), in catalog order.
import type { ReportRule } from '../types.ts'

export const STRUCTURE_RULES: ReportRule[] = []
