// Generators of hostile files (issue 14): each is built in code, so the tests need no binary fixtures.
import { constants, deflateRawSync, deflateSync } from 'node:zlib'

/** A PDF from numbered object bodies (index 1..n), each a string or [dict, stream bytes]. */
function buildPdf(objs: (string | [string, Buffer])[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let len = parts[0]!.length
  const offsets: number[] = []
  objs.forEach((o, i) => {
    offsets.push(len)
    const body =
      typeof o === 'string'
        ? Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')
        : Buffer.concat([Buffer.from(`${i + 1} 0 obj\n${o[0].replace('%LEN%', String(o[1].length))}\nstream\n`, 'latin1'), o[1], Buffer.from('\nendstream\nendobj\n', 'latin1')])
    parts.push(body)
    len += body.length
  })
  const xref = len
  parts.push(
    Buffer.from(
      `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}` +
        `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1'
    )
  )
  return Buffer.concat(parts)
}

function adler32OfRepeated(byte: number, n: number): number {
  // a = 1 + n*byte, b = sum over i of (1 + (i+1)*byte) = n + byte*n*(n+1)/2, both mod 65521
  const M = 65521n
  const N = BigInt(n)
  const B = BigInt(byte)
  const a = (1n + N * B) % M
  const b = (N + (B * N * (N + 1n)) / 2n) % M
  return Number((b << 16n) | a)
}

/**
 * A zlib stream that inflates to `decoded` bytes of spaces, built from one compressed block repeated
 * (no need to compress gigabytes): about 1 KB on disk per MB decoded.
 */
export function zlibOfSpaces(decoded: number): Buffer {
  const chunk = 16 * 1024 * 1024
  const block = deflateRawSync(Buffer.alloc(chunk, 0x20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH })
  const reps = Math.floor(decoded / chunk)
  const rest = decoded - reps * chunk
  const tail = rest > 0 ? deflateRawSync(Buffer.alloc(rest, 0x20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH }) : Buffer.alloc(0)
  const trailer = Buffer.alloc(4)
  trailer.writeUInt32BE(adler32OfRepeated(0x20, decoded) >>> 0)
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: reps }, () => block), tail, Buffer.from([0x03, 0x00]), trailer])
}

/** A one-page PDF whose content stream inflates to `decoded` bytes (1.9 GB from about 2 MB on disk). */
export function pdfBomb(decoded = 1900 * 1024 * 1024): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    ['<< /Length %LEN% /Filter /FlateDecode >>', zlibOfSpaces(decoded)]
  ])
}

/** A one-page PDF painting an image that declares 60000 × 60000 pixels (14 GB decoded) in a few bytes. */
export function pdfHugeImage(): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    ['<< /Length %LEN% >>', Buffer.from('q 595 0 0 842 0 0 cm /Im1 Do Q')],
    ['<< /Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %LEN% >>', zlibOfSpaces(1024)]
  ])
}

/** An ordinary one-page PDF with a Flate content stream, to show ordinary files pass. */
export function pdfPlain(text = 'BT /F1 12 Tf 72 720 Td (hello) Tj ET'): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    ['<< /Length %LEN% /Filter /FlateDecode >>', deflateSync(Buffer.from(text))],
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ])
}
