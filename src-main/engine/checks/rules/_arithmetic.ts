// Explicit list of the arithmetic rules (domain.md §8), in catalog order.
import T3_BALANCE from './T3-BALANCE.ts'
import T3_OUTCOME_SUM from './T3-OUTCOME-SUM.ts'
import T3_ROW_TOTAL from './T3-ROW-TOTAL.ts'
import T4_SUM from './T4-SUM.ts'
import T2_RULES_TOWNSHIP from './T2-RULES-TOWNSHIP.ts'
import T2_INFORCE_FLOOR from './T2-INFORCE-FLOOR.ts'
import T2_2019_PUB_LE_TOTAL from './T2-2019-PUB-LE-TOTAL.ts'
import T2_FEE_UNIT from './T2-FEE-UNIT.ts'
import T3_FEE_NOTICE from './T3-FEE-NOTICE.ts'
import type { ReportRule } from '../types.ts'

export const ARITHMETIC_RULES: ReportRule[] = [
  T3_BALANCE,
  T3_OUTCOME_SUM,
  T3_ROW_TOTAL,
  T4_SUM,
  T2_RULES_TOWNSHIP,
  T2_INFORCE_FLOOR,
  T2_2019_PUB_LE_TOTAL,
  T2_FEE_UNIT,
  T3_FEE_NOTICE
]
