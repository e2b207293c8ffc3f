// Word 2007+ (.docx): sanity checks on the zip without inflating it, then document.xml → HTML
// (mammoth as fallback) → htmlToResult.
import type { ReadResult } from '../../model.ts'
import { ReadError } from './errors.ts'
import { htmlToResult } from './html.ts'
import { documentXmlToHtml } from './docxXml.ts'
import { isZip, readOtherWordSave } from './ole.ts'

const MAX_DOCX_BYTES = 100 * 1024 * 1024
const MAX_UNCOMPRESSED = 100 * 1024 * 1024
/** Word XML compresses about 5-20×; deflate's ceiling is ~1000×, which only a bomb reaches. */
const MAX_RATIO = 200
export const NOT_ZIP = '不是有效的 Word 文档（.docx 应为 zip 格式），可能是扩展名与实际格式不符或文件已损坏'

interface ZipEntry {
  name: string
  compressed: number
  uncompressed: number
}

/** Sizes as declared in the zip's central directory; null when there is no readable directory. */
export function zipDirectory(buf: Uint8Array): ZipEntry[] | null {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  const min = Math.max(0, buf.length - 22 - 65535)
  let eocd = -1
  for (let i = buf.length - 22; i >= min; i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const count = dv.getUint16(eocd + 10, true)
  let off = dv.getUint32(eocd + 16, true)
  // ZIP64 markers: no Word document needs them; report them as oversized below
  if (count === 0xffff || off === 0xffffffff) return [{ name: '(zip64)', compressed: 1, uncompressed: Infinity }]
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (off + 46 > buf.length || dv.getUint32(off, true) !== 0x02014b50) return null
    const compressed = dv.getUint32(off + 20, true)
    const size = dv.getUint32(off + 24, true)
    const nameLen = dv.getUint16(off + 28, true)
    const extraLen = dv.getUint16(off + 30, true)
    const commentLen = dv.getUint16(off + 32, true)
    const name = new TextDecoder().decode(buf.subarray(off + 46, off + 46 + nameLen))
    entries.push({ name, compressed, uncompressed: size === 0xffffffff ? Infinity : size })
    off += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

function checkSizes(entries: ZipEntry[]): void {
  let total = 0
  for (const e of entries) {
    total += e.uncompressed
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > MAX_RATIO * Math.max(e.compressed, 1)) {
      throw new ReadError('zip-bomb', `文件结构异常（压缩比异常，疑似“压缩炸弹”），已拒绝读取：${e.name}`)
    }
  }
  if (total > MAX_UNCOMPRESSED) {
    throw new ReadError('too-large', `Word 文档解压后过大（超过 100 MB），已拒绝读取`)
  }
}

/** A .docx file's bytes that are not an OLE compound file (word.ts sends those to the .doc reader). */
export async function readOoxml(buf: Uint8Array): Promise<ReadResult> {
  if (buf.length === 0) throw new ReadError('empty', '文件为空（0 字节）')
  if (!isZip(buf)) {
    const html = readOtherWordSave(buf, '.docx')
    if (html) return html
    throw new ReadError('not-docx', NOT_ZIP)
  }
  if (buf.length > MAX_DOCX_BYTES) throw new ReadError('too-large', 'Word 文档过大（超过 100 MB）')
  const dir = zipDirectory(buf)
  if (!dir) throw new ReadError('corrupt', 'Word 文档已损坏或不完整（zip 目录缺失），无法读取')
  checkSizes(dir)

  const { default: JSZip } = await import('jszip')
  let zip: InstanceType<typeof JSZip>
  try {
    zip = await JSZip.loadAsync(buf) // reads the directory only; entries inflate lazily
  } catch {
    throw new ReadError('corrupt', 'Word 文档已损坏或不完整（zip 结构错误），无法读取')
  }
  if (!zip.file('word/document.xml')) {
    if (zip.file('xl/workbook.xml')) throw new ReadError('wrong-format', '文件实际是 Excel 表格（.xlsx），不是 Word 文档')
    if (zip.file('ppt/presentation.xml')) {
      throw new ReadError('wrong-format', '文件实际是 PowerPoint 演示文稿（.pptx），不是 Word 文档')
    }
    if (zip.file('mimetype') && zip.file('content.xml')) {
      throw new ReadError('wrong-format', '文件是 OpenDocument/WPS 格式（.odt），不是 .docx；请用 Word 或 WPS 另存为 .docx')
    }
    throw new ReadError('not-docx', '不是有效的 Word 文档：压缩包中没有 word/document.xml')
  }

  // Fast path: read the main document part directly; mammoth remains the fallback for documents
  // the direct reader finds no text in (unusual part layouts, text only in text boxes).
  try {
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    const direct = documentXmlToHtml(xml)
    if (/[^\s<>]/.test(direct.replace(/<[^>]*>/g, ''))) {
      const r = htmlToResult(direct, 'docx')
      if (r.text.trim()) return r
    }
  } catch {
    // fall through to mammoth
  }
  const mammoth = (await import('mammoth')).default
  let html: string
  try {
    const res = await mammoth.convertToHtml(
      { buffer: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) },
      // images are shown as ［图片］ anyway: skip base64-encoding them
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) }
    )
    html = res.value
  } catch {
    throw new ReadError('corrupt', 'Word 文档内容已损坏，无法读取')
  }
  return htmlToResult(html, 'docx')
}
