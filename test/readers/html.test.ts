import { describe, it, expect } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { htmlToResult, readHtml } from '../../src-main/engine/ingest/readers/html.ts'
import { ReadError } from '../../src-main/engine/ingest/errors.ts'
import type { ReadResult } from '../../src-main/engine/model.ts'
import { expectOffsets } from './helpers.ts'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}
/** '年报' in GBK. */
const GBK_NIANBAO = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8])

/** Every data-s/data-e pair of the display HTML must be a cell's offsets. */
function expectHtmlOffsets(r: ReadResult): void {
  const pairs = [...(r.html ?? '').matchAll(/data-s="(\d+)" data-e="(\d+)"/g)].map((m) => `${m[1]}-${m[2]}`)
  const cells = r.lines.flatMap((l) => l.cells).map((c) => `${c.start}-${c.end}`)
  expect(pairs.sort()).toEqual([...cells].sort())
}

describe('htmlToResult: paragraphs', () => {
  const r = htmlToResult(
    `<html><head><title>页面标题</title><style>p{color:red}</style></head><body>
     <h1>某镇 2023 年报告</h1>
     <p>第一段 <b>粗<i>体</i></b>  &amp;&lt;实体&gt;<br>第二行</p>
     <div>匿名文字<p>段落</p>尾巴</div>
     <ul><li>甲</li><li>乙</li></ul></body></html>`,
    'html'
  )

  it('makes one line per block and per <br>, with entities decoded and whitespace collapsed', () => {
    expect(r.lines.map((l) => l.cells.map((c) => c.text))).toEqual([
      ['某镇 2023 年报告'],
      ['第一段 粗体 &<实体>'],
      ['第二行'],
      ['匿名文字'],
      ['段落'],
      ['尾巴'],
      ['甲'],
      ['乙']
    ])
    expect(r.lines.every((l) => l.table === undefined)).toBe(true)
    expect(r.kind).toBe('html')
  })

  it('keeps <title> and <style> out of the text', () => {
    expect(r.text).not.toContain('页面标题')
    expect(r.text).not.toContain('color')
  })

  it('has offsets that point at each cell, also from the display HTML', () => {
    expectOffsets(r)
    expectHtmlOffsets(r)
  })
})

describe('htmlToResult: tables', () => {
  const r = htmlToResult(
    `<p>前言</p><table border="1">
      <tr><th rowspan="3">A</th><th colspan="2">B</th><th rowspan="2">C</th></tr>
      <tr><td>D</td><td>E</td></tr>
      <tr><td>F</td><td> </td><td>H</td></tr>
      <tr><td colspan="4"><p>多段</p><p>标签</p></td></tr>
      <tr><td></td><td></td></tr>
    </table><table><tr><td>x</td><td>1</td></tr></table>`,
    'html'
  )
  const rows = r.lines.filter((l) => l.table !== undefined)

  it('gives one line per row, grid columns after colspan and rowspan', () => {
    expect(rows.map((l) => l.cells.map((c) => [c.text, c.col, c.colSpan]))).toEqual([
      [['A', 0, 1], ['B', 1, 2], ['C', 3, 1]],
      [['D', 1, 1], ['E', 2, 1]],
      [['F', 1, 1], ['', 2, 1], ['H', 3, 1]],
      [['多段标签', 0, 4]],
      [['x', 0, 1], ['1', 1, 1]]
    ])
  })

  it('numbers tables in document order and joins cells with tabs', () => {
    expect(rows.map((l) => l.table)).toEqual([0, 0, 0, 0, 1])
    expect(r.text).toBe('前言\nA\tB\tC\nD\tE\nF\t\tH\n多段标签\nx\t1')
    expectOffsets(r)
    expectHtmlOffsets(r)
  })

  it('keeps spans as numbers in the display HTML and marks cells with offsets', () => {
    expect(r.html).toContain('<th rowspan="3" data-s="3" data-e="4">A</th>')
    expect(r.html).toContain('colspan="4"')
  })

  it('treats a layout table holding a nested table as plain blocks', () => {
    const n = htmlToResult(
      '<table><tr><td><p>标题</p><table><tr><td>规章</td><td>0</td></tr></table></td><td>侧栏</td></tr></table>',
      'html'
    )
    expect(n.lines.map((l) => [l.table, l.cells.map((c) => c.text)])).toEqual([
      [undefined, ['标题']],
      [0, ['规章', '0']],
      [undefined, ['侧栏']]
    ])
    expectOffsets(n)
  })

  it('treats a one-column table as paragraphs', () => {
    const n = htmlToResult('<table><tr><td>第一段</td></tr><tr><td>第二段</td></tr></table>', 'html')
    expect(n.lines.map((l) => [l.table, l.cells[0]?.text])).toEqual([
      [undefined, '第一段'],
      [undefined, '第二段']
    ])
  })
})

