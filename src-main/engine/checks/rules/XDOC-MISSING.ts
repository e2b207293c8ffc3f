import { townshipKey } from '../../parse/meta.ts'
import { PerReport } from '../lib/batch.ts'
import type { BatchRule } from '../types.ts'

function same(a: string, b: string): boolean {
  return a === b || (a.length >= 2 && b.length >= 2 && (a.endsWith(b) || b.endsWith(a)))
}

// With a roster of the county's townships: every township should have submitted a report for the
// batch year; a report whose township is not on the roster belongs to another county or is misnamed.
const rule: BatchRule = {
  id: 'XDOC-MISSING',
  family: 'cross',
  severity: 'warning',
  title: '名册中的乡镇均已提交年报',
  source: '《政府信息公开条例》第四十九条（按时报送、公开年度报告）；批次名册',
  confidence: '-',
  checkBatch(ctx) {
    const out = new PerReport()
    const roster = (ctx.settings.roster ?? []).map((n) => ({ raw: n, key: townshipKey(n) })).filter((n) => n.key !== '')
    if (!roster.length) return { perReport: out.map, outcome: 'N/A', note: '未设置乡镇名册' }
    const year = ctx.settings.year
    const ofYear = ctx.reports.filter((r) => !year || r.year === year)
    const missing = roster.filter((n) => !ofYear.some((r) => r.township && same(r.township, n.key)))
    for (const r of ctx.reports) {
      if (r.township && roster.some((n) => same(r.township as string, n.key))) continue
      out.add(r.reportId, {
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'roster',
        evidence: [{ kind: 'note', text: `名册：${roster.map((n) => n.raw).join('、')}` }],
        message: r.township
          ? `报告机关“${r.township}”不在本县乡镇名册中，请核对是否为本县报告或名称有误。`
          : '未能从报告中识别出乡镇名称，无法与名册对应，请人工确认。'
      })
    }
    const note = missing.length
      ? `名册中以下乡镇没有${year ? `${year}年度` : ''}年报：${missing.map((n) => n.raw).join('、')}`
      : `名册中的 ${roster.length} 个乡镇均有年报`
    return { perReport: out.map, outcome: missing.length || out.anyFail() ? 'FAIL' : 'PASS', note }
  }
}

export default rule
