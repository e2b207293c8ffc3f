// Word 97-2003 (.doc): plain text through word-extractor; table rows come out tab-separated.
import type { ReadResult } from '../../model.ts'
import { ReadError } from './errors.ts'
import { textToLines } from './text.ts'
import { checkOle, isOle, oleEntries, readOtherWordSave } from './ole.ts'

const MAX_DOC_BYTES = 100 * 1024 * 1024

/** A .doc file's bytes that are not a zip package (word.ts sends those to the .docx reader). */
export async function readWord97(buf: Uint8Array): Promise<ReadResult> {
  if (buf.length === 0) throw new ReadError('empty', '文件为空（0 字节）')
  if (!isOle(buf)) {
    const html = readOtherWordSave(buf, '.doc')
    if (html) return html
    throw new ReadError('not-doc', '不是有效的 Word 97-2003 文档（.doc），可能是扩展名与实际格式不符或文件已损坏')
  }
  if (buf.length > MAX_DOC_BYTES) throw new ReadError('too-large', `Word 文档过大（超过 100 MB）`)
  const entries = oleEntries(buf)
  if (entries) checkOle(buf, entries)

  const { default: WordExtractor } = await import('word-extractor')
  let body: string
  try {
    const doc = await new WordExtractor().extract(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength))
    body = doc.getBody()
  } catch {
    throw new ReadError('corrupt', 'Word 97-2003 文档（.doc）已损坏或格式不受支持，无法读取')
  }
  const text = body
    .replace(/\r\n?/g, '\n')
    .replace(/[\u000b\u000c]/g, '\n') // Word's manual line and page breaks
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
    .replace(/\t\n/g, '\n') // word-extractor ends every table row with a tab: not an extra empty cell
    .replace(/\t$/, '')
  const warnings = text.trim() === '' ? ['文档中没有读到任何文字'] : []
  return { kind: 'doc', text, lines: textToLines(text), warnings }
}
