// Doubtful table cells of a scanned page read again (page.ts decides which): the cell alone, line by line,
// enlarged and binarised; rows of values as one line; a number settled by a vote among the readings, only
// certain when two readings agree and none contradicts them. Ink no reading explains becomes a zero-
// confidence guess, so the parser can never take the cell as blank.
import { digitsOf, DOUBT_CONF } from './layout.ts'
import { crop, encodePgm, pad, scale, type Gray, type Rect } from './image.ts'
import { isPhrase } from './lexicon.ts'
import type { OcrWord, Recognizer } from './pool.ts'
import { MIN_CONF } from '../parse/values.ts'

/** A table cell of the page: its rect between rules, the words and ink inside it, and what is known of it. */
export interface TCell {
  rect: Rect
  words: OcrWord[]
  blobs: Rect[]
  redo: boolean
  /** Confidence cap for the cell's words when two readings disagreed. */
  conf?: number
  /** The cell stands among numbers in its row although its text is not one. */
  valueRow?: boolean
  /** A doubtful number whose glyphs all match the page's digits. */
  confirmed?: boolean
  /** Every reading settleCell made of the cell (text, confidence): a rival number among them is a contradiction. */
  readings?: { text: string; conf: number }[]
  /** Digits the glyph shapes clearly show, and the box of those glyphs (checkGlyphs). */
  glyphs?: string
  glyphBox?: Rect
  /** The number is read the same by tesseract and by the glyph shapes (digitVerify.ts). */
  verified?: boolean
  /** Digit glyphs in the cell when each stands apart (checkGlyphs), and the box of all its glyphs. */
  nglyph?: number
  inkBox?: Rect
  /** What the glyph shapes read when each glyph clearly looks like one learned digit (looser than `glyphs`). */
  shape?: string
  /**
   * The sign is in doubt (signCheck.ts): a minus stands before the digits but no reading has one, or a
   * reading has one where the ink shows none. Never certain.
   */
  signLost?: boolean
  /** The dash before the digits, as the ink shows it (signCheck.ts). */
  dash?: Rect
  /** The number is negative: the ink shows the dash and a reading has the minus (signCheck.ts). */
  minus?: boolean
  /** The decimal point the reading has is where the ink shows one (pointCheck.ts). */
  pointSeen?: boolean
  /** The vote among the readings left the number unsure (settleCell). */
  contested?: boolean
  /** The glyphs contradict the reading: a count or a shape that does not fit its digits (checkGlyphs). */
  glyphDoubt?: boolean
  /** The cell's glyphs read once more as digits only (digitVerify.ts). */
  digitRead?: { text: string; conf: number }
}

export const PLACEHOLDER_RE = /^(?:\/|／|-|—|–|－|——|无|無|空|\\)$/


/** A number as read, a leading minus included (its sign is settled apart: signCheck.ts). */
export const NUMBERISH = /^[-−－–—]?[\d\s.,，]+$/

/** Text of a set of words, in reading order, for comparing two readings of one cell. */
export function wordsText(words: OcrWord[]): string {
  return [...words]
    .sort((p, q) => p.lineBox.y0 - q.lineBox.y0 || p.bbox.x0 - q.bbox.x0)
    .map((w) => w.text)
    .join('')
    .replace(/\s+/g, '')
}

export const minWordConf = (ws: OcrWord[]): number => (ws.length ? Math.min(...ws.map((w) => w.confidence)) : 0)

/**
 * A number read with confidence by the page's reading is only certain when the reading of its row as one
 * line gives the same digits; otherwise it is doubtful and settled by the vote (settleCell).
 */
export function confirmedByRow(c: TCell, rowReads: OcrWord[][]): boolean {
  const own = digitsOf(wordsText(c.words))
  if (!own || own.mapped) return false
  return rowReads.some((ws) => digitsOf(wordsText(ws))?.digits === own.digits)
}

