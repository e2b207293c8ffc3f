import type { CellDto, ReportDetail } from '../../../../src-main/shared/api.ts'

export type { CellDto, ReportDetail }
export type LabelDto = ReportDetail['labels'][number]

export function labelKey(table: string, kind: string, id: string): string {
  return `${table}|${kind}|${id}`
}
