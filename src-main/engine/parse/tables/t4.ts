// Table 四: one data row of 15 numbers under three header rows (行政复议 / 行政诉讼 ×2).
import type { LabelHit, TableResult } from '../../model.ts'
import { t4Columns, type FormatKey } from '../../template.ts'
import { labelCore } from '../normalize.ts'
import type { Token } from '../tokens.ts'
import { cellFromToken, isValue, missingCell, spanOf } from './common.ts'
import { alignByColumns, alignByX, leafColumns, xColumns } from './grid.ts'

const LEAVES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']

export function parseT4(tokens: Token[], format: FormatKey): TableResult {
  const cols = t4Columns(format)
  const result: TableResult = { id: 'T4', found: false, cells: [], labels: [], shape: [] }
  const firstValue = tokens.findIndex(isValue)
  const header = tokens.slice(0, firstValue < 0 ? tokens.length : firstValue)
  const hasHeader = header.some((t) => labelCore(t.text).includes('复议')) && header.some((t) => labelCore(t.text).includes('诉讼'))
  if (!hasHeader && firstValue < 0) {
    for (const c of cols) result.cells.push(missingCell('T4', 'counts', c.id, '未找到表四'))
    return result
  }
  result.found = true
  result.labels.push(...headerLabels(header))
  if (firstValue < 0) {
    for (const c of cols) result.cells.push({ table: 'T4', row: 'counts', col: c.id, value: null, raw: '', status: 'blank', note: '表四没有填写数值' })
    return result
  }
  const values = tokens.slice(firstValue).filter(isValue)
  const n = cols.length
  const dataLine = (tokens[firstValue] as Token).line
  const lineCells = tokens.filter((t) => t.line === dataLine).length
  const grid = lineCells >= n ? leafColumns(header, LEAVES, n) : null
  if (grid) {
    const rowTokens = tokens.slice(firstValue).filter((t) => t.line === dataLine)
    const before = tokens.slice(0, firstValue).filter((t) => t.line === dataLine)
    const aligned = alignByColumns([...before, ...rowTokens], grid, n)
    if (aligned) {
      cols.forEach((c, i) => result.cells.push(cellFromToken('T4', 'counts', c.id, aligned.cells[i], true)))
      const onLine = [...before, ...rowTokens]
      if (aligned.extra.length) {
        const first = onLine[0] as Token
        result.shape.push({ row: 'counts', expected: n, got: n + aligned.extra.length, span: { ...spanOf(first), end: (onLine[onLine.length - 1] as Token).end } })
      }
      return result
    }
  }
  if (values.length !== n && values.length > 0 && values.every((v) => v.box && v.line === (values[0] as Token).line)) {
    // PDF: place the numbers under the header columns by their horizontal position.
    const centers = xColumns(header, n, (t) => /复议|诉讼|起诉/.test(labelCore(t.text)))
    const placed = centers ? alignByX(values, centers) : null
    if (placed) {
      cols.forEach((c, i) => result.cells.push(cellFromToken('T4', 'counts', c.id, placed[i], true)))
      return result
    }
  }
  if (values.length === n) {
    cols.forEach((c, i) => result.cells.push(cellFromToken('T4', 'counts', c.id, values[i], true)))
    return result
  }
  result.shape.push({ row: 'counts', expected: n, got: values.length, span: spanOf(values[0] as Token) })
  cols.forEach((c, i) => {
    const cell = cellFromToken('T4', 'counts', c.id, values[i], true)
    if (cell.status === 'ok' || cell.status === 'blank') cell.status = 'uncertain'
    cell.note = `表四读到 ${values.length} 个数（应为 ${n} 个），无法确定各数所在的列`
    result.cells.push(cell)
  })
  return result
}

function headerLabels(header: Token[]): LabelHit[] {
  const out: LabelHit[] = []
  for (const t of header) {
    const core = labelCore(t.text)
    if (LEAVES.includes(core) || core === '行政复议' || core === '行政诉讼' || core === '未经复议直接起诉' || core === '复议后起诉') {
      out.push({ table: 'T4', kind: 'col', id: core, expected: core, raw: t.text, match: 'exact', span: spanOf(t) })
    }
  }
  return out
}
