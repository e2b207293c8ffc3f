// A PDF compression bomb (2 MB on disk, one page inflating to 1.9 GB) is refused with a reason, in
// seconds of CPU and without gigabytes of memory; ordinary PDFs are not affected.
import { describe, expect, it } from 'vitest'
import { ReaderPool } from '../../src-main/engine/ingest/readerPool.ts'
import { checkPdfStreams, lzwDecodedLength, runLengthDecodedLength } from '../../src-main/engine/ingest/readers/pdfStreams.ts'
import { readDocument } from '../../src-main/engine/ingest/read.ts'
import { GB, costLine, measure } from '../helpers/cost.ts'
import { pdfBomb, pdfHugeImage, pdfPlain } from './generators.ts'

describe('PDF stream bounds', () => {
  it('refuses a 2 MB PDF whose page inflates to 1.9 GB, in the reader worker, in under 10 s of CPU and 1 GB', async () => {
    const bomb = pdfBomb()
    expect(bomb.length).toBeLessThan(2.5 * 1024 * 1024)
    const pool = new ReaderPool()
    try {
      const c = await measure(() =>
        expect(pool.read('.pdf', bomb)).rejects.toMatchObject({ code: 'pdf-bomb', message: expect.stringMatching(/解压后超过 160 MB.*压缩炸弹/) })
      )
      console.log(`PDF 压缩炸弹（2 MB → 1.9 GB）：${costLine(c)}`)
      expect(c.cpu).toBeLessThan(10)
      expect(c.peak).toBeLessThan(GB)
    } finally {
      await pool.close()
    }
  }, 120_000)

  it('refuses an image that declares 60000 × 60000 pixels', async () => {
    await expect(readDocument('.pdf', pdfHugeImage())).rejects.toMatchObject({ code: 'pdf-bomb', message: expect.stringContaining('图片') })
  })

  it('lets an ordinary Flate-compressed PDF through', async () => {
    expect(() => checkPdfStreams(pdfPlain())).not.toThrow()
    const r = await readDocument('.pdf', pdfPlain())
    expect(r.text).toContain('hello')
  })

  it('counts LZW and RunLength output without decoding it', () => {
    // RunLength: a literal run of 3 bytes, then 200 copies of one byte (two runs), then EOD.
    expect(runLengthDecodedLength(Uint8Array.from([2, 65, 66, 67, 257 - 128, 0x20, 257 - 72, 0x20, 128]))).toBe(3 + 128 + 72)
    // LZW: the codes for "ABABABA" (65, 66, 258, 260) in 9-bit codes, then EOD (257).
    const codes = [256, 65, 66, 258, 260, 257]
    let bits = ''
    for (const c of codes) bits += c.toString(2).padStart(9, '0')
    while (bits.length % 8) bits += '0'
    const bytes = Uint8Array.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)))
    expect(lzwDecodedLength(bytes)).toBe(7)
  })
})
