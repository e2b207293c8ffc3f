// A 9 MB HTML table of nested colspan/rowspan="0" cells costs seconds, not the whole reader timeout:
// its spans cannot make the table grid grow with every row, and a document of hundreds of thousands
// of elements is refused with its reason. Limits are asserted on CPU time (robust to a loaded
// machine), wall time is printed.
import { afterAll, describe, expect, it } from 'vitest'
import { ReaderPool } from '../../src-main/engine/ingest/readerPool.ts'
import { GB, costLine, measure } from '../helpers/cost.ts'
import { htmlSpanTable } from './generators.ts'

const pool = new ReaderPool({ timeoutMs: 60_000 })
afterAll(() => pool.close())

describe('HTML table spans', () => {
  it('refuses a 9 MB colspan/rowspan table with a reason, in under 10 s of CPU and 1 GB', async () => {
    const html = Buffer.from(htmlSpanTable())
    const c = await measure(() =>
      expect(pool.read('.html', html)).rejects.toMatchObject({ code: 'too-complex', message: expect.stringContaining('过于复杂') })
    )
    console.log(`9 MB 跨行跨列 HTML 表格：${costLine(c)}`)
    expect(c.cpu).toBeLessThan(10)
    expect(c.peak).toBeLessThan(GB)
  }, 120_000)

  it('reads a 0.5 MB table of the same spans (under the element bound) as text, in under 10 s of CPU', async () => {
    const html = Buffer.from(htmlSpanTable(512 * 1024))
    const c = await measure(() => pool.read('.html', html))
    console.log(`0.5 MB 跨行跨列 HTML 表格：${costLine(c)}`)
    expect(c.value.read.text).toContain('一、总体情况')
    expect(c.cpu).toBeLessThan(10)
    expect(c.peak).toBeLessThan(GB)
  }, 120_000)
})
