// Chinese wording shared by the exports: severities, decisions, dates, and where a finding is
// (section, or table row and column by their template labels) with the values it quotes.
import { STATUS_NAME } from '../checks/lib/tables.ts'
import type { Evidence } from '../checks/types.ts'
import type { TableId } from '../model.ts'
import { blockKey, t2Blocks, t3Columns, template, type FormatKey } from '../template.ts'
import { t3RowLabel, t4ColLabel, TABLE_NAME } from '../templateLabels.ts'
import type { ExportFinding, ExportReport } from './data.ts'

export const SEVERITY_NAME: Record<string, string> = { error: '错误', warning: '警告', info: '提示', parse: '解析存疑' }
export const OUTCOME_NAME: Record<string, string> = { FAIL: '不符合', UNVERIFIABLE: '无法核实' }
export const DECISION_NAME = (d: string | null): string => (d === 'confirmed' ? '已确认' : d === 'dismissed' ? '已排除' : '待定')
export { STATUS_NAME }
export { t3RowLabel, t4ColLabel, TABLE_NAME } from '../templateLabels.ts'

/** 'YYYY-MM-DD' (or a Date) as 2024年2月5日. */
export function chineseDate(d: string | Date): string {
  if (typeof d === 'string') {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(d)
    if (m) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
    return d
  }
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

/** The reply deadline: the batch setting, else 15 days after `today`. */
export function replyDeadline(setting: string | undefined, today: Date = new Date()): string {
  if (setting && /^\d{4}-\d{1,2}-\d{1,2}/.test(setting)) return chineseDate(setting)
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 15)
  return chineseDate(d)
}

/** A value as the report gave it: the number, or what stood in the cell. */
export function showCell(c: { value: number | null; raw: string; status: string; settled?: { read: { value: number | null } } } | undefined): string {
  if (!c) return '未找到'
  if (c.settled) return `${c.value ?? '空白'}（人工核定${c.settled.read.value !== c.value ? `，解析读数为${c.settled.read.value ?? '无法确定'}` : ''}）`
  if (c.value !== null && (c.status === 'ok' || c.status === 'inferred')) return String(c.value)
  const raw = c.raw.trim()
  const name = STATUS_NAME[c.status] ?? c.status
  return raw ? `${name}（填写为“${raw}”）` : name
}

export function t3ColLabel(format: FormatKey, col: string): string {
  return t3Columns(format).find((c) => c.id === col)?.label ?? col
}

/** 'A20_1.rules' → 第二十条第（一）项“规章”, with the column label. */
export function t2Labels(format: FormatKey, row: string, col: string): { block: string; row: string; col: string } {
  const [bk, rid] = row.split('.')
  const b = t2Blocks(format).find((x) => blockKey(x) === bk)
  return {
    block: b?.title ?? bk ?? row,
    row: b?.rows.find((r) => r.id === rid)?.label ?? rid ?? row,
    col: b?.columns.find((c) => c.id === col)?.label ?? col
  }
}

/** Full Chinese name of a cell: 表三“四、结转下年度继续办理”行“自然人”列. */
export function cellName(format: FormatKey, t: string, row: string, col: string): string {
  const tn = TABLE_NAME[t as TableId] ?? t
  if (t === 'T3') return `${tn}“${t3RowLabel(format, row)}”行“${t3ColLabel(format, col)}”列`
  if (t === 'T4') return `${tn}“${t4ColLabel(format, col)}”`
  const l = t2Labels(format, row, col)
  return `${tn}${l.block}“${l.row}”行“${l.col}”列`
}

function sectionTitle(format: FormatKey, id: string): string {
  return template(format).sections.find((s) => s.id === id)?.title ?? id
}

/** Name of the place in the text at an offset: the section, or 标题 / 落款. */
export function placeOfOffset(r: ExportReport, at: number): string {
  if (r.titleSpan && at >= r.titleSpan.start && at < r.titleSpan.end) return '标题'
  if (r.signSpan && at >= r.signSpan.start && at < r.signSpan.end) return '落款'
  const found = r.sections.filter((s) => s.found && s.start !== null).sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
  const first = found[0]
  if (first && at < (first.start ?? 0)) return '标题及前言'
  let hit: string | undefined
  for (const s of found) if (at >= (s.start ?? 0)) hit = s.id
  const last = found[found.length - 1]
  if (last && last.bodyEnd !== null && at >= last.bodyEnd && r.signSpan && at >= r.signSpan.start) return '落款'
  return hit ? sectionTitle(r.format, hit) : '正文'
}

