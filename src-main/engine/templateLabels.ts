// Every name a reviewer reads for a part of the template — tables, table titles, T3 rows, T4 groups,
// the notice that defines a format — taken from the template JSON (template.ts) and nowhere else.
// The checks, the exports and the API (TemplateDto) all use these, so a label cannot differ between a
// finding, a letter and the screen.
import { TABLE_IDS, type FormatKey, type TableId } from '../shared/vocabulary.ts'
import { t4Columns, table, tableName, template } from './template.ts'

const ORDINAL = /^[一二三四五六七八九十]+、/

/** 表二, 表三, 表四: the number of the table's section, the same in both formats. */
export const TABLE_NAME: Record<TableId, string> = Object.fromEntries(TABLE_IDS.map((id) => [id, tableName('2021', id)])) as Record<
  TableId,
  string
>

/** The section a table stands in. */
export const TABLE_SECTION: Record<TableId, string> = Object.fromEntries(TABLE_IDS.map((id) => [id, table('2021', id).section])) as Record<
  TableId,
  string
>

/** The table's title, its section's title without the ordinal: 主动公开政府信息情况. */
export function tableTitle(format: FormatKey, id: TableId): string {
  const sec = template(format).sections.find((s) => s.id === table(format, id).section)
  return (sec?.title ?? '').replace(ORDINAL, '')
}

export const TABLE_TITLE: Record<TableId, string> = Object.fromEntries(TABLE_IDS.map((id) => [id, tableTitle('2021', id)])) as Record<
  TableId,
  string
>

/** The notice that defines the template of a format: 国办公开办函〔2021〕30号 (the JSON's doc_no up to its remark). */
export function formatNotice(format: FormatKey): string {
  return template(format).doc_no.split(/\s/)[0] ?? ''
}

/** The note in 表三's top-left corner (its balance identity), as the template prints it. */
export function t3CornerNote(format: FormatKey): string {
  return table(format, 'T3').corner_note ?? ''
}

/**
 * T3 row label; numbered sub-rows carry their group, as 1. recurs under （三）…（六）:
 * （四）无法提供·1.本机关不掌握相关政府信息.
 */
export function t3RowLabel(format: FormatKey, row: string): string {
  // Called for every cell a finding names: computed once per row.
  const k = `${format}|${row}`
  let label = t3Labels.get(k)
  if (label === undefined) t3Labels.set(k, (label = computeT3RowLabel(format, row)))
  return label
}
const t3Labels = new Map<string, string>()

function computeT3RowLabel(format: FormatKey, row: string): string {
  const rows = table(format, 'T3').rows ?? []
  const r = rows.find((x) => x.id === row)
  if (!r) return row
  const parent = r.parent && r.parent !== 'results' ? rows.find((x) => x.id === r.parent) : undefined
  return parent?.label ? `${parent.label}·${r.label ?? r.id}` : (r.label ?? r.id)
}

/** Name of a T4 group from the column paths: 'review' -> 行政复议, 'lit_direct' -> 行政诉讼（未经复议直接起诉）. */
export function t4GroupLabel(format: FormatKey, group: string): string {
  const path = t4GroupPath(format, group)
  return path.length > 1 ? `${path[0]}（${path.slice(1).join('，')}）` : (path[0] as string)
}

/** The group's own heading in the table: 行政复议, 未经复议直接起诉, 复议后起诉. */
export function t4GroupShort(format: FormatKey, group: string): string {
  return t4GroupPath(format, group).at(-1) as string
}

function t4GroupPath(format: FormatKey, group: string): string[] {
  const c = t4Columns(format).find((x) => x.group === group)
  const path = c?.path?.slice(0, -1) ?? []
  return path.length ? path : [group]
}

/** T4 column as 行政诉讼（未经复议直接起诉）·结果维持. */
export function t4ColLabel(format: FormatKey, col: string): string {
  const c = t4Columns(format).find((x) => x.id === col)
  if (!c) return col
  return c.group ? `${t4GroupLabel(format, c.group)}·${c.label}` : c.label
}
