// JSON columns kept compressed (versions.parsed, version_checks.prep): the parsed report is 35–40 KB
// of JSON per version and repeats itself (cell ids, statuses, spans), so deflate keeps about a seventh.
// A column holds either a BLOB (deflate-raw of the UTF-8 JSON, written since migration 7) or the JSON
// TEXT of older databases; readers go through jsonText() and never see the difference.
import { deflateRawSync, inflateRawSync } from 'node:zlib'

/** Level 1: five times faster than the default for about 10 % more bytes; the store step is on the import's critical path. */
const LEVEL = 1

export function packJson(value: unknown): Buffer {
  return deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: LEVEL })
}

/** Packs a JSON string already made. */
export function packText(json: string): Buffer {
  return deflateRawSync(Buffer.from(json, 'utf8'), { level: LEVEL })
}

/** The JSON text of a packed or plain column value; null stays null. */
export function jsonText(v: unknown): string | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return v
  if (v instanceof Uint8Array) return inflateRawSync(v).toString('utf8')
  throw new TypeError(`not a JSON column value: ${typeof v}`)
}

/** The parsed value of a packed or plain column; null stays null. */
export function unpackJson<T>(v: unknown): T | null {
  const s = jsonText(v)
  return s === null ? null : (JSON.parse(s) as T)
}

/**
 * versions.text is kept deflated too (migration 10): about 7 KB of UTF-8 per report become about 3 KB.
 * The column holds a BLOB (deflate-raw of the UTF-8 text) or, in rows written before, the TEXT itself.
 */
export function packStoredText(text: string): Buffer {
  return deflateRawSync(Buffer.from(text, 'utf8'), { level: LEVEL })
}

/** A report's text from versions.text, packed or plain; a missing row reads as ''. */
export function storedText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (v instanceof Uint8Array) return inflateRawSync(v).toString('utf8')
  throw new TypeError(`not a text column value: ${typeof v}`)
}
