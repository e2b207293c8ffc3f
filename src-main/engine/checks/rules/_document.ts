// Explicit list of the document rules (domain.md §8), in catalog order.
import DOC_FORMAT_DETECT from './DOC-FORMAT-DETECT.ts'
import DOC_FORMAT_YEAR from './DOC-FORMAT-YEAR.ts'
import DOC_TITLE from './DOC-TITLE.ts'
import DOC_TITLE_AGENCY from './DOC-TITLE-AGENCY.ts'
import DOC_YEAR_CONSISTENT from './DOC-YEAR-CONSISTENT.ts'
import DOC_TARGET_YEAR from './DOC-TARGET-YEAR.ts'
import DOC_STAT_PERIOD from './DOC-STAT-PERIOD.ts'
import DOC_DEADLINE from './DOC-DEADLINE.ts'
import DOC_DECLARED_PARTS from './DOC-DECLARED-PARTS.ts'
import DOC_CITATION from './DOC-CITATION.ts'
import DOC_TRAD from './DOC-TRAD.ts'
import DOC_WRONG_ENTITY from './DOC-WRONG-ENTITY.ts'
import type { ReportRule } from '../types.ts'

export const DOCUMENT_RULES: ReportRule[] = [
  DOC_FORMAT_DETECT,
  DOC_FORMAT_YEAR,
  DOC_TITLE,
  DOC_TITLE_AGENCY,
  DOC_YEAR_CONSISTENT,
  DOC_TARGET_YEAR,
  DOC_STAT_PERIOD,
  DOC_DEADLINE,
  DOC_DECLARED_PARTS,
  DOC_CITATION,
  DOC_TRAD,
  DOC_WRONG_ENTITY
]
