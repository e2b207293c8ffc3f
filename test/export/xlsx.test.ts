// The county summary workbook, read back with exceljs after a real import of the seed folder.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { openDb, type Db } from '../../src-main/engine/db/open.ts'
import { exportSummaryXlsx } from '../../src-main/engine/export/summaryXlsx.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { SEED_DIR } from '../helpers/seeds.ts'

let dir: string
let db: Db
let batchId: number
let wb: ExcelJS.Workbook
const rid: Record<string, number> = {}

function addFinding(reportId: number, key: string, severity: string, message: string, decision: string | null, comment: string | null, evidence: unknown[] = []): number {
  const r = db
    .prepare(
      `INSERT INTO findings (report_id, key, rule, severity, outcome, message, evidence, state, manual, decision, comment, decided_by, decided_at)
       VALUES (?, ?, 'MANUAL', ?, 'FAIL', ?, ?, 'open', 1, ?, ?, '测试员', '2024-02-03T02:10:00Z')`
    )
    .run(reportId, key, severity, message, JSON.stringify({ items: evidence, sides: null }), decision, comment)
  return Number(r.lastInsertRowid)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-xlsx-'))
  db = openDb(join(dir, 'review.db')).db
  batchId = (await importFolder(db, SEED_DIR)).batchId
  db.prepare('UPDATE batches SET settings = ? WHERE id = ?').run(JSON.stringify({ roster: ['平安镇', '云阳县龙角镇人民政府', '头营镇'] }), batchId)
  runChecks(db, batchId)
  for (const r of db.prepare('SELECT id, township FROM reports WHERE batch_id = ?').all(batchId) as { id: number; township: string }[]) rid[r.township] = r.id
  // Decisions as the reviewer would record them: one automatic finding confirmed (when the rules give one),
  // a manual error confirmed with a comment, a manual warning dismissed, and a resolved finding that must not show.
  const auto = db.prepare("SELECT id FROM findings WHERE report_id = ? AND manual = 0 AND state = 'open' ORDER BY id LIMIT 1").get(rid['平安镇']) as { id: number } | undefined
  if (auto) db.prepare("UPDATE findings SET decision = 'confirmed', comment = '确认' WHERE id = ?").run(auto.id)
  addFinding(rid['平安镇'] as number, 'MANUAL@a', 'error', '测试：第五部分未写明上年问题整改情况。', 'confirmed', '请补充整改情况')
  addFinding(rid['平安镇'] as number, 'MANUAL@b', 'warning', '测试：被排除的问题。', 'dismissed', '口径问题，不计')
  addFinding(rid['王官集镇'] as number, 'MANUAL@c', 'warning', '测试：王官集镇确认的警告。', 'confirmed', null)
  // Manual findings with evidence, to check how places are named.
  const cell = (row: string, col: string, value: number | null) => ({ kind: 'cell', table: 'T3', row, col, value, raw: value === null ? '' : String(value), status: value === null ? 'blank' : 'ok' })
  addFinding(rid['王官集镇'] as number, 'MANUAL@col', 'info', '测试：同一列的两个单元格。', null, null, [cell('new_received', 'natural_person', 0), cell('carried_forward', 'natural_person', null)])
  addFinding(rid['王官集镇'] as number, 'MANUAL@cell', 'info', '测试：一个单元格。', null, null, [cell('r3_4_third_party', 'total', 0)])
  const s6 = db.prepare("SELECT s.start FROM sections s JOIN reports r ON r.current_version_id = s.version_id WHERE r.id = ? AND s.section_id = 'S6'").get(rid['平安镇']) as { start: number }
  addFinding(rid['平安镇'] as number, 'MANUAL@text', 'info', '测试：一段原文。', null, null, [{ kind: 'text', start: s6.start + 12, end: s6.start + 14, text: '无。' }])
  const gone = addFinding(rid['头营镇'] as number, 'MANUAL@d', 'error', '测试：已解决的问题。', 'confirmed', null)
  db.prepare("UPDATE findings SET state = 'resolved' WHERE id = ?").run(gone)
  db.prepare("UPDATE reports SET review_status = '需整改' WHERE id = ?").run(rid['平安镇'])
  db.prepare("UPDATE reports SET review_status = '已通过' WHERE id = ?").run(rid['头营镇'])
  const file = join(dir, 'out', '汇总.xlsx')
  await exportSummaryXlsx(db, batchId, file)
  wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
})

afterAll(() => {
  db?.close()
  rmSync(dir, { recursive: true, force: true })
})

const sheet = (name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name)
  if (!ws) throw new Error(`no sheet ${name}`)
  return ws
}
const rowValues = (ws: ExcelJS.Worksheet, n: number): unknown[] => (ws.getRow(n).values as unknown[]).slice(1)
const argb = (c: ExcelJS.Cell): string | undefined => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb

/** Data rows of a sheet as objects keyed by the header row. */
function records(ws: ExcelJS.Worksheet, headerRow = 1): { row: ExcelJS.Row; get: (h: string) => unknown }[] {
  const headers = rowValues(ws, headerRow).map(String)
  const out: { row: ExcelJS.Row; get: (h: string) => unknown }[] = []
  for (let i = headerRow + 1; i <= ws.rowCount; i++) {
    const row = ws.getRow(i)
    out.push({ row, get: (h) => row.getCell(headers.indexOf(h) + 1).value })
  }
  return out
}

