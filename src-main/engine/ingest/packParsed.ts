// What versions.parsed and version_checks.prep hold, packed (db/packed.ts). Done in the reader worker,
// beside the parsing, so that the thread that writes the database only binds bytes.
import type { CheckPrep } from '../checks/prep.ts'
import { packJson } from '../db/packed.ts'
import type { ParsedReport } from '../model.ts'

/** The parsed report without its folded text (norm is the text folded again, rebuilt on loading). */
export function packParsed(p: ParsedReport): Buffer {
  const { norm: _norm, ...rest } = p
  void _norm
  return packJson(rest)
}

export function packPrep(prep: CheckPrep): Buffer {
  return packJson(prep)
}

/** Bytes sent from a worker arrive as a plain Uint8Array; SQLite binds a Buffer (no copy). */
export function asBuffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength)
}
