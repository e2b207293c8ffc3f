// Explicit list of the section rules (domain.md §8), in catalog order.
import SEC_PRESENT from './SEC-PRESENT.ts'
import SEC_ORDER from './SEC-ORDER.ts'
import SEC_TITLE from './SEC-TITLE.ts'
import SEC_NUMBERING from './SEC-NUMBERING.ts'
import SEC1_ASPECTS from './SEC1-ASPECTS.ts'
import SEC1_GOV_ASSESS from './SEC1-GOV-ASSESS.ts'
import SEC1_DATA from './SEC1-DATA.ts'
import SEC5_BOTH from './SEC5-BOTH.ts'
import SEC5_VAGUE from './SEC5-VAGUE.ts'
import SEC5_PREV from './SEC5-PREV.ts'
import SEC6_EMPTY from './SEC6-EMPTY.ts'
import SEC6_FEE from './SEC6-FEE.ts'
import SEC6_POINTS from './SEC6-POINTS.ts'
import SEC6_NPC from './SEC6-NPC.ts'
import SEC6_INNOV from './SEC6-INNOV.ts'
import type { ReportRule } from '../types.ts'

export const SECTION_RULES: ReportRule[] = [
  SEC_PRESENT,
  SEC_ORDER,
  SEC_TITLE,
  SEC_NUMBERING,
  SEC1_ASPECTS,
  SEC1_GOV_ASSESS,
  SEC1_DATA,
  SEC5_BOTH,
  SEC5_VAGUE,
  SEC5_PREV,
  SEC6_EMPTY,
  SEC6_FEE,
  SEC6_POINTS,
  SEC6_NPC,
  SEC6_INNOV
]
