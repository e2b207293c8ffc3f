// A report's blocks written as a Word document (.docx: a minimal package, tables with w:gridSpan and
// w:vMerge as Word writes merged cells, line breaks inside cells as w:br), and the table arrangements seen in
// real reports that the seed renderings do not show (variants below). Used by scripts/make-accuracy.ts.
import JSZip from 'jszip'
import { expand } from './flat.ts'
import { cloneDoc, type Block, type Doc, type TCell } from './doc.ts'

type Table = Extract<Block, { kind: 'table' }>

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Runs of a paragraph: '\n' in the text is a line break inside the paragraph (Shift+Enter). */
function runs(text: string, bold = false): string {
  const rPr = bold ? '<w:rPr><w:b/></w:rPr>' : ''
  return text
    .split('\n')
    .map((part, i) => `<w:r>${rPr}${i ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(part)}</w:t></w:r>`)
    .join('')
}

function para(text: string, cls = ''): string {
  const jc = cls === 'title' ? '<w:jc w:val="center"/>' : cls === 'sign' ? '<w:jc w:val="right"/>' : ''
  return `<w:p>${jc ? `<w:pPr>${jc}</w:pPr>` : ''}${runs(text, cls === 'title' || cls === 'h')}</w:p>`
}

const BORDERS = '<w:tblBorders>' + ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') + '</w:tblBorders>'

function table(t: Table): string {
  const grid = expand(t)
  const width = Math.max(...grid.map((r) => r.length))
  let xml = `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>${BORDERS}</w:tblPr><w:tblGrid>${'<w:gridCol/>'.repeat(width)}</w:tblGrid>`
  for (const r of grid) {
    xml += '<w:tr>'
    r.forEach((s, i) => {
      // One w:tc per merged range in each row: where the range starts in that row.
      if (i > 0 && r[i - 1]?.cell === s.cell) return
      const span = s.cell.colspan > 1 ? `<w:gridSpan w:val="${s.cell.colspan}"/>` : ''
      const vm = s.cell.rowspan > 1 ? (s.below ? '<w:vMerge/>' : '<w:vMerge w:val="restart"/>') : ''
      const body = s.below ? '<w:p/>' : para(s.cell.text)
      xml += `<w:tc><w:tcPr>${span}${vm}</w:tcPr>${body}</w:tc>`
    })
    xml += '</w:tr>'
  }
  return xml + '</w:tbl>'
}

const ZIP_DATE = new Date('2025-01-01T00:00:00Z')

