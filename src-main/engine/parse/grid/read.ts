// The table reader: grid -> rows and columns -> identities -> cells. One code path for 表二 blocks,
// 表三 and 表四; everything table-specific comes from the TableSpec (template module).
import type { CellStatus, CellValue, LabelHit, ParseProblem, Span, TableResult } from '../../model.ts'
import type { Identity, TableSpec } from '../../template.ts'
import { MIN_CONF, readValue } from '../values.ts'
import { columnLabels } from './columnLabels.ts'
import { columnModel, placeByModel } from './columns.ts'
import { markUnread } from './unread.ts'
import type { Item, MappedRows, RowRead } from './rows.ts'
import { coupleAll, interleavedPairs } from './interleave.ts'
import { placements, resplit, rowLocal, solve, splitDigits, type Reading, type RowChoice } from './solve.ts'
import { applyOcrIdentities, doubtBlanksInUnsureRows, ocrConf, ocrReadings } from './ocrIdentities.ts'
import type { GridSource } from './types.ts'

export interface SpecRead {
  cells: CellValue[]
  labels: LabelHit[]
  shape: TableResult['shape']
  /** Cells the reader could not place (uncertain because of reading, not because of the source). */
  unplaced: { row: string; col: string; span?: Span }[]
}

const spanOfItem = (it: Item): Span => {
  const s: Span = { start: it.start, end: it.end }
  if (it.page !== undefined) s.page = it.page
  if (it.box) s.box = it.box
  return s
}

const MONEY_IN_COUNT = '件数栏内写的是金额（带“元”），该格可能跨占了相邻的金额栏，无法确定各格数值'

/** A row with an amount in a count column: its empty cells may be the rest of that cell's span, not blanks. */
function doubtRowOfMoney(cells: CellValue[]): CellValue[] {
  const money = cells.filter((c) => c.note === MONEY_IN_COUNT).map((c) => c.raw.trim())
  if (!money.length) return cells
  for (const c of cells) {
    // An empty field, or the same text again (a merged cell a converter filled), is that cell's span.
    if (c.note === MONEY_IN_COUNT || (c.status !== 'blank' && !money.includes(c.raw.trim()))) continue
    c.status = 'uncertain'
    c.value = null
    c.note = '同行件数栏内写的是金额，本格可能是该格跨占的部分，无法确定'
  }
  return cells
}

function cellFromItem(spec: TableSpec, row: string, ci: number, it: Item | undefined): CellValue {
  const col = spec.cols[ci] as (typeof spec.cols)[number]
  const base = { table: spec.table, row, col: col.id }
  if (!it || it.kind === 'empty') {
    const c: CellValue = { ...base, value: null, raw: '', status: 'blank', note: '原文该格为空' }
    if (it) c.span = spanOfItem(it)
    return c
  }
  const v = readValue(it.text)
  let status: CellStatus = 'ok'
  let value = v.value
  let note: string | undefined
  if (v.kind === 'blank' || v.kind === 'empty') status = 'blank'
  else if (v.kind === 'text') {
    status = 'invalid'
    note = '单元格内容不是数字'
  } else if (col.type !== 'decimal' && v.decimals) {
    status = 'invalid'
    note = '件数应为整数'
  }
  if (status === 'invalid' && it.conf !== undefined) {
    // on a scan a cell that does not fit its column is a misreading until shown otherwise: a parse problem
    status = 'uncertain'
    note = `识别结果“${it.text}”不是该栏应有的数字形式（${note ?? ''}），请对照原件核对`
  }
  if (v.unit && status === 'ok') note = `单元格内写有单位“${v.unit}”`
  if (status === 'ok' && (v.unit === '元' || v.unit === '万元') && col.type !== 'decimal') {
    // An amount in a column of counts ('政府集中采购 | 328291965元' over 采购项目数量 and 采购总金额): the cell
    // stands over more than its column, or the row's digits ran together; which column it is cannot be told.
    status = 'uncertain'
    note = MONEY_IN_COUNT
  }
  if (status === 'ok' && col.type !== 'signed_int' && value !== null && value < 0) {
    status = 'invalid'
    note = '数值不能为负'
  }
  if (status === 'ok' && it.conf !== undefined && it.conf < MIN_CONF) {
    status = 'uncertain'
    note = `识别置信度低（${Math.round(it.conf)}）`
  }
  if (status === 'blank') value = null
  const c: CellValue = { ...base, value, raw: it.text, status, span: spanOfItem(it) }
  if (note) c.note = note
  if (it.conf !== undefined) ocrConf.set(c, it.conf)
  if (it.conf !== undefined && (it.alts || it.nglyph !== undefined)) ocrReadings.set(c, { alts: it.alts ?? [], ...(it.nglyph !== undefined ? { nglyph: it.nglyph } : {}) })
  return c
}

