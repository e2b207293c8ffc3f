// Explicit list of the cross-document rules (domain.md §8.6), in catalog order.
import type { BatchRule } from '../types.ts'

export const CROSS_RULES: BatchRule[] = []
