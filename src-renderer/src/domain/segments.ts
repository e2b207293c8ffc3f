// Splits a text into runs by the evidence marks that cover them, for <mark>-wrapping the original.
import type { Severity } from '../../../src-main/shared/api.ts'
import type { Mark } from './evidence.ts'
import { maxSeverity } from './labels.ts'

export interface Segment {
  start: number
  end: number
  text: string
  severity: Severity | null
  findingIds: number[]
  title: string
  /** A zero-width mark: a blank cell at this position. */
  point: boolean
  /** Only long passages (whole paragraphs or tables quoted as context) cover this run: drawn lighter. */
  long: boolean
  /** Part of the words a search found (marked apart from the findings' evidence). */
  hit: boolean
}

/** Marks longer than this are context rather than the exact place of a problem. */
export const LONG_MARK = 160

export function segmentText(text: string, marks: Mark[], hit: { start: number; end: number } | null = null): Segment[] {
  const n = text.length
  const inHit = (a: number, b: number): boolean => !!hit && hit.start <= a && b <= hit.end && hit.end > hit.start
  const ranged = marks.filter((m) => m.end > m.start).map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(n, m.end) }))
  const points = new Map<number, Mark[]>()
  for (const m of marks)
    if (m.end <= m.start) {
      const p = Math.min(Math.max(0, m.start), n)
      const list = points.get(p) ?? []
      list.push(m)
      points.set(p, list)
    }
  const cuts = new Set<number>([0, n])
  for (const m of ranged) {
    cuts.add(m.start)
    cuts.add(m.end)
  }
  for (const p of points.keys()) cuts.add(p)
  if (hit && hit.end > hit.start) {
    cuts.add(Math.max(0, Math.min(n, hit.start)))
    cuts.add(Math.max(0, Math.min(n, hit.end)))
  }
  const sorted = [...cuts].sort((a, b) => a - b)
  const out: Segment[] = []
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as number
    const pm = points.get(a)
    if (pm) {
      let sev: Severity | null = null
      for (const m of pm) sev = maxSeverity(sev, m.severity)
      out.push({ start: a, end: a, text: '', severity: sev, findingIds: [...new Set(pm.map((m) => m.findingId))], title: [...new Set(pm.map((m) => m.title))].join('\n'), point: true, long: false, hit: false })
    }
    const b = sorted[i + 1]
    if (b === undefined || b <= a) continue
    let sev: Severity | null = null
    const ids: number[] = []
    const titles: string[] = []
    let long = true
    for (const m of ranged)
      if (m.start <= a && m.end >= b) {
        if (m.end - m.start <= LONG_MARK) long = false
        sev = maxSeverity(sev, m.severity)
        if (!ids.includes(m.findingId)) ids.push(m.findingId)
        if (!titles.includes(m.title)) titles.push(m.title)
      }
    const prev = out[out.length - 1]
    const isHit = inHit(a, b)
    // merge neighbouring plain runs
    if (!sev && prev && !prev.severity && !prev.point && prev.hit === isHit) {
      prev.end = b
      prev.text = text.slice(prev.start, b)
      continue
    }
    out.push({ start: a, end: b, text: text.slice(a, b), severity: sev, findingIds: ids, title: titles.join('\n'), point: false, long: !!sev && long, hit: isHit })
  }
  return out
}