/**
 * Read a doubtful cell again on its own and keep the better reading. Two readings that agree confirm each
 * other; two that disagree on a number leave it uncertain. Ink that no reading explains is never dropped
 * silently: it becomes a digit guess with zero confidence, so the parser cannot take the row as blank.
 */
export async function settleCell(g: Gray, c: TCell, thr: number, em: number, dpi: number, pool: Recognizer, rowReads: OcrWord[][], signal?: AbortSignal): Promise<void> {
  // binarised a little bolder than the page threshold: the thin strokes of an enlarged low-resolution scan
  // otherwise break up ('1' read as ']' or '了', '0' not read at all)
  const bold = Math.round(thr + (255 - thr) * 0.6)
  const second = await readCrop(g, c.rect, thr, em, dpi, pool, { level: bold }, signal)
  const t1 = wordsText(c.words)
  const t2 = wordsText(second)
  const c1 = minWordConf(c.words)
  const c2 = minWordConf(second)
  const textBlobs = c.blobs.filter((b) => b.y1 - b.y0 >= 0.45 * em)
  const n1 = NUMBERISH.test(t1)
  const n2 = NUMBERISH.test(t2)
  const narrow = c.rect.x1 - c.rect.x0 <= VALUE_CELL_EM * em
  const longText = (t: string): boolean => (t.match(/[\u4e00-\u9fff]/g) ?? []).length >= 3
  // nothing, or a stray character read with little confidence, where there is ink of text size
  const junk = (t: string, cf: number): boolean => t === '' || LOOKALIKE_ONLY.test(t) || (cf < JUNK_CONF && t.length <= 3 && !isPhrase(t))
  const unread = textBlobs.length > 0 && junk(t1, c1) && junk(t2, c2)
  if ((n1 || n2 || (c.valueRow && !isPhrase(t2)) || unread) && narrow && !longText(t2)) {
    const reading = (words: OcrWord[]): Reading => ({ words, text: wordsText(words), conf: minWordConf(words), free: true })
    const readings: Reading[] = [reading(c.words), reading(second), ...rowReads.map(reading)]
    let verdict = vote(readings)
    if (!verdict?.sure) {
      // more readings of the ink framed closely, enlarged, binarised bolder or kept grey
      const more = await Promise.all([
        readCrop(g, c.rect, thr, em, dpi, pool, { tight: true, level: bold, scale: 2 }, signal),
        readCrop(g, c.rect, thr, em, dpi, pool, { tight: true, level: null, scale: 1.5 }, signal)
      ])
      readings.push(...more.map(reading))
      verdict = vote(readings)
    }
    if (!verdict) {
      // no reading is a number: a reading forced to digits, flagged (tesseract's whitelist drops many clean
      // digits in line mode, so it is only a last resort)
      const w = await readCrop(g, c.rect, thr, em, dpi, pool, { tight: true, level: bold, scale: 1.5, psm: '13', whitelist: DIGITS }, signal)
      if (wordsText(w) !== '') verdict = { words: w, text: wordsText(w), conf: minWordConf(w), sure: false }
    }
    c.readings = readings.map((r) => ({ text: r.text, conf: r.conf }))
    if (verdict) {
      c.words = verdict.words
      c.conf = verdict.sure ? verdict.conf : Math.min(verdict.conf, DOUBT_CONF)
      if (!verdict.sure) c.contested = true
      return
    }
    // nothing reads as a number: keep a text reading if there is one, else a zero-confidence guess
    if (t2 !== '' || t1 !== '') {
      c.words = t2 !== '' ? second : c.words
      c.conf = 0
      return
    }
    if (textBlobs.length === 0) return
    c.words = [syntheticWord('0', textBlobs)]
    c.conf = 0
    return
  }
  if (t2 === '') return
  if (t1 === t2) {
    c.words = c2 >= c1 ? second : c.words
    return
  }
  const covered = (ws: OcrWord[]): number => c.blobs.filter((b) => ws.some((w) => overlaps(w.bbox, b))).length
  const k1 = covered(c.words)
  const k2 = covered(second)
  const m1 = meanWordConf(c.words)
  const m2 = meanWordConf(second)
  const lex1 = isPhrase(t1)
  const lex2 = isPhrase(t2)
  const useSecond = t1 === '' || (lex2 && !lex1) || (lex1 === lex2 && (k2 > k1 || (k2 === k1 && m2 >= m1)))
  if (useSecond) c.words = second
}

