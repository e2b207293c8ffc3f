import { textEvidence } from '../evidence.ts'
import { matchAll, narrativeRanges, STAT_PERIOD } from '../lib/narrative.ts'
import { pass, type Evidence, type ReportRule } from '../types.ts'

// 多数年报写明“本报告中所列数据的统计期限自X年1月1日起至X年12月31日止”（惯例，非强制）。
const rule: ReportRule = {
  id: 'DOC-STAT-PERIOD',
  family: 'document',
  severity: 'info',
  title: '写明数据统计期限（1月1日至12月31日）',
  source: '条例第四十九条（年报反映上一年度情况）；年报惯例写法“统计期限自×年1月1日起至×年12月31日止”',
  confidence: '-',
  formats: ['2021', '2019'],
  check(ctx) {
    const ranges = narrativeRanges(ctx)
    const hit = matchAll(ctx, STAT_PERIOD, ranges)[0]
    if (hit) return pass(`统计期限：${ctx.text.slice(hit.start, hit.end)}`)
    const loose = matchAll(ctx, /1\s{0,3}月\s{0,3}1\s{0,3}日[^。\n]{0,20}?12\s{0,3}月\s{0,3}31\s{0,3}日/, ranges)[0]
    if (loose) return pass(`有起止日期但未写“统计期限”：${ctx.text.slice(loose.start, loose.end)}`)
    // A PDF line break (or page footer line) inside the sentence: read the narrative with line breaks removed.
    // …and over the whole text: a table span the reader drew too wide must not hide the sentence.
    for (const r of [...ranges, { start: 0, end: ctx.text.length }]) {
      const joined = ctx.report.norm.slice(r.start, r.end).replace(/\s+/g, '')
      const m = STAT_PERIOD.exec(joined) ?? /1月1日[^。]{0,20}?12月31日/.exec(joined)
      if (m) return pass(`统计期限（跨行）：${m[0]}`)
    }
    // The period named with its year but the dates garbled ('统计期限为2025111231日': a web copy lost 年/月/日至):
    // it is written; an end date alone ('数据截至…') is not a period.
    const named = matchAll(ctx, /统计(?:期限|时限|周期|区间)[^。\n\d]{0,6}(?:19|20)\d{2}/, ranges)[0]
    if (named) return pass(`统计期限写法不完整：${ctx.text.slice(named.start, named.end)}`)
    const t = ctx.report.title?.span
    const evidence: Evidence[] = t ? [textEvidence(ctx, t.start, t.end, '标题')] : [{ kind: 'note', text: '全文未见统计期限' }]
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'period', evidence,
          message: `全文未写明数据统计期限（如“本报告中所列数据的统计期限自${ctx.year ?? '×'}年1月1日起至${ctx.year ?? '×'}年12月31日止”）。`
        }
      ]
    }
  }
}

export default rule
