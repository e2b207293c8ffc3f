// The versions table (one file as read: its text, display HTML, parse and original bytes): the SQL
// of every stage that reads or writes a version, in one place. The import writes versions, the checks
// read the current ones of a batch, the exports read each report's current one, the review screens read
// one version or a report's history. Below every stage (ingest, checks, review, export all use it), so it
// imports nothing but the database helpers and the model's types; rows become models here.
import type { ParsedReport } from '../model.ts'
import type { Db } from './open.ts'
import { storedText, unpackJson } from './packed.ts'
import { stmt } from './stmt.ts'

// ---- written by the import ---------------------------------------------------------------------------

/** The newest version read from a file (by the files table's id). */
export function latestVersionOfFile(db: Db, fid: number): { id: number; sha256: string; report_id: number } | undefined {
  return stmt(db, 'SELECT id, sha256, report_id FROM versions WHERE file_id = ? ORDER BY id DESC LIMIT 1').get(fid) as
    | { id: number; sha256: string; report_id: number }
    | undefined
}

/** A version's columns as the import writes them (text already packed, parsed already packed). */
export interface NewVersionRow {
  report_id: number
  file_id: number
  sha256: string
  size: number
  mtime: string
  imported_at: string
  kind: string
  encoding: string | null
  status: string
  message: string | null
  text: string | Buffer
  html: string | null
  pages: string | null
  warnings: string
  format: string | null
  body: string | null
  township: string | null
  year: number | null
  sign_date: string | null
  title: string | null
  parsed: string | Buffer | null
  original: Buffer | null
}

/** Inserts the report's next version (its seq one past the last) and returns its id. */
export function insertVersion(db: Db, row: NewVersionRow): number {
  const seq = ((stmt(db, 'SELECT MAX(seq) AS m FROM versions WHERE report_id = ?').get(row.report_id) as { m: number | null }).m ?? 0) + 1
  const v = stmt(
    db,
    `INSERT INTO versions (report_id, file_id, seq, sha256, size, mtime, imported_at, kind, encoding, status, message, text, html, pages, warnings,
      format, body, township, year, sign_date, title, parsed, original)
     VALUES (@report_id, @file_id, @seq, @sha256, @size, @mtime, @imported_at, @kind, @encoding, @status, @message, @text, @html, @pages, @warnings,
      @format, @body, @township, @year, @sign_date, @title, @parsed, @original)`
  ).run({ ...row, seq })
  return Number(v.lastInsertRowid)
}

/**
 * A PDF version with its original kept and no row of text boxes (read before they were kept), whose
 * pages were all read from the text layer: scanned pages took OCR, which is not run again for boxes.
 */
export function boxlessPdfVersion(db: Db, versionId: number): { text: string; original: Buffer } | undefined {
  const v = stmt(
    db,
    `SELECT v.text, v.original FROM versions v WHERE v.id = ? AND v.kind = 'pdf' AND v.status = 'ok' AND v.original IS NOT NULL
       AND (v.pages IS NULL OR instr(v.pages, '"scanned":true') = 0)
       AND NOT EXISTS (SELECT 1 FROM version_boxes b WHERE b.version_id = v.id)`
  ).get(versionId) as { text: string | Buffer; original: Buffer } | undefined
  return v && { text: storedText(v.text), original: v.original }
}

// ---- read by the checks ------------------------------------------------------------------------------

/** What the batch check reads of one current version (its text and parsed JSON are fixed by its id). */
export interface CurrentVersionRow {
  report_id: number
  version_id: number
  rel_path: string
  township: string | null
  year: number | null
  body: string | null
  sha256: string
  /** Rule set of the per-version check work stored (version_checks), null when none is. */
  ruleset: string | null
}

/** The parsed current version of every report of the batch, by file path, without its text. */
export function currentVersionRows(db: Db, batchId: number): CurrentVersionRow[] {
  return stmt(
    db,
    `SELECT r.id AS report_id, v.id AS version_id, f.rel_path, v.township, v.year, v.body, v.sha256, c.ruleset
     FROM reports r JOIN versions v ON v.id = r.current_version_id JOIN files f ON f.id = v.file_id
     LEFT JOIN version_checks c ON c.version_id = v.id
     WHERE r.batch_id = ? AND v.parsed IS NOT NULL ORDER BY f.rel_path`
  ).all(batchId) as CurrentVersionRow[]
}

