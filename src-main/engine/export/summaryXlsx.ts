// The county's compliance summary workbook: 汇总 (one row per report, plus roster townships that sent
// nothing), 发现明细 (every open finding with the reviewer's decision) and 表格数据 (every extracted
// table value, headed by the template's own labels).
// Over 400 lines: each sheet's column list is data kept next to the code that fills its rows.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import ExcelJS from 'exceljs'
import type { Db } from '../db/open.ts'
import { ruleById } from '../checks/registry.ts'
import { blockKey, t2Blocks, t3Columns, table, t4Columns, type FormatKey, type TableId } from '../template.ts'
import { cellKey, loadExportBatch, type ExportCell, type ExportReport } from './data.ts'
import { DECISION_NAME, locate, OUTCOME_NAME, SEVERITY_NAME, STATUS_NAME, t3RowLabel, t4ColLabel } from './labels.ts'

type Cell = ExcelJS.Cell
type Sheet = ExcelJS.Worksheet

export const SHEETS = { summary: '汇总', findings: '发现明细', data: '表格数据' } as const

/** Fill colours (ARGB) used for severities, decisions and statuses. */
export const COLORS = {
  header: 'FFD9E1F2',
  error: 'FFFFC7CE',
  errorFont: 'FF9C0006',
  warning: 'FFFFEB9C',
  warningFont: 'FF9C5700',
  info: 'FFDDEBF7',
  infoFont: 'FF1F4E78',
  passed: 'FFC6EFCE',
  passedFont: 'FF006100',
  confirmed: 'FFFCE4D6',
  dismissedFont: 'FF808080',
  missing: 'FFE7E6E6',
  notApplicable: 'FFEDEDED',
  uncertain: 'FFFFF2CC',
  settled: 'FFD9D2E9',
  T2: 'FFE2EFDA',
  T3: 'FFDDEBF7',
  T4: 'FFFCE4D6'
} as const

const SEVERITY_STYLE: Record<string, { fill: string; font: string }> = {
  error: { fill: COLORS.error, font: COLORS.errorFont },
  warning: { fill: COLORS.warning, font: COLORS.warningFont },
  info: { fill: COLORS.info, font: COLORS.infoFont }
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } }
}

function fill(c: Cell, argb: string): void {
  c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } }
}

/** Display width of a string in Excel column units (CJK characters count double). */
function textWidth(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? 2.1 : 1.1
  return w
}

function styleHeader(row: ExcelJS.Row, from = 1, to = row.cellCount): void {
  row.font = { bold: true }
  for (let i = from; i <= to; i++) {
    const c = row.getCell(i)
    c.font = { bold: true }
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
    c.border = THIN
    if (!c.fill || (c.fill as ExcelJS.FillPattern).pattern !== 'solid') fill(c, COLORS.header)
  }
}

/** A4 landscape; narrow sheets fit the page width, the wide 表格数据 sheet prints across pages with its name columns repeated. */
function pageSetup(ws: Sheet, title: string, titleRows: string, titleCols?: string): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    ...(titleCols ? { fitToPage: false, scale: 85 } : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
    printTitlesRow: titleRows,
    ...(titleCols ? { printTitlesColumn: titleCols } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
  }
  // Size before font: a title starting with a digit would otherwise be read as part of the size.
  ws.headerFooter = { oddHeader: `&C&12&"宋体,Bold"${title}`, oddFooter: '&C第 &P 页，共 &N 页' }
}

/** Widen columns to their longest header or value (within limits), keeping the given minimum. */
function fitColumns(ws: Sheet, from: number, to: number, max: number): void {
  for (let j = from; j <= to; j++) {
    const col = ws.getColumn(j)
    let w = col.width ?? 8
    col.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value instanceof Date ? '2000-01-01' : String(cell.text ?? '')
      for (const line of v.split('\n')) w = Math.max(w, Math.min(max, textWidth(line) + 2))
    })
    col.width = w
  }
}

