import { describe, it, expect } from 'vitest'
import { parseHtml, sanitizeNodes, type El, type HNode } from '../../src-main/engine/ingest/readers/htmlSanitize.ts'
import { htmlToResult } from '../../src-main/engine/ingest/readers/html.ts'
import { ReadError } from '../../src-main/engine/ingest/errors.ts'

/** Display HTML of a fragment as a table cell shows it. */
function cellHtml(fragment: string): { html: string; images: number } {
  let images = 0
  const html = sanitizeNodes(parseHtml(fragment).children, () => images++)
  return { html, images }
}

function allText(n: HNode): string {
  return typeof n === 'string' ? n : n.children.map(allText).join('')
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<style>body{display:none}</style>',
  '<iframe src="https://evil.example/"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<svg onload="alert(1)"><script>alert(2)</script></svg>',
  '<math><mi>x</mi></math>',
  '<form action="javascript:alert(1)"><button onclick="alert(1)">按钮</button><textarea>文本框</textarea></form>',
  '<template><img src=x onerror=alert(1)></template>',
  '<noscript><img src=x></noscript>'
].join('')

describe('sanitiser: what never reaches the display HTML', () => {
  it('drops scripts, styles, embedded documents and form controls with their text', () => {
    const root = parseHtml(`<p>正文</p>${HOSTILE}`)
    expect(allText(root)).toBe('正文')
    const names: string[] = []
    const visit = (n: HNode): void => {
      if (typeof n === 'string') return
      names.push(n.name)
      n.children.forEach(visit)
    }
    visit(root)
    for (const bad of ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'button', 'textarea', 'template', 'noscript']) {
      expect(names).not.toContain(bad)
    }
  })

  it('writes no attribute of the source: no event handlers, URLs or styles', () => {
    const { html } = cellHtml(
      '<p onclick="alert(1)" style="color:red" class="x">甲<a href="javascript:alert(1)" onmouseover="x()">链接</a>' +
        '<span style="background:url(javascript:alert(1))">乙</span><b id="y">丙</b></p>'
    )
    expect(html).toBe('<p>甲链接<span>乙</span><b>丙</b></p>')
    expect(html).not.toMatch(/on\w+=|javascript:|style=|href=/i)
  })

  it('escapes text, so markup inside text stays text', () => {
    const { html } = cellHtml('&lt;script&gt;alert("1")&lt;/script&gt; &amp; 完')
    expect(html).toBe('&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; 完')
  })

  it('drops control and zero-width characters', () => {
    expect(cellHtml('a\u0001b\u200bc\ufeffd').html).toBe('abcd')
  })

  it('shows images as a marker and counts them, without their src', () => {
    const { html, images } = cellHtml('<img src="javascript:alert(1)" onerror="alert(1)">表<img src="x.png">')
    expect(html).toBe('［图片］表［图片］')
    expect(images).toBe(2)
  })

  it('maps other block elements to div and unknown inline elements to their content', () => {
    expect(cellHtml('<section><font color="red">字</font></section><table><tr><td>格</td></tr></table>').html).toBe(
      '<div>字</div><div><div><div>格</div></div></div>'
    )
  })

  it('keeps the page title aside, never as text', () => {
    const root: El = parseHtml('<html><head><title>某镇2023年报_某县</title></head><body>正文</body></html>')
    expect(allText(root)).toBe('正文')
    expect(root.attrs['data-page-title']).toBe('某镇2023年报_某县')
  })

  it('flattens nesting deeper than its limit instead of overflowing the stack', () => {
    const deep = '<div>'.repeat(5000) + '深' + '</div>'.repeat(5000)
    let depth = 0
    let n: HNode | undefined = parseHtml(deep)
    while (n && typeof n !== 'string') {
      depth++
      n = n.children[0]
    }
    expect(depth).toBeLessThanOrEqual(202)
    expect(n).toBe('深')
  })

  it('refuses a page with more elements than any report has', () => {
    expect(() => parseHtml('<i></i>'.repeat(200_001))).toThrow(ReadError)
  })
})

describe('sanitiser through the reader: the whole display HTML', () => {
  it('has only bare tags, table spans and the reader offsets', () => {
    const r = htmlToResult(
      `<body onload="alert(1)"><h1 style="x">标题</h1>${HOSTILE}<p><a href="javascript:alert(1)">正文</a></p>` +
        '<table border=1 onclick="x()"><tr><th colspan="2" style="x">项目</th></tr><tr><td onclick="y()">一</td><td><img src=x onerror=alert(1)>二</td></tr></table></body>',
      'docx'
    )
    expect(r.html).not.toMatch(/script|iframe|alert|javascript:|on\w+=|style=|href=|src=|<svg|<math|<form|<button/i)
    const attrs = [...(r.html ?? '').matchAll(/\s([a-z-]+)="/g)].map((m) => m[1])
    expect(new Set(attrs)).toEqual(new Set(['colspan', 'data-s', 'data-e']))
  })
})
