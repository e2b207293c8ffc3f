// Builds small valid PDFs in code (xref offsets computed), so the PDF reader is tested on real bytes.

export type Run = [x: number, y: number, text: string]

/**
 * One A4 page per entry; each page draws its [x, y, text] runs in 12 pt Helvetica. With `image`, every page
 * also paints a tiny grey image (what a scanned page looks like to the reader).
 */
export function makePdf(pages: Run[][], opts: { image?: boolean } = {}): Uint8Array {
  const objs: string[] = []
  const pageIds = pages.map((_, i) => 5 + i * 2)
  objs[1] = '<< /Type /Catalog /Pages 2 0 R >>'
  objs[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`
  objs[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'
  const hex = '00FFFF00>'
  objs[4] =
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 ' +
    `/Filter /ASCIIHexDecode /Length ${hex.length} >>\nstream\n${hex}\nendstream`
  pages.forEach((runs, i) => {
    const ops = runs.map(([x, y, t]) => `BT /F1 12 Tf 1 0 0 1 ${x} ${y} Tm (${t.replace(/[\\()]/g, '\\$&')}) Tj ET`)
    if (opts.image) ops.push('q 500 0 0 700 50 50 cm /Im1 Do Q')
    const content = ops.join('\n')
    const id = pageIds[i]!
    objs[id] =
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ' +
      `/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${id + 1} 0 R >>`
    objs[id + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`
  })
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  for (let n = 1; n < objs.length; n++) {
    offsets[n] = pdf.length
    pdf += `${n} 0 obj\n${objs[n]}\nendobj\n`
  }
  const xref = pdf.length
  pdf += `xref\n0 ${objs.length}\n0000000000 65535 f \n`
  for (let n = 1; n < objs.length; n++) pdf += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objs.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(pdf) // ASCII only, so string offsets are byte offsets
}
