// A selection in the rendered PDF as a place in the report text: the PDF text layer carries no
// offsets, so the selected words are looked up (whitespace ignored) in the text the reader extracted.

/** Offsets [start, end) of `needle` in `text`, ignoring whitespace on both sides; null when absent. */
export function locateIgnoringSpace(text: string, needle: string, near = 0): { start: number; end: number } | null {
  const want = needle.replace(/\s+/g, '')
  if (!want) return null
  // compact copy of the text with a map back to the original offsets
  const map: number[] = []
  let compact = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (/\s/.test(ch)) continue
    compact += ch
    map.push(i)
  }
  let best = -1
  for (let at = compact.indexOf(want); at >= 0; at = compact.indexOf(want, at + 1)) {
    if (best < 0 || Math.abs((map[at] ?? 0) - near) < Math.abs((map[best] ?? 0) - near)) best = at
  }
  if (best < 0) return null
  return { start: map[best] as number, end: (map[best + want.length - 1] as number) + 1 }
}
