// The temporary file XDOC-PEER-COPY keeps a batch's paragraph grams in (issue 17: bounded memory).
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { GramSpill } from '../../src-main/engine/checks/lib/gramSpill.ts'
import { grams } from '../../src-main/engine/checks/lib/similarity.ts'

describe('gram spill file', () => {
  it('gives back each array as written, in any order, and leaves nothing behind', () => {
    const spill = new GramSpill()
    const arrays = ['政府信息公开工作年度报告', '本机关全年主动公开政府信息', '', '依申请公开'].map((s) => Float64Array.from(grams(s)).sort())
    const refs = arrays.map((a) => spill.write(a))
    expect(refs.map((r) => r.n)).toEqual(arrays.map((a) => a.length))
    for (const i of [3, 0, 2, 1]) expect([...spill.read(refs[i]!)]).toEqual([...arrays[i]!])
    // Two arrays written one after the other read back as one.
    const both = spill.read({ at: refs[0]!.at, n: refs[0]!.n + refs[1]!.n })
    expect([...both]).toEqual([...arrays[0]!, ...arrays[1]!])
    // 53-bit gram hashes survive the round trip exactly.
    expect(arrays[0]!.some((g) => g > 2 ** 32)).toBe(true)
    const dir = (spill as unknown as { dir: string }).dir
    expect(existsSync(dir)).toBe(true)
    spill.close()
    expect(existsSync(dir)).toBe(false)
  })

  it('refuses a read past what was written', () => {
    const spill = new GramSpill()
    const ref = spill.write(Float64Array.of(1, 2, 3))
    expect(() => spill.read({ at: ref.at, n: 4 })).toThrow(/cut short/)
    spill.close()
  })
})
