// Explicit list of the section rules (domain.md §8), in catalog order.
import SEC6_EMPTY from './SEC6-EMPTY.ts'
import type { ReportRule } from '../types.ts'

export const SECTION_RULES: ReportRule[] = [SEC6_EMPTY]