describe('htmlToResult: sanitizing', () => {
  const r = htmlToResult(
    `<p onclick="steal()" style="color:red" class="x">正文<script>alert('s')</script>
     <a href="javascript:alert(1)">链接文字</a><img src="x.png" onerror="alert(2)">
     <iframe src="https://evil.example"></iframe><object data="x.swf">对象</object>
     <span style="background:url(javascript:alert(3))">样式</span></p>
     <table><tr><td colspan="2x" rowspan="javascript:1" onmouseover="x()">甲</td><td>乙</td></tr></table>
     <noscript>无脚本</noscript><template><p>模板</p></template><svg><text>图形</text></svg>`,
    'html'
  )
  const html = r.html ?? ''

  it('removes scripts, handlers, links, styles and embedded content', () => {
    expect(html).not.toMatch(/script|onclick|onerror|onmouseover|javascript|href|style|class=|iframe|object|src=/i)
    expect(r.text).not.toMatch(/alert|对象|无脚本|模板|图形/)
  })

  it('keeps link text and replaces images by ［图片］', () => {
    expect(r.text).toContain('链接文字')
    expect(html).toContain('链接文字')
    expect(html).toContain('［图片］')
    expect(r.text).not.toContain('［图片］')
    expect(r.warnings.join()).toContain('1 张图片')
  })

  it('keeps only numeric spans', () => {
    expect(html).toContain('colspan="2"')
    expect(html).not.toContain('rowspan')
  })

  it('leaves only whitelisted tags', () => {
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]))
    for (const t of tags) expect(['p', 'span', 'table', 'tbody', 'thead', 'tr', 'td', 'th', 'br', 'div']).toContain(t)
  })
})

describe('readHtml: charsets', () => {
  it('honours <meta charset=gbk>', () => {
    const buf = concat(enc('<html><head><meta charset="gbk"></head><body><p>'), GBK_NIANBAO, enc('</p></body></html>'))
    const r = readHtml(buf)
    expect(r.encoding).toBe('gbk')
    expect(r.lines[0]?.cells[0]?.text).toBe('年报')
  })

  it('honours http-equiv content-type gb2312', () => {
    const buf = concat(
      enc('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>'),
      GBK_NIANBAO,
      enc('</p>')
    )
    expect(readHtml(buf).text).toBe('年报')
  })

  it('detects GBK without a declaration', () => {
    const r = readHtml(concat(enc('<p>'), GBK_NIANBAO, enc('</p>')))
    expect(r.text).toBe('年报')
    expect(r.encoding).toBe('gb18030')
  })

  it('reads UTF-8 bytes behind a stale gb2312 declaration as UTF-8, with a warning', () => {
    const r = readHtml(enc('<meta charset="gb2312"><p>政府信息公开工作年度报告</p>'))
    expect(r.text).toBe('政府信息公开工作年度报告')
    expect(r.warnings.join()).toContain('UTF-8')
  })
})

describe('readHtml: refusals', () => {
  it('rejects an empty file', () => {
    expect(() => readHtml(new Uint8Array(0))).toThrow(ReadError)
  })

  it('rejects more than 30 MB', () => {
    expect(() => readHtml(new Uint8Array(31 * 1024 * 1024).fill(0x20))).toThrow(/30 MB/)
  })

  it('rejects a PDF renamed to .html', () => {
    expect(() => readHtml(enc('%PDF-1.4\n'))).toThrow(/PDF/)
  })

  it('survives very deep nesting', () => {
    const r = htmlToResult('<div>'.repeat(5000) + '深处' + '</div>'.repeat(5000), 'html')
    expect(r.text).toBe('深处')
  })
})

describe('readHtml: seed fixtures', () => {
  const dir = new URL('../fixtures/', import.meta.url)
  const files = ['seeds', 'encodings'].flatMap((d) =>
    readdirSync(new URL(d, dir))
      .filter((f) => f.endsWith('.html'))
      .map((f) => new URL(`${d}/${f}`, dir))
  )

  it('finds 行政规范性文件 as a table row in every simplified-Chinese seed page', () => {
    const simplified = files.filter((f) => !f.pathname.includes('004_'))
    expect(simplified.length).toBeGreaterThan(0)
    for (const f of simplified) {
      const r = readHtml(readFileSync(f))
      const row = r.lines.find((l) => l.table !== undefined && l.cells[0]?.text === '行政规范性文件')
      expect(row, f.pathname).toBeDefined()
      expect(row!.cells.map((c) => c.col)).toEqual([0, 1, 2, 3])
      expectOffsets(r)
      expectHtmlOffsets(r)
    }
  })
})
