// The official templates as data (resources/templates, copied from the domain research).
// Their ids are used everywhere: parser output, database, CLI JSON and exports.
import t2021 from '../../resources/templates/template-2021.json' with { type: 'json' }
import t2019 from '../../resources/templates/template-2019.json' with { type: 'json' }
import type { FormatKey, TableId } from '../shared/vocabulary.ts'

export type { FormatKey, TableId } from '../shared/vocabulary.ts'

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
  id: TableId
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

const TEMPLATES: Record<FormatKey, Template> = {
  '2021': validateTemplate(t2021, '2021'),
  '2019': validateTemplate(t2019, '2019')
}

/**
 * The JSON is the only source of labels, so a malformed template must stop the app at start, not
 * silently read every table as missing. Checks what the reader and the checks rely on.
 */
export function validateTemplate(json: unknown, name: string): Template {
  const fail = (why: string): never => {
    throw new Error(`template ${name}: ${why}`)
  }
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  const str = (o: Record<string, unknown>, k: string, where: string): string => {
    const v = o[k]
    if (typeof v !== 'string' || v === '') fail(`${where}.${k} must be a non-empty string`)
    return v as string
  }
  const list = (o: Record<string, unknown>, k: string, where: string): Record<string, unknown>[] => {
    const v = o[k]
    if (!Array.isArray(v) || !v.every(isObj)) fail(`${where}.${k} must be a list of objects`)
    return v as Record<string, unknown>[]
  }
  const uniqueIds = (items: Record<string, unknown>[], where: string): void => {
    const seen = new Set<string>()
    for (const it of items) {
      const id = str(it, 'id', where)
      if (seen.has(id)) fail(`${where}: duplicate id ${id}`)
      seen.add(id)
    }
  }
  if (!isObj(json)) return fail('not an object')
  str(json, 'doc_no', 'template')
  const sections = list(json, 'sections', 'template')
  uniqueIds(sections, 'sections')
  for (const s of sections) for (const k of ['no', 'title', 'core']) str(s, k, `section ${String(s.id)}`)
  if (!Array.isArray(json.format_markers) || !json.format_markers.every((m) => typeof m === 'string')) fail('format_markers must be strings')
  const tables = list(json, 'tables', 'template')
  for (const id of ['T2', 'T3', 'T4']) {
    const t = tables.find((x) => x.id === id)
    if (!t) return fail(`table ${id} missing`)
    const sec = str(t, 'section', id)
    if (!sections.some((s) => s.id === sec)) fail(`${id}.section ${sec} is not a section`)
    if (id === 'T2') {
      const blocks = list(t, 'blocks', id)
      uniqueIds(blocks, 'T2.blocks')
      for (const b of blocks) {
        str(b, 'title', `block ${String(b.id)}`)
        uniqueIds(list(b, 'rows', `block ${String(b.id)}`), `block ${String(b.id)}.rows`)
        uniqueIds(list(b, 'columns', `block ${String(b.id)}`), `block ${String(b.id)}.columns`)
        for (const r of list(b, 'rows', String(b.id))) str(r, 'label', `row ${String(r.id)}`)
        for (const c of list(b, 'columns', String(b.id))) str(c, 'label', `column ${String(c.id)}`)
      }
      continue
    }
    const rows = list(t, 'rows', id)
    const cols = list(t, 'columns', id)
    uniqueIds(rows, `${id}.rows`)
    uniqueIds(cols, `${id}.columns`)
    for (const c of cols) str(c, 'label', `${id} column ${String(c.id)}`)
    if (id === 'T3') {
      for (const r of rows) str(r, 'label', `T3 row ${String(r.id)}`)
      if (cols.filter((c) => c.is_total === true).length !== 1) fail('T3 needs exactly one total column')
      for (const r of rows) if (typeof r.parent === 'string' && !rows.some((p) => p.id === r.parent)) fail(`T3 row ${String(r.id)}: unknown parent`)
    } else {
      const groups = new Set(cols.map((c) => (typeof c.group === 'string' ? c.group : fail(`T4 column ${String(c.id)} has no group`))))
      for (const g of groups) if (cols.filter((c) => c.group === g && c.is_total === true).length !== 1) fail(`T4 group ${g} needs exactly one total`)
      for (const c of cols) if (!Array.isArray(c.path) || c.path.length < 2) fail(`T4 column ${String(c.id)} needs a path`)
    }
  }
  return json as unknown as Template
}

export function template(format: FormatKey): Template {
  return TEMPLATES[format]
}

