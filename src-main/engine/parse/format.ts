// Which template a report follows (domain.md §2): count the markers of each format.
import type { FormatId } from '../model.ts'
import { template, type FormatKey } from '../template.ts'
import { labelKey } from './normalize.ts'

export function detectFormat(norm: string): { format: FormatId; f2021: string[]; f2019: string[] } {
  const key = labelKey(norm)
  const found = (f: FormatKey): string[] => template(f).format_markers.filter((m) => key.includes(labelKey(m)))
  const f2021 = found('2021')
  const f2019 = found('2019')
  let format: FormatId = 'unknown'
  if (f2021.length && f2019.length) format = 'mixed'
  else if (f2021.length) format = '2021'
  else if (f2019.length) format = '2019'
  return { format, f2021, f2019 }
}

/** Template used to read the tables: the detected one, else the one the year calls for. */
export function parsingFormat(d: { format: FormatId; f2021: string[]; f2019: string[] }, year?: number): FormatKey {
  if (d.format === '2021' || d.format === '2019') return d.format
  if (d.format === 'mixed') return d.f2021.length >= d.f2019.length ? '2021' : '2019'
  return year !== undefined && year < 2021 ? '2019' : '2021'
}