function squeeze(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length > max ? `${t.slice(0, max)}……` : t
}

export interface Located {
  /** Short place: section title, or table/row/column labels. */
  where: string
  /** What the report says there: quoted text or cell values, one line each. */
  quotes: string[]
  /** Cells quoted, for a table in the feedback letter. */
  cells: { name: string; value: string }[]
}

/** Where a finding is and what the report says there, from its evidence (or its key's location). */
export function locate(r: ExportReport, f: Pick<ExportFinding, 'evidence' | 'key'>): Located {
  const fmt = r.format
  const places: string[] = []
  const quotes: string[] = []
  const cells: Located['cells'] = []
  const add = (p: string): void => {
    if (p && !places.includes(p)) places.push(p)
  }
  const cellEv = f.evidence.filter((e): e is Extract<Evidence, { kind: 'cell' }> => e.kind === 'cell')
  if (cellEv.length) {
    for (const c of cellEv) cells.push({ name: cellName(fmt, c.table, c.row, c.col), value: showCell(c) })
    const tables = [...new Set(cellEv.map((c) => c.table))]
    if (cellEv.length === 1) add(cells[0]?.name ?? '')
    else if (tables.length === 1 && tables[0] === 'T3' && new Set(cellEv.map((c) => c.col)).size === 1) {
      add(`表三“${t3ColLabel(fmt, cellEv[0]?.col ?? '')}”列`)
    } else if (tables.length === 1 && tables[0] === 'T3' && new Set(cellEv.map((c) => c.row)).size === 1) {
      add(`${TABLE_NAME.T3}“${t3RowLabel(fmt, cellEv[0]?.row ?? '')}”行`)
    } else if (tables.length === 1 && tables[0] === 'T4') {
      add(TABLE_NAME.T4)
    } else if (cellEv.length <= 3) {
      for (const c of cells) add(c.name)
    } else {
      for (const t of tables) add(`${TABLE_NAME[t] ?? t}（${cellEv.filter((c) => c.table === t).length} 个单元格）`)
    }
  }
  for (const e of f.evidence) {
    if (e.kind === 'text') {
      add(placeOfOffset(r, e.start))
      const q = squeeze(e.text)
      if (q) quotes.push(`“${q}”${e.note ? `（${e.note}）` : ''}`)
    } else if (e.kind === 'report') {
      const who = `${e.township ?? ''}${e.year ? `${e.year}年` : ''}报告${e.file ? `（${e.file}）` : ''}`
      add(who)
      if (e.text) quotes.push(`${who}：“${squeeze(e.text)}”`)
      if (e.note) quotes.push(e.note)
    } else if (e.kind === 'note') {
      if (e.text) quotes.push(e.text)
    }
  }
  if (!places.length) {
    const loc = (f.key.split('@')[1] ?? '').replace(/#\d+$/, '')
    const sec = /^S([1-6])\b/.exec(loc)
    const tbl = /^T([234])\b/.exec(loc)
    if (sec) add(sectionTitle(fmt, `S${sec[1]}`))
    else if (tbl) add(TABLE_NAME[`T${tbl[1]}` as TableId] ?? loc)
    else add('全文')
  }
  return { where: places.join('；'), quotes, cells }
}

/** 本年新收（1）＋上年结转（0）≠ 办理结果总计（1）＋结转下年度（空白）. */
export function sidesText(sides: ExportFinding['sides'], outcome: string): string | null {
  if (!sides || !sides.left.length || !sides.right.length) return null
  const part = (xs: { label: string; value: number | null }[]): string => xs.map((x) => `${x.label}（${x.value ?? '空白'}）`).join('＋')
  const sum = (xs: { value: number | null }[]): number | null => (xs.every((x) => x.value !== null) ? xs.reduce((a, x) => a + (x.value ?? 0), 0) : null)
  const l = sum(sides.left)
  const r = sum(sides.right)
  const rel = l !== null && r !== null ? (l === r ? '＝' : '≠') : outcome === 'FAIL' ? '≠' : '与'
  const tail = l === null || r === null ? '，含空白或无法确定的数据，无法核对' : ''
  return `${part(sides.left)} ${rel} ${part(sides.right)}${tail}`
}
