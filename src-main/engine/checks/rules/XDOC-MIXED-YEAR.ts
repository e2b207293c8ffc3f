import { PerReport } from '../lib/batch.ts'
import type { BatchRule } from '../types.ts'

// A folder is one year's batch. Reports of other years are either misfiled or left from last year.
const rule: BatchRule = {
  id: 'XDOC-MIXED-YEAR',
  family: 'cross',
  severity: 'warning',
  title: '批次内年报年度不一致',
  source: '《政府信息公开条例》第四十九条（报告上一年度情况）；批次审核逻辑',
  confidence: '-',
  checkBatch(ctx) {
    const out = new PerReport()
    const counts = new Map<number, number>()
    for (const r of ctx.reports) if (r.year) counts.set(r.year, (counts.get(r.year) ?? 0) + 1)
    if (!counts.size) return { perReport: out.map, outcome: 'N/A', note: '未识别出任何报告年度' }
    // Default batch year as in run.ts: the most common year (the later one on a tie).
    let year = ctx.settings.year
    if (!year) for (const [y, n] of counts) if (!year || n > (counts.get(year) ?? 0) || (n === counts.get(year) && y > year)) year = y
    const summary = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .map(([y, n]) => `${y}年×${n}`)
      .join('、')
    if (counts.size === 1 && (!year || counts.has(year))) return { perReport: out.map, outcome: 'PASS', note: `全部为${summary}` }
    // With a batch year set (always, in a batch check: the reviewer's or the most common one) each report
    // of another year has its own DOC-TARGET-YEAR finding; this rule then only summarises the folder, so
    // that one fact does not become two findings of the same report.
    if (ctx.settings.year !== undefined)
      return { perReport: out.map, outcome: 'FAIL', note: `批次年度 ${year} 年；年度分布：${summary}（年度不同的报告各有 DOC-TARGET-YEAR 提示）` }
    for (const r of ctx.reports) {
      if (!r.year || r.year === year) continue
      out.add(r.reportId, {
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'year',
        evidence: [{ kind: 'note', text: `批次年度 ${year} 年；本批次：${summary}` }],
        message: `本报告为${r.year}年度年报，而本批次为${year}年度（批次内年度分布：${summary}），请确认是否误放或应提交${year}年度年报。`
      })
    }
    return { perReport: out.map, outcome: 'FAIL', note: `批次年度 ${year} 年；年度分布：${summary}` }
  }
}

export default rule
