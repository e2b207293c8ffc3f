// The real-sentence corpus (test/checks/sentences/corpus/real.json, measured by scripts/sentence-corpus.ts):
// every sentence of the real texts that counts something, with what it says read by hand. The readers must read
// exactly that, and nothing from a sentence of these texts that is not listed.
import { describe, expect, it } from 'vitest'
import { CORPUS, FILES, measure, readSentences, unlisted } from '../../scripts/sentence-corpus.ts'

describe('real sentences that state counts', () => {
  it('covers the held-out reports, the seeds and the three real PDFs', () => {
    for (const dir of ['holdout/', 'holdout-full/', 'seeds/', 'real/']) expect(FILES.filter((f) => f.startsWith(dir)).length).toBeGreaterThan(2)
    expect(CORPUS.every((c) => FILES.includes(c.file))).toBe(true)
    expect(CORPUS.length).toBeGreaterThan(250)
  })

  it.each(FILES)('%s: every sentence that counts is labelled and read as labelled, no other sentence yields a count', async (file) => {
    const sens = await readSentences(file)
    const mine = CORPUS.filter((c) => c.file === file)
    const sort = (x: [string, number][]): string[] => x.map((y) => `${y[0]}=${y[1]}`).sort()
    for (const c of mine) {
      const got = sens.find((x) => x.s === c.s)
      expect(got, `sentence not found: ${c.s.slice(0, 50)}`).toBeDefined()
      expect(sort(got!.read), `${c.s.slice(0, 50)} (${c.why})`).toEqual(sort(c.says))
    }
    expect(unlisted(file, sens), 'sentences that count something but are not labelled').toEqual([])
    const listed = new Set(mine.map((c) => c.s))
    expect(sens.filter((x) => x.read.length && !listed.has(x.s)).map((x) => x.s)).toEqual([])
  })

  it('measures: precision 100% (nothing read wrong), and what is missed is exactly what is listed as unread', async () => {
    const m = await measure()
    expect(m.wrong).toEqual([])
    expect(m.right).toBe(m.read)
    expect(m.missed.length).toBe(CORPUS.reduce((n, c) => n + (c.unread?.length ?? 0), 0))
    // Recall may only rise: a gap closed moves its statement from `unread` to `says`.
    expect(m.right / m.said).toBeGreaterThan(0.97)
  })
})
