// Exports requested from the command line (--xlsx, --feedback).
import type { Db } from '../db/open.ts'

export async function runExports(_db: Db, _batchId: number, opts: { xlsx?: string; feedback?: string }): Promise<void> {
  if (opts.xlsx || opts.feedback) console.error('导出功能尚未实现（见 issue 5）')
}
