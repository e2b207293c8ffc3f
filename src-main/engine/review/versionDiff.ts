// What changed between two versions of a report: the cells whose value moved, the text lines added or
// removed, and the report's findings sorted by what the newer version did to them (resolved, still
// there, new). Manual findings are the reviewer's own and belong to no version, so they are left out.
import type { Db } from '../db/open.ts'
import { findingsOf, type StoredFinding } from './findingsRepo.ts'
import { versionReading, type StoredParse } from '../db/versionsRepo.ts'
import { diffText } from './textDiff.ts'

export interface CellChange {
  table: string
  row: string
  col: string
  before: number | null
  after: number | null
}

export interface VersionChanges {
  cells: CellChange[]
  text: { op: 'add' | 'del'; text: string }[]
  resolved: StoredFinding[]
  remaining: StoredFinding[]
  added: StoredFinding[]
}

function cellValues(parsed: StoredParse | null): Map<string, number | null> {
  const cells = new Map<string, number | null>()
  for (const t of Object.values(parsed?.tables ?? {})) for (const c of t.cells) cells.set(`${c.table}|${c.row}|${c.col}`, c.value)
  return cells
}

/** Throws when either version is not one of the report's. */
export function versionChanges(db: Db, reportId: number, fromVersion: number, toVersion: number): VersionChanges {
  const load = (vid: number): { text: string; cells: Map<string, number | null> } => {
    const v = versionReading(db, reportId, vid)
    if (!v) throw new Error('没有这个版本')
    return { text: v.text, cells: cellValues(v.parsed) }
  }
  const a = load(fromVersion)
  const b = load(toVersion)
  const cells: CellChange[] = []
  for (const [k, after] of b.cells) {
    const before = a.cells.get(k) ?? null
    if (before !== after) {
      const [table, row, col] = k.split('|') as [string, string, string]
      cells.push({ table, row, col, before, after })
    }
  }
  const fs = findingsOf(db, reportId).filter((f) => !f.manual)
  const first = (f: StoredFinding): number => f.firstVersionId ?? 0
  const last = (f: StoredFinding): number => f.lastVersionId ?? 0
  return {
    cells,
    text: diffText(a.text, b.text),
    resolved: fs.filter((f) => f.state === 'resolved' && last(f) < toVersion && last(f) >= fromVersion),
    remaining: fs.filter((f) => f.state === 'open' && first(f) <= fromVersion),
    added: fs.filter((f) => f.state === 'open' && first(f) > fromVersion)
  }
}
