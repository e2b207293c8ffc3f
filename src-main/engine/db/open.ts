// Opening the review database: WAL, foreign keys, migrations after a backup copy.
// Only a file SQLite itself reports as corrupt is set aside (renamed, never overwritten); a
// database that is busy, on a full disk, read-only or not permitted is left exactly as it is and
// the reason is reported in Chinese.
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync, statfsSync } from 'node:fs'
import { dirname } from 'node:path'
import { MIGRATIONS } from './migrations.ts'

export type Db = Database.Database

export interface OpenResult {
  db: Db
  /** Messages for the reviewer about what happened on opening (backup written, corrupt file set aside). */
  notices: string[]
}

export interface OpenOptions {
  /** How long to wait for another program's lock before giving up (ms). */
  busyTimeoutMs?: number
}

/** The database could not be opened; nothing on disk was changed. The message is for the reviewer. */
export class DbOpenError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = 'DbOpenError'
    this.code = code
  }
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-')
}

function codeOf(e: unknown): string {
  const c = (e as { code?: unknown } | null)?.code
  return typeof c === 'string' ? c : ''
}

/** SQLite's own verdict that the file is not a sound database. */
function isCorruption(e: unknown): boolean {
  const c = codeOf(e)
  return c.startsWith('SQLITE_CORRUPT') || c === 'SQLITE_NOTADB' || e instanceof CorruptError
}

class CorruptError extends Error {}

/** Free bytes on the disk holding `dir`, or null when unknown. */
function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir)
    return s.bavail * s.bsize
  } catch {
    return null
  }
}

/** A Chinese reason for a failure that is not corruption; the file is left as it is. */
export function describeDbError(e: unknown, file: string): DbOpenError {
  if (e instanceof DbOpenError) return e
  const c = codeOf(e)
  const free = file === ':memory:' ? null : freeBytes(dirname(file))
  if (c === 'SQLITE_FULL' || c === 'ENOSPC' || (free !== null && free < 1024 * 1024 && /^(SQLITE_IOERR|SQLITE_CANTOPEN)/.test(c))) {
    return new DbOpenError('full', `磁盘空间已满，无法写入数据库。请清理磁盘空间后再试（数据库未作任何改动）：${file}`)
  }
  if (c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED')) {
    return new DbOpenError('busy', `数据库正被另一个程序使用（可能已打开了另一个年报审核窗口或命令行），请关闭后再试（数据库未作任何改动）：${file}`)
  }
  if (c.startsWith('SQLITE_READONLY') || c === 'SQLITE_PERM' || c === 'SQLITE_AUTH' || c === 'EACCES' || c === 'EPERM' || c === 'EROFS') {
    return new DbOpenError('readonly', `数据库文件或其所在文件夹是只读的或没有写入权限，请检查权限后再试（数据库未作任何改动）：${file}`)
  }
  if (c.startsWith('SQLITE_CANTOPEN')) {
    return new DbOpenError('cantopen', `无法打开数据库文件（文件夹不存在、只读或没有权限），请检查后再试：${file}`)
  }
  if (c.startsWith('SQLITE_IOERR') || c === 'EIO') {
    return new DbOpenError('io', `读写数据库时磁盘出错，请检查磁盘后再试（数据库未作任何改动）：${file}`)
  }
  const why = e instanceof Error ? e.message : String(e)
  return new DbOpenError('other', `无法打开数据库（${why}），数据库未作任何改动：${file}`)
}

/**
 * A Chinese reason when a database error is about the disk or the file rather than the data
 * being written (full disk, read-only, locked, I/O error); null otherwise.
 */
export function storageFailure(e: unknown, file: string): string | null {
  const c = codeOf(e)
  if (!/^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|PERM)/.test(c) && c !== 'ENOSPC') return null
  return describeDbError(e, file).message.replace(/（数据库未作任何改动）/, '')
}

function openRaw(file: string, busyMs: number): Db {
  const db = new Database(file)
  try {
    // Before any pragma that touches the file: a lock held by another program is waited for, not taken for damage.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyMs))}`)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    const r = db.pragma('quick_check', { simple: true })
    if (r !== 'ok') throw new CorruptError(String(r))
    return db
  } catch (e) {
    // Closed before anything is renamed: Windows cannot rename an open file.
    db.close()
    throw e
  }
}

