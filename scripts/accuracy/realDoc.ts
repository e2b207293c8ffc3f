// Blocks of a real report (the copies of ../shared/real-pdf) for the generated layouts: the prose from
// `pdftotext -raw` of the PDF (wrapped lines joined into paragraphs, page footers dropped), and the three
// tables rebuilt from the report's hand-read expected record on the grid of a seed's tables (same template),
// so every layout a seed gets can also be made with the real reports' many-digit values.
import type { ExpectedReport } from './corpus.ts'
import { cloneDoc, type Block, type Doc, type TCell } from './doc.ts'

const HEADING = /^[一二三四五六七][、.．]/
const ORDER = '一二三四五六七'
const SUB = /^[（(][一二三四五六七八九十]+[）)]/
/** Sections whose body is the table: their prose lines (the PDF's table text) are replaced by the rebuilt table. */
const TABLE_OF: Record<string, string> = { 二: 't2', 三: 't3', 四: 't4' }

/** The values of a report's tables in the order a seed's table shows its number cells (row by row). */
export function valuesInOrder(e: ExpectedReport, cls: string): (number | null)[] {
  if (cls === 't2') return Object.values(e.tables.T2).flatMap((cols) => Object.values(cols))
  if (cls === 't3') return Object.values(e.tables.T3).flat()
  if (cls === 't4') return Object.values(e.tables.T4)
  throw new Error(`no values for table ${cls}`)
}

/** A number cell or an empty cell of the seed's table (its header cells all hold words). */
const isValueCell = (c: TCell): boolean => /^(?:\d+(?:\.\d+)?)?$/.test(c.text)

/** A seed's table with its number cells (and empty cells) replaced, in order, by `values` (null = empty cell). */
export function tableWithValues(t: Extract<Block, { kind: 'table' }>, values: (number | null)[]): Extract<Block, { kind: 'table' }> {
  const out = cloneDoc({ blocks: [t] }).blocks[0] as Extract<Block, { kind: 'table' }>
  let k = 0
  for (const r of out.rows) {
    for (const c of r) {
      if (!isValueCell(c)) continue
      if (k >= values.length) throw new Error(`${t.cls}: more value cells than values`)
      const v = values[k++]
      c.text = v === null || v === undefined ? '' : String(v)
    }
  }
  if (k !== values.length) throw new Error(`${t.cls}: ${values.length} values for ${k} value cells`)
  return out
}

/** A seed's document with its tables refilled from another record of the same template. */
export function tablesOf(shape: Doc): Map<string, Extract<Block, { kind: 'table' }>> {
  const m = new Map<string, Extract<Block, { kind: 'table' }>>()
  for (const b of shape.blocks) if (b.kind === 'table') m.set(b.cls, b)
  return m
}

/**
 * The real report as blocks. `raw` is `pdftotext -raw` of its PDF; `shape` a seed of the same template whose
 * tables give the grid; `e` the expected record that gives the values.
 */
export function docFromRaw(raw: string, shape: Doc, e: ExpectedReport): Doc {
  const tables = tablesOf(shape)
  const lines = raw
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^-\s*\d+\s*-$/.test(l))
  const blocks: Block[] = []
  // The title: the lines up to the one that names the report.
  let i = 0
  while (i < lines.length && i < 3) {
    const l = lines[i] as string
    blocks.push({ kind: 'p', cls: 'title', text: l })
    i++
    if (/年度报告/.test(l)) break
  }
  let para = ''
  let inTable = false
  // Headings come in order: a '三、' inside a table (a merged cell's text, one char per line) is not one.
  let next = 0
  const flush = (): void => {
    if (para) blocks.push({ kind: 'p', cls: '', text: para })
    para = ''
  }
  for (; i < lines.length; i++) {
    const l = lines[i] as string
    if (HEADING.test(l) && !/[0-9]/.test(l) && l.length >= 6 && l.length <= 30 && l[0] === ORDER[next]) {
      next++
      flush()
      blocks.push({ kind: 'p', cls: 'h', text: l })
      const t = TABLE_OF[l[0] as string]
      inTable = t !== undefined
      if (t) blocks.push(tableWithValues(tables.get(t) as Extract<Block, { kind: 'table' }>, valuesInOrder(e, t)))
      continue
    }
    if (inTable) continue
    if (SUB.test(l)) flush()
    para += l
    if (/[。：:]$/.test(l)) flush()
  }
  flush()
  return { blocks }
}
