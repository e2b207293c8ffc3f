// Child process for the open tests: holds a lock on a database until killed.
// argv: <db file> <mode: write|exclusive>. Prints READY once the lock is held.
//   write: an open write transaction (WAL readers still get in);
//   exclusive: an exclusive transaction in rollback-journal mode, the way another SQLite tool can hold a file (nobody else gets in).
import Database from 'better-sqlite3'

const [file, mode] = process.argv.slice(2) as [string, string]
const db = new Database(file)
if (mode === 'exclusive') {
  // A rollback-journal exclusive transaction locks the file itself against every other process.
  db.pragma('journal_mode = DELETE')
  db.exec('BEGIN EXCLUSIVE')
} else {
  db.exec('BEGIN IMMEDIATE')
}
db.exec("INSERT INTO settings (key, value) VALUES ('lock-test', 'held') ON CONFLICT (key) DO UPDATE SET value = excluded.value")
console.log('READY')
// The handle stays referenced: a collected connection would close and release the lock.
setInterval(() => db.open, 1000)
