import { reportEvidence, reportName, yearPairs, PerReport } from '../lib/batch.ts'
import { checkIdentity } from '../lib/identity.ts'
import { cellOf } from '../lib/tables.ts'
import type { BatchRule } from '../types.ts'

const ROWS: [string, string][] = [
  ['A20_1.rules', '规章'],
  ['A20_1.normative_docs', '行政规范性文件']
]

// 现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y). Only approximately true
// (documents also expire or are cleared), hence a warning. Both years must use the 2021 format.
const rule: BatchRule = {
  id: 'XDOC-INFORCE',
  family: 'cross',
  severity: 'warning',
  title: '现行有效件数与上年衔接：上年现行有效+本年制发−本年废止',
  source: '国办公开办函〔2021〕30号 表二第二十条第（一）项“本年制发件数”“本年废止件数”“现行有效件数”的含义（推论）',
  confidence: 'T',
  checkBatch(ctx) {
    const out = new PerReport()
    const pairs = yearPairs(ctx.reports).filter((p) => p.prev.format === '2021' && p.cur.format === '2021')
    if (!pairs.length) return { perReport: out.map, outcome: 'N/A', note: '批次中没有同一乡镇相邻年度且均为2021格式的年报' }
    for (const { prev, cur } of pairs) {
      for (const [row, label] of ROWS) {
        const now = cellOf(cur.report, 'T2', row, 'in_force')
        const before = cellOf(prev.report, 'T2', row, 'in_force')
        const issued = cellOf(cur.report, 'T2', row, 'issued')
        const repealed = cellOf(cur.report, 'T2', row, 'repealed')
        const bSpan = before?.span ? { start: before.span.start, end: before.span.end } : undefined
        // 现行有效(Y) + 废止(Y) = 现行有效(Y−1) + 制发(Y)
        const f = checkIdentity({
          rule: rule.id, severity: rule.severity, loc: `T2.${row}.in_force@${prev.year}`,
          where: `表二“${label}”与${reportName(prev)}`,
          left: [
            { label: `现行有效件数（${cur.year}）`, cell: now },
            { label: `本年废止件数（${cur.year}）`, cell: repealed }
          ],
          right: [
            { label: `现行有效件数（${prev.year}）`, cell: before, foreign: true },
            { label: `本年制发件数（${cur.year}）`, cell: issued }
          ],
          extraEvidence: [reportEvidence(prev, `${reportName(prev)}表二“${label}”现行有效件数：${before?.raw || '（空白）'}`, bSpan)],
          failMessage: () =>
            `表二“${label}”：现行有效件数（${now?.value}）≠${reportName(prev)}现行有效件数（${before?.value}）+本年制发件数（${issued?.value}）−本年废止件数（${repealed?.value}）=${
              (before?.value ?? 0) + (issued?.value ?? 0) - (repealed?.value ?? 0)
            }；如有文件到期失效或清理，请在正文说明，否则请核对。`
        })
        if (f) out.add(cur.reportId, f)
      }
    }
    return { perReport: out.map, outcome: out.anyFail() ? 'FAIL' : 'PASS', note: `核对了 ${pairs.length} 对同一乡镇相邻年度的年报` }
  }
}

export default rule
