// What the reviewer is told before letters are exported: which reports would get only a draft (the
// review is not finished) and which none (nobody to address). Mirrors letterState of the export.
import type { ReportRow } from '../../../src-main/shared/api.ts'

export interface LetterIssue {
  id: number
  name: string
  kind: 'draft' | 'none'
  why: string
}

export function letterIssue(r: Pick<ReportRow, 'id' | 'township' | 'body' | 'file' | 'undecided' | 'reviewStatus' | 'confirmed' | 'status'>): LetterIssue | null {
  const name = r.township ?? r.body ?? r.file
  if (!r.body?.trim() && !r.township?.trim()) return { id: r.id, name, kind: 'none', why: '报送单位未识别，请在审核页填写单位名称' }
  const why: string[] = []
  if (r.undecided) why.push(`${r.undecided} 条发现待定`)
  if (r.reviewStatus === '待审核') why.push('审核状态为“待审核”')
  else if (r.reviewStatus === '已通过' && (r.confirmed || r.status !== 'ok')) why.push('状态“已通过”但有已确认的问题')
  else if (r.reviewStatus === '需整改' && !r.confirmed && r.status === 'ok') why.push('状态“需整改”但没有已确认的问题')
  return why.length ? { id: r.id, name, kind: 'draft', why: why.join('，') } : null
}

export function letterIssues(rows: Parameters<typeof letterIssue>[0][]): LetterIssue[] {
  return rows.map(letterIssue).filter((x): x is LetterIssue => x !== null)
}
