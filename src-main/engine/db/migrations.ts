// Numbered migrations, applied in order from an empty database. Never edit a released one:
// add a new entry. The schema version is kept in PRAGMA user_version.
import type Database from 'better-sqlite3'
import { packText } from './packed.ts'

export interface Migration {
  version: number
  name: string
  sql: string
  /** Work SQL cannot do (compressing), run after `sql` in the same transaction. */
  run?: (db: Database.Database) => void
  /** Give the freed pages back to the disk after this migration (VACUUM cannot run in a transaction). */
  vacuum?: boolean
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  root TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  rel_path TEXT NOT NULL,
  UNIQUE (batch_id, rel_path)
);
-- One report per township and year in a batch; its versions are the files received for it.
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  township TEXT,
  year INTEGER,
  current_version_id INTEGER,
  review_status TEXT NOT NULL DEFAULT '待审核',
  UNIQUE (batch_id, key)
);
CREATE TABLE versions (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime TEXT,
  imported_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  encoding TEXT,
  status TEXT NOT NULL,
  message TEXT,
  text TEXT NOT NULL DEFAULT '',
  html TEXT,
  pages TEXT,
  warnings TEXT NOT NULL DEFAULT '[]',
  format TEXT,
  body TEXT,
  township TEXT,
  year INTEGER,
  sign_date TEXT,
  title TEXT,
  parsed TEXT,
  original BLOB
);
CREATE INDEX versions_report ON versions(report_id);
CREATE INDEX versions_file ON versions(file_id);
CREATE TABLE sections (
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  section_id TEXT NOT NULL,
  found INTEGER NOT NULL,
  title TEXT,
  title_match TEXT,
  start INTEGER,
  end INTEGER,
  body_start INTEGER,
  body_end INTEGER,
  PRIMARY KEY (version_id, section_id)
);
CREATE TABLE cells (
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  table_id TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col_id TEXT NOT NULL,
  value REAL,
  raw TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT,
  start INTEGER,
  end INTEGER,
  page INTEGER,
  box TEXT,
  PRIMARY KEY (version_id, table_id, row_id, col_id)
);
-- Files that could not be imported, or were skipped, at each import run.
CREATE TABLE file_events (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  rel_path TEXT NOT NULL,
  kind TEXT NOT NULL,
  code TEXT,
  message TEXT NOT NULL,
  sha256 TEXT,
  at TEXT NOT NULL,
  current INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX file_events_batch ON file_events(batch_id, current);
-- Findings keep a stable key (rule + location) so decisions survive re-checks and new versions.
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  outcome TEXT NOT NULL,
  message TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '[]',
  first_version_id INTEGER,
  last_version_id INTEGER,
  state TEXT NOT NULL DEFAULT 'open',
  manual INTEGER NOT NULL DEFAULT 0,
  decision TEXT,
  comment TEXT,
  decided_by TEXT,
  decided_at TEXT,
  UNIQUE (report_id, key)
);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  reviewer TEXT,
  action TEXT NOT NULL,
  report_id INTEGER,
  finding_key TEXT,
  before TEXT,
  after TEXT,
  undone INTEGER NOT NULL DEFAULT 0
);
-- Outcome of every rule (PASS / FAIL / N/A / UNVERIFIABLE, with its note) for a version, as JSON.
CREATE TABLE rule_results (
  version_id INTEGER PRIMARY KEY REFERENCES versions(id) ON DELETE CASCADE,
  results TEXT NOT NULL
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`
  },
  {
    version: 2,
    name: 'version-checks',
    // A cache beside each version: the results of the rules that depend on the report alone and a
    // small outline of the parsed report (checks/prep.ts). Deleting a row only costs a recomputation.
    sql: `
CREATE TABLE version_checks (
  version_id INTEGER PRIMARY KEY REFERENCES versions(id) ON DELETE CASCADE,
  ruleset TEXT NOT NULL,
  prep TEXT NOT NULL
);
`
  },
  {
    version: 3,
    name: 'import-runs',
    // Each import of a folder is a run; a run that did not finish (crash, cancel) is resumed by the
    // next import of that folder, so files of one run are told apart from later resubmissions the same
    // way wherever the run was interrupted. reports.run_id: the run that created the report.
    sql: `
CREATE TABLE import_runs (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  started_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX import_runs_batch ON import_runs(batch_id, finished_at);
ALTER TABLE reports ADD COLUMN run_id INTEGER;
CREATE INDEX reports_run ON reports(run_id);
`
  },
  {
    version: 4,
    name: 'reviewer-workflow',
    // body_named: the issuing body as the reviewer named it, when the report does not say it (a scan)
    // or says it wrongly; letters are addressed to it. import_state: how the last import of a folder
    // ended, so that a cancelled one stays visible after a reload.
    sql: `
ALTER TABLE reports ADD COLUMN body_named TEXT;
CREATE TABLE import_state (
  batch_id INTEGER PRIMARY KEY REFERENCES batches(id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  total INTEGER NOT NULL,
  done INTEGER NOT NULL,
  at TEXT NOT NULL
);
`
  },
  {
    version: 5,
    name: 'settlements',
    // Cells the reviewer settled (settle/settlement.ts). The reader's values in cells/parsed are never
    // changed: a row keeps what was read and what was settled; withdrawing or undoing clears `active`,
    // nothing is deleted. Numbered 5 because versions 3 and 4 are taken by work merged alongside.
    sql: `
CREATE TABLE settlements (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  table_id TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col_id TEXT NOT NULL,
  read_value REAL,
  read_raw TEXT NOT NULL,
  read_status TEXT NOT NULL,
  source_text TEXT NOT NULL,
  value REAL,
  kind TEXT NOT NULL,
  settled_by TEXT NOT NULL,
  settled_at TEXT NOT NULL,
  carried_from INTEGER REFERENCES settlements(id),
  active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX settlements_version ON settlements(version_id, active);
`
  },
  {
    version: 6,
    name: 'file-events-by-file',
    // The event of one file is replaced for every file imported; by batch alone that lookup
    // scanned every event of the batch, quadratic in a folder of thousands of refused files.
    sql: `
CREATE INDEX file_events_file ON file_events(batch_id, rel_path, current);
`
  },
  {
    version: 7,
    name: 'compact-store',
    // The store kept ~115 KB per report for 9 KB of text (issue 17). The cells table repeated the
    // cells of versions.parsed row by row (200 rows and their index per version, ~23 KB): its readers
    // now take the cells from the parsed report. versions.parsed and version_checks.prep are kept
    // deflated (db/packed.ts): ~37 KB and ~17 KB of JSON become ~6 KB and ~5 KB; so are the findings'
    // evidence and the rule outcomes (rule_results), ~13 KB and ~4 KB of JSON per report at 14 findings.
    sql: `
DROP TABLE cells;
`,
    run: (db) => {
      for (const [table, key, col] of [
        ['versions', 'id', 'parsed'],
        ['version_checks', 'version_id', 'prep'],
        ['findings', 'id', 'evidence'],
        ['rule_results', 'version_id', 'results']
      ] as const) {
        const rows = db.prepare(`SELECT ${key} AS k, ${col} AS v FROM ${table} WHERE typeof(${col}) = 'text'`).iterate() as IterableIterator<{ k: number; v: string }>
        const put = db.prepare(`UPDATE ${table} SET ${col} = ? WHERE ${key} = ?`)
        const packed: [Buffer, number][] = []
        for (const r of rows) packed.push([packText(r.v), r.k])
        for (const [v, k] of packed) put.run(v, k)
      }
    },
    vacuum: true
  },
  {
    version: 8,
    name: 'batch-checks',
    // Fingerprint of everything the last batch check of a folder read (checks/stamp.ts): the current
    // versions, their settled cells and stored check work, the settings and the rules. Equal at the
    // next check: nothing can have changed, the check is skipped. Deleting the row only costs a re-check.
    sql: `
CREATE TABLE batch_checks (
  batch_id INTEGER PRIMARY KEY REFERENCES batches(id) ON DELETE CASCADE,
  stamp TEXT NOT NULL,
  at TEXT NOT NULL
);
`
  },
  {
    version: 9,
    name: 'version-boxes',
    // Where each run of a PDF's text stands on its page (engine/text/lineBoxes.ts), so that text evidence
    // is drawn as boxes on the page and the scan image. Packed: about 1 KB for a report of 3–6 pages. Versions read
    // before have no row; the renderer then finds their words in the pdf.js text layer as before.
    sql: `
CREATE TABLE version_boxes (
  version_id INTEGER PRIMARY KEY REFERENCES versions(id) ON DELETE CASCADE,
  boxes BLOB NOT NULL
);
`
  }
]

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0
