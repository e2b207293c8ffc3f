// The typed gram table of XDOC-PEER-COPY keeps what a Map keeps: every key's last value, through growth,
// for keys that share their low bits (the slot hash reads the low 32 bits only).
import { describe, expect, it } from 'vitest'
import { GramTable } from '../../src-main/engine/checks/lib/gramTable.ts'
import { grams } from '../../src-main/engine/checks/lib/similarity.ts'

describe('GramTable', () => {
  it('agrees with a Map on real gram hashes and on keys equal in their low 32 bits', () => {
    const t = new GramTable(2)
    const m = new Map<number, number>()
    const keys = [...grams('政府信息公开工作年度报告本年度我镇认真贯彻落实条例要求主动公开政府信息'.repeat(3) + '平安镇头营镇官前乡裴城镇')]
    for (let k = 0; k < 300; k++) keys.push(k * 2 ** 32 + 7, 2 ** 52 + k)
    keys.forEach((g, i) => {
      t.set(g, i * 3)
      m.set(g, i * 3)
    })
    // Overwrites keep one entry.
    for (const g of keys.slice(0, 50)) {
      t.set(g, 1)
      m.set(g, 1)
    }
    expect(t.size).toBe(m.size)
    for (const [g, v] of m) expect(t.get(g)).toBe(v)
    expect(t.get(12345)).toBe(-1)
    expect(t.get(2 ** 32 * 301 + 7)).toBe(-1)
    expect(() => t.set(1, -1)).toThrow(RangeError)
    t.clear()
    expect(t.size).toBe(0)
    expect(t.get(keys[0] as number)).toBe(-1)
  })
})