/** The blocks as a .docx (fixed zip dates, so regenerating gives the same bytes). */
export async function docxOf(d: Doc): Promise<Uint8Array> {
  const body = d.blocks.map((b) => (b.kind === 'p' ? para(b.text, b.cls) : table(b))).join('')
  const zip = new JSZip()
  const opt = { date: ZIP_DATE }
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    opt
  )
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>', opt)
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`, opt)
  // Folder entries JSZip adds itself carry the current time unless told otherwise.
  zip.forEach((_, f) => void (f.date = ZIP_DATE))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

const tables = (d: Doc): Table[] => d.blocks.filter((b): b is Table => b.kind === 'table')

/**
 * Header cells and long row labels broken over lines as a typist does in a narrow column ('商业\n企业',
 * '（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）'), and the column names in the wording some
 * counties use (法人或者其他组织, 其他组织, 合计 for 总计 in 表三's header).
 */
export function wrappedLabels(d: Doc): Doc {
  const out = cloneDoc(d)
  const WORDING: Record<string, string> = { 法人或其他组织: '法人或者其他组织', 其他: '其他组织' }
  for (const t of tables(out)) {
    const firstValueRow = t.rows.findIndex((r) => r.some((c) => /^\d+(?:\.\d+)?$/.test(c.text)))
    t.rows.forEach((r, ri) => {
      for (const c of r) {
        if (/^[\d.]*$/.test(c.text)) continue
        const header = ri < firstValueRow
        if (t.cls === 't3' && header && WORDING[c.text]) c.text = WORDING[c.text] as string
        if (header && c.text.length >= 4 && c.text.length <= 8) c.text = `${c.text.slice(0, 2)}\n${c.text.slice(2)}`
        else if (!header && c.text.length > 14) {
          // Break after the first comma past the middle, else in the middle.
          const mid = Math.floor(c.text.length / 2)
          const comma = c.text.indexOf('，', mid)
          const at = comma > 0 && comma < c.text.length - 1 ? comma + 1 : mid
          c.text = `${c.text.slice(0, at)}\n${c.text.slice(at)}`
        }
      }
    })
  }
  return out
}

/**
 * An empty grid column between the row labels and the numbers of 表三 (a column left over from a 序号 or
 * 备注 the template did not need), empty in every row, header rows included.
 */
export function blankColumn(d: Doc): Doc {
  const out = cloneDoc(d)
  for (const t of tables(out)) {
    if (t.cls !== 't3') continue
    const grid = expand(t)
    // The first column that holds a number in some row: the empty column goes before it.
    const at = Math.min(...grid.map((r) => r.findIndex((s) => s.origin && /^\d+(?:\.\d+)?$/.test(s.cell.text))).filter((i) => i >= 0))
    t.rows.forEach((r, ri) => {
      const row = grid[ri] as ReturnType<typeof expand>[number]
      const originCol = (c: TCell): number => row.findIndex((x) => x.cell === c && x.origin)
      // A cell over the insertion point widens instead (none in the seeds' 表三, kept for safety).
      const across = r.find((c) => originCol(c) < at && originCol(c) + c.colspan > at)
      if (across) return void across.colspan++
      const above = row[at]
      if (above?.below && row.findIndex((x) => x.cell === above.cell) < at) return
      r.splice(r.filter((c) => originCol(c) < at).length, 0, { text: '', colspan: 1, rowspan: 1 })
    })
  }
  return out
}

/**
 * 表四 as three rows (行政复议, 未经复议直接起诉, 复议后起诉) of five columns (结果维持 … 总计): the
 * arrangement of the 2021 counts that some counties' Word templates use instead of one row of fifteen.
 */
export function t4Rows(d: Doc): Doc {
  const out = cloneDoc(d)
  for (const t of tables(out)) {
    if (t.cls !== 't4') continue
    const values = t.rows[t.rows.length - 1] as TCell[]
    if (values.length !== 15) throw new Error('t4Rows: 表四 is not one row of 15')
    const c = (text: string, colspan = 1, rowspan = 1): TCell => ({ text, colspan, rowspan })
    t.rows = [
      [c('类别', 2), c('结果维持'), c('结果纠正'), c('其他结果'), c('尚未审结'), c('总计')],
      [c('行政复议', 2), ...values.slice(0, 5)],
      [c('行政诉讼', 1, 2), c('未经复议直接起诉'), ...values.slice(5, 10)],
      [c('复议后起诉'), ...values.slice(10, 15)]
    ]
  }
  return out
}

/**
 * 表三 cut in two by a page break as Word leaves it when the table is split (or pasted page by page): the
 * second part a table of its own that repeats the three header rows; a merged label running over the cut keeps
 * its text in the first part, its continuation in the second an empty merged cell.
 */
export function splitT3(d: Doc): Doc {
  const out = cloneDoc(d)
  const at = out.blocks.findIndex((b) => b.kind === 'table' && b.cls === 't3')
  if (at < 0) return out
  const t = out.blocks[at] as Table
  const head = t.rows.findIndex((r) => r.some((c) => /^\d+(?:\.\d+)?$/.test(c.text)))
  // Cut inside (三)不予公开: a group label and the 本年度办理结果 label both run over the cut.
  const cut = head + 6
  const grid = expand(t)
  const originRow = new Map<TCell, number>()
  grid.forEach((r, ri) => r.forEach((s) => s.origin && originRow.set(s.cell, ri)))
  const first: TCell[][] = t.rows.slice(0, cut).map((r) => r.map((c) => ({ ...c, rowspan: Math.min(c.rowspan, cut - (originRow.get(c) as number)) })))
  const second: TCell[][] = t.rows.slice(cut).map((r, i) => {
    const ri = cut + i
    if (i > 0) return r.map((c) => ({ ...c }))
    // The cut row: continuations of merged cells from above become empty merged cells of their own.
    const cells: TCell[] = []
    const row = grid[ri] as ReturnType<typeof expand>[number]
    row.forEach((s, col) => {
      if (col > 0 && row[col - 1]?.cell === s.cell) return
      if (s.origin) cells.push({ ...s.cell })
      else cells.push({ text: '', colspan: s.cell.colspan, rowspan: (originRow.get(s.cell) as number) + s.cell.rowspan - ri })
    })
    return cells
  })
  const header = t.rows.slice(0, head).map((r) => r.map((c) => ({ ...c })))
  out.blocks.splice(at, 1, { ...t, rows: first }, { kind: 'p', cls: '', text: '' }, { ...t, rows: [...header, ...second] })
  return out
}
