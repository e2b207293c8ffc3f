// What the review panes share: the report, the highlights of all findings, the selection, and the
// cell picked for a new finding.
import { inject, type ComputedRef, type InjectionKey } from 'vue'
import type { FindingDto } from '../../../../src-main/shared/api.ts'
import type { CellDto, LabelDto, ReportDetail } from './types.ts'
import type { Highlights } from '../../domain/evidence.ts'

export interface ReviewCtx {
  detail: ComputedRef<ReportDetail>
  hl: ComputedRef<Highlights>
  /** False for an older version: evidence offsets belong to the current version's text. */
  live: ComputedRef<boolean>
  cells: ComputedRef<Map<string, CellDto>>
  labels: ComputedRef<Map<string, LabelDto>>
  selectedId: ComputedRef<number | null>
  pickedCell: ComputedRef<string | null>
  clickCell(table: CellDto['table'], row: string, col: string): void
  /** Findings marked in the original: the live ones plus the cell open for 人工核定. */
  markFindings: ComputedRef<FindingDto[]>
  /** Opens a cell for 人工核定. */
  openSettle(table: CellDto['table'], row: string, col: string): void
}

export const REVIEW_CTX: InjectionKey<ReviewCtx> = Symbol('review')

export function useReviewCtx(): ReviewCtx {
  const c = inject(REVIEW_CTX, null)
  if (!c) throw new Error('review context missing')
  return c
}
