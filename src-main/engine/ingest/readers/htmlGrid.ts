// Table grids from the HTML table model: each cell's column, colspan and rowspan, and its plain text.
import { BLOCKS, type El, type HNode } from './htmlSanitize.ts'
import { TextAcc, trimmedRange } from './htmlText.ts'

export interface RowCell {
  el: El
  text: string
  col: number
  colSpan: number
  rowSpanAttr?: number
}
export interface Row {
  group: 'thead' | 'tbody'
  cells: RowCell[]
}

/** Plain text of a cell: blocks and <br> inside it become soft breaks, not new lines. */
function cellText(el: El): string {
  const acc = new TextAcc()
  const visit = (n: HNode, pre: boolean): void => {
    if (typeof n === 'string') return acc.add(n, pre)
    if (n.name === 'br' || n.name === 'img') return acc.softBreak()
    const block = BLOCKS.has(n.name)
    if (block) acc.softBreak()
    for (const c of n.children) visit(c, pre || n.name === 'pre')
    if (block) acc.softBreak()
  }
  for (const c of el.children) visit(c, false)
  const [a, e] = trimmedRange(acc.s)
  return acc.s.slice(a, e)
}

function spanAttr(v: string | undefined): number | undefined {
  if (v === undefined || !/^\s*\d+/.test(v)) return undefined
  return parseInt(v, 10)
}

/**
 * Widest grid a data table may have. Report tables have at most a few dozen columns; spans that push
 * a table past this (hostile colspan/rowspan="0" nests) would make the grid grow with every row.
 */
const MAX_GRID_COLS = 256

/** Rows of the table's grid, or null when its spans make it wider than any real table (read as text instead). */
export function collectRows(table: El): Row[] | null {
  try {
    return gridRows(table)
  } catch (e) {
    if (e === TOO_WIDE) return null
    throw e
  }
}

const TOO_WIDE = new Error('table grid too wide')

/**
 * Rows of a table with grid columns from the HTML table model: a cell takes the first column not
 * covered by a rowspan from above; rowspans end with their row group.
 */
function gridRows(table: El): Row[] {
  const rows: Row[] = []
  let covered: number[] = []
  const visit = (n: El, group: 'thead' | 'tbody'): void => {
    for (const c of n.children) {
      if (typeof c === 'string') continue
      if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') {
        covered = []
        visit(c, c.name === 'thead' ? 'thead' : 'tbody')
        covered = []
      } else if (c.name === 'tr') {
        rows.push({ group, cells: gridRow(c) })
      } else if (c.name !== 'table' && c.name !== 'caption') {
        visit(c, group)
      }
    }
  }
  const gridRow = (tr: El): RowCell[] => {
    const out: RowCell[] = []
    let col = 0
    for (const td of rowCells(tr)) {
      while ((covered[col] ?? 0) > 0) col++
      const colSpan = Math.min(Math.max(spanAttr(td.attrs.colspan) ?? 1, 1), 1000)
      if (col + colSpan > MAX_GRID_COLS) throw TOO_WIDE
      const rs = spanAttr(td.attrs.rowspan)
      // rowspan="0" spans the rest of the row group
      const rowSpan = rs === undefined ? 1 : rs === 0 ? 65534 : Math.min(rs, 65534)
      for (let k = col; k < col + colSpan; k++) covered[k] = Math.max(covered[k] ?? 0, rowSpan)
      const cell: RowCell = { el: td, text: cellText(td), col, colSpan }
      if (rs !== undefined && rs !== 1) cell.rowSpanAttr = rs
      out.push(cell)
      col += colSpan
    }
    for (let k = 0; k < covered.length; k++) if ((covered[k] ?? 0) > 0) covered[k]!--
    return out
  }
  visit(table, 'tbody')
  return rows
}

function rowCells(tr: El): El[] {
  const out: El[] = []
  for (const c of tr.children) {
    if (typeof c === 'string') continue
    if (c.name === 'td' || c.name === 'th') out.push(c)
    else if (c.name !== 'tr' && c.name !== 'table') out.push(...rowCells(c)) // cells wrapped in stray elements
  }
  return out
}
