import { describe, expect, it } from 'vitest'
import { isSpace } from '../../src-main/engine/text/space.ts'

describe('isSpace', () => {
  it('agrees with /\\s/ on every UTF-16 unit', () => {
    const wrong: number[] = []
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c)
    expect(wrong).toEqual([])
    // The set is not empty: the ideographic space of Chinese documents is in it, a Han char is not.
    expect(isSpace(0x3000)).toBe(true)
    expect(isSpace('年'.charCodeAt(0))).toBe(false)
  })
})
