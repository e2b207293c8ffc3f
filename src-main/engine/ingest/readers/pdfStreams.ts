// Bounding what a PDF's streams decode to before pdf.js sees them. pdf.js keeps a decoded stream
// whole in an ArrayBuffer, which the reader worker's heap limit does not cover: a 2 MB file whose
// one page inflates to 1.9 GB would take gigabytes. Every stream is measured here (Flate by
// inflating up to the bound, LZW and RunLength by counting, images by their declared size) and a
// file over the bounds is refused with its reason.
import { constants, inflateSync } from 'node:zlib'
import { ReadError } from './errors.ts'

/** Decoded bytes allowed for one stream (a 600 dpi colour A4 scan is about 105 MB). */
export const MAX_STREAM_BYTES = 160 * 1024 * 1024
/** Decoded bytes allowed for all streams of one file. */
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024

const MB = 1024 * 1024

function bombError(what: string): ReadError {
  return new ReadError('pdf-bomb', `PDF 中${what}（可能是恶意构造的“压缩炸弹”），为安全起见未读取；请让乡镇重新导出 PDF`)
}

/** Length of an LZW stream once decoded (PDF LZWDecode, EarlyChange 1 by default), without keeping it. */
export function lzwDecodedLength(data: Uint8Array, earlyChange = 1, limit = Infinity): number {
  const lens = new Int32Array(4096 + 2)
  let next = 258
  let width = 9
  let prevLen = -1
  let out = 0
  let bits = 0
  let acc = 0
  for (let i = 0; i < data.length; i++) {
    acc = ((acc << 8) | (data[i] as number)) >>> 0
    bits += 8
    while (bits >= width) {
      const code = (acc >>> (bits - width)) & ((1 << width) - 1)
      bits -= width
      if (code === 256) {
        next = 258
        width = 9
        prevLen = -1
        continue
      }
      if (code === 257) return out
      let len: number
      if (code < 256) len = 1
      else if (code < next) len = lens[code] as number
      else if (code === next && prevLen > 0) len = prevLen + 1
      else return out // corrupt: pdf.js stops here too
      out += len
      if (out > limit) return out
      if (prevLen > 0 && next < 4096) {
        lens[next] = prevLen + 1
        next++
      }
      prevLen = len
      if (next + earlyChange >= 1 << width && width < 12) width++
    }
  }
  return out
}

/** Length of a RunLengthDecode stream once decoded. */
export function runLengthDecodedLength(data: Uint8Array): number {
  let out = 0
  let i = 0
  while (i < data.length) {
    const n = data[i] as number
    if (n === 128) break
    if (n < 128) {
      out += n + 1
      i += n + 2
    } else {
      out += 257 - n
      i += 2
    }
  }
  return out
}

function inflatedLength(data: Uint8Array, limit: number): { length: number; data: Uint8Array | null } {
  try {
    // A stream cut short still decodes as far as it goes (pdf.js does the same).
    const out = inflateSync(data, { maxOutputLength: limit + 1, finishFlush: constants.Z_SYNC_FLUSH })
    return { length: out.length, data: out }
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return { length: limit + 1, data: null }
    return { length: 0, data: null } // not deflate data (damaged or encrypted): pdf.js reports what it can
  }
}

function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict)
  if (!m) return []
  return ((m[1] as string).match(/\/[A-Za-z0-9]+/g) ?? []).map((f) => f.slice(1))
}

function num(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d{1,10})(?![\\d.]|\\s+\\d+\\s+R)`).exec(dict)
  return m ? Number(m[1]) : null
}

/** Decoded size of an image stream by its declared dimensions (bytes at 4 per pixel), or null. */
function declaredImageBytes(dict: string): number | null {
  if (!/\/Subtype\s*\/Image/.test(dict)) return null
  const w = num(dict, 'Width') ?? num(dict, 'W')
  const h = num(dict, 'Height') ?? num(dict, 'H')
  return w !== null && h !== null ? w * h * 4 : null
}

/** Throws a ReadError when a stream of the PDF would decode beyond the bounds. */
export function checkPdfStreams(buf: Uint8Array, maxStream = MAX_STREAM_BYTES, maxTotal = MAX_TOTAL_BYTES): void {
  const text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
  let total = 0
  let from = 0
  for (;;) {
    const at = text.indexOf('stream', from, 'latin1')
    if (at < 0) break
    from = at + 6
    // "stream" as a keyword: after the dictionary's ">>" and followed by an end of line (not "endstream").
    if (at >= 3 && text.toString('latin1', at - 3, at) === 'end') continue
    let k = at - 1
    while (k > 0 && (text[k] === 0x20 || text[k] === 0x0a || text[k] === 0x0d || text[k] === 0x09)) k--
    if (!(text[k] === 0x3e && text[k - 1] === 0x3e)) continue
    let start = at + 6
    if (text[start] === 0x0d) start++
    if (text[start] === 0x0a) start++
    const end = text.indexOf('endstream', start, 'latin1')
    const dataEnd = end < 0 ? text.length : end
    const objAt = text.lastIndexOf(' obj', at, 'latin1')
    const dict = text.toString('latin1', Math.max(objAt < 0 ? 0 : objAt, at - 8192), at)
    const data = text.subarray(start, dataEnd)
    from = Math.max(from, dataEnd)
    const image = declaredImageBytes(dict)
    if (image !== null && image > maxStream) {
      throw bombError(`有一幅图片声明为 ${Math.round(image / MB)} MB（超过 ${Math.round(maxStream / MB)} MB 上限）`)
    }
    let size = data.length
    let current: Uint8Array | null = data
    for (const f of filtersOf(dict)) {
      if (!current) break
      if (f === 'FlateDecode' || f === 'Fl') {
        const r = inflatedLength(current, maxStream)
        size = r.length
        current = r.data
      } else if (f === 'LZWDecode' || f === 'LZW') {
        size = lzwDecodedLength(current, /\/EarlyChange\s+0/.test(dict) ? 0 : 1, maxStream)
        current = null
      } else if (f === 'RunLengthDecode' || f === 'RL') {
        size = runLengthDecodedLength(current)
        current = null
      } else if (f === 'ASCIIHexDecode' || f === 'AHx' || f === 'ASCII85Decode' || f === 'A85') {
        current = null // these shrink their input; a filter after them is measured by the image size check
      } else {
        current = null // image codecs (DCT, JPX, CCITT, JBIG2): bounded by the declared image size above
      }
      if (size > maxStream) {
        throw bombError(`有一个数据流解压后超过 ${Math.round(maxStream / MB)} MB`)
      }
    }
    total += size
    if (total > maxTotal) throw bombError(`的数据流解压后合计超过 ${Math.round(maxTotal / MB)} MB`)
  }
}