export function table(format: FormatKey, id: TableId): TplTable {
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

/** A cell named by the template: row id ('counts' for 表四; 'A20_1.rules' for 表二) and column id. */
export interface Ref {
  row: string
  col: string
}

/** A template identity: sum of lhs = sum of rhs. */
export interface Identity {
  id: string
  lhs: Ref[]
  rhs: Ref[]
}

/** Everything the table reader needs to know about one table (or one 表二 block), from the JSON alone. */
export interface TableSpec {
  table: TableId
  /** 表二 block key ('A20_1') and title, absent for 表三/表四. */
  block?: string
  title?: string
  /** Data rows in template order; their ids are prefixed with the block for 表二. 表四 has one row without a label. */
  rows: { id: string; label: string | null; variants: string[] }[]
  /** Labels of rows without data (group rows such as （三）不予公开): delimiters, never values. */
  groups: string[]
  /** Group rows whose children all carry data: the group's total is the sum of its children. */
  parents: { label: string; children: string[] }[]
  cols: TplColumn[]
  /** Every label that belongs to the header: column labels and variants, header groups and path parts. */
  header: string[]
  identities: Identity[]
}

const specCache = new Map<FormatKey, TableSpec[]>()

/** The reading specs of 表二 (one per block), 表三 and 表四, built once per template. */
export function tableSpecs(format: FormatKey): TableSpec[] {
  const hit = specCache.get(format)
  if (hit) return hit
  const out: TableSpec[] = []
  for (const b of t2Blocks(format)) {
    const bk = blockKey(b)
    out.push({
      table: 'T2', block: bk, title: b.title,
      rows: b.rows.map((r) => ({ id: `${bk}.${r.id}`, label: r.label, variants: r.variants_seen ?? [] })),
      groups: [], parents: [], cols: b.columns,
      header: [b.label_header, ...b.columns.flatMap((c) => [c.label, ...(c.variants_seen ?? [])])],
      identities: []
    })
  }
  const t3 = table(format, 'T3')
  const rows3 = t3.rows ?? []
  const cols3 = t3Columns(format)
  const data3 = rows3.filter((r) => r.has_data)
  const totalCol = cols3.find((c) => c.is_total) as TplColumn
  const ids3: Identity[] = data3.map((r) => ({
    id: `row:${r.id}`, lhs: [{ row: r.id, col: totalCol.id }], rhs: cols3.filter((c) => !c.is_total).map((c) => ({ row: r.id, col: c.id }))
  }))
  const isTotalRow = (r: TplRow): boolean => (r as TplRow & { is_total?: boolean }).is_total === true
  const under = (r: TplRow, anc: string): boolean => {
    for (let p = r.parent; p; p = rows3.find((x) => x.id === p)?.parent) if (p === anc) return true
    return false
  }
  const totalRow = data3.find(isTotalRow)
  if (totalRow?.parent) {
    const parts = data3.filter((r) => !isTotalRow(r) && under(r, totalRow.parent as string))
    for (const c of cols3) ids3.push({ id: `col:${c.id}`, lhs: [{ row: totalRow.id, col: c.id }], rhs: parts.map((r) => ({ row: r.id, col: c.id })) })
  }
  // 第一项加第二项之和，等于第三项加第四项之和 (corner note); a group item stands for its total row.
  const item = (n: string): string | undefined => {
    const r = rows3.find((x) => (x as TplRow & { identity_item?: string }).identity_item?.startsWith(n))
    if (!r) return undefined
    return r.has_data ? r.id : data3.find((x) => isTotalRow(x) && under(x, r.id))?.id
  }
  const [i1, i2, i3, i4] = ['第一项', '第二项', '第三项', '第四项'].map(item)
  if (i1 && i2 && i3 && i4) {
    for (const c of cols3) ids3.push({ id: `bal:${c.id}`, lhs: [i1, i2].map((row) => ({ row, col: c.id })), rhs: [i3, i4].map((row) => ({ row, col: c.id })) })
  }
  out.push({
    table: 'T3',
    rows: data3.map((r) => ({ id: r.id, label: r.label, variants: r.variants_seen ?? [] })),
    groups: rows3.filter((r) => !r.has_data && r.label).map((r) => r.label as string),
    parents: rows3.flatMap((g) => {
      const kids = rows3.filter((r) => r.parent === g.id)
      return !g.has_data && g.label && kids.length && kids.every((k) => k.has_data && !isTotalRow(k)) ? [{ label: g.label, children: kids.map((k) => k.id) }] : []
    }),
    cols: cols3,
    header: headerLabels(t3, cols3),
    identities: ids3
  })
  const t4 = table(format, 'T4')
  const cols4 = t4Columns(format)
  const ids4: Identity[] = []
  for (const g of new Set(cols4.map((c) => c.group as string))) {
    const inG = cols4.filter((c) => c.group === g)
    ids4.push({
      id: `group:${g}`,
      lhs: inG.filter((c) => c.is_total).map((c) => ({ row: 'counts', col: c.id })),
      rhs: inG.filter((c) => !c.is_total).map((c) => ({ row: 'counts', col: c.id }))
    })
  }
  out.push({
    table: 'T4',
    rows: (t4.rows ?? []).map((r) => ({ id: r.id, label: r.label, variants: r.variants_seen ?? [] })),
    groups: [], parents: [], cols: cols4, header: headerLabels(t4, cols4), identities: ids4
  })
  specCache.set(format, out)
  return out
}

function headerLabels(t: TplTable, cols: TplColumn[]): string[] {
  const out = new Set<string>()
  for (const c of cols) {
    out.add(c.label)
    for (const v of c.variants_seen ?? []) out.add(v)
    for (const p of c.path ?? []) out.add(p)
  }
  const walk = (gs: unknown): void => {
    if (!Array.isArray(gs)) return
    for (const g of gs as { label?: string; children?: unknown }[]) {
      if (g.label) out.add(g.label)
      walk(g.children)
    }
  }
  const extra = t as TplTable & { column_header_groups?: unknown; header_groups?: unknown }
  walk(extra.column_header_groups)
  walk(extra.header_groups)
  return [...out]
}

/** The table's name as a reader says it: 表 + the number of its section (表二 in section 二). */
export function tableName(format: FormatKey, id: TableId): string {
  const sec = template(format).sections.find((x) => x.id === table(format, id).section)
  return `表${sec?.no ?? ''}`
}