export function openDb(file: string, opts: OpenOptions = {}): OpenResult {
  const busyMs = opts.busyTimeoutMs ?? (Number(process.env.XXGK_DB_BUSY_MS) || 5000)
  const notices: string[] = []
  if (file !== ':memory:') {
    try {
      mkdirSync(dirname(file), { recursive: true })
    } catch (e) {
      throw describeDbError(e, file)
    }
  }
  const existed = file === ':memory:' ? [] : ['', '-wal', '-shm'].filter((ext) => existsSync(file + ext))
  let db: Db
  try {
    db = openRaw(file, busyMs)
  } catch (e) {
    if (!isCorruption(e)) {
      removeEmptyLeftovers(file, existed)
      throw describeDbError(e, file)
    }
    if (file === ':memory:') throw new DbOpenError('other', '无法打开内存数据库')
    db = setAside(file, busyMs, notices)
  }
  try {
    migrate(db, file, notices)
  } catch (e) {
    if (db.open) db.close()
    removeEmptyLeftovers(file, existed)
    throw describeDbError(e, file)
  }
  return { db, notices }
}

/** Empty files SQLite created during a failed open (e.g. on a full disk) are removed: the folder is left as it was. */
function removeEmptyLeftovers(file: string, existed: string[]): void {
  for (const ext of ['-wal', '-shm', '']) {
    if (existed.includes(ext)) continue
    try {
      if (statSync(file + ext).size === 0) rmSync(file + ext)
    } catch {
      // absent, or not removable: nothing to undo
    }
  }
}

function setAside(file: string, busyMs: number, notices: string[]): Db {
  const aside = `${file}.corrupt-${stamp()}`
  const moved: [string, string][] = []
  try {
    renameSync(file, aside)
    moved.push([aside, file])
    for (const ext of ['-wal', '-shm']) {
      if (existsSync(file + ext)) {
        renameSync(file + ext, aside + ext)
        moved.push([aside + ext, file + ext])
      }
    }
  } catch (e) {
    for (const [from, to] of moved.reverse()) {
      try {
        renameSync(from, to)
      } catch {
        // left under its set-aside name; the message names it
      }
    }
    const why = describeDbError(e, file).message.replace(/（数据库未作任何改动）/, '')
    throw new DbOpenError('corrupt-stuck', `数据库文件已损坏，但无法另存：${why}`)
  }
  try {
    const db = openRaw(file, busyMs)
    notices.push(`数据库文件已损坏，已另存为 ${aside}，并新建了空数据库。`)
    return db
  } catch (e) {
    throw new DbOpenError('corrupt-new', `数据库文件已损坏，已另存为 ${aside}；但无法新建数据库：${describeDbError(e, file).message}`)
  }
}

function migrate(db: Db, file: string, notices: string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0
  if (current > SCHEMA_VERSION) {
    throw new DbOpenError('newer', `数据库由更新版本的程序创建（版本 ${current}），请升级本程序后再打开：${file}`)
  }
  if (current > 0 && current < SCHEMA_VERSION && file !== ':memory:') {
    const backup = `${file}.v${current}-backup-${stamp()}`
    db.pragma('wal_checkpoint(TRUNCATE)')
    try {
      copyFileSync(file, backup)
    } catch (e) {
      // A half-written copy on a full disk is no backup: removed, and the upgrade not attempted.
      rmSync(backup, { force: true })
      throw e
    }
    notices.push(`数据库已从版本 ${current} 升级到 ${SCHEMA_VERSION}，升级前的副本：${backup}`)
  }
  let vacuum = false
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue
    db.transaction(() => {
      db.exec(m.sql)
      m.run?.(db)
      db.pragma(`user_version = ${m.version}`)
    })()
    // A new database has nothing to give back.
    if (m.vacuum && current > 0) vacuum = true
  }
  if (vacuum) db.exec('VACUUM')
}
