import { t3Columns } from '../../template.ts'
import { cellEvidence } from '../evidence.ts'
import { reportEvidence, reportName, yearPairs, PerReport } from '../lib/batch.ts'
import { checkIdentity } from '../lib/identity.ts'
import { cellOf } from '../lib/tables.ts'
import type { BatchRule, Evidence } from '../types.ts'

const spanOf = (c: { span?: { start: number; end: number } } | undefined) => (c?.span ? { start: c.span.start, end: c.span.end } : undefined)

// 上年结转(Y) = 结转下年度继续办理(Y−1), column by column. Valid across the 2020→2021 format change:
// both rows are identical in the two formats.
const rule: BatchRule = {
  id: 'XDOC-CARRY',
  family: 'cross',
  severity: 'error',
  title: '本年“上年结转”等于上年年报“结转下年度继续办理”',
  source: '国办公开办函〔2021〕30号 表三第二项“上年结转政府信息公开申请数量”与上年第四项“结转下年度继续办理”的含义',
  confidence: 'T',
  checkBatch(ctx) {
    const out = new PerReport()
    const pairs = yearPairs(ctx.reports)
    if (!pairs.length) return { perReport: out.map, outcome: 'N/A', note: '批次中没有同一乡镇相邻年度的年报' }
    for (const { prev, cur } of pairs) {
      for (const col of t3Columns(cur.format)) {
        const a = cellOf(cur.report, 'T3', 'carried_over', col.id)
        const b = cellOf(prev.report, 'T3', 'carried_forward', col.id)
        const f = checkIdentity({
          rule: rule.id, severity: rule.severity, loc: `T3.carried_over.${col.id}@${prev.year}`,
          where: `表三“${col.label}”列与${reportName(prev)}`,
          left: [{ label: `上年结转（${cur.year}年报）`, cell: a }],
          right: [{ label: `结转下年度继续办理（${prev.year}年报）`, cell: b, foreign: true }],
          extraEvidence: [reportEvidence(prev, `${reportName(prev)}表三“四、结转下年度继续办理”行“${col.label}”列：${b?.raw || '（空白）'}`, spanOf(b))],
          termName: (t) => (t.cell === a ? '本年报“二、上年结转”' : `${reportName(prev)}“四、结转下年度继续办理”`),
          failMessage: (l, r) => `表三“${col.label}”列：本年“上年结转”（${l}）与${reportName(prev)}“结转下年度继续办理”（${r}）不一致，请核对。`
        })
        if (!f) continue
        out.add(cur.reportId, f)
        // The previous report is affected too (either figure may be the wrong one); shown there as info.
        const evidence: Evidence[] = []
        if (b) evidence.push(cellEvidence(b))
        evidence.push(reportEvidence(cur, `${reportName(cur)}表三“二、上年结转”行“${col.label}”列：${a?.raw || '（空白）'}`, spanOf(a)))
        out.add(prev.reportId, {
          rule: rule.id, severity: 'info', outcome: f.outcome, loc: `T3.carried_forward.${col.id}@${cur.year}`, evidence,
          sides: f.sides,
          message: `表三“${col.label}”列：本年“结转下年度继续办理”（${b?.value ?? '空白'}）与${reportName(cur)}的“上年结转”（${a?.value ?? '空白'}）${
            f.outcome === 'FAIL' ? '不一致' : '无法核对'
          }，请核对。`
        })
      }
    }
    return { perReport: out.map, outcome: out.anyFail() ? 'FAIL' : 'PASS', note: `核对了 ${pairs.length} 对同一乡镇相邻年度的年报` }
  }
}

export default rule
