// Table 二: four (2021) or five (2019) blocks, each titled 第二十条第（X）项 with its own header row.
import type { CellValue, LabelHit, TableResult } from '../../model.ts'
import { blockKey, t2Blocks, type FormatKey, type TplBlock } from '../../template.ts'
import { matchLabel } from '../labels.ts'
import { labelKey } from '../normalize.ts'
import type { Token } from '../tokens.ts'
import { cellFromToken, isValue, missingCell, spanOf } from './common.ts'

export function parseT2(tokens: Token[], format: FormatKey): TableResult {
  const result: TableResult = { id: 'T2', found: false, cells: [], labels: [], shape: [] }
  const blocks = t2Blocks(format)
  const titleAt = new Map<string, number>()
  let from = 0
  for (const b of blocks) {
    const k = labelKey(b.title)
    for (let i = from; i < tokens.length; i++) {
      if ((tokens[i] as Token).key.includes(k)) {
        titleAt.set(b.id, i)
        from = i + 1
        break
      }
    }
  }
  result.found = titleAt.size > 0
  blocks.forEach((b, bi) => {
    const at = titleAt.get(b.id)
    if (at === undefined) {
      for (const r of b.rows) for (const c of b.columns) result.cells.push(missingCell('T2', `${blockKey(b)}.${r.id}`, c.id, `未找到“${b.title}”`))
      return
    }
    const title = tokens[at] as Token
    result.labels.push({ table: 'T2', kind: 'block', id: blockKey(b), expected: b.title, raw: title.text, match: 'exact', span: spanOf(title) })
    let stop = tokens.length
    for (let j = bi + 1; j < blocks.length; j++) {
      const nb = titleAt.get((blocks[j] as TplBlock).id)
      if (nb !== undefined) {
        stop = nb
        break
      }
    }
    parseBlock(tokens.slice(at + 1, stop), b, result)
  })
  return result
}

function parseBlock(range: Token[], b: TplBlock, result: TableResult): void {
  const bk = blockKey(b)
  // Row labels first: the header ends where the first row label stands.
  const rowHits: { id: string; at: number }[] = []
  let pos = 0
  for (const r of b.rows) {
    for (let i = pos; i < range.length; i++) {
      const t = range[i] as Token
      if (t.key === '' || isValue(t)) continue
      const m = matchLabel(t.text, { label: r.label ?? '', variants: r.variants_seen })
      if (!m) continue
      rowHits.push({ id: r.id, at: i })
      result.labels.push({ table: 'T2', kind: 'row', id: `${bk}.${r.id}`, expected: r.label ?? '', raw: t.text, match: m, span: spanOf(t) })
      pos = i + 1
      break
    }
  }
  const headerEnd = rowHits[0]?.at ?? range.length
  let cpos = 0
  for (const c of b.columns) {
    for (let i = cpos; i < headerEnd; i++) {
      const t = range[i] as Token
      if (t.key === '' || isValue(t)) continue
      const m = matchLabel(t.text, { label: c.label, variants: c.variants_seen }, { minFragment: 3 })
      if (!m) continue
      result.labels.push({ table: 'T2', kind: 'col', id: `${bk}.${c.id}`, expected: c.label, raw: t.text, match: m, span: spanOf(t) })
      cpos = i + 1
      break
    }
  }
  for (const r of b.rows) {
    const rowId = `${bk}.${r.id}`
    const hi = rowHits.findIndex((h) => h.id === r.id)
    if (hi < 0) {
      for (const c of b.columns) result.cells.push(missingCell('T2', rowId, c.id, `未找到行“${r.label}”`))
      continue
    }
    const hit = rowHits[hi] as { id: string; at: number }
    const stop = rowHits[hi + 1]?.at ?? range.length
    const values = range.slice(hit.at + 1, stop).filter(isValue)
    const n = b.columns.length
    if (values.length !== n && values.length > 0) {
      result.shape.push({ row: rowId, expected: n, got: values.length, span: spanOf(values[0] as Token) })
    }
    b.columns.forEach((c, i) => {
      const int = c.type !== 'decimal'
      let cell: CellValue
      if (values.length === 0) cell = { table: 'T2', row: rowId, col: c.id, value: null, raw: '', status: 'blank', note: '本行没有填写数值' }
      else {
        cell = cellFromToken('T2', rowId, c.id, values[i], int)
        if (values.length !== n && (cell.status === 'ok' || cell.status === 'blank')) {
          cell.status = 'uncertain'
          cell.note = `本行读到 ${values.length} 个数（应为 ${n} 个），无法确定各数所在的列`
        }
      }
      if (c.type === 'signed_int' && cell.status === 'invalid' && cell.note === '件数应为整数') cell.status = 'invalid'
      if (c.type !== 'signed_int' && cell.value !== null && cell.value < 0) {
        cell.status = 'invalid'
        cell.note = '数值不能为负'
      }
      result.cells.push(cell)
    })
  }
}

export type { LabelHit }
