// Search of a batch: the open findings (message, comment, rule id) and the current text of every report.
// The texts are stored packed (db/packed.ts), so SQL instr() cannot look into them; the connection gets
// a SQL function that unpacks a text and tells whether it holds the query, and only the matching texts
// come back to JavaScript.
import type { Db } from '../db/open.ts'
import { storedText } from '../db/packed.ts'
import { currentTextsHolding } from '../db/versionsRepo.ts'
import type { SearchHitDto } from '../../shared/api.ts'

/** Longest query searched (characters); longer input is cut. */
const MAX_QUERY = 100
const MAX_FINDINGS = 200
/** Text hits listed per report, and hits in all. */
const PER_REPORT = 5
const MAX_HITS = 300

const registered = new WeakSet<Db>()

/** text_has(text, query): 1 when the stored text (packed or plain) contains the query. Deterministic. */
export function registerTextSearch(db: Db): void {
  if (registered.has(db)) return
  db.function('text_has', { deterministic: true }, (text: unknown, q: unknown) => (typeof q === 'string' && storedText(text).includes(q) ? 1 : 0))
  registered.add(db)
}

function snippet(text: string, at: number, len: number): string {
  return `${at > 30 ? '…' : ''}${text.slice(Math.max(0, at - 30), at + len + 40).replace(/\s+/g, ' ')}${at + len + 40 < text.length ? '…' : ''}`
}

export function searchBatch(db: Db, batchId: number, query: string): SearchHitDto[] {
  const q = String(query ?? '').trim().slice(0, MAX_QUERY)
  if (!q) return []
  registerTextSearch(db)
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const hits: SearchHitDto[] = []
  for (const f of db
    .prepare(
      `SELECT g.id, g.report_id, g.message, g.comment, r.township, r.year FROM findings g JOIN reports r ON r.id = g.report_id
       WHERE r.batch_id = ? AND g.state = 'open' AND (g.message LIKE ? ESCAPE '\\' OR g.comment LIKE ? ESCAPE '\\' OR g.rule LIKE ? ESCAPE '\\') ORDER BY r.township, g.id LIMIT ${MAX_FINDINGS}`
    )
    .all(batchId, like, like, like) as { id: number; report_id: number; message: string; comment: string | null; township: string | null; year: number | null }[]) {
    const text = f.message.includes(q) || !f.comment ? f.message : `${f.message}　备注：${f.comment}`
    hits.push({ reportId: f.report_id, township: f.township, year: f.year, kind: 'finding', findingId: f.id, snippet: snippet(text, Math.max(0, text.indexOf(q)), q.length) })
  }
  for (const v of currentTextsHolding(db, batchId, q)) {
    const text = v.text
    let at = text.indexOf(q)
    for (let n = 0; at >= 0 && n < PER_REPORT; n++) {
      hits.push({ reportId: v.id, township: v.township, year: v.year, kind: 'text', start: at, snippet: snippet(text, at, q.length) })
      at = text.indexOf(q, at + q.length)
    }
    // Enough to show: the remaining reports are not unpacked.
    if (hits.length >= MAX_HITS) break
  }
  return hits.slice(0, MAX_HITS)
}
