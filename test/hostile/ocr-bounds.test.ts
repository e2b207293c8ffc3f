// OCR of one file is bounded: a time limit with a Chinese reason, and a scan whose first pages yield
// no text (a 100-page noise scan took 231 s) is given up after them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ocrPdf } from '../../src-main/engine/ocr/ocrPdf.ts'
import { OcrPool } from '../../src-main/engine/ocr/pool.ts'
import { FIXTURES } from '../helpers/seeds.ts'
import { GB, costLine, measure } from '../helpers/cost.ts'
import { pdfNoiseScan } from './generators.ts'

const pool = new OcrPool({ size: 2 })
afterAll(async () => {
  await pool.terminate()
})

describe('OCR bounds per file', () => {
  it('stops at the time limit with a Chinese reason', async () => {
    const scan = readFileSync(join(FIXTURES, 'scans', '000_b657cdc2b6fa0bce.scan.pdf'))
    const started = Date.now()
    await expect(ocrPdf(scan, { pool, maxOcrMs: 300 })).rejects.toMatchObject({ code: 'ocr-timeout', message: expect.stringMatching(/^OCR 识别超时（超过 0 秒，已识别 \d+\/\d+ 页）/) })
    expect(Date.now() - started).toBeLessThan(30_000)
  }, 60_000)

  it('gives up a 100-page noise scan after its first pages, in under 10 s of CPU and 1 GB', async () => {
    const scan = pdfNoiseScan(100)
    let pages = 0
    const c = await measure(() =>
      expect(ocrPdf(scan, { pool, onPage: (d) => (pages = d) })).rejects.toMatchObject({ code: 'ocr-no-text', message: expect.stringContaining('没有识别出文字') })
    )
    console.log(`100 页杂点扫描件：识别 ${pages} 页后放弃，${costLine(c)}`)
    expect(pages).toBeLessThan(10)
    expect(c.cpu).toBeLessThan(10)
    expect(c.peak).toBeLessThan(GB)
  }, 300_000)
})