/** Certain numbers are written as numbers; blank stays blank; doubtful readings are marked. */
function putValue(c: Cell, v: ExportCell | undefined): void {
  if (!v) return
  if (v.settled) {
    // the reviewer's value, marked as such, with what had been read
    if (v.value !== null) c.value = v.value
    const read = v.settled.read
    c.note = `人工核定：${v.settled.by} ${localTime(v.settled.at)}；解析读数：${read.value ?? (STATUS_NAME[read.status] ?? read.status)}${read.raw.trim() ? `（报告中填写为“${read.raw.trim()}”）` : ''}`
    fill(c, COLORS.settled)
    return
  }
  const certain = v.status === 'ok' || v.status === 'inferred'
  if (v.value !== null) c.value = v.value
  if (!certain || v.status === 'inferred') {
    if (v.value !== null || v.raw.trim()) {
      c.note = `${STATUS_NAME[v.status] ?? v.status}${v.raw.trim() ? `；报告中填写为“${v.raw.trim()}”` : ''}`
    }
    if (v.value !== null) fill(c, COLORS.uncertain)
  }
}

const certainValue = (v: ExportCell | undefined): number | null =>
  v && v.value !== null && (v.status === 'ok' || v.status === 'inferred') ? v.value : null

function localTime(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

function townshipName(r: ExportReport): string {
  return r.township ?? `（未识别）${r.file ?? ''}`
}

function formatName(raw: string | null): string {
  if (raw === '2021' || raw === '2019') return raw
  if (raw === 'mixed') return '混合'
  if (raw === 'unknown') return '未识别'
  return ''
}

function remarks(r: ExportReport, batchYear: number | undefined): string {
  const out: string[] = []
  if (!r.parsed) out.push(r.status === 'needs-ocr' ? '扫描件，需 OCR 后才能审核' : `未能解析${r.statusMessage ? `：${r.statusMessage}` : ''}`)
  if (r.versions > 1) out.push(`已报送 ${r.versions} 个版本，当前为第 ${r.seq ?? r.versions} 版`)
  if (batchYear !== undefined && r.year !== null && r.year !== batchYear) out.push(`非本批年度（${batchYear}年）`)
  return out.join('；')
}

// ---------------------------------------------------------------- 汇总

const SUMMARY_COLUMNS: { header: string; width: number }[] = [
  { header: '乡镇', width: 10 },
  { header: '年度', width: 7 },
  { header: '格式', width: 7 },
  { header: '审核状态', width: 10 },
  { header: '已确认错误数', width: 8 },
  { header: '已确认警告数', width: 8 },
  { header: '待确认发现数', width: 8 },
  { header: '本年新收', width: 8 },
  { header: '上年结转', width: 8 },
  { header: '办理结果总计', width: 8 },
  { header: '结转下年度', width: 8 },
  { header: '行政复议总计', width: 8 },
  { header: '行政诉讼总计', width: 8 },
  { header: '落款日期', width: 12 },
  { header: '文件', width: 20 },
  { header: '备注', width: 20 }
]

function summarySheet(wb: ExcelJS.Workbook, reports: ExportReport[], missing: string[], year: number | undefined, title: string): Sheet {
  const ws = wb.addWorksheet(SHEETS.summary, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] })
  ws.columns = SUMMARY_COLUMNS.map((c) => ({ header: c.header, width: c.width }))
  const head = ws.getRow(1)
  head.height = 24
  styleHeader(head, 1, SUMMARY_COLUMNS.length)
  for (const r of reports) {
    const confirmed = r.findings.filter((f) => f.decision === 'confirmed')
    const c = (t: string, row: string, col: string): ExportCell | undefined => r.cells.get(cellKey(t, row, col))
    const direct = certainValue(c('T4', 'counts', 'lit_direct_total'))
    const after = certainValue(c('T4', 'counts', 'lit_after_review_total'))
    const row = ws.addRow([
      townshipName(r),
      r.year,
      formatName(r.formatRaw),
      r.reviewStatus,
      confirmed.filter((f) => f.severity === 'error').length,
      confirmed.filter((f) => f.severity === 'warning').length,
      r.findings.filter((f) => f.decision === null).length,
      null,
      null,
      null,
      null,
      null,
      direct !== null && after !== null ? direct + after : null,
      r.signDate ? new Date(`${r.signDate}T00:00:00Z`) : null,
      r.file ?? '',
      remarks(r, year)
    ])
    putValue(row.getCell(8), c('T3', 'new_received', 'total'))
    putValue(row.getCell(9), c('T3', 'carried_over', 'total'))
    putValue(row.getCell(10), c('T3', 'r7_total', 'total'))
    putValue(row.getCell(11), c('T3', 'carried_forward', 'total'))
    putValue(row.getCell(12), c('T4', 'counts', 'review_total'))
    if (r.signDate) row.getCell(14).numFmt = 'yyyy-mm-dd'
    const status = row.getCell(4)
    if (r.reviewStatus === '已通过') {
      fill(status, COLORS.passed)
      status.font = { color: { argb: COLORS.passedFont } }
    } else if (r.reviewStatus === '需整改') {
      fill(status, COLORS.error)
      status.font = { bold: true, color: { argb: COLORS.errorFont } }
    }
    if ((row.getCell(5).value as number) > 0) row.getCell(5).font = { bold: true, color: { argb: COLORS.errorFont } }
    if ((row.getCell(6).value as number) > 0) row.getCell(6).font = { bold: true, color: { argb: COLORS.warningFont } }
  }
  for (const name of missing) {
    const row = ws.addRow([name, year ?? null, '', '未报送'])
    for (let i = 1; i <= SUMMARY_COLUMNS.length; i++) fill(row.getCell(i), COLORS.missing)
    row.getCell(4).font = { bold: true, color: { argb: COLORS.errorFont } }
    row.getCell(16).value = '名单中的乡镇未报送年度报告'
  }
  fitColumns(ws, 1, SUMMARY_COLUMNS.length, 50)
  const last = ws.rowCount
  for (let i = 2; i <= last; i++) {
    const row = ws.getRow(i)
    row.height = 20
    for (let j = 1; j <= SUMMARY_COLUMNS.length; j++) {
      const cell = row.getCell(j)
      cell.border = THIN
      cell.alignment = { vertical: 'middle', horizontal: j >= 2 && j <= 14 ? 'center' : 'left' }
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SUMMARY_COLUMNS.length } }
  pageSetup(ws, title, '1:1')
  return ws
}

