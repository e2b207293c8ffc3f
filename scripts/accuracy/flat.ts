// Plain-text renderings of a report's blocks as real conversions write them (layouts of the accuracy corpus):
// a web table copied into Notepad (one cell per line), an Excel copy (tab-separated rows, merged ranges as
// empty fields), a CSV export, and Word/WPS 表格转换成文本 with spaces or full-width spaces as separators.
// Also the planted errors applied to the blocks, so that every rendering carries them the same way.
import { cloneDoc, type Block, type Doc, type TCell } from './doc.ts'
import { PLANT_EDIT, type PlantId } from './plant.ts'

type Table = Extract<Block, { kind: 'table' }>

/** One position of a table's full grid: the cell that starts there, or the cell whose span covers it. */
interface Slot {
  cell: TCell
  /** True where the cell starts (its top-left position). */
  origin: boolean
  /** True where the cell is covered from above (a vertically merged range's lower part). */
  below: boolean
}

/** The table with colspans and rowspans expanded into a full grid. */
export function expand(t: Table): Slot[][] {
  const grid: Slot[][] = []
  t.rows.forEach((r, ri) => {
    const row = (grid[ri] ??= [])
    let c = 0
    for (const cell of r) {
      while (row[c]) c++
      for (let dr = 0; dr < cell.rowspan; dr++) {
        const rr = (grid[ri + dr] ??= [])
        for (let dc = 0; dc < cell.colspan; dc++) rr[c + dc] = { cell, origin: dr === 0 && dc === 0, below: dr > 0 }
      }
      c += cell.colspan
    }
  })
  return grid
}

function render(d: Doc, table: (t: Table) => string[]): string {
  const out: string[] = []
  for (const b of d.blocks) out.push(...(b.kind === 'p' ? [b.text] : table(b)))
  return out.join('\n') + '\n'
}

/** A web table copied into Notepad: every cell (merged ones once) on a line of its own, an empty cell as an empty line. */
export function cellLines(d: Doc): string {
  return render(d, (t) => t.rows.flatMap((r) => r.map((c) => c.text)))
}

/** An Excel copy: one line per grid row, fields split by tabs, the covered part of a merged range empty. */
export function excelTsv(d: Doc): string {
  return render(d, (t) => expand(t).map((r) => r.map((s) => (s.origin ? s.cell.text : '')).join('\t')))
}

/**
 * A copy whose converter fills merged ranges (an Excel 取消合并并填充, a table scraper): every position of a
 * merged cell repeats its text, so group labels stand on every row and a value spread over three columns
 * (表二's 本年处理决定数量) is written three times.
 */
export function filledTsv(d: Doc): string {
  return render(d, (t) => expand(t).map((r) => r.map((s) => s.cell.text).join('\t')))
}

/** Thousands separators as a spreadsheet shows a number formatted so (1288 → 1,288). */
export function thousands(s: string): string {
  return /^\d{4,}$/.test(s) ? s.replace(/\B(?=(?:\d{3})+$)/g, ',') : s
}

/** A CSV export (saved as .txt): comma-separated grid rows; numbers formatted with thousands separators, quoted. */
export function csv(d: Doc): string {
  const field = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  return render(d, (t) => expand(t).map((r) => r.map((s) => field(s.origin ? thousands(s.cell.text) : '')).join(',')))
}

const FULL_DIGIT = (s: string): string => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/,/g, '，')

/**
 * Word/WPS 表格转换成文本 with a space (or a full-width space, or a tab) as separator: one line per table row
 * (a line break inside a cell breaks the row's line there too); a cell
 * merged across columns written once, the lower part of a vertically merged cell an empty field (two
 * separators in a row). `full`: full-width digits and thousands separators, as a converter set to full width writes.
 */
export function wordText(d: Doc, full: boolean, sep = full ? '\u3000' : ' '): string {
  return render(d, (t) =>
    expand(t).map((r) => {
      const fields: string[] = []
      r.forEach((s, i) => {
        if (s.below) {
          // One empty field per merged Word cell: only where the range's column starts.
          if (i === 0 || r[i - 1]?.cell !== s.cell) fields.push('')
          return
        }
        if (!s.origin) return
        fields.push(full ? FULL_DIGIT(thousands(s.cell.text)) : s.cell.text)
      })
      return fields.join(sep)
    })
  )
}

/** The heading of the part 其他需要报告的事项 (其他需说明事项 in some 2025 reports). */
const OTHER_MATTERS = /其他需要?(?:[报報]告|[说說]明)?的?事[项項]/

/** The doc with one planted error (see plant.ts), made in the blocks so every rendering shows it alike. */
export function plantDoc(d: Doc, p: PlantId): Doc {
  const out = cloneDoc(d)
  if (p === 'no-section-6') {
    // The part by its name, not its number: a 2025 report in seven parts has 六、下一步改进举措 and 七、其他需说明事项.
    const at = out.blocks.findIndex((b) => b.kind === 'p' && b.cls === 'h' && OTHER_MATTERS.test(b.text))
    if (at < 0) throw new Error('no part 其他需要报告的事项')
    let end = at + 1
    while (end < out.blocks.length && !(out.blocks[end]?.kind === 'p' && (out.blocks[end] as { cls: string }).cls === 'sign')) end++
    out.blocks.splice(at, end - at)
    return out
  }
  if (p === 't3-row-total') {
    const t3 = out.blocks.find((b): b is Table => b.kind === 'table' && b.cls === 't3')
    const row = t3?.rows.find((r) => r.some((c) => /[（(]一[)）]\s*予以公开/.test(c.text)))
    const last = row?.[row.length - 1]
    if (!last || !/^\d+$/.test(last.text)) throw new Error('no （一）予以公开 row with a total')
    last.text = String(Number(last.text) + 1)
    return out
  }
  if (p === 'blank-pipe-cell') throw new Error('blank-pipe-cell: pipe layouts only')
  // Text plants: the first paragraph they change.
  for (const b of out.blocks) {
    if (b.kind !== 'p') continue
    try {
      b.text = PLANT_EDIT[p](b.text)
      return out
    } catch {
      // not in this paragraph
    }
  }
  throw new Error(`${p}: no paragraph to plant into`)
}
