// Entry of the table reader for one report: each table's region -> grid -> spec mapping -> cells.
import type { LabelHit, ParseProblem, TableId, TableResult } from '../../model.ts'
import { tableName, tableSpecs, type FormatKey, type TableSpec } from '../../template.ts'
import { labelKey } from '../normalize.ts'
import type { Token } from '../tokens.ts'
import { buildGrid } from './build.ts'
import { readSpec, tableProblem } from './read.ts'
import { mapRows, offsetIn } from './rows.ts'
import { labelText, searchKey } from './search.ts'
import type { Grid } from './types.ts'

export interface GridTable {
  table: TableResult
  problem: ParseProblem | null
  /** Offset in the original where the table's last used cell ends. */
  end?: number
}

function missingAll(spec: TableSpec, note: string): TableResult['cells'] {
  return spec.rows.flatMap((r) => spec.cols.map((c) => ({ table: spec.table, row: r.id, col: c.id, value: null, raw: '', status: 'missing' as const, note })))
}

/** Tokens overlapping [start, end), cut to it: a paragraph holding several tables is shared between them. */
export function clipTokens(tokens: Token[], start: number, end: number): Token[] {
  const out: Token[] = []
  // An index loop: with TurboFan off while reading (ingest/jitTier.ts) an array iterator allocates per step.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token
    if (t.end <= start || t.start >= end) continue
    if (t.start >= start && t.end <= end) {
      out.push(t)
      continue
    }
    // Only plain-text cells are that long; their text is the original slice, so it can be cut by offset.
    if (t.text.length !== t.end - t.start) continue
    const s = Math.max(start, t.start)
    const e = Math.min(end, t.end)
    const text = t.text.slice(s - t.start, e - t.start)
    out.push({ ...t, text, key: labelKey(text), start: s, end: e })
  }
  return out
}

/** Longest cell text read as a 表二 block title with its local qualifiers. */
const BLOCK_CELL_MAX = 40
/** Markdown heading and emphasis marks around a title ('### 第二十条第（一）项'): no qualifier of the report's. */
const MARKDOWN_MARKS = /^[#>*\s]+|[*\s]+$/g

/** Read one table from the tokens of its region. */
/** docEnd: where the whole document's text ends (see readSpec); text: the document's text (see Grid). */
export function readGridTable(id: TableId, tokens: Token[], format: FormatKey, docEnd = Infinity, text?: string): GridTable {
  const specs = tableSpecs(format).filter((s) => s.table === id)
  const grid = buildGrid(tokens, specs.flatMap((s) => [...s.rows.flatMap((r) => (r.label ? [r.label, ...r.variants] : [])), ...s.groups, ...s.header]))
  if (text !== undefined) grid.text = text
  const result: TableResult = { id, found: false, cells: [], labels: [], shape: [] }
  const unplaced: Parameters<typeof tableProblem>[1] = []
  let allLabels = true
  let end: number | undefined
  if (id === 'T2') {
    const lt = labelText(grid.cells)
    let from = 0
    const starts: (number | null)[] = specs.map((sp) => {
      let k = searchKey(sp.title as string)
      let i = lt.s.indexOf(k, from)
      // '第二十条(五)项': the item's 第 left out, as some sites write it.
      if (i < 0) {
        k = k.replace('条第', '条')
        i = lt.s.indexOf(k, from)
      }
      if (i < 0) return null
      from = i + k.length
      const c = grid.cells[lt.cell[i] as number]
      if (c) {
        // A cell far longer than a block title is a paragraph holding the table glued together (a crawler's
        // text of a web page): the title as written is the matched part, not the whole paragraph.
        const last = i + k.length - 1
        const inPara = c.text.replace(/\s+/g, '').length > BLOCK_CELL_MAX && lt.cell[last] === lt.cell[i]
        const a = inPara ? (lt.at[i] as number) : 0
        const b = inPara ? (lt.at[last] as number) + 1 : c.text.length
        const span = inPara ? { start: offsetIn(c, a), end: offsetIn(c, b - 1) + 1 } : { start: c.start, end: c.end }
        const hit: LabelHit = { table: 'T2', kind: 'block', id: sp.block as string, expected: sp.title as string, raw: c.text.slice(a, b).replace(MARKDOWN_MARKS, ''), match: 'exact', span }
        result.labels.push(hit)
      }
      return from
    })
    specs.forEach((sp, i) => {
      const at = starts[i]
      if (at === null || at === undefined) {
        result.cells.push(...missingAll(sp, `未找到“${sp.title}”`))
        return
      }
      result.found = true
      end = readInto(grid, sp, at, result, unplaced, end, () => (allLabels = false), docEnd)
    })
  } else {
    const sp = specs[0] as TableSpec
    end = readInto(grid, sp, 0, result, unplaced, end, () => (allLabels = false), docEnd)
    result.found = result.cells.some((c) => c.status !== 'missing')
    if (!result.found) {
      result.cells = missingAll(sp, `未找到${tableName(format, id)}`)
    }
  }
  return { table: result, problem: tableProblem(result, unplaced, tableName(format, id), allLabels), end }
}

function readInto(grid: Grid, sp: TableSpec, from: number, result: TableResult, unplaced: Parameters<typeof tableProblem>[1], end: number | undefined, labelMissing: () => void, docEnd: number): number | undefined {
  const mapped = mapRows(grid, sp, from)
  if (!mapped) {
    result.cells.push(...missingAll(sp, sp.title ? `未找到“${sp.title}”的行` : '未找到表格'))
    labelMissing()
    return end
  }
  if (mapped.rows.some((r) => !r.label && sp.rows.find((x) => x.id === r.id)?.label)) labelMissing()
  const read = readSpec(mapped, sp, grid.source, docEnd)
  result.cells.push(...read.cells)
  result.labels.push(...read.labels)
  result.shape.push(...read.shape)
  unplaced.push(...read.unplaced)
  return Math.max(end ?? 0, mapped.endOffset)
}