// ---------------------------------------------------------------- 发现明细

const FINDING_COLUMNS: { header: string; width: number; wrap?: boolean }[] = [
  { header: '乡镇', width: 12 },
  { header: '年度', width: 7 },
  { header: '规则编号', width: 18 },
  { header: '规则名称', width: 28, wrap: true },
  { header: '严重程度', width: 9 },
  { header: '结果', width: 9 },
  { header: '说明', width: 60, wrap: true },
  { header: '位置', width: 30, wrap: true },
  { header: '审核决定', width: 9 },
  { header: '审核意见', width: 30, wrap: true },
  { header: '来源', width: 9 },
  { header: '审核人', width: 9 },
  { header: '审核时间', width: 16 }
]

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 }

function findingsSheet(wb: ExcelJS.Workbook, reports: ExportReport[], title: string): Sheet {
  const ws = wb.addWorksheet(SHEETS.findings, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] })
  ws.columns = FINDING_COLUMNS.map((c) => ({ header: c.header, width: c.width }))
  const head = ws.getRow(1)
  head.height = 22
  styleHeader(head, 1, FINDING_COLUMNS.length)
  for (const r of reports) {
    const list = [...r.findings].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) || a.id - b.id)
    for (const f of list) {
      const rule = ruleById(f.rule)
      const row = ws.addRow([
        townshipName(r),
        r.year,
        f.rule,
        rule?.title ?? (f.manual ? '人工添加的问题' : ''),
        SEVERITY_NAME[f.severity] ?? f.severity,
        OUTCOME_NAME[f.outcome] ?? f.outcome,
        f.message,
        locate(r, f).where,
        DECISION_NAME(f.decision),
        f.comment ?? '',
        f.manual ? '人工添加' : '自动检查',
        f.decidedBy ?? '',
        localTime(f.decidedAt)
      ])
      FINDING_COLUMNS.forEach((col, i) => {
        const cell = row.getCell(i + 1)
        cell.border = THIN
        cell.alignment = { vertical: 'top', wrapText: !!col.wrap, horizontal: i === 1 || i === 4 || i === 5 || i === 8 ? 'center' : 'left' }
      })
      const sev = SEVERITY_STYLE[f.severity]
      if (sev) {
        fill(row.getCell(5), sev.fill)
        row.getCell(5).font = { bold: f.severity === 'error', color: { argb: sev.font } }
      }
      const dec = row.getCell(9)
      if (f.decision === 'confirmed') {
        fill(dec, COLORS.confirmed)
        dec.font = { bold: true, color: { argb: COLORS.errorFont } }
      } else if (f.decision === 'dismissed') {
        for (let i = 1; i <= FINDING_COLUMNS.length; i++) {
          if (i === 5) continue
          const cell = row.getCell(i)
          cell.font = { color: { argb: COLORS.dismissedFont }, strike: i === 7 }
        }
      }
      // Rows grow with the wrapped message so that the sheet prints without cut text.
      const lines = Math.max(
        1,
        ...FINDING_COLUMNS.map((col, i) => (col.wrap ? Math.ceil(textWidth(String(row.getCell(i + 1).value ?? '')) / (col.width - 1)) : 1))
      )
      row.height = Math.min(409, 15 * lines + 3)
    }
  }
  fitColumns(ws, 1, 1, 30)
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FINDING_COLUMNS.length } }
  pageSetup(ws, title, '1:1')
  return ws
}

