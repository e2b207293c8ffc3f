// Table 三: 25 (2021) or 23 (2019) data rows × 7 applicant columns, read row label by row label.
import type { CellValue, LabelHit, TableResult } from '../../model.ts'
import { t3Columns, t3DataRows, type FormatKey, type TplRow } from '../../template.ts'
import { extendLabel, matchLabel } from '../labels.ts'
import { labelKey } from '../normalize.ts'
import type { Token } from '../tokens.ts'
import { gluedSplits } from '../values.ts'
import { cellFromToken, isValue, missingCell, spanOf, splitGluedLabel } from './common.ts'
import { alignByColumns, findColumnHeaders } from './grid.ts'

const WINDOW = 120

interface RowHit {
  row: TplRow
  at: number
  label: Token
}

export function parseT3(tokensIn: Token[], format: FormatKey): TableResult {
  const result: TableResult = { id: 'T3', found: false, cells: [], labels: [], shape: [] }
  // Glued '（七）总计630020469' becomes a label token and a digit token.
  const tokens: Token[] = []
  for (const t of tokensIn) {
    const g = isValue(t) ? null : splitGluedLabel(t)
    if (g) tokens.push(g.label, g.digits)
    else tokens.push(t)
  }
  const rows = t3DataRows(format)
  const cols = t3Columns(format)
  const hits: RowHit[] = []
  let pos = 0
  for (const row of rows) {
    const end = Math.min(tokens.length, pos + WINDOW)
    for (let i = pos; i < end; i++) {
      const t = tokens[i] as Token
      if (t.key === '' || isValue(t)) continue
      const m = matchLabel(t.text, { label: row.label ?? '', variants: row.variants_seen })
      if (!m) continue
      hits.push({ row, at: i, label: t })
      pos = i + 1
      break
    }
  }
  if (hits.length === 0) {
    for (const row of rows) for (const c of cols) result.cells.push(missingCell('T3', row.id, c.id, '未找到表三'))
    return result
  }
  result.found = true
  const first = hits[0] as RowHit
  const headerTokens = tokens.slice(0, first.at)
  result.labels.push(...columnLabels(headerTokens, format))
  const headerCols = findColumnHeaders(headerTokens, cols)

  for (const row of rows) {
    const hi = hits.findIndex((h) => h.row.id === row.id)
    if (hi < 0) {
      for (const c of cols) result.cells.push(missingCell('T3', row.id, c.id, `未找到行“${row.label}”`))
      continue
    }
    const hit = hits[hi] as RowHit
    const next = hits[hi + 1]
    const stop = next ? next.at : tokens.length
    const range = tokens.slice(hit.at + 1, stop)
    const values = range.filter(isValue)
    const texts = range.filter((t) => t.key !== '' && !isValue(t))
    let labelText = hit.label.text
    let match = matchLabel(hit.label.text, { label: row.label ?? '', variants: row.variants_seen }) ?? 'deviation'
    let labelEnd = hit.label.end
    if (match === 'truncated') {
      const ext = extendLabel(hit.label.text, texts.map((t) => t.text), { label: row.label ?? '' })
      labelText = ext.text
      match = ext.match
      const lastUsed = ext.used.length ? texts[ext.used[ext.used.length - 1] as number] : undefined
      if (lastUsed) labelEnd = lastUsed.end
    }
    const lh: LabelHit = {
      table: 'T3', kind: 'row', id: row.id, expected: row.label ?? '', raw: labelText, match,
      span: { ...spanOf(hit.label), end: labelEnd }
    }
    result.labels.push(lh)
    result.cells.push(...rowCells(row, values, range, headerCols, result, cols.map((c) => c.id)))
  }
  return result
}

