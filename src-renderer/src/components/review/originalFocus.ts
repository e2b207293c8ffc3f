// What the Word/HTML and plain-text originals scroll to: the search hit opened for this report (once,
// then the reviewer's choices lead), else the selected finding's evidence; and the note shown when the
// words cannot be found in the text shown.
import { computed, type ComputedRef } from 'vue'
import { shortQuote } from '../../domain/locate.ts'
import { useFindingsStore } from '../../stores/findings.ts'
import type { ReviewCtx } from './context.ts'

export interface TextHit {
  start: number
  end: number
}

/** The search hit opened for this report, on the version it was found in (the current one). */
export function useTextHit(ctx: ReviewCtx): ComputedRef<TextHit | null> {
  const findings = useFindingsStore()
  // the same object while the same words are shown: a reload of the report (after a settlement) is no
  // reason to scroll back to them
  let last: TextHit | null = null
  return computed(() => {
    const h = findings.searchHit
    const now = h && h.reportId === ctx.detail.value.id && ctx.live.value && h.end > h.start ? { start: h.start, end: h.end } : null
    if (!now || !last || now.start !== last.start || now.end !== last.end) last = now
    return last
  })
}

export function hitMissNote(text: string, h: TextHit): string {
  return `未能在原文中标出搜索到的文字“${shortQuote(text.slice(h.start, h.end))}”，请在原文中自行查找。`
}

/**
 * The note for a selected finding whose evidence has no mark in the pane: its quoted words are not in
 * the text shown (the original changed since, or the finding points at another version), or nothing of
 * it has a place in the original. Null when the finding is marked or has nothing to mark.
 */
export function findingMissNote(ctx: ReviewCtx, findingId: number, shown: boolean): string | null {
  const lost = ctx.hl.value.unplaced.get(findingId)
  const focus = useFindingsStore().focusEvidence.original
  if (lost?.length && (!shown || (focus?.kind === 'text' && lost.includes(focus.text))))
    return `未能在原文中定位这条发现引用的文字“${shortQuote(focus?.kind === 'text' ? focus.text : (lost[0] as string))}”（原文可能已改动），请人工核对。`
  return null
}