// ---------------------------------------------------------------- 表格数据

export interface DataColumn {
  /** Formats in which this cell exists; another format's report gets a grey cell. */
  formats: FormatKey[]
  table: TableId
  row: string
  col: string
  /** Header levels: table, row (or group), column. */
  h1: string
  h2: string
  h3: string
}

const FORMATS: FormatKey[] = ['2021', '2019']

/** Every table cell of both templates, in template order; 2019-only and 2021-only cells are said so. */
export function dataColumns(): DataColumn[] {
  const out: DataColumn[] = []
  // 表二 differs between the formats (domain.md §4): never mix its columns.
  for (const fmt of FORMATS) {
    for (const b of t2Blocks(fmt)) {
      for (const r of b.rows) {
        for (const c of b.columns) {
          out.push({
            formats: [fmt],
            table: 'T2',
            row: `${blockKey(b)}.${r.id}`,
            col: c.id,
            h1: `表二 主动公开政府信息情况（${fmt}年格式）`,
            h2: `${b.title}“${r.label ?? r.id}”`,
            h3: c.label
          })
        }
      }
    }
  }
  // 表三: same rows and columns in both formats except （六）其他处理 (one row in 2019, three in 2021).
  const rows2021 = table('2021', 'T3').rows ?? []
  const rows2019 = table('2019', 'T3').rows ?? []
  for (const r of rows2021) {
    const formats = FORMATS.filter((f) => (f === '2021' ? rows2021 : rows2019).find((x) => x.id === r.id)?.has_data)
    if (!formats.length) continue
    const only = formats.length === 1 ? `（仅${formats[0]}年格式）` : ''
    for (const c of t3Columns('2021')) {
      out.push({ formats, table: 'T3', row: r.id, col: c.id, h1: '表三 收到和处理政府信息公开申请情况', h2: `${t3RowLabel('2021', r.id)}${only}`, h3: c.label })
    }
  }
  for (const c of t4Columns('2021')) {
    const path = c.path ?? [c.label]
    out.push({
      formats: [...FORMATS],
      table: 'T4',
      row: 'counts',
      col: c.id,
      h1: '表四 政府信息公开行政复议、行政诉讼情况',
      h2: path.slice(0, -1).join('·') || t4ColLabel('2021', c.id),
      h3: c.label
    })
  }
  return out
}

