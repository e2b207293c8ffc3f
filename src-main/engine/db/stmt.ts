// Prepared statements kept per connection: the import writes a dozen statements per file, and
// compiling the same SQL a thousand times costs more than running it.
import type { Statement } from 'better-sqlite3'
import type { Db } from './open.ts'

const CACHE = new WeakMap<Db, Map<string, Statement>>()

export function stmt(db: Db, sql: string): Statement {
  let m = CACHE.get(db)
  if (!m) CACHE.set(db, (m = new Map()))
  let s = m.get(sql)
  if (!s) m.set(sql, (s = db.prepare(sql)))
  return s
}
