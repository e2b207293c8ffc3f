import { describe, it, expect } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import JSZip from 'jszip'
import { zipDirectory } from '../../src-main/engine/ingest/readers/docx.ts'
import { readDocx } from '../../src-main/engine/ingest/readers/word.ts'
import { ReadError } from '../../src-main/engine/ingest/errors.ts'
import { makeDocx, para, tbl, tc } from './make-docx.ts'
import { expectOffsets, makeOle } from './helpers.ts'

async function readError(p: Promise<unknown>): Promise<ReadError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(ReadError)
  return e as ReadError
}

describe('readDocx: content', () => {
  it('reads a 2×3 Word table as table lines with grid columns', async () => {
    const r = await readDocx(await makeDocx(para('二、主动公开政府信息情况') + tbl([[tc('信息内容'), tc('本年制发件数'), tc('现行有效件数')], [tc('行政规范性文件'), tc('12'), tc('45')]])))
    expect(r.kind).toBe('docx')
    expect(r.lines.map((l) => [l.table, l.cells.map((c) => `${c.text}@${c.col ?? ''}`)])).toEqual([
      [undefined, ['二、主动公开政府信息情况@']],
      [0, ['信息内容@0', '本年制发件数@1', '现行有效件数@2']],
      [0, ['行政规范性文件@0', '12@1', '45@2']]
    ])
    expect(r.text).toBe('二、主动公开政府信息情况\n信息内容\t本年制发件数\t现行有效件数\n行政规范性文件\t12\t45')
    expectOffsets(r)
    expect(r.html).toMatch(/<td data-s="\d+" data-e="\d+"><p>行政规范性文件<\/p><\/td>/)
  })

  it('maps merged cells (gridSpan, vMerge) to grid columns', async () => {
    const r = await readDocx(
      await makeDocx(
        tbl([
          [tc('申请人', { merge: 'restart' }), tc('法人', { span: 2 }), tc('总计')],
          [tc('', { merge: 'continue' }), tc('商业企业'), tc('科研机构'), tc('9')]
        ])
      )
    )
    expect(r.lines.map((l) => l.cells.map((c) => [c.text, c.col, c.colSpan]))).toEqual([
      [['申请人', 0, 1], ['法人', 1, 2], ['总计', 3, 1]],
      [['商业企业', 1, 1], ['科研机构', 2, 1], ['9', 3, 1]]
    ])
  })
})

describe('readDocx: refusals', () => {
  it('rejects a file that is not a zip', async () => {
    const e = await readError(readDocx(new TextEncoder().encode('这不是 Word 文档')))
    expect(e.message).toContain('zip')
  })

  it('rejects a zip without word/document.xml, naming an Excel file', async () => {
    const zip = new JSZip()
    zip.file('xl/workbook.xml', '<workbook/>')
    const e = await readError(readDocx(await zip.generateAsync({ type: 'uint8array' })))
    expect(e.message).toContain('Excel')
    const other = new JSZip()
    other.file('a.txt', 'x')
    expect((await readError(readDocx(await other.generateAsync({ type: 'uint8array' })))).message).toContain('word/document.xml')
  })

  it('rejects a zip bomb from its directory, without inflating', async () => {
    const bomb = await makeDocx(para('x'), { 'word/media/zeros.bin': '\0'.repeat(5 * 1024 * 1024) })
    expect(bomb.length).toBeLessThan(100_000)
    expect((await readError(readDocx(bomb))).code).toBe('zip-bomb')
  })

  it('rejects more than 100 MB declared uncompressed', async () => {
    const buf = await makeDocx(para('x'))
    const dir = zipDirectory(buf)
    expect(dir?.map((e) => e.name)).toContain('word/document.xml')
    // declare 60 MB for every entry in the central directory
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
    for (let i = 0; i + 4 <= buf.length; i++) {
      if (dv.getUint32(i, true) === 0x02014b50) {
        dv.setUint32(i + 20, 60 * 1024 * 1024, true)
        dv.setUint32(i + 24, 60 * 1024 * 1024, true)
      }
    }
    expect((await readError(readDocx(buf))).code).toBe('too-large')
  })

  it('recognises an encrypted (password-protected) Office file', async () => {
    const ole = makeOle([
      { name: 'EncryptionInfo', data: new Uint8Array(64) },
      { name: 'EncryptedPackage', data: new Uint8Array(64) }
    ])
    const e = await readError(readDocx(ole))
    expect(e.code).toBe('encrypted')
    expect(e.message).toBe('文件已加密（有密码保护），无法读取')
  })

  it('rejects an empty and a truncated file', async () => {
    await readError(readDocx(new Uint8Array(0)))
    const buf = await makeDocx(para('x'))
    expect((await readError(readDocx(buf.subarray(0, buf.length - 30)))).code).toBe('corrupt')
  })
})

describe('readDocx: seed fixtures', () => {
  const dir = new URL('../fixtures/seeds/', import.meta.url)
  const files = readdirSync(dir).filter((f) => f.endsWith('.docx') && !f.startsWith('004_'))

  it('finds 行政规范性文件 in a table line of every LibreOffice-made seed .docx', async () => {
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) {
      const r = await readDocx(readFileSync(new URL(f, dir)))
      const row = r.lines.find((l) => l.table !== undefined && l.cells[0]?.text === '行政规范性文件')
      expect(row, f).toBeDefined()
      expect(row!.cells.map((c) => c.col)).toEqual([0, 1, 2, 3])
      expect(new Set(r.lines.map((l) => l.table).filter((t) => t !== undefined)).size).toBe(3)
      expectOffsets(r)
    }
  })
})
