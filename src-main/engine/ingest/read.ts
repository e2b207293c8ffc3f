// Dispatch by extension to the format readers.
import type { ReadResult } from '../model.ts'
import { ReadError } from './errors.ts'
import { readDoc, readDocx } from './readers/word.ts'
import { readHtml } from './readers/html.ts'
import { readPdf } from './readers/pdf.ts'
import { readText } from './readers/text.ts'

export const MAX_FILE_BYTES = 100 * 1024 * 1024

export async function readDocument(ext: string, bytes: Uint8Array, signal?: AbortSignal): Promise<ReadResult> {
  if (bytes.length === 0) throw new ReadError('empty', '文件为空（0 字节）')
  if (bytes.length > MAX_FILE_BYTES) throw new ReadError('too-large', `文件过大（${Math.round(bytes.length / 1048576)} MB，上限 100 MB）`)
  switch (ext) {
    case '.txt':
      return readText(bytes)
    case '.html':
    case '.htm':
      return readHtml(bytes)
    case '.docx':
      return readDocx(bytes)
    case '.doc':
      return readDoc(bytes)
    case '.pdf':
      return readPdf(bytes, { signal })
    default:
      throw new ReadError('unsupported', `不支持的文件类型（${ext}）`)
  }
}
