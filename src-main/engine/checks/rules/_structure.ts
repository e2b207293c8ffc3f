// Explicit list of the structure rules (domain.md §8), in catalog order.
import TBL_PRESENT from './TBL-PRESENT.ts'
import TBL_LABEL from './TBL-LABEL.ts'
import TBL_BLANK from './TBL-BLANK.ts'
import TBL_SHAPE from './TBL-SHAPE.ts'
import TBL_NUMERIC from './TBL-NUMERIC.ts'
import TBL_ALLZERO from './TBL-ALLZERO.ts'
import type { ReportRule } from '../types.ts'

export const STRUCTURE_RULES: ReportRule[] = [TBL_PRESENT, TBL_LABEL, TBL_BLANK, TBL_SHAPE, TBL_NUMERIC, TBL_ALLZERO]