/** A table cell holding one value is at most this many characters wide (T2 value cells span three columns). */
export const VALUE_CELL_EM = 14

/**
 * Rows of values are read again as one line (the value cells only): a lone digit is read much better
 * with its neighbours beside it, and a number read once is not yet certain. Two readings (grey, and
 * binarised bolder) of a row with a doubtful cell, one of any other; each word given to the cell it lies in.
 */
export async function readValueRows(g: Gray, cells: TCell[], thr: number, em: number, dpi: number, pool: Recognizer, signal?: AbortSignal): Promise<Map<TCell, OcrWord[][]>> {
  const out = new Map<TCell, OcrWord[][]>()
  const isValue = (c: TCell): boolean => {
    const t = wordsText(c.words)
    return c.rect.x1 - c.rect.x0 <= VALUE_CELL_EM * em && (NUMBERISH.test(t) || c.valueRow === true || (t === '' && c.blobs.length > 0))
  }
  const bands: TCell[][] = []
  for (const c of cells.filter(isValue)) {
    const b = bands.find((band) => Math.abs((band[0] as TCell).rect.y0 - c.rect.y0) <= 0.3 * em && Math.abs((band[0] as TCell).rect.y1 - c.rect.y1) <= 0.3 * em)
    if (b) b.push(c)
    else bands.push([c])
  }
  const level = Math.round(thr + (255 - thr) * 0.4)
  await Promise.all(
    bands.map(async (band) => {
        const r: Rect = {
          x0: Math.min(...band.map((c) => c.rect.x0)),
          x1: Math.max(...band.map((c) => c.rect.x1)),
          y0: Math.min(...band.map((c) => c.rect.y0)),
          y1: Math.max(...band.map((c) => c.rect.y1))
        }
        // a row with a doubtful cell is read twice; any other row once, as the second opinion every
        // number needs before it is certain (a clear '26' read as '20' with confidence 90 happens)
        const doubtful = band.some((c) => c.redo)
        const reads = await Promise.all([
          ...(doubtful ? [readRegion(g, r, dpi, pool, { scale: 1 }, signal)] : []),
          readRegion(g, r, dpi, pool, { scale: 1.5, level }, signal)
        ])
        for (const c of band) {
          out.set(
            c,
            reads.map((words) => words.filter((w) => inside(w.bbox, c.rect)))
          )
        }
      })
  )
  return out
}

function inside(b: { x0: number; y0: number; x1: number; y1: number }, r: Rect): boolean {
  const x = (b.x0 + b.x1) / 2
  const y = (b.y0 + b.y1) / 2
  return x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1
}

/** One line read of a region (PSM 7), scaled and optionally binarised; words in page pixels. */
export async function readRegion(g: Gray, c: Rect, dpi: number, pool: Recognizer, opts: { scale: number; level?: number; inset?: number }, signal?: AbortSignal): Promise<OcrWord[]> {
  const inset = opts.inset ?? 2
  const r: Rect = { x0: Math.max(0, Math.floor(c.x0 + inset)), y0: Math.max(0, Math.floor(c.y0 + inset)), x1: Math.min(g.w, Math.ceil(c.x1 - inset)), y1: Math.min(g.h, Math.ceil(c.y1 - inset)) }
  const f = opts.scale
  const m = 20
  const img = pad(scale(crop(g, r), f, opts.level), m)
  const res = await pool.recognize(encodePgm(img), { psm: '7', dpi: Math.round(dpi * f), signal })
  const back = (b: { x0: number; y0: number; x1: number; y1: number }) => ({
    x0: r.x0 + (b.x0 - m) / f,
    y0: r.y0 + (b.y0 - m) / f,
    x1: r.x0 + (b.x1 - m) / f,
    y1: r.y0 + (b.y1 - m) / f
  })
  return res.words.map((w) => ({ ...w, bbox: back(w.bbox), baseline: back(w.baseline), lineBox: back(w.lineBox), symbols: w.symbols.map((sy) => ({ ...sy, bbox: back(sy.bbox) })) }))
}

