// Shared helpers for the table rules: readable names of tables, rows, columns and cells (from the
// template JSON), cell lookup outside a ReportCtx (cross-document rules) and how a cell value is shown.
import { createHash } from 'node:crypto'
import type { CellValue, ParsedReport, TableId } from '../../model.ts'
import { blockKey, t2Blocks, t3Columns, t3DataRows, t4Columns, table, type FormatKey, type TplColumn } from '../../template.ts'

import { t3RowLabel, t4GroupLabel } from '../../templateLabels.ts'

// Names come from the one template module; re-exported for the rules that import them from here.
export { formatNotice, t3RowLabel, t4GroupLabel, TABLE_NAME, TABLE_SECTION, TABLE_TITLE } from '../../templateLabels.ts'

/** Lookups on the template are made for every cell of every report: each is computed once. */
function memo<T>(f: (format: FormatKey, key: string) => T): (format: FormatKey, key: string) => T {
  const cache = new Map<string, T>()
  return (format, key) => {
    const k = `${format}|${key}`
    let v = cache.get(k)
    if (v === undefined && !cache.has(k)) cache.set(k, (v = f(format, key)))
    return v as T
  }
}

export const t3ColLabel = memo((format, col) => t3Columns(format).find((c) => c.id === col)?.label ?? col)

export function t4Groups(format: FormatKey): { id: string; label: string; parts: TplColumn[]; total: TplColumn }[] {
  const out: { id: string; label: string; parts: TplColumn[]; total: TplColumn }[] = []
  for (const c of t4Columns(format)) {
    const g = c.group ?? ''
    let e = out.find((x) => x.id === g)
    if (!e) {
      e = { id: g, label: t4GroupLabel(format, g), parts: [], total: c }
      out.push(e)
    }
    if (c.is_total) e.total = c
    else e.parts.push(c)
  }
  return out
}

/** 'A20_1.rules' -> { block title, row label }. */
export function t2RowInfo(format: FormatKey, row: string): { block: string; label: string; columns: TplColumn[] } {
  const [bk, rid] = row.split('.')
  const b = t2Blocks(format).find((x) => blockKey(x) === bk)
  const r = b?.rows.find((x) => x.id === rid)
  return { block: b?.title ?? bk ?? row, label: r?.label ?? rid ?? row, columns: b?.columns ?? [] }
}

/** Human name of a cell, e.g. 表三“（七）总计”行“自然人”列. */
export function cellName(format: FormatKey, c: Pick<CellValue, 'table' | 'row' | 'col'>): string {
  if (c.table === 'T3') return `“${t3RowLabel(format, c.row)}”行“${t3ColLabel(format, c.col)}”列`
  if (c.table === 'T4') {
    const col = t4Columns(format).find((x) => x.id === c.col)
    return col ? `“${t4GroupLabel(format, col.group ?? '')}·${col.label}”` : `“${c.col}”`
  }
  const info = t2RowInfo(format, c.row)
  const col = info.columns.find((x) => x.id === c.col)
  return `${info.block}“${info.label}”行“${col?.label ?? c.col}”列`
}

/** Short name of a cell inside its row (the column only). */
export function colName(format: FormatKey, c: Pick<CellValue, 'table' | 'row' | 'col'>): string {
  if (c.table === 'T3') return t3ColLabel(format, c.col)
  if (c.table === 'T4') {
    const col = t4Columns(format).find((x) => x.id === c.col)
    return col ? `${t4GroupLabel(format, col.group ?? '')}·${col.label}` : c.col
  }
  return t2RowInfo(format, c.row).columns.find((x) => x.id === c.col)?.label ?? c.col
}

/** Human name of a row (T4 has one unlabelled data row). */
export function rowName(format: FormatKey, tableId: TableId, row: string): string {
  if (tableId === 'T3') return t3RowLabel(format, row)
  if (tableId === 'T4') return '数据行'
  const info = t2RowInfo(format, row)
  return `${info.block}“${info.label}”`
}

/** Column type from the template: 'int' unless stated ('decimal', 'signed_int'). */
export function colType(format: FormatKey, c: Pick<CellValue, 'table' | 'row' | 'col'>): string {
  if (c.table === 'T2') return t2RowInfo(format, c.row).columns.find((x) => x.id === c.col)?.type ?? 'int'
  return 'int'
}

/** T3 data rows that are outcomes: every data row under 三、本年度办理结果 except （七）总计. */
export function t3OutcomeRows(format: FormatKey): string[] {
  let ids = OUTCOME_ROWS.get(format)
  if (ids) return ids
  const rows = table(format, 'T3').rows ?? []
  const parent = new Map(rows.map((r) => [r.id, r.parent]))
  const under = (id: string): boolean => {
    let p = parent.get(id)
    while (p) {
      if (p === 'results') return true
      p = parent.get(p)
    }
    return false
  }
  ids = t3DataRows(format)
    .filter((r) => r.id !== 'r7_total' && under(r.id))
    .map((r) => r.id)
  OUTCOME_ROWS.set(format, ids)
  return ids
}

const OUTCOME_ROWS = new Map<FormatKey, string[]>()

/** Cell lookup on a parsed report (for rules without a ReportCtx). */
export function cellOf(report: ParsedReport, t: TableId, row: string, col: string): CellValue | undefined {
  return report.tables[t].cells.find((c) => c.row === row && c.col === col)
}

/** Group cells by row, keeping the template order of first appearance. */
export function byRow(cells: CellValue[]): Map<string, CellValue[]> {
  const m = new Map<string, CellValue[]>()
  for (const c of cells) {
    const l = m.get(c.row)
    if (l) l.push(c)
    else m.set(c.row, [c])
  }
  return m
}

export const STATUS_NAME: Record<string, string> = {
  ok: '正常',
  blank: '空白',
  missing: '未找到',
  uncertain: '无法确定',
  inferred: '推断',
  invalid: '非数字'
}

/**
 * Fingerprint of a table's values (null when the table is missing or holds nothing but zeros and
 * blanks): two reports with the same fingerprint have the same data in every cell.
 */
export function tableSignature(report: ParsedReport, t: TableId): string | null {
  const tab = report.tables[t]
  if (!tab.found || !tab.cells.some((c) => c.value !== null && c.value !== 0)) return null
  const cells = [...tab.cells].sort((a, b) => (a.row + '|' + a.col < b.row + '|' + b.col ? -1 : 1))
  return createHash('sha256')
    .update(cells.map((c) => `${c.row}|${c.col}=${c.value ?? c.status}`).join(';'))
    .digest('hex')
}
