// Helpers for the interrupted-import tests: run the import in a child process and kill it after
// a number of committed files; describe what a database holds as comparable text.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { Db } from '../../src-main/engine/db/open.ts'
import { ROOT } from './seeds.ts'

/** Runs an import in a child process; SIGKILLs it once `killAfter` files are stored (Infinity: let it finish). */
export function importInChild(dbFile: string, folder: string, killAfter: number): Promise<{ killed: boolean; stored: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'test', 'ingest', 'importChild.ts'), dbFile, folder], { stdio: ['ignore', 'pipe', 'inherit'] })
    let stored = 0
    let killed = false
    let buf = ''
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString()
      let nl: number
      while ((nl = buf.indexOf('\n')) >= 0) {
        const m = /^STORED (\d+)$/.exec(buf.slice(0, nl))
        buf = buf.slice(nl + 1)
        if (m) stored = Number(m[1])
        if (!killed && stored >= killAfter) {
          killed = true
          child.kill('SIGKILL')
        }
      }
    })
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('exit', () => {
      clearTimeout(guard)
      resolve({ killed, stored })
    })
  })
}

/** Reports with their versions (file, sequence, content hash), in a stable order. */
export function importSignature(db: Db): { reports: number; multiVersion: number; lines: string[] } {
  const rows = db
    .prepare(
      `SELECT r.key, r.township, r.year, GROUP_CONCAT(f.rel_path || ':' || v.seq || ':' || v.sha256, ' ') AS versions, COUNT(v.id) AS n
       FROM reports r JOIN versions v ON v.report_id = r.id JOIN files f ON f.id = v.file_id
       GROUP BY r.id ORDER BY r.key`
    )
    .all() as { key: string; township: string | null; year: number | null; versions: string; n: number }[]
  return {
    reports: rows.length,
    multiVersion: rows.filter((r) => r.n > 1).length,
    lines: rows.map((r) => `${r.key} | ${r.township} | ${r.year} | ${r.versions.split(' ').sort().join(' ')}`)
  }
}
