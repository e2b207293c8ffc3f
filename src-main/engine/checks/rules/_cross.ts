// Explicit list of the cross-document rules (domain.md §8.6), in catalog order.
import XDOC_CARRY from './XDOC-CARRY.ts'
import XDOC_INFORCE from './XDOC-INFORCE.ts'
import XDOC_2019_ITEMS from './XDOC-2019-ITEMS.ts'
import XDOC_PREV_COPY from './XDOC-PREV-COPY.ts'
import XDOC_PEER_COPY from './XDOC-PEER-COPY.ts'
import XDOC_OTHER_NAME from './XDOC-OTHER-NAME.ts'
import XDOC_DUP_FILE from './XDOC-DUP-FILE.ts'
import XDOC_MISSING from './XDOC-MISSING.ts'
import XDOC_MIXED_YEAR from './XDOC-MIXED-YEAR.ts'
import XDOC_YOY from './XDOC-YOY.ts'
import XDOC_IDENTICAL_TABLE from './XDOC-IDENTICAL-TABLE.ts'
import type { BatchRule } from '../types.ts'

export const CROSS_RULES: BatchRule[] = [
  XDOC_CARRY,
  XDOC_INFORCE,
  XDOC_2019_ITEMS,
  XDOC_PREV_COPY,
  XDOC_PEER_COPY,
  XDOC_OTHER_NAME,
  XDOC_DUP_FILE,
  XDOC_MISSING,
  XDOC_MIXED_YEAR,
  XDOC_YOY,
  XDOC_IDENTICAL_TABLE
]
