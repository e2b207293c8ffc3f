// Assertions shared by the reader tests.
import { expect } from 'vitest'
import type { ReadResult } from '../../src-main/engine/model.ts'

/**
 * Offsets point at each cell and, for readers that build the text from cells (html, docx, pdf), cells and
 * lines rebuild the canonical text exactly ('\t' between cells, '\n' between lines).
 */
export function expectOffsets(r: ReadResult, opts: { rebuild?: boolean } = {}): void {
  const cells = r.lines.flatMap((l) => l.cells)
  expect(cells.length).toBeGreaterThan(0)
  for (const c of cells) expect(r.text.slice(c.start, c.end)).toBe(c.text)
  for (const c of cells) expect(c.text).not.toMatch(/[\t\n]/)
  if (opts.rebuild === false) return
  const rebuilt = r.lines.map((l) => l.cells.map((c) => r.text.slice(c.start, c.end)).join('\t')).join('\n')
  expect(rebuilt).toBe(r.text)
}

/**
 * A minimal OLE compound file (what .doc files and encrypted Office files are) holding the named streams,
 * each stored in regular 512-byte sectors. Enough for format detection, not for word-extractor.
 */
export function makeOle(streams: { name: string; data: Uint8Array }[]): Uint8Array {
  const SS = 512
  const sizes = streams.map((s) => Math.max(4096, Math.ceil(s.data.length / SS) * SS))
  const total = 3 + sizes.reduce((n, s) => n + s / SS, 0)
  const buf = new Uint8Array(total * SS)
  const dv = new DataView(buf.buffer)
  buf.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  dv.setUint16(0x18, 0x3e, true)
  dv.setUint16(0x1a, 3, true)
  dv.setUint16(0x1c, 0xfffe, true)
  dv.setUint16(0x1e, 9, true) // 512-byte sectors
  dv.setUint16(0x20, 6, true)
  dv.setUint32(0x2c, 1, true) // one FAT sector…
  dv.setUint32(0x30, 1, true) // …then the directory in sector 1
  dv.setUint32(0x38, 4096, true)
  dv.setUint32(0x3c, 0xfffffffe, true)
  dv.setUint32(0x44, 0xfffffffe, true)
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true)
  const fat = (i: number, v: number): void => dv.setUint32(SS + i * 4, v, true)
  for (let i = 0; i < SS / 4; i++) fat(i, 0xffffffff)
  fat(0, 0xfffffffd)
  fat(1, 0xfffffffe)
  const entry = (slot: number, name: string, type: number, start: number, size: number): void => {
    const off = 2 * SS + slot * 128
    for (let i = 0; i < name.length; i++) dv.setUint16(off + i * 2, name.charCodeAt(i), true)
    dv.setUint16(off + 0x40, (name.length + 1) * 2, true)
    buf[off + 0x42] = type
    for (const o of [0x44, 0x48, 0x4c]) dv.setUint32(off + o, 0xffffffff, true)
    dv.setUint32(off + 0x74, start, true)
    dv.setUint32(off + 0x78, size, true)
  }
  entry(0, 'Root Entry', 5, 0xfffffffe, 0)
  let sector = 3 // sector 2 (file offset 3×512) is the directory; data follows it
  streams.forEach((s, i) => {
    const n = sizes[i]! / SS
    entry(i + 1, s.name, 2, sector - 1, sizes[i]!)
    buf.set(s.data, sector * SS)
    for (let k = 0; k < n; k++) fat(sector - 1 + k, k === n - 1 ? 0xfffffffe : sector + k)
    sector += n
  })
  return buf
}