/**
 * A text extraction that sets two table rows on one line interleaves their digits char by char (pdftotext
 * -layout: '6 0 0 0 0 0 6' and '7 1 0 0 0 0 8' become '67 01 00 00 00 00 68'). A count cut from a line of
 * text never starts with 0 unless it is 0: such a number, in a row that shows all its cells (a row of glued
 * digits, fewer than its cells, is split apart elsewhere), is the sign.
 */
function interleaved(row: RowRead, n: number): boolean {
  const vals = row.items.filter((i) => i.kind === 'num')
  return vals.length >= n && vals.some((v) => v.glued && /^0[0-9]/.test(v.text.trim()))
}

function accepts(ids: Identity[], cols: string[], reading: (number | null)[], blankAsZero = false): boolean {
  const v = (c: string): number | null => {
    const x = reading[cols.indexOf(c)] ?? null
    return x === null && blankAsZero ? 0 : x
  }
  for (const id of ids) {
    const l = id.lhs.map((x) => v(x.col))
    const r = id.rhs.map((x) => v(x.col))
    if ([...l, ...r].some((x) => x === null)) continue
    if ((l as number[]).reduce((a, b) => a + b, 0) !== (r as number[]).reduce((a, b) => a + b, 0)) return false
  }
  return true
}

function ownFields(row: RowRead, values: Item[]): Item[] | null {
  const f = row.fields
  if (!f || !values.length) return null
  // Every value of the row stands on the label's line.
  if (!values.every((v) => f.some((x) => x.start === v.start))) return null
  return f
}

interface Pending {
  row: RowRead
  choice: RowChoice
  items: Item[]
  why: string
  /** '拆分' for glued digits, '对应方式' for placements, '读法' otherwise. */
  noun: string
}

