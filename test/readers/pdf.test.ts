import { describe, it, expect } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { readPdf } from '../../src-main/engine/ingest/readers/pdf.ts'
import { ReadError } from '../../src-main/engine/ingest/errors.ts'
import { makePdf } from './make-pdf.ts'
import { expectOffsets } from './helpers.ts'

async function readError(p: Promise<unknown>): Promise<ReadError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(ReadError)
  return e as ReadError
}

describe('readPdf: text layer', () => {
  it('reads a one-page Helvetica PDF as one line with its box', async () => {
    const r = await readPdf(makePdf([[[72, 700, 'Annual report 2023']]]))
    expect(r.kind).toBe('pdf')
    expect(r.text).toBe('Annual report 2023')
    expect(r.lines).toHaveLength(1)
    const cell = r.lines[0]!.cells[0]!
    expect(cell).toMatchObject({ text: 'Annual report 2023', start: 0, end: 18, page: 1 })
    const [x0, y0, x1, y1] = cell.box!
    expect(x0).toBeCloseTo(72, 0)
    expect(y0).toBeLessThan(700)
    expect(y1).toBeGreaterThan(700)
    expect(x1).toBeGreaterThan(150)
    expect(r.pages).toEqual([{ width: 595, height: 842 }])
    expect(r.needsOcr).toBeUndefined()
  })

  it('splits a line into cells at wide gaps and merges close runs', async () => {
    const r = await readPdf(
      makePdf([
        [
          [72, 600, 'Rules'],
          [105, 600, 'and norms'], // 'Rules' ends near x=102.7: a word gap, same cell
          [300, 600, '12'],
          [400, 601, '3'], // baseline off by 1 pt: same line
          [72, 500, 'Next line']
        ]
      ])
    )
    expect(r.lines.map((l) => l.cells.map((c) => c.text))).toEqual([['Rules and norms', '12', '3'], ['Next line']])
    expect(r.text).toBe('Rules and norms\t12\t3\nNext line')
    expectOffsets(r)
  })

  it('orders lines top to bottom across pages and numbers the pages', async () => {
    const r = await readPdf(
      makePdf([
        [
          [72, 100, 'bottom'],
          [72, 700, 'top']
        ],
        [[72, 700, 'second page']]
      ])
    )
    expect(r.lines.map((l) => [l.cells[0]!.text, l.cells[0]!.page])).toEqual([
      ['top', 1],
      ['bottom', 1],
      ['second page', 2]
    ])
    expect(r.pages).toHaveLength(2)
    expectOffsets(r)
  })

  it('flags image-only pages as scanned and asks for OCR', async () => {
    const r = await readPdf(makePdf([[], []], { image: true }))
    expect(r.needsOcr).toBe(true)
    expect(r.lines).toEqual([])
    expect(r.pages?.map((p) => p.scanned)).toEqual([true, true])
  })

  it('still asks for OCR when scanned pages carry a few characters (a page number)', async () => {
    const r = await readPdf(makePdf([[[290, 30, '- 1 -']], [[290, 30, '- 2 -']]], { image: true }))
    expect(r.needsOcr).toBe(true)
    expect(r.lines.map((l) => l.cells[0]?.text)).toEqual(['- 1 -', '- 2 -'])
  })

  it('warns about scanned pages among text pages', async () => {
    const text: [number, number, string] = [72, 700, 'A page of text that is long enough']
    const r = await readPdf(makePdf([[text], [], [text]], { image: true }))
    expect(r.needsOcr).toBeUndefined()
    expect(r.pages?.map((p) => p.scanned ?? false)).toEqual([false, true, false])
    expect(r.warnings.join()).toContain('第 2 页是扫描图片')
  })

  it('does not call a page with text scanned, even with an image', async () => {
    const r = await readPdf(makePdf([[[72, 700, 'Text page with enough characters']]], { image: true }))
    expect(r.needsOcr).toBeUndefined()
    expect(r.pages?.[0]?.scanned).toBeUndefined()
  })
})

describe('readPdf: refusals', () => {
  it('rejects random bytes', async () => {
    const bytes = new Uint8Array(2048).map((_, i) => (i * 7919 + 13) % 251)
    const e = await readError(readPdf(bytes))
    expect(e.message).toContain('不是有效的 PDF 文件')
  })

  it('rejects a bare header and a truncated file as damaged', async () => {
    const e = await readError(readPdf(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n')))
    expect(e.message).toContain('PDF 文件已损坏或不完整')
    const full = makePdf([[[72, 700, 'Hello']]])
    expect((await readError(readPdf(full.subarray(0, 200)))).code).toBe('corrupt')
  })

  it('refuses more pages than maxPages, naming the count', async () => {
    const e = await readError(readPdf(makePdf([[], [], []]), { maxPages: 2 }))
    expect(e.message).toContain('3 页')
  })

  it('stops when aborted, before or during reading', async () => {
    const pdf = makePdf(Array.from({ length: 30 }, (_, i) => [[72, 700, `page ${i}`] as [number, number, string]]))
    const before = new AbortController()
    before.abort()
    await expect(readPdf(pdf, { signal: before.signal })).rejects.toThrow(/abort/i)
    const during = new AbortController()
    const p = readPdf(pdf, { signal: during.signal })
    during.abort()
    await expect(p).rejects.toThrow(/abort/i)
  })
})

describe('readPdf: fixtures', () => {
  const fixtures = new URL('../fixtures/', import.meta.url)

  it('recognises the encrypted fixture', async () => {
    const e = await readError(readPdf(readFileSync(new URL('broken/encrypted.pdf', fixtures))))
    expect(e.message).toBe('文件已加密（有密码保护），无法读取')
  })

  it('finds 行政规范性文件 with its three numbers in a LibreOffice-made seed PDF', async () => {
    const seeds = new URL('seeds/', fixtures)
    const f = readdirSync(seeds).find((n) => n.startsWith('000_') && n.endsWith('.pdf'))
    expect(f).toBeDefined()
    const r = await readPdf(readFileSync(new URL(f!, seeds)))
    const row = r.lines.find((l) => l.cells[0]?.text === '行政规范性文件')
    expect(row?.cells.map((c) => c.text)).toEqual(['行政规范性文件', '0', '0', '0'])
    expect(row!.cells.every((c) => c.page === 1 && c.box !== undefined)).toBe(true)
    expectOffsets(r)
  })
})
