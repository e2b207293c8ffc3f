// The wording of a report as a digest, for XDOC-DUP-FILE's "same text" groups: made once per version
// with its check work (prep.ts, in the reader worker at import) so that a batch check does not read and
// fold every report's text again only to hash it (issue 17).
import { createHash } from 'node:crypto'

/** The folded text without whitespace, hashed: equal digests are equal texts. */
export function wordingKey(norm: string): string {
  return createHash('sha256').update(norm.replace(/\s+/g, '')).digest('base64')
}
