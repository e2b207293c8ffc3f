// A 9 MB HTML table of nested colspan/rowspan="0" cells costs seconds, not the whole reader timeout:
// its spans cannot make the table grid grow with every row, and a document of hundreds of thousands
// of elements is refused with its reason.
import { describe, expect, it } from 'vitest'
import { ReaderPool } from '../../src-main/engine/ingest/readerPool.ts'
import { htmlSpanTable } from './generators.ts'

describe('HTML table spans', () => {
  it('refuses a 9 MB colspan/rowspan table with a reason in under 10 s', async () => {
    const pool = new ReaderPool({ timeoutMs: 30_000 })
    const started = Date.now()
    try {
      await expect(pool.read('.html', Buffer.from(htmlSpanTable()))).rejects.toMatchObject({ code: 'too-complex', message: expect.stringContaining('过于复杂') })
    } finally {
      await pool.close()
    }
    expect(Date.now() - started).toBeLessThan(10_000)
  }, 40_000)

  it('reads a 0.5 MB table of the same spans (under the element bound) in under 10 s, as text', async () => {
    const pool = new ReaderPool({ timeoutMs: 30_000 })
    const started = Date.now()
    try {
      const r = await pool.read('.html', Buffer.from(htmlSpanTable(512 * 1024)))
      expect(r.read.text).toContain('一、总体情况')
    } finally {
      await pool.close()
    }
    expect(Date.now() - started).toBeLessThan(10_000)
  }, 40_000)
})
