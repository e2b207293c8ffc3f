// Explicit list of the text rules (domain.md §8), in catalog order.
import TXT_T3_COUNT from './TXT-T3-COUNT.ts'
import TXT_T3_CATEGORY from './TXT-T3-CATEGORY.ts'
import TXT_T4_COUNT from './TXT-T4-COUNT.ts'
import TXT_T2_COUNT from './TXT-T2-COUNT.ts'
import TXT_SUM from './TXT-SUM.ts'
import TXT_FEE from './TXT-FEE.ts'
import type { ReportRule } from '../types.ts'

export const TEXT_RULES: ReportRule[] = [TXT_T3_COUNT, TXT_T3_CATEGORY, TXT_T4_COUNT, TXT_T2_COUNT, TXT_SUM, TXT_FEE]
