import type { TemplateDto, TemplateHeaderDto } from '../shared/api.ts'
import { TABLE_IDS } from '../shared/vocabulary.ts'
import { t2Blocks, t3Columns, t4Columns, table, template, blockKey, type FormatKey } from '../engine/template.ts'
import { formatNotice, t3CornerNote, t4GroupLabel, t4GroupShort, TABLE_NAME, tableTitle } from '../engine/templateLabels.ts'

const cache = new Map<FormatKey, TemplateDto>()

/** The template's layout for the parsed-report pane: real row and column labels with their ids. */
export function templateDto(format: FormatKey): TemplateDto {
  const hit = cache.get(format)
  if (hit) return hit
  const dto: TemplateDto = {
    format,
    notice: formatNotice(format),
    sections: template(format).sections.map((s) => ({ id: s.id, title: s.title })),
    tables: Object.fromEntries(
      TABLE_IDS.map((id) => {
        const heading = template(format).sections.find((s) => s.id === table(format, id).section)?.title ?? ''
        return [id, { name: TABLE_NAME[id], title: tableTitle(format, id), heading }]
      })
    ) as TemplateDto['tables'],
    t2: t2Blocks(format).map((b) => ({
      id: blockKey(b),
      title: b.title,
      columns: b.columns.map((c) => ({ id: c.id, label: c.label })),
      rows: b.rows.map((r) => ({ id: `${blockKey(b)}.${r.id}`, label: r.label ?? '', level: 0, hasData: true }))
    })),
    t3: {
      columns: t3Columns(format).map((c) => ({ id: c.id, label: c.label })),
      rows: (table(format, 'T3').rows ?? []).map((r) => ({ id: r.id, label: r.label ?? '', level: r.level ?? 0, hasData: !!r.has_data })),
      cornerNote: t3CornerNote(format),
      headers: headerTree(t3Columns(format).map((c) => c.path?.slice(0, -1) ?? []))
    },
    t4: {
      columns: t4Columns(format).map((c) => ({ id: c.id, label: c.label, group: c.group ?? '' })),
      groups: [...new Set(t4Columns(format).map((c) => c.group ?? ''))].map((g) => ({ id: g, label: t4GroupLabel(format, g), short: t4GroupShort(format, g) })),
      headers: headerTree(t4Columns(format).map((c) => c.path?.slice(0, -1) ?? []))
    }
  }
  cache.set(format, dto)
  return dto
}

/** Header cells from the columns' paths (their labels left out): neighbours with the same part share a cell. */
function headerTree(paths: string[][]): TemplateHeaderDto[] {
  const out: (TemplateHeaderDto & { below: string[][] })[] = []
  for (const p of paths) {
    const [head, ...rest] = p
    if (head === undefined) continue
    const last = out[out.length - 1]
    if (last && last.label === head) {
      last.span++
      last.below.push(rest)
    } else out.push({ label: head, span: 1, children: [], below: [rest] })
  }
  return out.map(({ below, ...h }) => ({ ...h, children: below.some((b) => b.length) ? headerTree(below) : [] }))
}