const DATA_FIXED = ['乡镇', '年度', '格式']

function dataSheet(wb: ExcelJS.Workbook, reports: ExportReport[], title: string): Sheet {
  const cols = dataColumns()
  const n = DATA_FIXED.length + cols.length
  const ws = wb.addWorksheet(SHEETS.data, { views: [{ state: 'frozen', xSplit: DATA_FIXED.length, ySplit: 3 }] })
  const h1 = ws.getRow(1)
  const h2 = ws.getRow(2)
  const h3 = ws.getRow(3)
  DATA_FIXED.forEach((h, i) => {
    h1.getCell(i + 1).value = h
    ws.mergeCells(1, i + 1, 3, i + 1)
  })
  cols.forEach((c, i) => {
    const j = DATA_FIXED.length + 1 + i
    h1.getCell(j).value = c.h1
    h2.getCell(j).value = c.h2
    h3.getCell(j).value = c.h3
  })
  // Merge runs of equal headers: table over its columns, row (or group) over its cells.
  const merge = (level: 1 | 2): void => {
    let start = 0
    const key = (c: DataColumn): string => (level === 1 ? c.h1 : `${c.h1}|${c.h2}`)
    for (let i = 1; i <= cols.length; i++) {
      const a = cols[start]
      const b = cols[i]
      if (a && (!b || key(a) !== key(b))) {
        if (i - 1 > start) ws.mergeCells(level, DATA_FIXED.length + 1 + start, level, DATA_FIXED.length + i)
        start = i
      }
    }
  }
  merge(1)
  merge(2)
  for (const row of [h1, h2, h3]) styleHeader(row, 1, n)
  cols.forEach((c, i) => {
    for (const row of [h1, h2, h3]) fill(row.getCell(DATA_FIXED.length + 1 + i), COLORS[c.table])
  })
  h1.height = 22
  h2.height = 62
  h3.height = 30
  ws.getColumn(1).width = Math.max(10, ...reports.map((r) => Math.min(40, textWidth(townshipName(r)) + 2)))
  ws.getColumn(2).width = 7
  ws.getColumn(3).width = 7
  cols.forEach((c, i) => {
    ws.getColumn(DATA_FIXED.length + 1 + i).width = c.table === 'T2' ? 11 : 9
  })
  for (const r of reports) {
    const row = ws.addRow([townshipName(r), r.year, formatName(r.formatRaw)])
    cols.forEach((c, i) => {
      const cell = row.getCell(DATA_FIXED.length + 1 + i)
      cell.border = THIN
      cell.alignment = { horizontal: 'center' }
      if (!r.parsed) return
      if (!c.formats.includes(r.format)) {
        fill(cell, COLORS.notApplicable)
        return
      }
      putValue(cell, r.cells.get(cellKey(c.table, c.row, c.col)))
    })
    for (let j = 1; j <= DATA_FIXED.length; j++) {
      row.getCell(j).border = THIN
      row.getCell(j).alignment = { horizontal: j === 1 ? 'left' : 'center' }
    }
  }
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: n } }
  pageSetup(ws, title, '1:3', 'A:C')
  return ws
}

// ---------------------------------------------------------------- workbook

export async function exportSummaryXlsx(db: Db, batchId: number, file: string): Promise<void> {
  const batch = loadExportBatch(db, batchId)
  const title = `${batch.year ? `${batch.year}年度` : ''}乡镇政府信息公开工作年度报告审核汇总`
  const wb = new ExcelJS.Workbook()
  wb.creator = batch.settings.reviewer ?? 'xxgk-review'
  wb.title = title
  wb.created = new Date()
  summarySheet(wb, batch.reports, batch.missing, batch.year, title)
  findingsSheet(wb, batch.reports, title)
  dataSheet(wb, batch.reports, title)
  mkdirSync(dirname(file), { recursive: true })
  await wb.xlsx.writeFile(file)
}
