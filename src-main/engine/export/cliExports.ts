// Exports requested from the command line (--xlsx, --feedback).
import type { Db } from '../db/open.ts'
import { loadExportBatch } from './data.ts'
import { confirmedFindings, exportAllFeedback } from './feedbackDocx.ts'
import { exportSummaryXlsx } from './summaryXlsx.ts'

export async function runExports(db: Db, batchId: number, opts: { xlsx?: string; feedback?: string }): Promise<void> {
  if (!opts.xlsx && !opts.feedback) return
  const batch = loadExportBatch(db, batchId)
  if (opts.xlsx) {
    await exportSummaryXlsx(db, batchId, opts.xlsx)
    const findings = batch.reports.reduce((n, r) => n + r.findings.length, 0)
    const missing = batch.missing.length ? `，未报送 ${batch.missing.length} 个` : ''
    console.log(`汇总表：${opts.xlsx}（${batch.reports.length} 份报告${missing}，${findings} 条发现）`)
  }
  if (opts.feedback) {
    const files = await exportAllFeedback(db, batchId, opts.feedback)
    console.log(`整改意见：${files.length} 份，保存在 ${opts.feedback}`)
    batch.reports.forEach((r, i) => {
      const confirmed = confirmedFindings(r).length
      const pending = r.findings.filter((f) => f.decision === null).length
      const what = !r.parsed ? '文件未能解析，要求重新报送' : confirmed ? `${confirmed} 项需整改` : '无需整改'
      const warn = pending ? `；另有 ${pending} 条发现待确认，未写入` : ''
      console.log(`  ${files[i] ?? ''}：${what}${warn}`)
    })
  }
}
