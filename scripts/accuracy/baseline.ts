// The ratchet of test/accuracy/accuracy.test.ts: per layout, the fewest right cells, the most silent cells and
// the most unexpected error-level findings allowed, and the planted errors that must stay found. Improvements
// are locked in by rewriting it (`npm run accuracy -- --update-baseline`); a regression fails the test.
import type { Figures } from './measure.ts'

export const BASELINE_FILE = 'baseline.json'

export interface LayoutBaseline {
  cells: number
  right: number
  silent: number
  unexpectedErrors: number
}

export interface Baseline {
  note: string
  layouts: Record<string, LayoutBaseline>
  /** `layout|report|plant` of every planted error found. */
  plantsFound: string[]
}

export const plantKey = (p: { layout: string; report: string; plant: string }): string => `${p.layout}|${p.report}|${p.plant}`

export function layoutFigures(fig: Figures): Record<string, LayoutBaseline> {
  const out: Record<string, LayoutBaseline> = {}
  for (const r of fig.reports) {
    const l = (out[r.layout] ??= { cells: 0, right: 0, silent: 0, unexpectedErrors: 0 })
    l.cells += r.cells.total
    l.right += r.cells.right
    l.silent += r.cells.silent
    l.unexpectedErrors += r.unexpectedErrors.length
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)))
}

export function baselineOf(fig: Figures): Baseline {
  return {
    note:
      'Ratchet for test/accuracy/accuracy.test.ts: per layout, right may not fall, silent (wrong and certain) and unexpectedErrors may not rise, ' +
      'and every planted error listed must stay found. After an improvement, lock it in with `npm run accuracy -- --update-baseline` and commit this file ' +
      '(check the diff: only better numbers). Goal: silent 0 and right + uncertain = cells everywhere.',
    layouts: layoutFigures(fig),
    plantsFound: fig.plants.filter((p) => p.found).map(plantKey).sort()
  }
}

/** One line per layout and per planted error, so that a change of the baseline reads as a short diff. */
export function formatBaseline(b: Baseline): string {
  const layouts = Object.entries(b.layouts).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
  const plants = b.plantsFound.map((k) => `  ${JSON.stringify(k)}`)
  return `{\n "note": ${JSON.stringify(b.note)},\n "layouts": {\n${layouts.join(',\n')}\n },\n "plantsFound": [\n${plants.join(',\n')}\n ]\n}\n`
}
