// Opening the review database: WAL, foreign keys, migrations after a backup copy,
// and a corrupt file set aside (renamed), never overwritten.
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'
import { MIGRATIONS } from './migrations.ts'

export type Db = Database.Database

export interface OpenResult {
  db: Db
  /** Messages for the reviewer about what happened on opening (backup written, corrupt file set aside). */
  notices: string[]
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-')
}

function openRaw(file: string): Db {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  return db
}

function healthy(db: Db): boolean {
  try {
    const r = db.pragma('quick_check', { simple: true })
    return r === 'ok'
  } catch {
    return false
  }
}

export function openDb(file: string): OpenResult {
  const notices: string[] = []
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  let db: Db
  try {
    db = openRaw(file)
    if (!healthy(db)) throw new Error('integrity')
  } catch {
    if (file === ':memory:') throw new Error('无法打开内存数据库')
    const aside = `${file}.corrupt-${stamp()}`
    try {
      renameSync(file, aside)
      for (const ext of ['-wal', '-shm']) if (existsSync(file + ext)) renameSync(file + ext, aside + ext)
    } catch {
      throw new Error(`数据库文件损坏且无法移走：${file}`)
    }
    notices.push(`数据库文件已损坏，已另存为 ${aside}，并新建了空数据库。`)
    db = openRaw(file)
  }
  const current = db.pragma('user_version', { simple: true }) as number
  const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0
  if (current > SCHEMA_VERSION) {
    db.close()
    throw new Error(`数据库由更新版本的程序创建（版本 ${current}），请升级本程序后再打开：${file}`)
  }
  if (current > 0 && current < SCHEMA_VERSION && file !== ':memory:') {
    const backup = `${file}.v${current}-backup-${stamp()}`
    db.pragma('wal_checkpoint(TRUNCATE)')
    copyFileSync(file, backup)
    notices.push(`数据库已从版本 ${current} 升级到 ${SCHEMA_VERSION}，升级前的副本：${backup}`)
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return { db, notices }
}
