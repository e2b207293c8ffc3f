// The other numbers the readings of an unsure table cell gave, carried to the parser: the table identities
// may choose among them (parse/grid/ocrIdentities.ts), never a number no reading produced. The readings are
// those the page made anyway (the first pass, the cell alone, its row as one line, closely framed, bolder,
// grey), the digits-only reading (digitVerify.ts) and what the glyph shapes read (glyphCheck.ts).
import { JUNK_CONF, LOOKALIKE_ONLY, wordsText, type TCell } from './cellRead.ts'
import { digitsOf } from './layout.ts'

/** Whole numbers (digits only, at most 7) the readings of `c` gave other than `text`, most often read first. */
export function cellAlternatives(c: TCell, text: string): string[] {
  // the readings compare digits without their sign: a signed number's other readings are no values of it
  if (c.minus || c.signLost) return []
  const seen: string[] = []
  const add = (t: string | undefined, conf: number): void => {
    if (!t) return
    // a reading with little confidence is noise, unless it is made of the look-alikes OCR gives for digits
    if (conf < JUNK_CONF && !LOOKALIKE_ONLY.test(t)) return
    const d = digitsOf(t)
    if (d && !d.minus && /^(?:0|[1-9]\d{0,6})$/.test(d.digits)) seen.push(d.digits)
  }
  for (const r of c.readings ?? []) add(r.text, r.conf)
  add(wordsText(c.words), 100)
  add(c.digitRead?.text, c.digitRead?.conf ?? 0)
  add(c.shape, 100)
  add(c.glyphs, 100)
  const count = new Map<string, number>()
  for (const d of seen) count.set(d, (count.get(d) ?? 0) + 1)
  return [...count.keys()].filter((d) => d !== text).sort((p, q) => (count.get(q) as number) - (count.get(p) as number))
}