/** Readers of one column of a version by id, prepared once for a pass over many versions. */
export function versionColumnReaders(db: Db): { text: (versionId: number) => string; parsed: (versionId: number) => string | Buffer | null | undefined } {
  const textOf = db.prepare('SELECT text FROM versions WHERE id = ?').pluck()
  const parsedOf = db.prepare('SELECT parsed FROM versions WHERE id = ?').pluck()
  return {
    text: (id) => storedText(textOf.get(id)),
    parsed: (id) => parsedOf.get(id) as string | Buffer | null | undefined
  }
}

/** The text of a version (undefined when there is no such version). */
export function versionText(db: Db, versionId: number): string | undefined {
  const v = stmt(db, 'SELECT text FROM versions WHERE id = ?').get(versionId) as { text: string | Buffer } | undefined
  return v && storedText(v.text)
}

/** A report's current version as read: for settling its cells. */
export function currentReading(
  db: Db,
  reportId: number
): { batchId: number; versionId: number; text: string; parsed: string | Buffer | null } | undefined {
  const r = stmt(db, 'SELECT r.batch_id, v.id AS version_id, v.text, v.parsed FROM reports r JOIN versions v ON v.id = r.current_version_id WHERE r.id = ?').get(reportId) as
    | { batch_id: number; version_id: number; text: string | Buffer; parsed: string | Buffer | null }
    | undefined
  return r && { batchId: r.batch_id, versionId: r.version_id, text: storedText(r.text), parsed: r.parsed }
}

/** How a version was read: its parse and status, for the command line's JSON. */
export function versionOutcome(db: Db, versionId: number): { parsed: string | Buffer | null; status: string; message: string | null; report_id: number } | undefined {
  return stmt(db, 'SELECT parsed, status, message, report_id FROM versions WHERE id = ?').get(versionId) as
    | { parsed: string | Buffer | null; status: string; message: string | null; report_id: number }
    | undefined
}

/**
 * The current texts of a batch's reports that contain the words, by township, unpacked one at a time as
 * the caller goes on. Needs the SQL function text_has (review/search.ts registers it on the connection).
 */
export function* currentTextsHolding(db: Db, batchId: number, words: string): Generator<{ id: number; township: string | null; year: number | null; text: string }> {
  const rows = db
    .prepare(
      `SELECT r.id, r.township, r.year, v.text FROM reports r JOIN versions v ON v.id = r.current_version_id
       WHERE r.batch_id = ? AND text_has(v.text, ?) ORDER BY r.township, r.id`
    )
    .iterate(batchId, words) as IterableIterator<{ id: number; township: string | null; year: number | null; text: unknown }>
  for (const r of rows) yield { id: r.id, township: r.township, year: r.year, text: storedText(r.text) }
}

// ---- read by the exports -----------------------------------------------------------------------------

/** A report with its current version (null columns when it has none), as the exports read it. */
export interface ExportVersionRow {
  id: number
  batch_id: number
  township: string | null
  year: number | null
  review_status: string
  version_id: number | null
  seq: number | null
  kind: string | null
  status: string | null
  message: string | null
  format: string | null
  body: string | null
  body_named: string | null
  title: string | null
  sign_date: string | null
  imported_at: string | null
  parsed: string | Buffer | null
  rel_path: string | null
  versions: number
}

/** The reports of a batch, or one report, each with its current version and its count of versions. */
export function exportVersionRows(db: Db, by: { batchId: number } | { reportId: number }): ExportVersionRow[] {
  const where = 'batchId' in by ? 'r.batch_id = ?' : 'r.id = ?'
  return db
    .prepare(
      `SELECT r.id, r.batch_id, r.township, r.year, r.review_status, v.id AS version_id, v.seq, v.kind, v.status, v.message, v.format,
              v.body, r.body_named, v.title, v.sign_date, v.imported_at, v.parsed, f.rel_path,
              (SELECT COUNT(*) FROM versions x WHERE x.report_id = r.id) AS versions
       FROM reports r LEFT JOIN versions v ON v.id = r.current_version_id LEFT JOIN files f ON f.id = v.file_id
       WHERE ${where} ORDER BY r.id`
    )
    .all('batchId' in by ? by.batchId : by.reportId) as ExportVersionRow[]
}

