import { ownText, reportEvidence, reportName, yearPairs, PerReport } from '../lib/batch.ts'
import { containment, regionGrams } from '../lib/similarity.ts'
import type { BatchReport, BatchRule } from '../types.ts'

const SECTIONS: [string, string][] = [
  ['S5', '五、存在的主要问题及改进情况'],
  ['S1', '一、总体情况']
]
/** Below this many characters of own wording a section is too short to call it copied. */
const MIN_CHARS = 50

function body(r: BatchReport, id: string): { start: number; end: number } | null {
  const s = r.report.sections.find((x) => x.id === id)
  if (!s?.found || s.bodyStart === undefined || s.bodyEnd === undefined) return null
  let start = s.bodyStart
  let end = s.bodyEnd
  while (start < end && /\s/.test(r.text[start] as string)) start++
  while (end > start && /\s/.test(r.text[end - 1] as string)) end--
  return { start, end }
}

// 怀化市 notice (for the 2021 reports): 内容雷同、敷衍塞责 is sanctioned under 条例第四十七条. A section
// that repeats last year's report (after removing template wording and years) was not rewritten.
const rule: BatchRule = {
  id: 'XDOC-PREV-COPY',
  family: 'cross',
  severity: 'warning',
  title: '第一、五部分与本乡镇上年年报雷同',
  source: '《政府信息公开条例》第四十七条；怀化市关于年报“内容雷同、敷衍塞责”的通报要求；评估机构“照搬上年”扣分项',
  confidence: 'T',
  checkBatch(ctx) {
    const out = new PerReport()
    const pairs = yearPairs(ctx.reports)
    if (!pairs.length) return { perReport: out.map, outcome: 'N/A', note: '批次中没有同一乡镇相邻年度的年报' }
    for (const { prev, cur } of pairs) {
      for (const [id, title] of SECTIONS) {
        const a = body(cur, id)
        const b = body(prev, id)
        if (!a || !b) continue
        const ga = regionGrams(cur.report, a.start, a.end)
        const gb = regionGrams(prev.report, b.start, b.end)
        if (ga.sim.length < MIN_CHARS) continue
        const c = containment(ga.grams, gb.grams)
        if (c < 0.6) continue
        const pct = Math.round(c * 100)
        const verdict = c >= 0.9 ? '基本照搬上年' : '大段沿用上年'
        out.add(cur.reportId, {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `${id}@${prev.year}`,
          evidence: [
            ownText(cur, a.start, a.end, `本年“${title}”`),
            reportEvidence(prev, `${reportName(prev)}“${title}”；5字片段重合率 ${pct}%`, b)
          ],
          message: `“${title}”与${reportName(prev)}相应部分的文字重合率为 ${pct}%（去除模板用语和年份后按5字片段计），${verdict}内容，请结合本年度实际情况重新撰写。`
        })
      }
    }
    return { perReport: out.map, outcome: out.anyFail() ? 'FAIL' : 'PASS', note: `比较了 ${pairs.length} 对同一乡镇相邻年度的年报` }
  }
}

export default rule
