// The header's column names as written (for TBL-LABEL), found among the header cells the row mapping left.
import type { LabelHit, Span } from '../../model.ts'
import type { TableSpec } from '../../template.ts'
import { matchLabel } from '../labels.ts'
import type { MappedRows } from './rows.ts'
import type { GCell } from './types.ts'

/** The header's column names as written, for TBL-LABEL (each template column once, in order). */
export function columnLabels(mapped: MappedRows, spec: TableSpec): LabelHit[] {
  const out: LabelHit[] = []
  // Only real cells (table, tab or pipe fields, PDF text runs): in a line of plain text the cell bounds are guesses.
  const perLine = new Map<number, number>()
  for (const c of mapped.header) perLine.set(c.line, (perLine.get(c.line) ?? 0) + 1)
  const real = (c: GCell): boolean => c.table !== undefined || !!c.box || (perLine.get(c.line) ?? 0) > 1
  const texts = mapped.header.filter((c) => c.kind === 'text')
  let from = 0
  for (const col of spec.cols) {
    const want = { label: col.label, variants: col.variants_seen }
    let hit = -1
    let match: LabelHit['match'] | null = null
    for (let i = from; i < texts.length && hit < 0; i++) {
      match = matchLabel((texts[i] as GCell).text, want, { minFragment: 3 })
      // A line of plain text is one cell only by guess: there only a whole-line exact name counts.
      if (match && match !== 'exact' && match !== 'variant' && !real(texts[i] as GCell)) match = null
      if (match) hit = i
    }
    if (hit < 0 || !match) continue
    // A name broken over lines inside its cell ('本年' / '制发件数', '法律服' / '务机构') reaches the reader as
    // pieces: the piece with its neighbours that together are the name is the name as written, not a deviation.
    let [a, b] = [hit, hit]
    if (match !== 'exact' && match !== 'variant') {
      for (const [da, db] of [[-1, 0], [0, 1], [-2, 0], [-1, 1], [0, 2]] as const) {
        if (hit + da < 0 || hit + db >= texts.length) continue
        const joined = texts.slice(hit + da, hit + db + 1).map((t) => t.text).join('')
        const m = matchLabel(joined, want)
        if (m === 'exact' || m === 'variant') {
          ;[a, b, match] = [hit + da, hit + db, m]
          break
        }
      }
    }
    // A name whose bracket stays open ('本年收费金额（单位：万元，' / '保留4位小数）') goes on in the next
    // pieces: the name as written is the whole bracket, whatever the template's part alone matches.
    for (let db = 1; db <= 2 && openBrackets((texts[hit] as GCell).text) > 0 && b === hit && hit + db < texts.length; db++) {
      const joined = texts.slice(hit, hit + db + 1).map((t) => t.text).join('')
      if (openBrackets(joined) !== 0) continue
      const m = matchLabel(joined, want)
      if (m) [b, match] = [hit + db, m]
      break
    }
    const c = texts[a] as GCell
    const last = texts[b] as GCell
    from = b + 1
    const span: Span = { start: c.start, end: Math.max(c.end, last.end) }
    if (c.page !== undefined) span.page = c.page
    const raw = texts.slice(a, b + 1).map((t) => t.text).join('')
    out.push({ table: spec.table, kind: 'col', id: spec.block ? `${spec.block}.${col.id}` : col.id, expected: col.label, raw, match, span })
  }
  return out
}

/** Opening brackets not closed in a text (negative when more close than open). */
function openBrackets(s: string): number {
  let n = 0
  for (const ch of s) {
    if (ch === '（' || ch === '(') n++
    else if (ch === '）' || ch === ')') n--
  }
  return n
}