const DIGITS = '0123456789'

interface Reading {
  words: OcrWord[]
  text: string
  conf: number
  /** Read without a character whitelist. */
  free: boolean
}

/**
 * The number the readings agree on, look-alike characters read as the digits they stand for ('了' -> 7).
 * Sure when at least two readings give the same number, at least one of them without a look-alike, and
 * no reading contradicts it (another number read with some confidence, or a character read confidently).
 * The confidence of a sure verdict is the best of the agreeing readings (the parser still flags it below
 * 80); an unsure verdict is capped below the parser's threshold by the caller.
 */
function vote(readings: Reading[]): { words: OcrWord[]; text: string; conf: number; sure: boolean } | null {
  const nums: (Reading & { digits: string; mapped: boolean })[] = []
  for (const r of readings) {
    const d = r.conf >= JUNK_CONF || LOOKALIKE_ONLY.test(r.text) ? digitsOf(r.text) : null
    if (d) nums.push({ ...r, ...d })
  }
  if (nums.length === 0) return null
  const groups = new Map<string, typeof nums>()
  for (const r of nums) groups.set(r.digits, [...(groups.get(r.digits) ?? []), r])
  const ranked = [...groups.entries()].sort(
    (p, q) => q[1].length - p[1].length || Math.max(...q[1].map((r) => r.conf)) - Math.max(...p[1].map((r) => r.conf))
  )
  const [text, agree] = ranked[0] as [string, typeof nums]
  const clean = agree.filter((r) => !r.mapped)
  const best = [...(clean.length ? clean : agree)].sort((p, q) => q.conf - p.conf)[0] as Reading & { mapped: boolean }
  const contradicted = readings.some((r) => {
    if (r.text === '') return false
    const d = digitsOf(r.text)
    if (d) return d.digits !== text && r.conf >= JUNK_CONF
    return r.conf >= MIN_CONF
  })
  const words = best.mapped ? best.words.map((w) => ({ ...w, text: digitsOf(w.text)?.digits ?? w.text })) : best.words
  return { words, text, conf: best.conf, sure: agree.length >= 2 && clean.length >= 1 && !contradicted }
}

/** A reading made only of the look-alikes OCR produces for digits counts even at low confidence. */
export const LOOKALIKE_ONLY = /^[了丁丨口〕】［］OoDQlI|!SZzB]+$/

/** A first-pass reading below this confidence is noise, not a second opinion. */
export const JUNK_CONF = 50

const meanWordConf = (ws: OcrWord[]): number => (ws.length ? ws.reduce((s, w) => s + w.confidence, 0) / ws.length : 0)

function syntheticWord(text: string, blobs: Rect[]): OcrWord {
  const box = { x0: Math.min(...blobs.map((b) => b.x0)), y0: Math.min(...blobs.map((b) => b.y0)), x1: Math.max(...blobs.map((b) => b.x1)), y1: Math.max(...blobs.map((b) => b.y1)) }
  return { text, confidence: 0, bbox: box, symbols: [{ text, confidence: 0, bbox: box }], baseline: { x0: box.x0, y0: box.y1, x1: box.x1, y1: box.y1 }, lineBox: box }
}

/** OCR a cell on its own, line by line (tesseract joins a short centred last line to the one above it):
 * crop inside the rules, split into text lines, each enlarged, binarised and framed in white; words come
 * back in page pixels. */
