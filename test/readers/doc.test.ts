import { describe, it, expect } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { readDoc } from '../../src-main/engine/ingest/readers/word.ts'
import { ReadError } from '../../src-main/engine/ingest/errors.ts'
import { makeDocx, para } from './make-docx.ts'
import { expectOffsets, makeOle } from './helpers.ts'

async function readError(p: Promise<unknown>): Promise<ReadError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(ReadError)
  return e as ReadError
}

/** The start of a Word FIB: magic A5EC and the flags word at 0x0A. */
function fib(flags: number): Uint8Array {
  const b = new Uint8Array(4096)
  b[0] = 0xec
  b[1] = 0xa5
  b[0x0a] = flags & 0xff
  b[0x0b] = flags >> 8
  return b
}

describe('readDoc', () => {
  it('rejects a file without the OLE signature', async () => {
    const e = await readError(readDoc(new TextEncoder().encode('plain text, not a .doc')))
    expect(e.code).toBe('not-doc')
  })

  it('reads a .docx renamed to .doc as .docx', async () => {
    const r = await readDoc(await makeDocx(para('年度报告')))
    expect(r.kind).toBe('docx')
    expect(r.text).toBe('年度报告')
    expect(r.warnings.join()).toContain('.docx')
  })

  it('reads a web page saved by Word as .doc as HTML, and refuses RTF with the reason', async () => {
    const page = new TextEncoder().encode('<html xmlns:w="urn:schemas-microsoft-com:office:word"><body><p>年度报告</p></body></html>')
    const r = await readDoc(page)
    expect(r.kind).toBe('html')
    expect(r.text).toBe('年度报告')
    expect(r.warnings.join()).toContain('网页')
    const e = await readError(readDoc(new TextEncoder().encode('{\\rtf1\\ansi 年度报告}')))
    expect(e.message).toContain('RTF')
  })

  it('recognises a password-protected .doc from the FIB flag', async () => {
    const e = await readError(readDoc(makeOle([{ name: 'WordDocument', data: fib(0x0100) }])))
    expect(e.message).toBe('文件已加密（有密码保护），无法读取')
  })

  it('names an Excel file saved as .doc', async () => {
    const e = await readError(readDoc(makeOle([{ name: 'Workbook', data: new Uint8Array(10) }])))
    expect(e.message).toContain('Excel')
  })

  it('reports a damaged Word stream as unreadable', async () => {
    const e = await readError(readDoc(makeOle([{ name: 'WordDocument', data: fib(0) }])))
    expect(e.code).toBe('corrupt')
  })
})

describe('readDoc: seed fixtures', () => {
  const dir = new URL('../fixtures/seeds/', import.meta.url)
  const files = readdirSync(dir).filter((f) => f.endsWith('.doc') && !f.startsWith('004_'))

  it('reads table rows of a LibreOffice-made .doc as tab-separated cells', async () => {
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) {
      const r = await readDoc(readFileSync(new URL(f, dir)))
      expect(r.kind).toBe('doc')
      const row = r.lines.find((l) => l.cells[0]?.text === '行政规范性文件')
      expect(row, f).toBeDefined()
      // the row terminator tab must not add an empty fifth cell
      expect(row!.cells.map((c) => c.col)).toEqual([0, 1, 2, 3])
      expectOffsets(r, { rebuild: false }) // the text is word-extractor's, blank lines included
    }
  })
})
