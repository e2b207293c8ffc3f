// Traditional characters on a scan (fast: no recogniser). The recogniser reads with simplified and traditional
// models together, so a simplified scan comes out with some words in traditional forms; that mixing is the
// recogniser's and must not be reported as the township's (DOC-TRAD). A traditional report stays one, on a
// scan as in a text file, and a typed document that mixes scripts is still the township's.
import * as OpenCC from 'opencc-js'
import { describe, expect, it } from 'vitest'
import { checkReport } from '../../src-main/engine/checks/run.ts'
import type { ReadResult } from '../../src-main/engine/model.ts'
import { TextBuilder } from '../../src-main/engine/ocr/layout.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { seedBytes } from '../helpers/seeds.ts'

const toTra = OpenCC.Converter({ from: 'cn', to: 'tw' })

/** A seed's text as lines of one cell, with an OCR confidence on each (a scan) or without (a text file). */
function read(text: string, scan: boolean): ReadResult {
  const out = new TextBuilder()
  for (const l of text.split('\n')) out.addLine([{ text: l, ...(scan ? { conf: 92 } : {}) }])
  return { kind: scan ? 'pdf' : 'txt', text: out.result(), lines: out.lines, warnings: [] }
}

/** What a mixed reading looks like: every third line in traditional forms. */
const mixed = (text: string): string => text.split('\n').map((l, i) => (i % 3 === 1 ? toTra(l) : l)).join('\n')

const tradFinding = (r: ReadResult): boolean => checkReport(parseReport(r), r.text).findings.some((f) => f.rule === 'DOC-TRAD')

describe('traditional forms on a scan', () => {
  const simp = seedBytes('002').toString('utf8')
  const trad = seedBytes('004').toString('utf8')

  it('a simplified report read with some traditional words: no DOC-TRAD on the scan, DOC-TRAD in a typed file', () => {
    const m = mixed(simp)
    expect(parseReport(read(m, false)).tradShare).toBeGreaterThan(0.05)
    expect(tradFinding(read(m, false))).toBe(true)
    expect(parseReport(read(m, true)).tradShare).toBe(0)
    expect(tradFinding(read(m, true))).toBe(false)
  })

  it('a traditional report is one on a scan too', () => {
    expect(parseReport(read(trad, true)).tradShare).toBeGreaterThan(0.2)
    expect(tradFinding(read(trad, true))).toBe(true)
  })
})
