// A generated corpus of hostile and broken submissions (issue 6). Deterministic: a seeded PRNG.
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { FIXTURES, SEED_DIR } from '../helpers/seeds.ts'

function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const EXTS = ['.txt', '.html', '.htm', '.docx', '.doc', '.pdf']

/** Writes about `n` bad files (plus a few good ones) into dir; returns the number of files written. */
export async function makeCorpus(dir: string, n = 1000, seed = 42): Promise<number> {
  mkdirSync(dir, { recursive: true })
  const rnd = prng(seed)
  const bytes = (len: number): Buffer => Buffer.from(Array.from({ length: len }, () => Math.floor(rnd() * 256)))
  const goods = [
    ...readdirSync(join(FIXTURES, 'seeds')).map((f) => join(FIXTURES, 'seeds', f)),
    ...readdirSync(SEED_DIR).map((f) => join(SEED_DIR, f))
  ].map((p) => ({ ext: p.slice(p.lastIndexOf('.')), buf: readFileSync(p) }))
  let count = 0
  const put = (name: string, data: Buffer | string): void => {
    writeFileSync(join(dir, name), data)
    count++
  }
  // Fixed hostile cases first.
  const bomb = new JSZip()
  bomb.file('[Content_Types].xml', '<Types/>')
  bomb.file('word/document.xml', Buffer.alloc(300 * 1024 * 1024, 0x41), { compression: 'DEFLATE', compressionOptions: { level: 9 } })
  put('zip-bomb.docx', await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
  const laughs = new JSZip()
  const ents = ['<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">', ...Array.from({ length: 12 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`)].join('')
  laughs.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
  laughs.file('word/document.xml', `<?xml version="1.0"?><!DOCTYPE w [${ents}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&a12;</w:t></w:r></w:p></w:body></w:document>`)
  put('entity-expansion.docx', await laughs.generateAsync({ type: 'nodebuffer' }))
  put('scripts.html', '<html><body onload="alert(1)"><script>alert(1)</script><img src="http://example.com/x.png" onerror="alert(2)"><a href="javascript:alert(3)">链接</a><iframe src="http://example.com"></iframe><p>一、总体情况</p></body></html>')
  put('long-line.txt', '年'.repeat(2_000_000))
  put('utf16-no-bom.txt', Buffer.from('一、总体情况\n二、主动公开', 'utf16le'))
  put('gbk-declared-utf8.html', Buffer.concat([Buffer.from('<meta charset="utf-8"><p>'), Buffer.from([0xc4, 0xea, 0xb1, 0xa8, 0xd6, 0xd0]), Buffer.from('</p>')]))
  put('名称 带空格&符号#（全角）【】.txt', readFileSync(join(SEED_DIR, readdirSync(SEED_DIR)[0] as string)))
  put('.hidden.txt', 'x')
  put('no-extension', 'x')
  // A PDF with thousands of pages (empty pages, valid structure).
  const pages = 3000
  const objs: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ')}] /Count ${pages} >>`]
  for (let i = 0; i < pages; i++) objs.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>')
  let pdf = '%PDF-1.4\n'
  const offs: number[] = []
  objs.forEach((o, i) => {
    offs.push(Buffer.byteLength(pdf))
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = Buffer.byteLength(pdf)
  pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offs.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  put('3000-pages.pdf', pdf)
  const sub = join(dir, 'loop')
  mkdirSync(sub, { recursive: true })
  try {
    symlinkSync(dir, join(sub, 'back-to-root'))
    symlinkSync(join(sub, 'missing-target'), join(dir, 'dangling.txt'))
  } catch {
    // symlinks may be unavailable (Windows without privilege)
  }
  // Generated cases up to n.
  let i = 0
  while (count < n) {
    const ext = EXTS[i % EXTS.length] as string
    const kind = Math.floor(rnd() * 6)
    const good = goods[Math.floor(rnd() * goods.length)] as { ext: string; buf: Buffer }
    let data: Buffer
    switch (kind) {
      case 0:
        data = Buffer.alloc(0)
        break
      case 1:
        data = bytes(1 + Math.floor(rnd() * 3))
        break
      case 2:
        data = bytes(16 + Math.floor(rnd() * 20000))
        break
      case 3:
        data = good.buf.subarray(0, Math.floor(rnd() * good.buf.length))
        break
      case 4: {
        data = Buffer.from(good.buf)
        for (let k = 0; k < 20; k++) data[Math.floor(rnd() * data.length)] = Math.floor(rnd() * 256)
        break
      }
      default:
        data = Buffer.concat([Buffer.from(ext === '.pdf' ? '%PDF-1.7\n' : ext.includes('doc') ? 'PK\u0003\u0004' : '<html>'), bytes(Math.floor(rnd() * 5000))])
    }
    put(`gen-${String(i).padStart(4, '0')}-${kind}${ext}`, data)
    i++
  }
  return count
}
