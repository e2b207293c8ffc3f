// A number in a table cell verified by two recognisers that share nothing: tesseract's reading and the
// shapes of the cell's glyphs compared with the digits read elsewhere on the same page (glyphCheck.ts).
// A verified number is taken as printed even when the table's own arithmetic fails (a report's real
// addition error must still show); any other number in a failing identity is put in doubt by the parser.
// When the page's reading of a cell gave no number with confidence but every glyph is clearly one
// learned digit, the glyphs alone are not enough: the cell is read once more, closely framed, enlarged
// and restricted to digits, and only a confident reading of the same digits verifies it.
import { JUNK_CONF, minWordConf, wordsText, type TCell } from './cellRead.ts'
import { crop, encodePgm, pad, scale, type Gray, type Rect } from './image.ts'
import { digitsOf } from './layout.ts'
import type { OcrWord, Recognizer } from './pool.ts'
import { MIN_CONF } from '../parse/values.ts'

/** The digits-only reading made here must be this confident to verify a number (the page's own reading: MIN_CONF). */
const READ_CONF = 90

/** The digits a cell's readings give, and whether any reading contradicts `digits`. */
function contradicted(c: TCell, digits: string): boolean {
  const reads = c.readings ?? [{ text: wordsText(c.words), conf: minWordConf(c.words) }]
  return reads.some((r) => {
    if (r.text === '') return false
    const d = digitsOf(r.text)
    if (d) return d.digits.replace(/\D/g, '') !== digits && r.conf >= JUNK_CONF
    return r.conf >= MIN_CONF
  })
}

/**
 * Mark the value cells whose number two recognisers agree on (`verified`). `c.glyphs` are the digits the
 * glyph shapes clearly show (set by checkGlyphs); a cell without them is left as it is.
 */
export async function verifyDigits(g: Gray, cells: TCell[], em: number, dpi: number, pool: Recognizer, signal?: AbortSignal): Promise<void> {
  await Promise.all(
    cells.map(async (c) => {
      const glyphs = c.glyphs
      // the glyph shapes are digits only: a decimal point must be seen on its own (pointCheck.ts), and a comma
      // rests on the recognizer's own confidence (layout.ts checkNumberCell)
      const sep = /[.,]/.test(wordsText(c.words))
      if (!glyphs || !c.glyphBox || c.signLost || (sep && !c.pointSeen) || contradicted(c, glyphs)) return
      const own = digitsOf(wordsText(c.words))
      const ownDigits = own?.digits.replace(/\D/g, '')
      if (own && !own.mapped && ownDigits === glyphs && minWordConf(c.words) >= MIN_CONF) {
        c.verified = true
        return
      }
      const again = await readDigits(g, c.glyphBox, em, dpi, pool, signal)
      c.digitRead = { text: wordsText(again), conf: minWordConf(again) }
      const d = digitsOf(wordsText(again))
      if (!d || d.mapped || d.digits !== glyphs || minWordConf(again) < READ_CONF) return
      // the digits read again take the place of a reading that was no number (or not this one) with confidence
      if (ownDigits !== glyphs) c.words = again
      c.verified = true
    })
  )
}

/**
 * A short number (three digits at most) the page's readings gave with confidence but no recogniser verified
 * is read twice more on its own: its glyphs framed closely, enlarged to two heights and restricted to digits,
 * a lone glyph as a single character. When one of these readings gives the same digits with confidence
 * (READ_CONF), neither gives other digits, the digits are as many as the glyphs standing apart in the cell,
 * and no reading of the cell nor its glyph shape says otherwise, the number is verified: a small digit of a
 * 150 dpi scan read 90-96 then stands as printed where the table's own arithmetic fails (the report's error
 * shows as a finding). Anything less leaves the cell as it was; no number is ever taken from these readings.
 */
export async function confirmShort(g: Gray, cells: TCell[], em: number, dpi: number, pool: Recognizer, signal?: AbortSignal): Promise<void> {
  await Promise.all(
    cells.map(async (c) => {
      const digits = shortCandidate(c)
      if (digits === null) return
      const box = c.inkBox as Rect
      // measured on the 150 dpi real scans: a lone digit read as one character ~30 px tall is read most
      // surely; at 40 px it is a second view; past that tesseract starts to see other digits ('0' as '3')
      const psm = digits.length === 1 ? '10' : '8'
      const reads = await Promise.all(SHORT_PX.map((px) => readDigits(g, box, em, dpi, pool, signal, [psm], px)))
      let agree = false
      for (const ws of reads) {
        const text = wordsText(ws)
        if (text === '') continue
        if (text !== digits) return
        if (minWordConf(ws) >= READ_CONF) agree = true
      }
      if (agree) c.verified = true
    })
  )
}

/** Glyph heights (px) the two readings of confirmShort enlarge a short number to. */
const SHORT_PX = [30, 40]