/** docEnd: offset where the document's last token ends (a label there is where a cut copy stops). */
export function readSpec(mapped: MappedRows, spec: TableSpec, source: GridSource, docEnd = Infinity): SpecRead {
  const out: SpecRead = { cells: [], labels: [], shape: [], unplaced: [] }
  const n = spec.cols.length
  const colIds = spec.cols.map((c) => c.id)
  const model = columnModel(mapped.rows, mapped.header, spec)
  out.labels.push(...columnLabels(mapped, spec))
  const pending: Pending[] = []
  const fixed: RowChoice[] = []
  const placed = new Map<string, CellValue[]>()
  // Rows read blank only because no number follows their label, and rows holding more numbers than
  // columns: together they say numbers were torn from their labels (a PDF converted to text that moves
  // wrapped labels away from their values), so the label-only rows are not evidence of empty cells.
  const labelOnly: RowRead[] = []
  let overfull = false

  const mixed = mapped.rows.map((r) => interleaved(r, n))
  const pairs = interleavedPairs(mapped.rows, mixed, spec)
  for (const [ri, row] of mapped.rows.entries()) {
    const tplRow = spec.rows[ri] as TableSpec['rows'][number]
    if (row.label) {
      out.labels.push({ table: spec.table, kind: 'row', id: row.id, expected: tplRow.label ?? '', raw: row.label.raw, match: row.label.match, span: row.label.span })
    } else if (tplRow.label) {
      placed.set(row.id, colIds.map((c) => ({ table: spec.table, row: row.id, col: c, value: null, raw: '', status: 'missing', note: `未找到行“${tplRow.label}”` })))
      continue
    }
    const values = row.items.filter((i) => i.kind !== 'empty')
    const pair = pairs.find((p) => p.mixed === ri || p.partner === ri)
    if (pair) {
      // Both rows are read together, from the mixed row's line (see interleave.ts).
      if (pair.mixed === ri) {
        const why = `本行与相邻行的数字交错在一起（${pair.fields.join(' ')}）`
        pending.push({ row: mapped.rows[pair.partner] as RowRead, items: values, choice: pair.choices[0], why, noun: '拆分' })
        pending.push({ row, items: values, choice: pair.choices[1], why, noun: '拆分' })
      }
      continue
    }
    if (mixed[ri] || (values.length === 0 && (mixed[ri - 1] || mixed[ri + 1]))) {
      // Digits of two rows interleaved by the text extraction: neither row can be read, and a row that shows
      // no number next to them may have lost its numbers into them.
      const note = mixed[ri] ? `本行数字（${values.map((v) => v.text).join(' ')}）疑似与相邻行的数字交错在一起，无法读出各格数值` : '本行行名后没有数字，相邻行的数字疑似与本行交错在一起，无法确定本行数值'
      placed.set(row.id, colIds.map((c) => ({ table: spec.table, row: row.id, col: c, value: null, raw: '', status: 'uncertain' as const, note })))
      for (const c of colIds) out.unplaced.push({ row: row.id, col: c, span: values[0] ? spanOfItem(values[0]) : row.label?.span })
      continue
    }
    const onGrid = placeByModel(row.items, model, n)
    if (onGrid) {
      const cells = doubtRowOfMoney(onGrid.cells.map((it, i) => cellFromItem(spec, row.id, i, it)))
      // Columns the source does not show at all (a shorter tab row) are not blank: nothing says so.
      if (model.kind === 'col') {
        cells.forEach((c, i) => {
          if (!onGrid.cells[i]) {
            c.status = 'uncertain'
            c.note = '原文本行没有这一格'
            out.unplaced.push({ row: row.id, col: c.col })
          }
        })
      } else if (row.unread?.length) markUnread(cells, onGrid.cells, row.unread, model, out, row.id)
      if (onGrid.extra.length) {
        // One value written again in every extra field ('行政许可 | 447228 | 447228 | 447228'): a merged value
        // cell filled by the converter reads the same as a wider table, so it is not held against the source.
        const refilled = n === 1 && onGrid.extra.every((x) => x.text.trim() === onGrid.cells[0]?.text.trim())
        out.shape.push({ row: row.id, expected: n, got: n + onGrid.extra.length, span: spanOfItem(onGrid.extra[0] as Item), source: refilled ? 'reading' : 'source' })
      }
      placed.set(row.id, cells)
      fixed.push({ row: row.id, readings: [cells.map((c) => (c.status === 'ok' ? c.value : null))] })
      continue
    }
    // A row whose own line shows exactly n fields after its label (the last n of a pipe row, where a
    // merged label leaves empty fields before them): an empty field is a blank cell the source shows.
    const own = ownFields(row, values)
    if (own && values.length < n) {
      const cells = doubtRowOfMoney(own.map((it, i) => cellFromItem(spec, row.id, i, it)))
      placed.set(row.id, cells)
      fixed.push({ row: row.id, readings: [cells.map((c) => (c.status === 'ok' ? c.value : null))] })
      continue
    }
    if (values.length === n) {
      const cells = doubtRowOfMoney(values.map((it, i) => cellFromItem(spec, row.id, i, it)))
      placed.set(row.id, cells)
      fixed.push({ row: row.id, readings: [cells.map((c) => (c.status === 'ok' ? c.value : null))] })
      continue
    }
    if (values.length === 0 && row.noise.some((t) => /[0-9０-９]/.test(t))) {
      // Digits are there but tied to text the reader could not read as a cell: not evidence of a blank.
      placed.set(row.id, colIds.map((c) => ({ table: spec.table, row: row.id, col: c, value: null, raw: '', status: 'uncertain' as const, note: '本行的数字与文字连在一起，无法读出各格数值' })))
      for (const c of colIds) out.unplaced.push({ row: row.id, col: c, span: row.label?.span })
      continue
    }
    if (values.length === 0 && row.label && row.label.span.end >= docEnd) {
      // The text stops at this label (a copy cut short): nothing after it shows the cells empty.
      placed.set(row.id, colIds.map((c) => ({ table: spec.table, row: row.id, col: c, value: null, raw: '', status: 'uncertain' as const, note: '原文在本行行名处中断，看不到本行数值' })))
      for (const c of colIds) out.unplaced.push({ row: row.id, col: c, span: row.label.span })
      continue
    }
    if (values.length === 0) {
      // The source shows the label and no number after it (empty cells, or the next label at once).
      placed.set(row.id, colIds.map((c) => ({ table: spec.table, row: row.id, col: c, value: null, raw: '', status: 'blank' as const, note: '本行没有填写数值' })))
      if (!row.items.length) labelOnly.push(row)
      continue
    }
    const local = rowLocal(spec.identities, row.id)
    // A minus sign glued between two numbers ('行政许可1-10': 1, -1, 0) starts the next number.
    const plain = values.every((v) => v.kind === 'num' && /^-?\d+$/.test(v.text.trim()))
    const digits = values.reduce((a, v) => a + v.text.trim().replace(/^-/, '').length, 0)
    if (plain && values.length < n && digits >= n) {
      // An identity can be checked as soon as the parts it names are all cut.
      const last = local.map((id) => Math.max(...[...id.lhs, ...id.rhs].map((x) => colIds.indexOf(x.col))))
      const partial = (p: number[]): boolean => local.every((id, i) => (last[i] as number) >= p.length || accepts([id], colIds, p))
      // A count is never negative: only a signed column (本年增/减) may take the number after a minus.
      const signsFit = (p: number[]): boolean => p.every((x, i) => x >= 0 || spec.cols[i]?.type === 'signed_int')
      const res = splitDigits(values.map((v) => v.text.trim()), n, (p) => signsFit(p) && accepts(local, colIds, p), 50, 200000, partial)
      const pieces = values.map((v) => v.text.trim())
      pending.push({ row, items: values, choice: { row: row.id, readings: res.found, overflow: res.overflow, pieces }, why: `数字连在一起（${values.map((v) => v.text.trim()).join(' ')}）`, noun: '拆分' })
      continue
    }
    if (plain && values.length < n) {
      const nums = values.map((v) => Number(v.text.trim()))
      const all = placements(nums, n)
      const rs = (all ?? []).filter((p) => accepts(local, colIds, p, true))
      pending.push({ row, items: values, choice: { row: row.id, readings: rs, blankAsZero: true, overflow: all === null }, why: `本行读到 ${values.length} 个数（应为 ${n} 个）`, noun: '对应方式' })
      if (source !== 'stream' || values.some((v) => v.glued)) continue
      out.shape.push({ row: row.id, expected: n, got: values.length, span: spanOfItem(values[0] as Item), source: 'reading' })
      continue
    }
    if (n === 1 && values.length > 1 && values.every((v) => v.kind === 'num' && !v.glued && v.text.trim() === (values[0] as Item).text.trim())) {
      // One value written again in every field of a merged range the converter filled ('行政处罚 | 4119 | 4119 |
      // 4119'): whichever copy is the cell, it reads the same; the extra fields are no fact about the source.
      const cells = [cellFromItem(spec, row.id, 0, values[0])]
      placed.set(row.id, cells)
      fixed.push({ row: row.id, readings: [cells.map((c) => (c.status === 'ok' ? c.value : null))] })
      out.shape.push({ row: row.id, expected: n, got: values.length, span: spanOfItem(values[1] as Item), source: 'reading' })
      continue
    }
    // More values than columns, or marks that cannot be split: the reader cannot say which is which.
    if (values.length > n) overfull = true
    pending.push({ row, items: values, choice: { row: row.id, readings: [] }, why: `本行读到 ${values.length} 个数（应为 ${n} 个）`, noun: '读法' })
    out.shape.push({ row: row.id, expected: n, got: values.length, span: spanOfItem(values[0] as Item), source: 'reading' })
  }

  // A group written as one row of zeros ((六)其他处理 without its sub-rows): its missing sub-rows, parts
  // of a 0 total that cannot be negative, are 0 (inferred). Any other total leaves them missing.
  for (const g of mapped.groupRows) {
    const parent = spec.parents.find((p) => p.label === g.label)
    const vals = g.items.filter((i) => i.kind !== 'empty')
    // n zeros, written apart or glued ('0000000': a run of n zeros has only that split).
    const zeros = vals.every((v) => v.kind === 'num' && /^0+$/.test(v.text.trim())) && vals.reduce((a, v) => a + v.text.trim().length, 0) === n
    if (!parent || !zeros) continue
    const span: Span = { ...spanOfItem(vals[0] as Item), end: (vals[vals.length - 1] as Item).end }
    for (const child of parent.children) {
      const cs = placed.get(child)
      if (!cs || !cs.every((c) => c.status === 'missing')) continue
      placed.set(child, cs.map((c) => ({ ...c, value: 0, raw: '', status: 'inferred' as const, span, note: `原文未列出本行，“${g.label}”整行为 0，其下各行不能为负，推断为 0` })))
      // Known before the identities are solved: they take part in the column sums of the other rows.
      fixed.push({ row: child, readings: [cs.map(() => 0)] })
    }
  }
  const all = [...fixed, ...pending.map((p) => p.choice)]
  solve(all, colIds, spec.identities)
  resplit(all, colIds, spec.identities)
  coupleAll(pairs, all, colIds, spec.identities)
  for (const p of pending) {
    const rs = p.choice.readings as Reading[]
    const span: Span = { ...spanOfItem(p.items[0] as Item), end: (p.items[p.items.length - 1] as Item).end }
    const raw = p.items.map((i) => i.text).join(' ')
    placed.set(p.row.id, colIds.map((c, i) => {
      const vals = [...new Set(rs.map((r) => r[i] ?? null))]
      const cell: CellValue = { table: spec.table, row: p.row.id, col: c, value: null, raw, status: 'uncertain', span }
      if (rs.length === 1 || (rs.length > 1 && vals.length === 1 && !p.choice.overflow)) {
        const v = vals[0] ?? null
        if (v === null) {
          cell.note = `${p.why}，按模板勾稽关系推断本格为空，请核对`
          out.unplaced.push({ row: p.row.id, col: c, span })
        } else {
          cell.value = v
          cell.status = 'inferred'
          cell.note = p.choice.broken
            ? `${p.why}，没有满足全部勾稽关系的拆分；${brokenNote(spec, p.choice.broken, c)}`
            : rs.length === 1 ? `${p.why}，按模板勾稽关系唯一${p.noun}` : `${p.why}，满足勾稽关系的各种${p.noun}在本格一致`
        }
        return cell
      }
      cell.note = rs.length === 0
        ? p.choice.overflow ? `${p.why}，可能的${p.noun}过多，无法确定` : `${p.why}，没有满足模板勾稽关系的${p.noun}，无法确定`
        : spec.identities.some((id) => [...id.lhs, ...id.rhs].some((x) => x.row === p.row.id))
          ? `${p.why}，有 ${rs.length} 种${p.noun}都满足勾稽关系，无法确定`
          : `${p.why}，有 ${rs.length} 种${p.noun}，原文无法区分`
      const nums = vals.filter((v): v is number => v !== null)
      if (rs.length > 1 && nums.length >= 2 && nums.length <= 3 && nums.length === vals.length) cell.choices = nums.sort((a, b) => a - b)
      out.unplaced.push({ row: p.row.id, col: c, span })
      return cell
    }))
  }
  if (overfull) {
    for (const row of labelOnly) {
      placed.set(row.id, colIds.map((c) => ({ table: spec.table, row: row.id, col: c, value: null, raw: '', status: 'uncertain' as const, note: '本行行名后没有数值，而本表另有行读到的数多于格数：数值可能与行名错开了，无法确定本行各格' })))
      for (const c of colIds) out.unplaced.push({ row: row.id, col: c, span: row.label?.span })
    }
  }
  applyOcrIdentities(spec.identities, placed, colIds, out.unplaced)
  doubtBlanksInUnsureRows(placed, out.unplaced)
  for (const r of spec.rows) out.cells.push(...(placed.get(r.id) ?? []))
  return out
}

