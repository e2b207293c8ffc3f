import { describe, expect, it } from 'vitest'
import { detachedSlice } from '../../src-main/engine/checks/lib/batch.ts'
import { TextSpill } from '../../src-main/engine/checks/lib/textSpill.ts'

describe('TextSpill', () => {
  it('gives back each string written, in any order, Chinese and unpaired surrogates included', () => {
    const spill = new TextSpill()
    try {
      const texts = ['', '平安镇2023年年报', 'x'.repeat(70_000), '表三\t0\n\t1', '{"rule":"XDOC-OTHER-NAME","text":"我镇"}']
      const refs = texts.map((t) => spill.write(t))
      for (const i of [3, 0, 4, 2, 1]) expect(spill.read(refs[i] as (typeof refs)[number])).toBe(texts[i])
    } finally {
      spill.close()
    }
  })

  it('gives back strings still gathered for the file and strings already in it, across many chunks', () => {
    const spill = new TextSpill()
    try {
      const texts = Array.from({ length: 3000 }, (_, i) => `${i}：${'年报正文'.repeat(i % 97)}${i % 500 === 0 ? 'x'.repeat(300_000) : ''}`)
      const refs = texts.map((t, i) => {
        const ref = spill.write(t)
        // Read back at once too: the string is then still in the chunk being gathered (or written through).
        if (i % 7 === 0) expect(spill.read(ref)).toBe(t)
        return ref
      })
      for (let i = texts.length - 1; i >= 0; i -= 3) expect(spill.read(refs[i] as (typeof refs)[number])).toBe(texts[i])
      for (let i = 0; i < texts.length; i += 5) expect(spill.read(refs[i] as (typeof refs)[number])).toBe(texts[i])
    } finally {
      spill.close()
    }
  })

  it('makes no file until something is written, and can be closed twice', () => {
    const spill = new TextSpill()
    spill.close()
    spill.close()
  })
})

describe('detachedSlice', () => {
  it('equals the slice, short or long', () => {
    const text = `开头${'政府信息公开工作年度报告。'.repeat(50)}结尾\ud800`
    for (const [s, e] of [[0, 2], [2, 40], [5, text.length], [10, 10]] as const) expect(detachedSlice(text, s, e)).toBe(text.slice(s, e))
  })
})
