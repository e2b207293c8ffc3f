// Explicit list of the arithmetic rules (domain.md §8), in catalog order.
import T3_BALANCE from './T3-BALANCE.ts'
import type { ReportRule } from '../types.ts'

export const ARITHMETIC_RULES: ReportRule[] = [T3_BALANCE]