describe('summary workbook', () => {
  it('has the three sheets, in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '发现明细', '表格数据'])
  })

  it('汇总: Chinese header row, bold, frozen, with an autofilter', () => {
    const ws = sheet('汇总')
    expect(rowValues(ws, 1)).toEqual([
      '乡镇', '年度', '格式', '审核状态', '已确认错误数', '已确认警告数', '待确认发现数',
      '本年新收', '上年结转', '办理结果总计', '结转下年度', '行政复议总计', '行政诉讼总计', '落款日期', '文件', '备注'
    ])
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.autoFilter).toBe('A1:P1')
    expect(ws.getColumn(15).width).toBeGreaterThan(20) // file names are not cut to the default width
  })

  it('汇总: one row per report, counts equal to the database', () => {
    const rows = records(sheet('汇总')).filter((r) => r.get('审核状态') !== '未报送')
    const reports = db.prepare('SELECT id, township, year, review_status FROM reports WHERE batch_id = ?').all(batchId) as {
      id: number
      township: string
      year: number
      review_status: string
    }[]
    expect(rows).toHaveLength(reports.length)
    const count = (id: number, where: string): number =>
      (db.prepare(`SELECT COUNT(*) AS n FROM findings WHERE report_id = ? AND state = 'open' AND ${where}`).get(id) as { n: number }).n
    for (const r of reports) {
      const row = rows.find((x) => x.get('乡镇') === r.township && x.get('年度') === r.year)
      expect(row, r.township).toBeDefined()
      expect(row?.get('审核状态')).toBe(r.review_status)
      expect(row?.get('已确认错误数')).toBe(count(r.id, "decision = 'confirmed' AND severity = 'error'"))
      expect(row?.get('已确认警告数')).toBe(count(r.id, "decision = 'confirmed' AND severity = 'warning'"))
      expect(row?.get('待确认发现数')).toBe(count(r.id, 'decision IS NULL'))
    }
    const pingan = rows.find((x) => x.get('乡镇') === '平安镇')
    // The manual error is confirmed; the dismissed warning and the resolved error of 头营镇 are not counted.
    expect(pingan?.get('已确认错误数')).toBeGreaterThanOrEqual(1)
    expect(rows.find((x) => x.get('乡镇') === '头营镇')?.get('已确认错误数')).toBe(0)
    expect(rows.find((x) => x.get('乡镇') === '王官集镇')?.get('已确认警告数')).toBe(1)
  })

  it('汇总: key figures from the tables (seed 002 平安镇 received one application)', () => {
    const rows = records(sheet('汇总'))
    const pingan = rows.find((x) => x.get('乡镇') === '平安镇')
    expect(pingan?.get('年度')).toBe(2023)
    expect(pingan?.get('格式')).toBe('2021')
    expect(pingan?.get('本年新收')).toBe(1)
    expect(pingan?.get('上年结转')).toBe(0)
    expect(pingan?.get('办理结果总计')).toBe(1)
    expect(pingan?.get('结转下年度')).toBe(0)
    expect(pingan?.get('行政复议总计')).toBe(0)
    expect(pingan?.get('行政诉讼总计')).toBe(0)
    expect(pingan?.get('文件')).toMatch(/^002_/)
    const wang = rows.find((x) => x.get('乡镇') === '王官集镇')
    expect(wang?.get('格式')).toBe('2019')
    // Seed 004 left 四、结转下年度继续办理 empty: blank, not 0.
    expect(wang?.get('结转下年度')).toBeNull()
    expect(wang?.get('落款日期')).toEqual(new Date('2021-01-25T00:00:00Z'))
    // Seed 003 left the 行政复议 cells of table 四 blank.
    expect(rows.find((x) => x.get('乡镇') === '头营镇')?.get('行政复议总计')).toBeNull()
  })

  it('汇总: roster townships without a report are listed as 未报送', () => {
    const rows = records(sheet('汇总'))
    const missing = rows.filter((r) => r.get('审核状态') === '未报送').map((r) => r.get('乡镇'))
    expect(missing).toEqual(['云阳县龙角镇人民政府'])
    const row = rows.find((r) => r.get('乡镇') === '云阳县龙角镇人民政府')
    expect(row?.get('年度')).toBe(2023)
    expect(argb(row!.row.getCell(1))).toBe('FFE7E6E6')
  })

  it('发现明细: one row per open finding, with decisions, comments and severity colours', () => {
    const ws = sheet('发现明细')
    expect(rowValues(ws, 1)).toEqual(['乡镇', '年度', '规则编号', '规则名称', '严重程度', '结果', '说明', '位置', '审核决定', '审核意见', '来源', '审核人', '审核时间'])
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.autoFilter).toBe('A1:M1')
    const rows = records(ws)
    const open = (db.prepare("SELECT COUNT(*) AS n FROM findings f JOIN reports r ON r.id = f.report_id WHERE r.batch_id = ? AND f.state = 'open'").get(batchId) as { n: number }).n
    expect(rows).toHaveLength(open)
    expect(rows.some((r) => r.get('说明') === '测试：已解决的问题。')).toBe(false)
    const confirmed = rows.find((r) => r.get('说明') === '测试：第五部分未写明上年问题整改情况。')
    expect(confirmed?.get('审核决定')).toBe('已确认')
    expect(confirmed?.get('审核意见')).toBe('请补充整改情况')
    expect(confirmed?.get('严重程度')).toBe('错误')
    expect(confirmed?.get('来源')).toBe('人工添加')
    expect(argb(confirmed!.row.getCell(5))).toBe('FFFFC7CE')
    expect(argb(confirmed!.row.getCell(9))).toBe('FFFCE4D6')
    const dismissed = rows.find((r) => r.get('说明') === '测试：被排除的问题。')
    expect(dismissed?.get('审核决定')).toBe('已排除')
    expect(argb(dismissed!.row.getCell(5))).toBe('FFFFEB9C')
    expect(dismissed!.row.getCell(7).font?.strike).toBe(true)
    // Every severity cell carries its colour: error red, warning amber, info light blue.
    const colour: Record<string, string> = { 错误: 'FFFFC7CE', 警告: 'FFFFEB9C', 提示: 'FFDDEBF7' }
    for (const r of rows) expect(argb(r.row.getCell(5))).toBe(colour[String(r.get('严重程度'))])
    // Undecided automatic findings say so, and name a place.
    const pending = rows.filter((r) => r.get('来源') === '自动检查' && r.get('审核决定') === '待定')
    expect(pending.length).toBeGreaterThan(0)
    for (const r of pending) expect(String(r.get('位置'))).not.toBe('')
  })

  it('发现明细: the location uses the template labels and the section names', () => {
    const rows = records(sheet('发现明细'))
    const where = (msg: string): unknown => rows.find((r) => r.get('说明') === msg)?.get('位置')
    expect(where('测试：同一列的两个单元格。')).toBe('表三“自然人”列')
    expect(where('测试：一个单元格。')).toBe('表三“（三）不予公开·4.保护第三方合法权益”行“总计”列')
    expect(where('测试：一段原文。')).toBe('六、其他需要报告的事项')
    expect(where('测试：被排除的问题。')).toBe('全文')
  })

  it('表格数据: three header rows from the template, frozen, one row per report', () => {
    const ws = sheet('表格数据')
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 3 })
    expect(ws.autoFilter).toMatch(/^A3:[A-Z]+3$/)
    const h1 = rowValues(ws, 1).map((v) => String(v ?? ''))
    const h2 = rowValues(ws, 2).map((v) => String(v ?? ''))
    const h3 = rowValues(ws, 3).map((v) => String(v ?? ''))
    expect(h1.slice(0, 3)).toEqual(['乡镇', '年度', '格式'])
    // 2021 T2 (10) + 2019 T2 (22) + T3 (26 rows × 7) + T4 (15)
    expect(h3.length).toBe(3 + 10 + 22 + 26 * 7 + 15)
    const col = (row: string, c: string, table: string): number => {
      for (let i = 3; i < h3.length; i++) {
        // merged header cells read back as the master's value in every cell of the merge
        if (h2[i] === row && h3[i] === c && h1[i]?.startsWith(table)) return i + 1
      }
      throw new Error(`no column ${table} ${row} ${c}`)
    }
    expect(ws.rowCount).toBe(3 + 5)
    const byTown = (t: string): ExcelJS.Row => {
      for (let i = 4; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(1).value === t) return ws.getRow(i)
      throw new Error(`no row ${t}`)
    }
    const newTotal = col('一、本年新收政府信息公开申请数量', '总计', '表三')
    expect(byTown('平安镇').getCell(newTotal).value).toBe(1)
    expect(byTown('平安镇').getCell(col('（四）无法提供·1.本机关不掌握相关政府信息', '自然人', '表三')).value).toBe(1)
    expect(byTown('裴城镇').getCell(newTotal).value).toBe(0)
    expect(byTown('王官集镇').getCell(col('四、结转下年度继续办理', '总计', '表三')).value).toBeNull()
    // 表二 of the two formats is kept apart: a 2021 report has grey cells under the 2019 columns and vice versa.
    const made2019 = col('第二十条第（一）项“规范性文件”', '本年新制作数量', '表二')
    const issued2021 = col('第二十条第（一）项“行政规范性文件”', '本年制发件数', '表二')
    expect(byTown('王官集镇').getCell(made2019).value).toBe(0)
    expect(byTown('王官集镇').getCell(issued2021).value).toBeNull()
    expect(argb(byTown('王官集镇').getCell(issued2021))).toBe('FFEDEDED')
    expect(byTown('平安镇').getCell(issued2021).value).toBe(0)
    expect(argb(byTown('平安镇').getCell(made2019))).toBe('FFEDEDED')
    expect(h2[col('行政复议', '总计', '表四') - 1]).toBe('行政复议')
    expect(byTown('平安镇').getCell(col('行政复议', '总计', '表四')).value).toBe(0)
  })
})
