// matchJoined (checks/lib/joined.ts): a sentence wrapped over lines is matched as if the line breaks were
// not there, and every match is mapped back to the text. Held to the plain definition: join the
// characters that are not line breaks, match, map each character back.
import { describe, expect, it } from 'vitest'
import { matchJoined } from '../../src-main/engine/checks/lib/joined.ts'
import { STAT_PERIOD, type Range } from '../../src-main/engine/checks/lib/narrative.ts'
import { ctxFromText, SEED_IDS, seedText } from '../helpers/check.ts'

function byDefinition(norm: string, re: RegExp, ranges: Range[]): { start: number; end: number; text: string }[] {
  const g = new RegExp(re.source, `${re.flags.replace('g', '')}g`)
  const out: { start: number; end: number; text: string }[] = []
  for (const r of ranges) {
    const at: number[] = []
    let s = ''
    for (let i = r.start; i < r.end; i++) {
      if (norm[i] === '\n' || norm[i] === '\r') continue
      s += norm[i]
      at.push(i)
    }
    for (const m of s.matchAll(g)) if (m[0].length) out.push({ start: at[m.index] as number, end: (at[m.index + m[0].length - 1] as number) + 1, text: m[0] })
  }
  return out
}

/** The text wrapped every n characters, with Windows line ends on every other line and blank lines between some. */
function wrapped(text: string, n: number): string {
  let out = ''
  for (let i = 0, k = 0; i < text.length; i += n, k++) out += text.slice(i, i + n) + (k % 2 ? '\r\n' : '\n') + (k % 5 === 0 ? '\n' : '')
  return out
}

const RES = [STAT_PERIOD, /((?:19|20)\d{2})\s*年/, /政府信息公开/, /\d+/]

describe('matchJoined', () => {
  it('matches across line breaks and maps the matches back, as the plain definition does', () => {
    let matches = 0
    for (const id of SEED_IDS) {
      for (const text of [seedText(id), wrapped(seedText(id), 7), wrapped(seedText(id), 23)]) {
        const ctx = ctxFromText(text)
        const norm = ctx.report.norm
        const ranges: Range[] = [{ start: 0, end: norm.length }, { start: 5, end: Math.floor(norm.length / 2) }, { start: norm.length - 1, end: norm.length }, { start: 3, end: 3 }]
        for (const re of RES) {
          const got = matchJoined(ctx, re, ranges).map((m) => ({ start: m.start, end: m.end, text: m.m[0] }))
          expect(got).toEqual(byDefinition(norm, re, ranges))
          matches += got.length
        }
      }
    }
    expect(matches).toBeGreaterThan(1000)
  })

  it('finds the statistics period written over two lines', () => {
    const ctx = ctxFromText(`${seedText('002')}\n本报告统计期限自 2023年\n1月1日起至\r\n2023年12月31日止。\n`)
    const hits = matchJoined(ctx, STAT_PERIOD, [{ start: 0, end: ctx.report.norm.length }])
    const last = hits[hits.length - 1]
    expect(last && ctx.report.norm.slice(last.start, last.end)).toBe('统计期限自 2023年\n1月1日起至\r\n2023年12月31日')
  })
})
