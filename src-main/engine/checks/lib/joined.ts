// Matching a sentence that a PDF or a web copy wrapped over several lines ('统计期限自 2023年 1月 1日' +
// '起至 2023年 12月 31日止'): the line breaks are taken out before matching and the offsets mapped back.
import type { ReportCtx } from '../types.ts'
import type { Match, Range } from './narrative.ts'

const GLOBAL = new WeakMap<RegExp, RegExp>()

export function matchJoined(ctx: ReportCtx, re: RegExp, ranges: Range[]): Match[] {
  const out: Match[] = []
  let g = GLOBAL.get(re)
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)))
  const norm = ctx.report.norm
  for (const r of ranges) {
    // The range without its line breaks, as runs of the text: run k starts at joinedAt[k] in the joined
    // string and at textAt[k] in the text. Built by runs, not by characters: this ran for every report.
    const joinedAt: number[] = []
    const textAt: number[] = []
    let s = ''
    for (let i = r.start; i < r.end; ) {
      let j = i
      while (j < r.end && norm.charCodeAt(j) !== 10 && norm.charCodeAt(j) !== 13) j++
      if (j > i) {
        joinedAt.push(s.length)
        textAt.push(i)
        s += norm.slice(i, j)
      }
      i = j + 1
    }
    /** Where the joined string's character p stands in the text. */
    const textOf = (p: number): number => {
      let lo = 0
      let hi = joinedAt.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if ((joinedAt[mid] as number) <= p) lo = mid
        else hi = mid - 1
      }
      return (textAt[lo] as number) + p - (joinedAt[lo] as number)
    }
    g.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = g.exec(s))) {
      if (m[0].length === 0) {
        g.lastIndex++
        continue
      }
      out.push({ start: textOf(m.index), end: textOf(m.index + m[0].length - 1) + 1, m })
    }
  }
  return out
}
