// The version_boxes table (migration 9): the packed runs of a PDF version (lineBoxes.ts), one row per
// version that has any. Written with the version, read when its findings are sent to the UI.
import type { Db } from '../db/open.ts'
import { stmt } from '../db/stmt.ts'
import { type LineBox, unpackLineBoxes } from './lineBoxes.ts'

/** Stores a version's packed runs; nothing for a version without any (not a PDF, nothing placed). */
export function saveVersionBoxes(db: Db, versionId: number, packed: Uint8Array | null | undefined): void {
  if (!packed || packed.byteLength === 0) return
  const buf = Buffer.isBuffer(packed) ? packed : Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength)
  stmt(db, 'INSERT OR REPLACE INTO version_boxes (version_id, boxes) VALUES (?, ?)').run(versionId, buf)
}

/**
 * Records that a version read before migration 9 cannot get runs from its original (a scan, a text layer
 * that reads differently now): an empty row, so that opening or re-importing it does not read it again.
 */
export function markNoVersionBoxes(db: Db, versionId: number): void {
  stmt(db, 'INSERT OR IGNORE INTO version_boxes (version_id, boxes) VALUES (?, ?)').run(versionId, Buffer.alloc(0))
}

/** The runs of a version; null when none were kept (read before migration 9, not a PDF, or none to be had). */
export function loadVersionBoxes(db: Db, versionId: number): LineBox[] | null {
  const row = stmt(db, 'SELECT boxes FROM version_boxes WHERE version_id = ?').get(versionId) as { boxes: Buffer } | undefined
  return row && row.boxes.byteLength > 0 ? unpackLineBoxes(row.boxes) : null
}
