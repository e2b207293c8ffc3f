// Matching a label as written against the template label (domain.md §3.7): normalise first,
// then only a remaining difference counts as a deviation.
import type { LabelMatch } from '../model.ts'
import { labelCore, labelOrdinal, similarity } from './normalize.ts'

export interface LabelSpec {
  label: string
  variants?: string[]
}

/** How a written label relates to the template label, or null if it is another label. */
// Characters OpenCC keeps as they are but that a traditional copy writes for a template character (反覆 = 反复).
const SAME = /覆/g

export function matchLabel(written: string, spec: LabelSpec, opts: { minFragment?: number } = {}): LabelMatch | null {
  const core = labelCore(written).replace(SAME, '复')
  if (core === '') return null
  const tpl = labelCore(spec.label).replace(SAME, '复')
  if (core === tpl) return 'exact'
  for (const v of spec.variants ?? []) if (labelCore(v) === core) return 'variant'
  if (tpl.length <= 3) return null
  const wOrd = labelOrdinal(written)
  const tOrd = labelOrdinal(spec.label)
  if (wOrd && tOrd && wOrd !== tOrd) return null
  if (core.startsWith(tpl)) return 'qualified'
  if (core.length >= (opts.minFragment ?? 4) && tpl.startsWith(core)) return 'truncated'
  if (similarity(core, tpl) >= 0.6) return 'deviation'
  return null
}
