// Exports requested from the command line (--xlsx, --feedback).
import type { Db } from '../db/open.ts'
import { loadExportBatch } from './data.ts'
import { confirmedFindings, exportLetters } from './feedbackDocx.ts'
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
    const { letters, skipped } = await exportLetters(db, batchId, opts.feedback)
    const drafts = letters.filter((l) => l.draft).length
    console.log(`整改意见：${letters.length} 份${drafts ? `（其中草稿 ${drafts} 份，审核未完成，不能发出）` : ''}，保存在 ${opts.feedback}`)
    for (const l of letters) {
      const r = batch.reports.find((x) => x.id === l.reportId)
      const confirmed = r ? confirmedFindings(r).length : 0
      const what = l.draft ? `草稿：${l.reasons.join('；')}` : r && !r.parsed ? '文件未能解析，要求重新报送' : confirmed ? `${confirmed} 项需整改` : '已通过，无需整改'
      console.log(`  ${l.file}：${what}`)
    }
    for (const s of skipped) console.log(`  未生成：${s.name}：${s.reason}`)
  }
}
