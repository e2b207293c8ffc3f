// Explicit list of the document rules (domain.md §8), in catalog order.
import type { ReportRule } from '../types.ts'

export const DOCUMENT_RULES: ReportRule[] = []
