// What a Word-named file really holds, told from its first bytes: an OLE compound file (Word 97-2003, Excel,
// an encrypted OOXML package…), a zip package (.docx), or another format Word saves under a Word name.
// Both Word readers and the OCR path use it; it imports no reader but the HTML one.
import type { ReadResult } from '../../model.ts'
import { ReadError } from './errors.ts'
import { readHtml } from './html.ts'

export const ENCRYPTED_MESSAGE = '文件已加密（有密码保护），无法读取'

export function isOle(buf: Uint8Array): boolean {
  return buf.length >= 8 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0
}

export function isZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5) && (buf[3] === 4 || buf[3] === 6)
}

interface OleEntry {
  name: string
  start: number
  size: number
}

/**
 * Directory of an OLE compound file, read just far enough to tell what it holds (Word, Excel, an encrypted
 * OOXML package…). Returns null when the structure is inconsistent.
 */
export function oleEntries(buf: Uint8Array): OleEntry[] | null {
  if (!isOle(buf) || buf.length < 512) return null
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  const shift = dv.getUint16(0x1e, true)
  if (shift !== 9 && shift !== 12) return null
  const ss = 1 << shift
  const perSector = ss / 4
  const maxSectors = Math.ceil(buf.length / ss)
  const fatSectors: number[] = []
  for (let i = 0; i < 109; i++) fatSectors.push(dv.getUint32(0x4c + i * 4, true))
  // further FAT sector numbers live in the DIFAT chain (files above ~7 MB)
  let difat = dv.getUint32(0x44, true)
  for (let guard = 0; difat < 0xfffffffa && guard < maxSectors; guard++) {
    const off = (difat + 1) * ss
    if (off + ss > buf.length) return null
    for (let i = 0; i < perSector - 1; i++) fatSectors.push(dv.getUint32(off + i * 4, true))
    difat = dv.getUint32(off + ss - 4, true)
  }
  const next = (s: number): number => {
    const fs = fatSectors[Math.floor(s / perSector)]
    if (fs === undefined || fs >= 0xfffffffa) return 0xfffffffe
    const off = (fs + 1) * ss + (s % perSector) * 4
    return off + 4 <= buf.length ? dv.getUint32(off, true) : 0xfffffffe
  }
  const entries: OleEntry[] = []
  let sec = dv.getUint32(0x30, true)
  for (let guard = 0; sec < 0xfffffffa && guard < maxSectors; guard++) {
    const base = (sec + 1) * ss
    if (base + ss > buf.length) return null
    for (let off = base; off < base + ss; off += 128) {
      const nameLen = dv.getUint16(off + 0x40, true)
      const type = buf[off + 0x42]
      if (type === 0 || nameLen < 2 || nameLen > 64) continue
      let name = ''
      for (let i = 0; i < nameLen - 2; i += 2) name += String.fromCharCode(dv.getUint16(off + i, true))
      entries.push({ name, start: dv.getUint32(off + 0x74, true), size: dv.getUint32(off + 0x78, true) })
    }
    sec = next(sec)
  }
  return entries
}

/** Throws a ReadError for OLE files that are not a readable Word document. */
export function checkOle(buf: Uint8Array, entries: OleEntry[]): void {
  const names = new Set(entries.map((e) => e.name))
  if (names.has('EncryptedPackage')) throw new ReadError('encrypted', ENCRYPTED_MESSAGE)
  const word = entries.find((e) => e.name === 'WordDocument')
  if (!word) {
    if (names.has('Workbook') || names.has('Book')) {
      throw new ReadError('wrong-format', '文件实际是 Excel 表格（.xls），不是 Word 文档')
    }
    if (names.has('PowerPoint Document')) {
      throw new ReadError('wrong-format', '文件实际是 PowerPoint 演示文稿（.ppt），不是 Word 文档')
    }
    throw new ReadError('not-doc', '不是有效的 Word 97-2003 文档（.doc）：文件中没有 Word 正文')
  }
  // The FIB opens the WordDocument stream (always larger than the mini-stream cutoff, so in a normal sector).
  const ss = 1 << (buf[0x1e] ?? 9)
  const fib = (word.start + 1) * ss
  if (word.size >= 4096 && fib + 12 <= buf.length) {
    const flags = (buf[fib + 0x0a] ?? 0) | ((buf[fib + 0x0b] ?? 0) << 8)
    // fEncrypted (0x0100) is set for both RC4 encryption and XOR obfuscation: either way a password
    if (flags & 0x0100) throw new ReadError('encrypted', ENCRYPTED_MESSAGE)
  }
}

/**
 * Word can save a "document" as a web page, RTF or MHT while keeping a .doc/.docx name. Web pages are read
 * as HTML (returned here), the others are refused with the reason; null when the bytes are none of these.
 */
export function readOtherWordSave(buf: Uint8Array, ext: string): ReadResult | null {
  const head = new TextDecoder('latin1').decode(buf.subarray(0, 1024))
  if (head.startsWith('{\\rtf')) {
    throw new ReadError('wrong-format', `文件实际是 RTF 格式，不是 ${ext} 文档；请用 Word 另存为 .docx 后再导入`)
  }
  if (head.startsWith('%PDF')) throw new ReadError('wrong-format', '文件实际是 PDF，不是 Word 文档（扩展名与实际格式不符）')
  if (/^MIME-Version:/im.test(head) && /multipart\/related/i.test(head)) {
    throw new ReadError('wrong-format', `文件实际是 MHT 网页归档，不是 ${ext} 文档；请用 Word 另存为 .docx 后再导入`)
  }
  if (/^(\xef\xbb\xbf)?\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(head)) {
    const r = readHtml(buf)
    r.warnings.unshift(`文件扩展名是 ${ext}，但实际是网页（HTML）格式，已按网页读取`)
    return r
  }
  return null
}