async function readCrop(
  g: Gray,
  c: Rect,
  thr: number,
  em: number,
  dpi: number,
  pool: Recognizer,
  opts: { whitelist?: string; tight?: boolean; level?: number | null; scale?: number; psm?: string },
  signal?: AbortSignal
): Promise<OcrWord[]> {
  const inset = 2
  const r: Rect = { x0: Math.max(0, Math.floor(c.x0 + inset)), y0: Math.max(0, Math.floor(c.y0 + inset)), x1: Math.min(g.w, Math.ceil(c.x1 - inset)), y1: Math.min(g.h, Math.ceil(c.y1 - inset)) }
  const f = opts.scale ?? CROP_SCALE
  const m = 20
  // binarise at `level` (null: keep the grey levels)
  const level = opts.level === null ? undefined : (opts.level ?? thr)
  const out: OcrWord[] = []
  for (const band of textLines(g, r, thr, em)) {
    const lr: Rect = { x0: r.x0, y0: Math.max(r.y0, band.y0 - 3), x1: r.x1, y1: Math.min(r.y1, band.y1 + 3) }
    if (opts.tight) {
      // frame the ink of the line closely: a lone digit in a wide cell is read far better
      const margin = Math.round(0.15 * em)
      lr.x0 = Math.max(r.x0, band.x0 - margin)
      lr.x1 = Math.min(r.x1, band.x1 + margin)
    }
    const img = pad(scale(crop(g, lr), f, level), m)
    const res = await pool.recognize(encodePgm(img), { psm: opts.psm ?? '7', whitelist: opts.whitelist, dpi: Math.round(dpi * f), signal })
    const back = (b: { x0: number; y0: number; x1: number; y1: number }) => ({
      x0: lr.x0 + (b.x0 - m) / f,
      y0: lr.y0 + (b.y0 - m) / f,
      x1: lr.x0 + (b.x1 - m) / f,
      y1: lr.y0 + (b.y1 - m) / f
    })
    for (const w of res.words) {
      out.push({ ...w, bbox: back(w.bbox), baseline: back(w.baseline), lineBox: back(w.lineBox), symbols: w.symbols.map((s) => ({ ...s, bbox: back(s.bbox) })) })
    }
  }
  return out
}

/** Rows of ink inside r, grouped into text lines no taller than about one character. */
export function textLines(g: Gray, r: Rect, thr: number, em: number): { y0: number; y1: number; x0: number; x1: number }[] {
  const runs: { y0: number; y1: number; x0: number; x1: number }[] = []
  let start = -1
  let x0 = Infinity
  let x1 = -Infinity
  for (let y = r.y0; y <= r.y1; y++) {
    let ink = 0
    if (y < r.y1) {
      for (let x = r.x0; x < r.x1; x++) {
        if ((g.data[y * g.w + x] as number) < thr) {
          ink++
          if (start >= 0 || ink === 1) {
            x0 = Math.min(x0, x)
            x1 = Math.max(x1, x + 1)
          }
        }
      }
    }
    if (ink > 0 && start < 0) start = y
    else if (ink === 0 && start >= 0) {
      runs.push({ y0: start, y1: y, x0, x1 })
      start = -1
      x0 = Infinity
      x1 = -Infinity
    }
  }
  const lines: { y0: number; y1: number; x0: number; x1: number }[] = []
  for (const run of runs) {
    const last = lines[lines.length - 1]
    if (last && run.y1 - last.y0 <= 1.35 * em) {
      last.y1 = run.y1
      last.x0 = Math.min(last.x0, run.x0)
      last.x1 = Math.max(last.x1, run.x1)
    } else lines.push({ ...run })
  }
  // specks of noise are not lines
  return lines.filter((l) => l.y1 - l.y0 >= 0.2 * em)
}

/** Cells are read enlarged: small digits come out better. */
const CROP_SCALE = 1.5


function overlaps(a: { x0: number; y0: number; x1: number; y1: number }, b: Rect): boolean {
  return a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0
}
