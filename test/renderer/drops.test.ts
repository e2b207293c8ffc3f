// Drops anywhere in the renderer: the default (opening the file in place of the app) is always
// cancelled, and the screen's handler gets the dropped names and desktop paths.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { guardDrops, type DroppedItem } from '../../src-renderer/src/domain/drops.ts'

/** A drag event as Chromium delivers it, with a data transfer holding these files. */
function dragEvent(type: string, names: string[]): Event & { dataTransfer: { dropEffect: string; files: { name: string }[] } } {
  const e = new Event(type, { cancelable: true, bubbles: true }) as Event & { dataTransfer: { dropEffect: string; files: { name: string }[] } }
  Object.defineProperty(e, 'dataTransfer', { value: { dropEffect: 'none', files: names.map((name) => ({ name })) } })
  return e
}

describe('guardDrops', () => {
  it('cancels dragenter, dragover and drop so a dropped .html never opens, and reports the drop', () => {
    const doc = new EventTarget()
    const got: DroppedItem[][] = []
    const off = guardDrops(doc, (items) => got.push(items), (f) => join(tmpdir(), f.name))
    for (const type of ['dragenter', 'dragover']) {
      const e = dragEvent(type, ['头营镇2023年报.html'])
      expect(doc.dispatchEvent(e), type).toBe(false)
      expect(e.defaultPrevented).toBe(true)
      expect(e.dataTransfer.dropEffect).toBe('copy')
    }
    const drop = dragEvent('drop', ['头营镇2023年报.html'])
    expect(doc.dispatchEvent(drop)).toBe(false)
    expect(got).toEqual([[{ name: '头营镇2023年报.html', path: join(tmpdir(), '头营镇2023年报.html') }]])
    off()
    const after = dragEvent('drop', ['x.html'])
    expect(doc.dispatchEvent(after)).toBe(true)
    expect(got).toHaveLength(1)
  })

  it('in the browser (no path) the drop is still cancelled and reported without a path', () => {
    const doc = new EventTarget()
    const got: DroppedItem[][] = []
    guardDrops(doc, (items) => got.push(items))
    expect(doc.dispatchEvent(dragEvent('drop', ['年报']))).toBe(false)
    expect(got).toEqual([[{ name: '年报', path: null }]])
    // a drag of text or a link (no files) is cancelled but is not an import
    expect(doc.dispatchEvent(dragEvent('drop', []))).toBe(false)
    expect(got).toHaveLength(1)
  })

  it('a path lookup that throws does not let the drop through', () => {
    const doc = new EventTarget()
    const got: DroppedItem[][] = []
    guardDrops(doc, (items) => got.push(items), () => {
      throw new Error('no path')
    })
    expect(doc.dispatchEvent(dragEvent('drop', ['a']))).toBe(false)
    expect(got).toEqual([[{ name: 'a', path: null }]])
  })
})
