// Listing a submissions folder. Nothing is ignored silently: every file is either a candidate
// or a skipped entry with the reason.
import { lstatSync, readdirSync } from 'node:fs'
import { extname, join, sep } from 'node:path'
import { TextDecoder } from 'node:util'

export const SUPPORTED = new Set(['.txt', '.html', '.htm', '.docx', '.doc', '.pdf'])

export interface WalkEntry {
  rel: string
  /** A Buffer when the name on disk is not valid UTF-8 (e.g. GBK names unpacked from a zip on Linux). */
  abs: string | Buffer
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

const GBK = new TextDecoder('gbk', { fatal: true })

/** A readable name for bytes that are not UTF-8: GBK when they decode as GBK, else with replacement marks. */
function displayName(raw: Buffer): string {
  try {
    return GBK.decode(raw)
  } catch {
    return raw.toString('utf8')
  }
}

function errReason(e: unknown, what: '文件' | '文件夹'): string {
  const code = (e as { code?: string } | null)?.code
  if (code === 'EACCES' || code === 'EPERM') return `${what}无法读取：权限不足`
  if (code === 'ENOENT') return `${what}无法读取：已被移走或删除`
  if (code === 'ENAMETOOLONG') return `${what}无法读取：路径过长`
  if (code === 'EIO') return `${what}无法读取：磁盘读取错误`
  return `${what}无法读取（${code ?? (e instanceof Error ? e.message : String(e))}）`
}

export function walkFolder(root: string, maxFiles = 20000): { files: WalkEntry[]; skipped: WalkSkip[] } {
  const files: WalkEntry[] = []
  const skipped: WalkSkip[] = []
  // `shown` is the folder's path for display (relative to root); `dir` the path on disk, a Buffer
  // once a name on the way is not UTF-8, so that such files are read rather than skipped.
  const visit = (dir: string | Buffer, shown: string, depth: number): void => {
    let raws: Buffer[]
    try {
      raws = readdirSync(dir, { encoding: 'buffer' })
    } catch (e) {
      skipped.push({ rel: shown || '.', code: 'unreadable-dir', message: errReason(e, '文件夹') })
      return
    }
    const entries = raws.map((raw) => {
      const utf8 = raw.toString('utf8')
      const exact = Buffer.from(utf8, 'utf8').equals(raw)
      const name = exact ? utf8 : displayName(raw)
      const abs: string | Buffer =
        exact && typeof dir === 'string' ? join(dir, utf8) : Buffer.concat([typeof dir === 'string' ? Buffer.from(dir) : dir, Buffer.from(sep), raw])
      return { name, abs, rel: shown ? `${shown}/${name}` : name }
    })
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const { name, abs, rel: r } of entries) {
      let st
      try {
        st = lstatSync(abs)
      } catch (e) {
        skipped.push({ rel: r, code: 'unreadable', message: errReason(e, '文件') })
        continue
      }
      if (st.isSymbolicLink()) {
        skipped.push({ rel: r, code: 'symlink', message: '符号链接，为避免循环和越界读取已跳过' })
        continue
      }
      if (st.isDirectory()) {
        if (name.startsWith('.')) continue
        if (depth >= 12) {
          skipped.push({ rel: r, code: 'too-deep', message: '文件夹层级过深（超过 12 层），已跳过' })
          continue
        }
        visit(abs, r, depth + 1)
        continue
      }
      if (!st.isFile()) {
        skipped.push({ rel: r, code: 'special', message: '不是普通文件，已跳过' })
        continue
      }
      const ext = extname(name).toLowerCase()
      if (TEMP.test(name)) {
        skipped.push({ rel: r, code: 'temp', message: '临时文件或系统文件（如 Word 打开时生成的 ~$ 文件），已跳过' })
      } else if (DB_FILE.test(name)) {
        skipped.push({ rel: r, code: 'database', message: '数据库文件，不是年报，已跳过' })
      } else if (!SUPPORTED.has(ext)) {
        skipped.push({ rel: r, code: 'unsupported', message: `不支持的文件类型（${ext || '无扩展名'}），已跳过；支持 .docx .doc .pdf .html .txt` })
      } else if (files.length >= maxFiles) {
        skipped.push({ rel: r, code: 'too-many', message: `文件夹中的年报文件超过 ${maxFiles} 个，其余已跳过` })
      } else {
        files.push({ rel: r, abs, ext, size: st.size, mtime: st.mtime.toISOString() })
      }
    }
  }
  visit(root, '', 0)
  return { files, skipped }
}
