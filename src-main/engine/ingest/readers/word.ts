// The two Word readers by the name a file carries. Word files are often saved under the other Word
// extension, so each entry point first looks at what the bytes are and hands them to the right reader;
// keeping that here lets doc.ts and docx.ts stay independent of each other.
import type { ReadResult } from '../../model.ts'
import { ReadError } from './errors.ts'
import { readWord97 } from './doc.ts'
import { NOT_ZIP, readOoxml } from './docx.ts'
import { checkOle, ENCRYPTED_MESSAGE, isOle, isZip, oleEntries } from './ole.ts'

export async function readDoc(buf: Uint8Array): Promise<ReadResult> {
  if (buf.length === 0) throw new ReadError('empty', '文件为空（0 字节）')
  if (isZip(buf)) {
    const r = await readOoxml(buf)
    r.warnings.unshift('文件扩展名是 .doc，但实际是 .docx 格式，已按 .docx 读取')
    return r
  }
  return readWord97(buf)
}

export async function readDocx(buf: Uint8Array): Promise<ReadResult> {
  if (buf.length === 0) throw new ReadError('empty', '文件为空（0 字节）')
  if (isOle(buf)) {
    const entries = oleEntries(buf)
    if (entries?.some((e) => e.name === 'EncryptedPackage')) throw new ReadError('encrypted', ENCRYPTED_MESSAGE)
    if (entries) {
      checkOle(buf, entries) // names Excel/PowerPoint files and encrypted .doc
      const r = await readWord97(buf)
      r.warnings.unshift('文件扩展名是 .docx，但实际是 Word 97-2003（.doc）格式，已按 .doc 读取')
      return r
    }
    throw new ReadError('not-docx', NOT_ZIP)
  }
  return readOoxml(buf)
}
