// Names of tables, rows and columns as the template of the report says them (TemplateDto, built by the
// main side from the template JSON): the renderer never types a template label itself, so the screen
// cannot disagree with the findings, the letters and the summary.
import type { TemplateDto } from '../../../src-main/shared/api.ts'

/** 表二, 表三, 表四 (the id itself for a table the template does not know). */
export function tableName(t: TemplateDto | undefined, table: string): string {
  return (t?.tables as Record<string, { name: string } | undefined> | undefined)?.[table]?.name ?? table
}

/** The row's label; '' for 表四 (one data row) and the id for a row the template does not know. */
export function rowLabel(t: TemplateDto | undefined, table: string, row: string): string {
  if (!t) return row
  if (table === 'T4') return ''
  if (table === 'T3') return t.t3.rows.find((r) => r.id === row)?.label ?? row
  for (const b of t.t2) {
    const r = b.rows.find((x) => x.id === row)
    if (r) return r.label
  }
  return row
}

/** The title of the 表二 block a row stands in (第二十条第（一）项 …). */
export function t2BlockTitle(t: TemplateDto | undefined, row: string): string | undefined {
  return t?.t2.find((b) => b.rows.some((r) => r.id === row))?.title
}

/** The column's label; 表四 columns carry their group's heading: 复议后起诉·结果维持. */
export function colLabel(t: TemplateDto | undefined, table: string, col: string): string {
  if (!t) return col
  if (table === 'T3') return t.t3.columns.find((c) => c.id === col)?.label ?? col
  if (table === 'T4') {
    const c = t.t4.columns.find((x) => x.id === col)
    return c ? `${t.t4.groups.find((g) => g.id === c.group)?.short ?? c.group}·${c.label}` : col
  }
  for (const b of t.t2) {
    const c = b.columns.find((x) => x.id === col)
    if (c) return c.label
  }
  return col
}

/** A cell in words: 表三 · 自然人 · （一）本年新收政府信息公开申请数量. */
export function cellName(t: TemplateDto | undefined, table: string, row: string, col: string): string {
  return [tableName(t, table), rowLabel(t, table, row), colLabel(t, table, col)].filter(Boolean).join(' · ')
}