/** Why a glued row that breaks its own arithmetic was still split with certainty (see `resplit`). */
function brokenNote(spec: TableSpec, broken: string[], col: string): string {
  const names = broken.map((b) => `“${spec.cols.find((x) => x.id === b)?.label ?? b}”`).join('或')
  const self = broken.includes(col) ? '本格与其他格之和不符，' : ''
  return `若本行仅${names}一格有误，则只有一种拆分与其他各行的勾稽关系一致，已按此拆分；${self}请核对原文`
}

/** The reader's own failures in one table, for the reviewer: never a finding against the township. */
export function tableProblem(table: TableResult, unplaced: SpecRead['unplaced'], tableName: string, allLabels: boolean): ParseProblem | null {
  if (!unplaced.length) return null
  const spans: Span[] = []
  for (const u of unplaced) if (u.span && !spans.some((s) => s.start === u.span?.start)) spans.push(u.span)
  const whole = unplaced.length >= table.cells.filter((c) => c.status !== 'missing').length
  return {
    code: whole ? 'table-unplaced' : 'cells-unplaced',
    message: whole && allLabels
      ? `解析存疑：${tableName}的行标签都在原文中，但数值无法对应到格子`
      : `解析存疑：${tableName}有 ${unplaced.length} 个格子的数值无法确定对应位置，已标为“存疑”，请对照原文核对`,
    table: table.id,
    cells: unplaced.map((u) => ({ table: table.id, row: u.row, col: u.col })),
    spans: spans.slice(0, 20)
  }
}
