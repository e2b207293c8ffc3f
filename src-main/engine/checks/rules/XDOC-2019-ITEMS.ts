import { blockKey, t2Blocks } from '../../template.ts'
import { reportEvidence, reportName, yearPairs, PerReport } from '../lib/batch.ts'
import { checkIdentity } from '../lib/identity.ts'
import { cellOf } from '../lib/tables.ts'
import type { BatchRule } from '../types.ts'

// 2019 trial format: 上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1), for every row of the
// blocks that carry both columns (第二十条第（五）（六）（八）项).
const rule: BatchRule = {
  id: 'XDOC-2019-ITEMS',
  family: 'cross',
  severity: 'warning',
  title: '2019格式：本年“上一年项目数量”等于上年的上一年项目数量加本年增/减',
  source: '国办公开办函〔2019〕60号 年度报告格式（试行）表二“上一年项目数量”“本年增/减”的含义（推论）',
  confidence: 'T',
  checkBatch(ctx) {
    const out = new PerReport()
    const pairs = yearPairs(ctx.reports).filter((p) => p.prev.format === '2019' && p.cur.format === '2019')
    if (!pairs.length) return { perReport: out.map, outcome: 'N/A', note: '批次中没有同一乡镇相邻年度且均为2019格式的年报' }
    const rows = t2Blocks('2019')
      .filter((b) => b.columns.some((c) => c.id === 'prev_year_items') && b.columns.some((c) => c.id === 'change'))
      .flatMap((b) => b.rows.map((r) => ({ id: `${blockKey(b)}.${r.id}`, label: `${b.title}“${r.label}”` })))
    for (const { prev, cur } of pairs) {
      for (const row of rows) {
        const now = cellOf(cur.report, 'T2', row.id, 'prev_year_items')
        const base = cellOf(prev.report, 'T2', row.id, 'prev_year_items')
        const change = cellOf(prev.report, 'T2', row.id, 'change')
        const span = (c: typeof base) => (c?.span ? { start: c.span.start, end: c.span.end } : undefined)
        const f = checkIdentity({
          rule: rule.id, severity: rule.severity, loc: `T2.${row.id}.prev_year_items@${prev.year}`,
          where: `表二${row.label}与${reportName(prev)}`,
          left: [{ label: `上一年项目数量（${cur.year}）`, cell: now }],
          right: [
            { label: `上一年项目数量（${prev.year}）`, cell: base, foreign: true },
            { label: `本年增/减（${prev.year}）`, cell: change, foreign: true }
          ],
          extraEvidence: [
            reportEvidence(prev, `${reportName(prev)}表二${row.label}上一年项目数量：${base?.raw || '（空白）'}`, span(base)),
            reportEvidence(prev, `${reportName(prev)}表二${row.label}本年增/减：${change?.raw || '（空白）'}`, span(change))
          ],
          failMessage: (l, r) =>
            `表二${row.label}：上一年项目数量（${l}）≠${reportName(prev)}的上一年项目数量（${base?.value}）+本年增/减（${change?.value}）=${r}，请核对。`
        })
        if (f) out.add(cur.reportId, f)
      }
    }
    return { perReport: out.map, outcome: out.anyFail() ? 'FAIL' : 'PASS', note: `核对了 ${pairs.length} 对同一乡镇相邻年度的年报` }
  }
}

export default rule
