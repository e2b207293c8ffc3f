import { reportEvidence, reportName, PerReport } from '../lib/batch.ts'
import type { BatchReport, BatchRule } from '../types.ts'

const key = (r: BatchReport): string => r.report.norm.replace(/\s+/g, '')

// The folder should hold one report per township and year; the same file twice, the same text in two
// files, or two reports of one township for one year need the reviewer to pick the valid one.
const rule: BatchRule = {
  id: 'XDOC-DUP-FILE',
  family: 'cross',
  severity: 'warning',
  title: '重复提交（同一乡镇同一年度多份，或文件/文字完全相同）',
  source: '批次审核逻辑：每个乡镇每年度一份年报',
  confidence: '-',
  checkBatch(ctx) {
    const out = new PerReport()
    const rs = ctx.reports
    const keys = new Map(rs.map((r) => [r.reportId, key(r)]))
    for (let i = 0; i < rs.length; i++) {
      for (let j = i + 1; j < rs.length; j++) {
        const a = rs[i] as BatchReport
        const b = rs[j] as BatchReport
        const why =
          a.sha256 && a.sha256 === b.sha256 ? '文件内容完全相同（哈希一致）'
          : keys.get(a.reportId) === keys.get(b.reportId) ? '文字内容完全相同'
          : a.township && a.year && a.township === b.township && a.year === b.year ? `同一乡镇（${a.township}）同一年度（${a.year}年）有两份年报`
          : null
        if (!why) continue
        for (const [x, y] of [[a, b], [b, a]] as [BatchReport, BatchReport][]) {
          out.add(x.reportId, {
            rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `dup.${y.reportId}`,
            evidence: [reportEvidence(y, `重复的另一份：${y.file}`)],
            message: `本报告与“${y.file}”（${reportName(y)}）重复：${why}，请确认以哪一份为准。`
          })
        }
      }
    }
    return { perReport: out.map, outcome: out.anyFail() ? 'FAIL' : 'PASS' }
  }
}

export default rule
