import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb, type Db } from '../../src-main/engine/db/open.ts'

/** A fresh temp folder; removed by the returned cleanup. */
export function tempDir(prefix = 'xxgk-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function tempDb(): { db: Db; file: string; cleanup: () => void } {
  const t = tempDir('xxgk-db-')
  const file = join(t.dir, 'review.db')
  const { db } = openDb(file)
  return {
    db,
    file,
    cleanup: () => {
      if (db.open) db.close()
      t.cleanup()
    }
  }
}

export function copyInto(dir: string, files: [string, string][]): void {
  for (const [from, to] of files) cpSync(from, join(dir, to))
}
