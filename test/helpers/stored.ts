// What a version stores, read the way the app reads it (versions.parsed is packed since migration 7).
import type { Db } from '../../src-main/engine/db/open.ts'
import { unpackJson } from '../../src-main/engine/db/packed.ts'
import type { CellValue, ParsedReport } from '../../src-main/engine/model.ts'

export function storedParsed(db: Db, versionId: number): Omit<ParsedReport, 'norm'> | null {
  return unpackJson(db.prepare('SELECT parsed FROM versions WHERE id = ?').pluck().get(versionId))
}

/** Every cell of every stored version (of one version when given), as the reader placed it. */
export function storedCells(db: Db, versionId?: number): CellValue[] {
  const ids = (versionId === undefined ? db.prepare('SELECT id FROM versions ORDER BY id').pluck().all() : [versionId]) as number[]
  return ids.flatMap((id) => Object.values(storedParsed(db, id)?.tables ?? {}).flatMap((t) => t.cells))
}