/** The digits of a cell confirmShort may verify: a whole number of at most three digits, else null. */
function shortCandidate(c: TCell): string | null {
  if (c.verified || c.confirmed || c.glyphDoubt || c.signLost || c.minus || c.contested || !c.inkBox) return null
  const own = digitsOf(wordsText(c.words))
  if (!own || own.mapped || own.minus || !/^(?:0|[1-9]\d{0,2})$/.test(own.digits)) return null
  if (c.nglyph !== own.digits.length || (c.shape !== undefined && c.shape !== own.digits)) return null
  if (Math.min(c.conf ?? 100, minWordConf(c.words)) < MIN_CONF || contradicted(c, own.digits)) return null
  return own.digits
}

/**
 * A number still unsure after the page's readings and the glyph checks is read once more, as digits only:
 * one more reading for the table identities to choose among (cellAlts.ts), never a value on its own.
 */
export async function rereadUnsure(g: Gray, cells: TCell[], em: number, dpi: number, pool: Recognizer, signal?: AbortSignal): Promise<void> {
  await Promise.all(
    cells.map(async (c) => {
      if (c.verified || c.confirmed || c.digitRead || !c.inkBox) return
      // a number read with confidence, or a cell read as text where digits stand (the parser flags it)
      if (digitsOf(wordsText(c.words)) && Math.min(c.conf ?? 100, minWordConf(c.words)) >= MIN_CONF) return
      const again = await readDigits(g, c.inkBox, em, dpi, pool, signal)
      c.digitRead = { text: wordsText(again), conf: minWordConf(again) }
    })
  )
}

/**
 * A number the vote among its readings left unsure (settleCell) looked at again once the glyphs are counted
 * (checkGlyphs): a rival reading that cannot be what is printed is no contradiction. A reading with another
 * count of digits than the glyphs standing apart in the cell has dropped or made up a digit (the count the
 * glyph checks hold every reading to), and a number with a leading zero ('04' for a printed 64) is not
 * written in a report. The number is then sure on the terms of the vote: at least two readings of these
 * digits (the digits-only reading counted too) and no other reading that could be printed, nor a
 * character read with confidence. Nothing is done to a cell whose glyphs or sign are in doubt.
 */
export function settleByGlyphCount(cells: TCell[]): void {
  for (const c of cells) {
    const n = c.nglyph
    if (!c.contested || c.glyphDoubt || c.signLost || c.verified || c.confirmed || n === undefined) continue
    const own = digitsOf(wordsText(c.words))
    if (!own || own.mapped || !/^\d+$/.test(own.digits) || !possible(own.digits, n)) continue
    const reads = [...(c.readings ?? []), ...(c.digitRead ? [c.digitRead] : [])]
    let agree = 0
    let best = 0
    let rival = false
    for (const r of reads) {
      if (r.text === '') continue
      const d = digitsOf(r.text)
      if (!d) {
        if (r.conf >= MIN_CONF) rival = true
        continue
      }
      if (r.conf < JUNK_CONF) continue
      if (d.digits === own.digits && !d.mapped) {
        agree++
        best = Math.max(best, r.conf)
      } else if (d.digits !== own.digits && possible(d.digits.replace(/\D/g, ''), n)) rival = true
    }
    if (agree >= 2 && !rival) {
      c.conf = best
      c.contested = false
    }
  }
}

/** Digits that could be the printed number of a cell showing `n` digit glyphs. */
const possible = (digits: string, n: number): boolean => digits.length === n && !(n > 1 && digits.startsWith('0'))

/**
 * The glyphs' box framed with a little white, read as one line of digits only, in grey: enlarging a
 * glyph past about 40 pixels or binarising it makes tesseract drop or misread it (measured on the
 * 150 dpi real scans: a '0' read at 93 unscaled, lost at 1.5x and 3x); a single-word reading when the
 * line reading gives nothing.
 */
async function readDigits(g: Gray, box: Rect, em: number, dpi: number, pool: Recognizer, signal?: AbortSignal, psms = ['7', '8'], px = GLYPH_PX): Promise<OcrWord[]> {
  const m = Math.round(0.25 * em)
  const r: Rect = { x0: Math.max(0, box.x0 - m), y0: Math.max(0, box.y0 - m), x1: Math.min(g.w, box.x1 + m), y1: Math.min(g.h, box.y1 + m) }
  const f = Math.min(3, Math.max(1, px / Math.max(1, box.y1 - box.y0)))
  const padPx = 20
  const img = encodePgm(pad(scale(crop(g, r), f), padPx))
  const back = (b: { x0: number; y0: number; x1: number; y1: number }) => ({
    x0: r.x0 + (b.x0 - padPx) / f,
    y0: r.y0 + (b.y0 - padPx) / f,
    x1: r.x0 + (b.x1 - padPx) / f,
    y1: r.y0 + (b.y1 - padPx) / f
  })
  for (const psm of psms) {
    const res = await pool.recognize(img, { psm, whitelist: '0123456789', dpi: Math.round(dpi * f), signal })
    if (res.words.length === 0) continue
    return res.words.map((w) => ({ ...w, bbox: back(w.bbox), baseline: back(w.baseline), lineBox: back(w.lineBox), symbols: w.symbols.map((s) => ({ ...s, bbox: back(s.bbox) })) }))
  }
  return []
}

/** Glyph height tesseract reads digits best at. */
const GLYPH_PX = 40
