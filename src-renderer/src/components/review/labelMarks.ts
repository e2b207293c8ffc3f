// Row/column/block labels of the parsed tables: how the report wrote them, and the findings whose
// text evidence touches the label (e.g. a label deviation), for the header cells.
import type { Severity } from '../../../../src-main/shared/api.ts'
import { touches } from '../../domain/evidence.ts'
import { LABEL_MATCH_NAMES, maxSeverity } from '../../domain/labels.ts'
import type { ReviewCtx } from './context.ts'
import { labelKey } from './types.ts'

export interface LabelMark {
  cls: (string | Record<string, boolean>)[]
  title: string
  fids: string | undefined
  /** The report wrote the label differently: what it wrote. */
  raw: string | null
}

export function labelMark(ctx: ReviewCtx, table: string, kind: string, id: string): LabelMark {
  const l = ctx.labels.value.get(labelKey(table, kind, id))
  if (!l) return { cls: [], title: '', fids: undefined, raw: null }
  let sev: Severity | null = null
  const ids: number[] = []
  const titles: string[] = []
  for (const m of ctx.hl.value.marks) {
    if (m.end - m.start > 200) continue // a whole-table quote does not point at one label
    if (touches(l.span.start, l.span.end, m)) {
      sev = maxSeverity(sev, m.severity)
      if (!ids.includes(m.findingId)) ids.push(m.findingId)
      if (!titles.includes(m.title)) titles.push(m.title)
    }
  }
  const differs = l.match !== 'exact'
  const head = differs ? `原文写作：${l.raw}（${LABEL_MATCH_NAMES[l.match] ?? l.match}）` : ''
  const sel = ctx.selectedId.value
  return {
    cls: sev ? ['ev', `sev-${sev}`, { sel: sel !== null && ids.includes(sel) }] : [],
    title: [head, ...titles].filter(Boolean).join('\n'),
    fids: ids.length ? ids.join(' ') : undefined,
    raw: differs ? l.raw : null
  }
}
