// Finding the six sections. Headings are matched by ordinal and meaning, not by exact text,
// because real reports reword, truncate and drop ordinals (domain.md §3.1, SEC-TITLE).
import type { Line, SectionHit } from '../model.ts'
import type { TplSection } from '../template.ts'
import { labelCore, labelKey, similarity } from './normalize.ts'

/** Words a section heading must contain when its wording differs from the template. */
export const SECTION_KEYWORDS: Record<string, string[]> = {
  S1: ['总体情况'],
  S2: ['主动公开'],
  S3: ['申请'],
  S4: ['复议', '诉讼'],
  S5: ['问题'],
  S6: ['其他', '事项']
}

interface Candidate {
  text: string
  start: number
  end: number
  lineIndex: number
  /** Lines consumed (a heading split as '二、' + title takes two). */
  span: number
}

function lineText(line: Line): { text: string; start: number; end: number } | null {
  const cells = line.cells.filter((c) => c.text.trim() !== '')
  if (cells.length === 0 || cells.length > 2) return null
  const first = cells[0]
  const last = cells[cells.length - 1]
  if (!first || !last) return null
  return { text: cells.map((c) => c.text).join(''), start: first.start, end: last.end }
}

function candidates(lines: Line[]): Candidate[] {
  const out: Candidate[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line
    const lt = lineText(line)
    if (!lt) {
      // Some converters (word-extractor) put a heading on the same line as the table before it:
      // a cell that starts with a section ordinal is still a candidate.
      for (const c of line.cells) {
        const key = labelKey(c.text)
        if (key.length <= 40 && /^[一二三四五六][、.]/.test(key)) out.push({ text: c.text, start: c.start, end: c.end, lineIndex: i, span: 1 })
      }
      continue
    }
    const key = labelKey(lt.text)
    if (key.length > 40) continue
    if (/^[一二三四五六][、.]$/.test(key) && i + 1 < lines.length) {
      const next = lineText(lines[i + 1] as Line)
      if (next && labelKey(next.text).length <= 40) {
        out.push({ text: lt.text + next.text, start: lt.start, end: next.end, lineIndex: i, span: 2 })
        continue
      }
    }
    out.push({ text: lt.text, start: lt.start, end: lt.end, lineIndex: i, span: 1 })
  }
  return out
}

function classify(sec: TplSection, written: string): SectionHit['titleMatch'] {
  const key = labelKey(written)
  if (key === labelKey(sec.title)) return 'exact'
  if ((sec.title_variants_seen ?? []).some((v) => labelKey(v) === key)) return 'variant'
  const core = labelCore(written)
  if (core === labelCore(sec.title)) return 'no-ordinal'
  if (core.length >= 4 && labelCore(sec.title).startsWith(core)) return 'truncated'
  return 'reworded'
}

function matches(sec: TplSection, written: string): boolean {
  const key = labelKey(written)
  const ord = `${sec.no}、`
  const core = labelCore(written)
  const tplCore = labelCore(sec.title)
  if (key.startsWith(ord) || key.startsWith(`${sec.no}.`)) {
    if (core.length === 0) return false
    if (similarity(core, tplCore) >= 0.5) return true
    return core.length <= 30 && (SECTION_KEYWORDS[sec.id] ?? []).some((k) => core.includes(k))
  }
  // Without its ordinal a heading must say almost exactly the template title.
  return core === tplCore || (core.length >= 4 && similarity(core, tplCore) >= 0.85)
}

export function findSections(lines: Line[], sections: TplSection[], textLength: number): SectionHit[] {
  const cands = candidates(lines)
  const hits: SectionHit[] = []
  let from = 0
  for (const sec of sections) {
    let hit: SectionHit = { id: sec.id, found: false }
    for (let i = from; i < cands.length; i++) {
      const c = cands[i] as Candidate
      if (!matches(sec, c.text)) continue
      hit = {
        id: sec.id,
        found: true,
        title: c.text,
        titleSpan: { start: c.start, end: c.end },
        titleMatch: classify(sec, c.text),
        bodyStart: c.end
      }
      from = i + 1
      break
    }
    hits.push(hit)
  }
  const found = hits.filter((h) => h.found)
  found.forEach((h, i) => {
    const next = found[i + 1]
    h.bodyEnd = next?.titleSpan ? next.titleSpan.start : textLength
  })
  return hits
}
