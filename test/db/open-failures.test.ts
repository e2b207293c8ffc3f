// A database that cannot be opened for any reason other than corruption is left exactly as it is,
// with a Chinese reason: locked by another process, on a full disk, in a read-only folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DbOpenError, openDb } from '../../src-main/engine/db/open.ts'
import { ROOT } from '../helpers/seeds.ts'
import { CAN_MOUNT, mountTmpfs } from '../helpers/mount.ts'
import { tempDir } from '../helpers/tmp.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of readdirSync(dir).sort()) {
    if (f.endsWith('-shm')) continue // shared-memory index, rebuilt by SQLite at every open
    out[f] = createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')
  }
  return out
}

function makeDb(dir: string): string {
  const file = join(dir, 'review.db')
  const { db } = openDb(file)
  db.prepare("INSERT INTO settings (key, value) VALUES ('reviewer', '张三')").run()
  db.close()
  return file
}

function lockIn(file: string, mode: 'write' | 'exclusive'): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'test', 'db', 'lockChild.ts'), file, mode], { stdio: ['ignore', 'pipe', 'inherit'] })
    cleanups.push(() => child.kill('SIGKILL'))
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('READY')) resolve(child)
    })
    child.on('exit', (code) => reject(new Error(`lock child exited ${code}`)))
  })
}

function expectRefused(file: string, pattern: RegExp): DbOpenError {
  let err: unknown
  try {
    openDb(file, { busyTimeoutMs: 200 }).db.close()
  } catch (e) {
    err = e
  }
  expect(err).toBeInstanceOf(DbOpenError)
  const msg = (err as Error).message
  expect(msg).toMatch(pattern)
  expect(msg).not.toMatch(/损坏/)
  expect(msg).toContain(file)
  return err as DbOpenError
}

describe('a database that cannot be opened is never set aside unless SQLite calls it corrupt', () => {
  it('a database held exclusively by another process: refused in Chinese, nothing on disk changes', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const file = makeDb(t.dir)
    const child = await lockIn(file, 'exclusive')
    const before = snapshot(t.dir)
    const e = expectRefused(file, /另一个程序使用/)
    expect(readdirSync(t.dir).some((f) => f.includes('corrupt'))).toBe(false)
    expect(e.code).toBe('busy')
    expect(snapshot(t.dir)).toEqual(before)
    child.kill('SIGKILL')
    // Once the other program is gone the same database opens with its data.
    await new Promise((r) => child.once('exit', r))
    const { db, notices } = openDb(file)
    expect(notices).toEqual([])
    expect(db.prepare("SELECT value FROM settings WHERE key = 'reviewer'").pluck().get()).toBe('张三')
    db.close()
  })

  it('a database with a write transaction open in another process opens normally (WAL readers are not blocked)', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const file = makeDb(t.dir)
    await lockIn(file, 'write')
    const { db, notices } = openDb(file, { busyTimeoutMs: 200 })
    expect(notices).toEqual([])
    expect(db.prepare("SELECT value FROM settings WHERE key = 'reviewer'").pluck().get()).toBe('张三')
    db.close()
    expect(readdirSync(t.dir).some((f) => f.includes('corrupt'))).toBe(false)
  })

  it.runIf(CAN_MOUNT)('a database on a full disk: refused as a full disk, no copy is made, nothing changes', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const m = mountTmpfs(join(t.dir, 'disk'), 1024)
    if (!m) throw new Error('tmpfs mount failed')
    cleanups.push(m.unmount)
    // An older schema, so that opening has to write (backup copy + migration).
    const file = makeDb(m.dir)
    const { db: old } = openDb(file)
    old.pragma('user_version = 1')
    old.exec('DROP TABLE version_checks')
    old.close()
    // Fill the disk.
    const filler = join(m.dir, 'filler')
    try {
      for (let i = 0; ; i++) writeFileSync(join(m.dir, `filler-${i}`), Buffer.alloc(16 * 1024))
    } catch {
      // full
    }
    const before = snapshot(m.dir)
    for (let attempt = 0; attempt < 3; attempt++) {
      const e = expectRefused(file, /磁盘空间已满/)
      expect(e.code).toBe('full')
      expect(snapshot(m.dir)).toEqual(before)
    }
    expect(readdirSync(m.dir).some((f) => f.includes('corrupt') || f.includes('backup'))).toBe(false)
    rmSync(filler, { force: true })
  })

  it.runIf(CAN_MOUNT)('a database in a read-only folder: refused as read-only, nothing changes', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const m = mountTmpfs(join(t.dir, 'ro'), 4096)
    if (!m) throw new Error('tmpfs mount failed')
    cleanups.push(m.unmount)
    const file = makeDb(m.dir)
    m.readOnly()
    const before = snapshot(m.dir)
    const e = expectRefused(file, /只读|没有写入权限/)
    expect(['readonly', 'cantopen']).toContain(e.code)
    expect(snapshot(m.dir)).toEqual(before)
    // A new database in a read-only folder: the same reason, and nothing is created.
    expectRefused(join(m.dir, 'sub', 'new.db'), /只读|没有写入权限|无法打开/)
    expect(readdirSync(m.dir)).toEqual(Object.keys(before))
  })

  it('the CLI reports a locked database in one Chinese line, without a stack trace, and changes nothing', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const file = makeDb(t.dir)
    await lockIn(file, 'exclusive')
    const before = snapshot(t.dir)
    const r = spawnSync(process.execPath, [join(ROOT, 'src-main', 'cli', 'review.ts'), join(ROOT, 'test', 'fixtures', 'seeds'), '--db', file], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, XXGK_DB_BUSY_MS: '300' }
    })
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/出错：数据库正被另一个程序使用/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(snapshot(t.dir)).toEqual(before)
  })

  it('browser mode reports a locked database in Chinese and exits, without a stack trace', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const file = makeDb(t.dir)
    await lockIn(file, 'exclusive')
    writeFileSync(join(t.dir, 'index.html'), '<!doctype html>')
    const before = snapshot(t.dir)
    const r = spawnSync(process.execPath, [join(ROOT, 'src-main', 'server', 'main.ts'), '--db', file, '--renderer', t.dir, '--no-sample'], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, XXGK_DB_BUSY_MS: '300' }
    })
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/无法启动：数据库正被另一个程序使用/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(snapshot(t.dir)).toEqual(before)
  })
})
