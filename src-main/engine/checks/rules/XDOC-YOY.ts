import type { CellValue } from '../../model.ts'
import { cellEvidence, usable } from '../evidence.ts'
import { reportEvidence, reportName, yearPairs, PerReport } from '../lib/batch.ts'
import { cellOf } from '../lib/tables.ts'
import type { BatchRule } from '../types.ts'

/** Both values must be at least this large for a ratio to mean anything. */
const MIN = 5

// Observation: a jump of more than 5× (or a drop below 0.2×) in applications received or documents in
// force between consecutive years often hides a unit or row mistake (KIROGOVCOMPARE QR-007).
const rule: BatchRule = {
  id: 'XDOC-YOY',
  family: 'cross',
  severity: 'info',
  title: '主要数据同比变化异常（超过5倍或不足0.2倍）',
  source: '提示项：同比异常常由填错行或单位造成（参考 KIROGOVCOMPARE QR-007）',
  confidence: '-',
  checkBatch(ctx) {
    const out = new PerReport()
    const pairs = yearPairs(ctx.reports)
    if (!pairs.length) return { perReport: out.map, outcome: 'N/A', note: '批次中没有同一乡镇相邻年度的年报' }
    for (const { prev, cur } of pairs) {
      const items: { loc: string; label: string; a?: CellValue; b?: CellValue }[] = [
        { loc: 'T3.new_received.total', label: '表三“本年新收政府信息公开申请数量”（总计）', a: cellOf(cur.report, 'T3', 'new_received', 'total'), b: cellOf(prev.report, 'T3', 'new_received', 'total') }
      ]
      // 现行有效件数 exists only in the 2021 format (never compared with 2019's 对外公开总数量).
      if (cur.format === '2021' && prev.format === '2021') {
        for (const [row, label] of [['A20_1.rules', '规章'], ['A20_1.normative_docs', '行政规范性文件']] as const)
          items.push({ loc: `T2.${row}.in_force`, label: `表二“${label}”现行有效件数`, a: cellOf(cur.report, 'T2', row, 'in_force'), b: cellOf(prev.report, 'T2', row, 'in_force') })
      }
      for (const it of items) {
        if (!usable(it.a) || !usable(it.b) || it.a.value < MIN || it.b.value < MIN) continue
        const ratio = it.a.value / it.b.value
        if (ratio <= 5 && ratio >= 0.2) continue
        const span = it.b.span ? { start: it.b.span.start, end: it.b.span.end } : undefined
        out.add(cur.reportId, {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `${it.loc}@${prev.year}`,
          evidence: [cellEvidence(it.a), reportEvidence(prev, `${reportName(prev)}${it.label}：${it.b.raw}`, span)],
          message: `${it.label}由${reportName(prev)}的 ${it.b.value} 变为本年 ${it.a.value}（${ratio > 1 ? `增至 ${ratio.toFixed(1)} 倍` : `降至 ${ratio.toFixed(2)} 倍`}），变化异常，请核对是否填错行或口径变化。`
        })
      }
    }
    return { perReport: out.map, outcome: out.anyFail() ? 'FAIL' : 'PASS', note: `比较了 ${pairs.length} 对同一乡镇相邻年度的年报` }
  }
}

export default rule
