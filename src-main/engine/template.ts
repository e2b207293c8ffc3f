// The official templates as data (resources/templates, copied from the domain research).
// Their ids are used everywhere: parser output, database, CLI JSON and exports.
import t2021 from '../../resources/templates/template-2021.json' with { type: 'json' }
import t2019 from '../../resources/templates/template-2019.json' with { type: 'json' }

export interface TplColumn {
  id: string
  label: string
  type?: string
  unit?: string | null
  variants_seen?: string[]
  is_total?: boolean
  group?: string
  path?: string[]
}
export interface TplRow {
  id: string
  label: string | null
  level?: number
  has_data?: boolean
  parent?: string
  variants_seen?: string[]
}
export interface TplBlock {
  id: string
  title: string
  label_header: string
  columns: TplColumn[]
  rows: TplRow[]
}
export interface TplTable {
  id: 'T2' | 'T3' | 'T4'
  section: string
  blocks?: TplBlock[]
  columns?: TplColumn[]
  rows?: TplRow[]
  corner_note?: string
}
export interface TplSection {
  id: string
  no: string
  title: string
  core: string
  title_variants_seen?: string[]
}
export interface Template {
  format_id: string
  doc_no: string
  sections: TplSection[]
  tables: TplTable[]
  format_markers: string[]
}

export type FormatKey = '2021' | '2019'

const TEMPLATES: Record<FormatKey, Template> = {
  '2021': t2021 as unknown as Template,
  '2019': t2019 as unknown as Template
}

export function template(format: FormatKey): Template {
  return TEMPLATES[format]
}

export function table(format: FormatKey, id: 'T2' | 'T3' | 'T4'): TplTable {
  const t = TEMPLATES[format].tables.find((x) => x.id === id)
  if (!t) throw new Error(`template ${format} has no table ${id}`)
  return t
}

/** Data rows of T3 (rows that carry numbers), in template order. */
export function t3DataRows(format: FormatKey): TplRow[] {
  return (table(format, 'T3').rows ?? []).filter((r) => r.has_data)
}

export function t3Columns(format: FormatKey): TplColumn[] {
  return table(format, 'T3').columns ?? []
}

export function t4Columns(format: FormatKey): TplColumn[] {
  return table(format, 'T4').columns ?? []
}

export function t2Blocks(format: FormatKey): TplBlock[] {
  return table(format, 'T2').blocks ?? []
}

/** Block id without the table prefix: 'T2.A20_1' -> 'A20_1'. */
export function blockKey(block: TplBlock): string {
  return block.id.replace(/^T2\./, '')
}
