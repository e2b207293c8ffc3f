// Listing a submissions folder. Nothing is ignored silently: every file is either a candidate
// or a skipped entry with the reason.
import { lstatSync, readdirSync } from 'node:fs'
import { extname, join, relative, sep } from 'node:path'

export const SUPPORTED = new Set(['.txt', '.html', '.htm', '.docx', '.doc', '.pdf'])

export interface WalkEntry {
  rel: string
  abs: string
  ext: string
  size: number
  mtime: string
}

export interface WalkSkip {
  rel: string
  code: string
  message: string
}

const TEMP = /^(~\$|\.~|~WRL|\._)|\.(tmp|temp|bak|swp|crdownload|part)$|^(thumbs\.db|desktop\.ini|\.ds_store)$/i
const DB_FILE = /\.(db|db-wal|db-shm|sqlite)$/i

export function walkFolder(root: string, maxFiles = 20000): { files: WalkEntry[]; skipped: WalkSkip[] } {
  const files: WalkEntry[] = []
  const skipped: WalkSkip[] = []
  const rel = (p: string): string => relative(root, p).split(sep).join('/')
  const visit = (dir: string, depth: number): void => {
    let names: string[]
    try {
      names = readdirSync(dir).sort()
    } catch {
      skipped.push({ rel: rel(dir) || '.', code: 'unreadable-dir', message: '文件夹无法读取（权限不足或已被移走）' })
      return
    }
    for (const name of names) {
      const abs = join(dir, name)
      let st
      try {
        st = lstatSync(abs)
      } catch {
        skipped.push({ rel: rel(abs), code: 'unreadable', message: '文件无法读取（权限不足或已被移走）' })
        continue
      }
      if (st.isSymbolicLink()) {
        skipped.push({ rel: rel(abs), code: 'symlink', message: '符号链接，为避免循环和越界读取已跳过' })
        continue
      }
      if (st.isDirectory()) {
        if (name.startsWith('.')) continue
        if (depth >= 12) {
          skipped.push({ rel: rel(abs), code: 'too-deep', message: '文件夹层级过深（超过 12 层），已跳过' })
          continue
        }
        visit(abs, depth + 1)
        continue
      }
      if (!st.isFile()) {
        skipped.push({ rel: rel(abs), code: 'special', message: '不是普通文件，已跳过' })
        continue
      }
      const ext = extname(name).toLowerCase()
      if (TEMP.test(name)) {
        skipped.push({ rel: rel(abs), code: 'temp', message: '临时文件或系统文件（如 Word 打开时生成的 ~$ 文件），已跳过' })
      } else if (DB_FILE.test(name)) {
        skipped.push({ rel: rel(abs), code: 'database', message: '数据库文件，不是年报，已跳过' })
      } else if (!SUPPORTED.has(ext)) {
        skipped.push({ rel: rel(abs), code: 'unsupported', message: `不支持的文件类型（${ext || '无扩展名'}），已跳过；支持 .docx .doc .pdf .html .txt` })
      } else if (files.length >= maxFiles) {
        skipped.push({ rel: rel(abs), code: 'too-many', message: `文件夹中的年报文件超过 ${maxFiles} 个，其余已跳过` })
      } else {
        files.push({ rel: rel(abs), abs, ext, size: st.size, mtime: st.mtime.toISOString() })
      }
    }
  }
  visit(root, 0)
  return { files, skipped }
}
