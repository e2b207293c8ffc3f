import type { TableId } from '../../model.ts'
import { cellEvidence, textEvidence } from '../evidence.ts'
import { missingPlace } from '../lib/headings.ts'
import { byRow, rowName, t2RowInfo, TABLE_NAME, TABLE_SECTION, TABLE_TITLE } from '../lib/tables.ts'
import { fromFindings, type Evidence, type Finding, type ReportCtx, type ReportRule } from '../types.ts'

/** The row's own label as the template prints it: 2.其他法律行政法规禁止公开, not （三）不予公开·2.… */
function ownLabel(ctx: ReportCtx, id: TableId, row: string): string {
  if (id === 'T2') return t2RowInfo(ctx.format, row).label
  const name = rowName(ctx.format, id, row)
  return name.slice(name.lastIndexOf('·') + 1)
}

/**
 * Where a row the reader did not place is printed in its section all the same, or null: a line that starts with
 * the row's label and goes on with nothing or with numbers (chuanzhu2019: `规章000` under a lost block heading), or
 * a line that is the first part of a label wrapped over lines (kewei2024: `2.其他法律行政法规禁` / `止公开`, its
 * numbers in a row of their own). The row is there; not reading it is the reader's failure, never the township's.
 */
function rowPrinted(ctx: ReportCtx, id: TableId, row: string): { start: number; end: number } | null {
  const sec = ctx.report.sections.find((x) => x.id === TABLE_SECTION[id] && x.found && x.titleSpan)
  if (!sec?.titleSpan) return null
  const order = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6']
  const next = ctx.report.sections
    .filter((x) => x.found && x.titleSpan && order.indexOf(x.id) > order.indexOf(sec.id) && x.titleSpan.start > (sec.titleSpan?.end ?? 0))
    .map((x) => x.titleSpan!.start)
  const end = next.length ? Math.min(...next) : ctx.report.norm.length
  const label = ownLabel(ctx, id, row).replace(/\s+/g, '')
  let at = sec.titleSpan.end
  for (const raw of ctx.report.norm.slice(sec.titleSpan.end, end).split('\n')) {
    const lead = raw.length - raw.replace(/^[\s|｜]+/, '').length
    const line = raw.slice(lead).replace(/\s+/g, '')
    const rest = line.startsWith(label) ? line.slice(label.length).replace(/^[|｜]+/, '') : null
    const head = line.length >= 6 && line.length < label.length && label.startsWith(line)
    if ((rest !== null && (rest === '' || /^\d/.test(rest))) || head) return { start: at + lead, end: at + raw.trimEnd().length }
    at += raw.length + 1
  }
  return null
}

// A table is missing only when its labels are absent from the whole text (parse/problems.ts).
// Tables 二, 三 and 四 are the fixed content of sections 二–四 of the format; each must be found and
// mapped onto the template grid before any arithmetic can be trusted.
const rule: ReportRule = {
  id: 'TBL-PRESENT',
  family: 'structure',
  severity: 'error',
  title: '表二、表三、表四均已找到并与模板对应',
  source: '国办公开办函〔2021〕30号（2019、2020年度为〔2019〕60号）年度报告格式：第二、三、四部分以规定表格填报；《政府信息公开条例》第五十条',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const findings: Finding[] = []
    const unread: string[] = []
    for (const id of ['T2', 'T3', 'T4'] as TableId[]) {
      const t = ctx.report.tables[id]
      const name = `${TABLE_NAME[id]}（${TABLE_TITLE[id]}）`
      // The table's labels are in the text but the reader could not use them: a parse problem, not the township's.
      if (!t.found && (ctx.report.problems ?? []).some((p) => p.code === 'table-unplaced' && p.table === id)) {
        unread.push(`${TABLE_NAME[id]}的标签在原文中但未能读成表格（见解析存疑）`)
        continue
      }
      if (!t.found) {
        const s = ctx.report.sections.find((x) => x.id === TABLE_SECTION[id])
        const evidence: Evidence[] = s?.found && s.titleSpan
          ? [textEvidence(ctx, s.titleSpan.start, s.titleSpan.end, '所在部分的标题；其后未识别出表格')]
          : [missingPlace(ctx, TABLE_SECTION[id]), { kind: 'note', text: `未找到第${'二三四'[['T2', 'T3', 'T4'].indexOf(id)]}部分及其表格` }]
        findings.push({
          rule: rule.id, severity: 'error', outcome: 'FAIL', loc: id, evidence,
          message: `未找到${name}，请按年报格式填报该表（如原文有表格，请核对表格是否为图片或格式异常）。`
        })
        continue
      }
      const missing = t.cells.filter((c) => c.status === 'missing')
      if (!missing.length) continue
      const rows = [...byRow(missing).entries()]
      const printed: string[] = []
      for (const [row, cs] of id === 'T4' ? [] : rows) {
        const at = cs.length === t.cells.filter((c) => c.row === row).length ? rowPrinted(ctx, id, row) : null
        if (!at) continue
        printed.push(row)
        findings.push({
          rule: rule.id, severity: 'parse', outcome: 'UNVERIFIABLE', loc: `${id}.printed.${row}`,
          evidence: [textEvidence(ctx, at.start, at.end, '原文中的这一行'), ...cs.map(cellEvidence)],
          message: `解析存疑：${TABLE_NAME[id]}“${rowName(ctx.format, id, row)}”行在原文中，但未能读入表格，请人工核对该行数值。`
        })
      }
      const full = rows.filter(([row, cs]) => cs.length === t.cells.filter((c) => c.row === row).length && !printed.includes(row)).map(([row]) => row)
      const partial = rows.filter(([row]) => !full.includes(row) && !printed.includes(row))
      if (!full.length && !partial.length) continue
      const parts: string[] = []
      if (full.length) parts.push(`未找到以下行：${full.map((r) => `“${rowName(ctx.format, id, r)}”`).join('、')}`)
      if (partial.length) parts.push(`以下行缺少部分单元格：${partial.map(([r, cs]) => `“${rowName(ctx.format, id, r)}”（${cs.length}格）`).join('、')}`)
      findings.push({
        rule: rule.id, severity: 'warning', outcome: 'FAIL', loc: `${id}.rows`,
        evidence: missing.filter((c) => !printed.includes(c.row)).map(cellEvidence),
        message: `${name}与模板不完全对应，${parts.join('；')}。请核对表格是否缺行或行名改动过大。`
      })
    }
    if (!findings.length && unread.length) return { outcome: 'UNVERIFIABLE', findings: [], note: unread.join('；') }
    const res = fromFindings(findings)
    if (unread.length) res.note = unread.join('；')
    return res
  }
}

export default rule
