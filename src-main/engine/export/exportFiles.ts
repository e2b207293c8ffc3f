// Where the reviewer's exports are written and what they are called: one folder per batch under the
// exports root (<id>-<batch name>), the summary and the letters' archive dated by the day. The
// xlsx and docx writers are loaded on first use: they are large and most sessions export nothing.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../db/open.ts'
import { batchName } from '../review/batchesRepo.ts'
import { reportInBatch } from '../review/reportsRepo.ts'

export interface LetterFiles {
  files: string[]
  zip?: string
  drafts: string[]
  skipped: { reportId: number; name: string; reason: string }[]
}

const today = (): string => new Date().toISOString().slice(0, 10)

/** The batch's export folder, made if missing; throws for a batch that does not exist (no folder for it). */
export function batchExportsDir(db: Db, root: string, batchId: number): string {
  const name = batchName(db, batchId)
  if (name === undefined) throw new Error(`没有编号为 ${batchId} 的文件夹`)
  const dir = join(root, `${batchId}-${name.replace(/[\\/:*?"<>|]/g, '_')}`)
  mkdirSync(dir, { recursive: true })
  return dir
}

export async function exportSummaryFile(db: Db, root: string, batchId: number): Promise<string> {
  const { exportSummaryXlsx } = await import('./summaryXlsx.ts')
  const file = join(batchExportsDir(db, root, batchId), `合规汇总-${today()}.xlsx`)
  await exportSummaryXlsx(db, batchId, file)
  return file
}

/** One report's letter, or every letter of the batch and their archive. */
export async function exportLetterFiles(db: Db, root: string, batchId: number, reportId?: number): Promise<LetterFiles> {
  const mod = await import('./feedbackDocx.ts')
  const base = batchExportsDir(db, root, batchId)
  const dir = join(base, '整改意见')
  mkdirSync(dir, { recursive: true })
  if (reportId !== undefined) {
    if (!reportInBatch(db, reportId, batchId)) throw new Error('没有这份年报')
    const file = join(dir, mod.letterFileName(db, reportId))
    const state = await mod.exportFeedbackDocx(db, reportId, file)
    return { files: [file], drafts: state.kind === 'draft' ? [file] : [], skipped: [] }
  }
  const { letters, skipped } = await mod.exportLetters(db, batchId, dir)
  const files = letters.map((l) => l.file)
  const zip = files.length ? await mod.zipLetters(files, join(base, `整改意见-${today()}.zip`)) : undefined
  return { files, zip, drafts: letters.filter((l) => l.draft).map((l) => l.file), skipped }
}