// ---- read by the review screens ----------------------------------------------------------------------

export type StoredParse = Omit<ParsedReport, 'norm'>

/** One version as it was read: the file, what the reader and parser made of it. */
export interface StoredVersion {
  id: number
  reportId: number
  file: string
  kind: 'txt' | 'html' | 'docx' | 'doc' | 'pdf'
  status: string
  message: string | null
  township: string | null
  body: string | null
  year: number | null
  format: string | null
  signDate: string | null
  title: string | null
  text: string
  /** Sanitised display HTML (Word, HTML). */
  html: string | null
  pages: { width: number; height: number; scanned?: boolean }[] | null
  /** Null when the version could not be parsed. */
  parsed: StoredParse | null
}

interface VersionRow {
  id: number
  report_id: number
  rel_path: string
  kind: StoredVersion['kind']
  status: string
  message: string | null
  township: string | null
  body: string | null
  year: number | null
  format: string | null
  sign_date: string | null
  title: string | null
  /** Packed since migration 10 (db/packed.ts); plain in rows written before. */
  text: string | Buffer
  html: string | null
  pages: string | null
  parsed: string | Buffer | null
}

/** A version of the report (undefined when it is not one of the report's). The original file is left out: see originalOf. */
export function versionOf(db: Db, reportId: number, versionId: number): StoredVersion | undefined {
  const v = db
    .prepare(
      `SELECT v.id, v.report_id, f.rel_path, v.kind, v.status, v.message, v.township, v.body, v.year, v.format, v.sign_date, v.title, v.text, v.html, v.pages, v.parsed
       FROM versions v JOIN files f ON f.id = v.file_id WHERE v.id = ? AND v.report_id = ?`
    )
    .get(versionId, reportId) as VersionRow | undefined
  if (!v) return undefined
  return {
    id: v.id,
    reportId: v.report_id,
    file: v.rel_path,
    kind: v.kind,
    status: v.status,
    message: v.message,
    township: v.township,
    body: v.body,
    year: v.year,
    format: v.format,
    signDate: v.sign_date,
    title: v.title,
    text: storedText(v.text),
    html: v.html,
    pages: v.pages ? (JSON.parse(v.pages) as StoredVersion['pages']) : null,
    parsed: unpackJson<StoredParse>(v.parsed)
  }
}

/** Only the text and the parse of a version, for comparing two of them. */
export function versionReading(db: Db, reportId: number, versionId: number): { text: string; parsed: StoredParse | null } | undefined {
  const v = db.prepare('SELECT text, parsed FROM versions WHERE id = ? AND report_id = ?').get(versionId, reportId) as
    | { text: string | Buffer; parsed: string | Buffer | null }
    | undefined
  return v && { text: storedText(v.text), parsed: unpackJson<StoredParse>(v.parsed) }
}

export interface VersionListItem {
  id: number
  seq: number
  file: string
  importedAt: string
  sha256: string
}

/** The report's versions, oldest first. */
export function versionsOf(db: Db, reportId: number): VersionListItem[] {
  return db
    .prepare('SELECT v.id, v.seq, f.rel_path AS file, v.imported_at AS importedAt, v.sha256 FROM versions v JOIN files f ON f.id = v.file_id WHERE v.report_id = ? ORDER BY v.seq')
    .all(reportId) as VersionListItem[]
}

/** The stored original file of a version (PDFs keep theirs for the viewer). */
export function originalOf(db: Db, versionId: number): Buffer | null {
  return (db.prepare('SELECT original FROM versions WHERE id = ?').get(versionId) as { original: Buffer | null } | undefined)?.original ?? null
}
