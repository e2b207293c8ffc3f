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
    const at: number[] = []
    const parts: string[] = []
    for (let i = r.start; i < r.end; i++) {
      const c = norm[i] as string
      if (c === '\n' || c === '\r') continue
      parts.push(c)
      at.push(i)
    }
    const s = parts.join('')
    g.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = g.exec(s))) {
      if (m[0].length === 0) {
        g.lastIndex++
        continue
      }
      out.push({ start: at[m.index] as number, end: (at[m.index + m[0].length - 1] as number) + 1, m })
    }
  }
  return out
}