function rowCells(
  row: TplRow,
  values: Token[],
  range: Token[],
  headerCols: Map<number, number> | null,
  result: TableResult,
  colIds: string[]
): CellValue[] {
  const n = colIds.length
  if (values.length === n) return colIds.map((c, i) => cellFromToken('T3', row.id, c, values[i], true))
  if (values.length === 0) {
    return colIds.map((c) => ({ table: 'T3' as const, row: row.id, col: c, value: null, raw: '', status: 'blank' as const, note: '本行没有填写数值' }))
  }
  // One long digit run: accept a split only if exactly one satisfies the row total.
  if (values.length === 1 && (values[0] as Token).key.length >= n && /^\d+$/.test((values[0] as Token).key)) {
    const tok = values[0] as Token
    const splits = gluedSplits(tok.key, n, (p) => p[n - 1] === p.slice(0, n - 1).reduce((a, b) => a + b, 0))
    // Reported as a shape problem either way: the reviewer should see that the row was glued.
    result.shape.push({ row: row.id, expected: n, got: 1, span: spanOf(tok) })
    if (splits.length === 1) {
      const parts = splits[0] as number[]
      return colIds.map((c, i) => ({
        table: 'T3' as const, row: row.id, col: c, value: parts[i] as number, raw: tok.text, status: 'inferred' as const,
        note: `数字连在一起（${tok.text}），按“总计=各列之和”唯一拆分`, span: spanOf(tok)
      }))
    }
    return colIds.map((c) => ({
      table: 'T3' as const, row: row.id, col: c, value: null, raw: tok.text, status: 'uncertain' as const,
      note: splits.length === 0 ? `数字连在一起（${tok.text}），无法拆分为满足总计的 ${n} 个数` : `数字连在一起（${tok.text}），有 ${splits.length} 种拆分都满足总计，无法确定`,
      span: spanOf(tok)
    }))
  }
  const aligned = headerCols ? alignByColumns(range, headerCols, n) : null
  if (aligned) {
    if (aligned.extra.length) result.shape.push({ row: row.id, expected: n, got: n + aligned.extra.length, span: spanOf(aligned.extra[0] as Token) })
    return colIds.map((c, i) => cellFromToken('T3', row.id, c, aligned.cells[i], true))
  }
  result.shape.push({ row: row.id, expected: n, got: values.length, span: spanOf(values[0] as Token) })
  return colIds.map((c, i) => {
    const cell = cellFromToken('T3', row.id, c, values[i], true)
    if (cell.status === 'ok' || cell.status === 'blank') cell.status = 'uncertain'
    cell.note = `本行读到 ${values.length} 个数（应为 ${n} 个），无法确定各数所在的列`
    return cell
  })
}

function columnLabels(header: Token[], format: FormatKey): LabelHit[] {
  const out: LabelHit[] = []
  const joined: { key: string; tok: Token }[] = []
  let text = ''
  for (const t of header) {
    if (t.key === '') continue
    joined.push({ key: text, tok: t })
    text += t.key
  }
  const tokAt = (offset: number): Token | undefined => {
    let found: Token | undefined
    for (const j of joined) if (j.key.length <= offset) found = j.tok
    return found
  }
  for (const c of t3Columns(format)) {
    const k = labelKey(c.label)
    let at = -1
    // Leaf names may occur inside group labels (其他 in 法人或其他组织): take the last occurrence.
    at = text.lastIndexOf(k)
    if (c.id === 'other_org') {
      const re = /其他(?!组织)/g
      let m: RegExpExecArray | null
      at = -1
      while ((m = re.exec(text))) at = m.index
    }
    let match: LabelHit['match'] = 'exact'
    let raw = c.label
    if (at < 0) {
      for (const v of c.variants_seen ?? []) {
        const vi = text.indexOf(labelKey(v))
        if (vi >= 0) {
          at = vi
          match = 'variant'
          raw = v
          break
        }
      }
    }
    if (at < 0) continue
    const tok = tokAt(at)
    if (!tok) continue
    out.push({ table: 'T3', kind: 'col', id: c.id, expected: c.label, raw, match, span: spanOf(tok) })
  }
  return out
}
