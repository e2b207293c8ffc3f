// Table identities on OCR'd cells (scans). A digit the recogniser was unsure of is never replaced by what
// the identities would want: an identity may only confirm it (the digit read makes the identity hold, every
// other cell of it read with confidence), choose among the numbers its own readings gave (exactly one of
// them makes every identity through the cell hold whose other cells were read beyond doubt, and has as many
// digits as the cell shows glyphs), or, when it fails and a cell one misread could account for is not sure,
// put those cells in doubt (an OCR misread is likelier than an arithmetic error; a parse problem, not a
// finding). A 0 on the side that already sums higher accounts for nothing (counts are never negative), and
// cells whose number two recognisers read the same (VERIFIED_CONF): those stand as printed, so a report's
// real addition error still shows. When the one unsure digit of a failing identity is a single digit away
// from what the sum needs, the doubt stays on it alone.
import type { CellValue } from '../../model.ts'
import type { Identity } from '../../template.ts'
import { MIN_CONF, VERIFIED_CONF } from '../values.ts'

/** OCR confidence of each cell read from a scan (cells from a text layer have none). */
export const ocrConf = new WeakMap<CellValue, number>()

/** An unsure OCR'd number's other readings (digits, ocr/cellAlts.ts) and the digit glyphs counted in its ink. */
export interface OcrReadings {
  alts: string[]
  nglyph?: number
}
export const ocrReadings = new WeakMap<CellValue, OcrReadings>()

/** Above this every cell of a failing identity is taken as printed: the report's own arithmetic is wrong. */
const SURE = 95

export function applyOcrIdentities(ids: Identity[], placed: Map<string, CellValue[]>, colIds: string[], unplaced: { row: string; col: string }[]): void {
  // a digit one identity confirms can leave another identity with a single unsure digit: go round again
  const confirmed = new Set<CellValue>()
  for (let pass = 0; pass < 4; pass++) {
    const chose = chooseReadings(ids, placed, colIds, confirmed)
    if (!applyOnce(ids, placed, colIds, unplaced, confirmed) && !chose) return
  }
}

/** Another reading than the recogniser's first is taken only when an identity's other cells are at least this sure. */
const CHOOSE_CONF = 95

/**
 * Unsure numbers (read without confidence, or read as text where a digit stands) among whose other
 * readings exactly one makes every identity through the cell hold whose other cells were read with
 * confidence, when one of them has every other cell read beyond doubt (CHOOSE_CONF; a digit an identity
 * confirmed is not), two of them share no other cell, or the reading is one digit away from the first: that reading is the value, `inferred`, its note naming the readings seen. Never a
 * number no reading gave; a reading with another count of digits than the glyphs in the cell is no
 * reading of it; two readings that fit, or none, leave the cell as it was. The recogniser's first reading,
 * when it fits, is left to the confirmation in applyOnce.
 */
function chooseReadings(ids: Identity[], placed: Map<string, CellValue[]>, colIds: string[], confirmed: Set<CellValue>): boolean {
  const cellOf = (r: { row: string; col: string }): CellValue | undefined => placed.get(r.row)?.[colIds.indexOf(r.col)]
  // a digit an identity confirmed or chose is sure enough to confirm others, not to choose for them
  const confOf = (c: CellValue): number => (confirmed.has(c) ? MIN_CONF : (ocrConf.get(c) ?? (c.status === 'inferred' ? 100 : 0)))
  const sure = (c: CellValue | undefined, min: number): boolean => !!c && c.value !== null && (c.status === 'ok' || c.status === 'inferred') && confOf(c) >= min
  let more = false
  for (const cells of placed.values()) {
    for (const c of cells) {
      // only OCR gives readings (a cell read as text keeps no confidence: its row's blanks stay as read)
      const readings = ocrReadings.get(c)
      if (c.status !== 'uncertain' || !(isLowConf(c) || isReadAsText(c))) continue
      if (!readings?.alts.length) continue
      const through = ids.filter((id) => refsOf(id).some((r) => cellOf(r) === c))
      const usable = (min: number): Identity[] => through.filter((id) => refsOf(id).every((r) => cellOf(r) === c || sure(cellOf(r), min)))
      const loose = usable(MIN_CONF)
      if (loose.length === 0) continue
      const holdsWith = (id: Identity, v: number): boolean => {
        const val = (r: { row: string; col: string }): number => (cellOf(r) === c ? v : ((cellOf(r) as CellValue).value as number))
        return id.lhs.reduce((t, r) => t + val(r), 0) === id.rhs.reduce((t, r) => t + val(r), 0)
      }
      const first = isLowConf(c) ? c.value : null
      const cands = [...new Set([...(first === null ? [] : [String(first)]), ...readings.alts])].filter((d) => fitsGlyphs(c, d)).map(Number)
      const fit = cands.filter((v) => loose.every((id) => holdsWith(id, v)))
      if (fit.length !== 1 || fit[0] === first) continue
      const v = fit[0] as number
      // witnesses enough: one identity whose other cells were read beyond doubt; two that share no other
      // cell (a misread in either would have to be matched by one in the other); or a reading one digit
      // away from the first, where a failing identity already takes its other cells as printed (applyOnce)
      if (usable(CHOOSE_CONF).length === 0 && !twoApart(loose, c, cellOf) && !(first !== null && oneDigitApart(first, v))) continue
      const others = readings.alts.filter((d) => d !== String(first)).join('、')
      c.note = `${first === null ? `识别为“${c.raw}”` : `识别置信度低，首选读数 ${first}`}，另有读数 ${others}；只有 ${v} 使本表勾稽关系成立，已取 ${v}，请对照原件核对`
      c.value = v
      c.raw = String(v)
      c.status = 'inferred'
      confirmed.add(c)
      more = true
    }
  }
  return more
}

/** Two of the identities have no cell in common but `c`. */
function twoApart(ids: Identity[], c: CellValue, cellOf: (r: { row: string; col: string }) => CellValue | undefined): boolean {
  const others = ids.map((id) => new Set(refsOf(id).map(cellOf).filter((x) => x !== c)))
  return others.some((a, i) => others.some((b, j) => j > i && ![...a].some((x) => b.has(x))))
}

/** A reading with another number of digits than the glyphs counted in the cell is not a reading of it. */
function fitsGlyphs(c: CellValue, digits: string): boolean {
  const n = ocrReadings.get(c)?.nglyph
  return n === undefined || digits.length === n
}

const refsOf = (id: Identity): { row: string; col: string }[] => [...id.lhs, ...id.rhs]

/** A cell of a scan where the recogniser read text, not a number (read.ts, unread.ts). */
function isReadAsText(c: CellValue): boolean {
  return c.status === 'uncertain' && c.value === null && (c.note ?? '').startsWith('识别结果“')
}

/** One pass over the identities; whether a digit was confirmed (added to `confirmed`, sure from then on). */
function applyOnce(ids: Identity[], placed: Map<string, CellValue[]>, colIds: string[], unplaced: { row: string; col: string }[], confirmed: Set<CellValue>): boolean {
  const cellOf = (row: string, col: string): CellValue | undefined => placed.get(row)?.[colIds.indexOf(col)]
  const confOf = (c: CellValue): number => (confirmed.has(c) ? MIN_CONF : (ocrConf.get(c) ?? (c.status === 'inferred' ? 100 : 0)))
  let more = false
  for (const id of ids) {
    const refs = [...id.lhs, ...id.rhs]
    const cells = refs.map((r) => cellOf(r.row, r.col))
    // an inferred 0 (a sub-row left out under a total of 0) is as sure as the zeros it comes from
    if (cells.some((c) => !c || (ocrConf.get(c) === undefined && c.status !== 'inferred'))) continue
    const cs = cells as CellValue[]
    if (!cs.some((c) => ocrConf.get(c) !== undefined)) continue
    // only cells read as numbers: a blank, a missing or a placed-by-guess cell says nothing here
    if (cs.some((c) => c.value === null || (c.status !== 'ok' && c.status !== 'inferred' && !isLowConf(c)))) continue
    const sum = (n: number, from: number): number => cs.slice(from, from + n).reduce((a, c) => a + (c.value as number), 0)
    const holds = sum(id.lhs.length, 0) === sum(id.rhs.length, id.lhs.length)
    const doubtful = cs.filter(isLowConf)
    if (holds) {
      // one unsure digit, everything else sure: the identity confirms what was printed
      if (doubtful.length === 1 && cs.every((c) => c === doubtful[0] || confOf(c) >= MIN_CONF) && fitsGlyphs(doubtful[0] as CellValue, String(doubtful[0]?.value))) {
        const c = doubtful[0] as CellValue
        c.status = 'ok'
        c.note = `识别置信度低（${Math.round(ocrConf.get(c) as number)}），读到的数与本表勾稽关系相符，已确认`
        confirmed.add(c)
        more = true
      }
      continue
    }
    // counts are never negative: on the side that already sums higher, a cell can account for the gap only
    // if it was read at least that much too high (a 0 there never can); on the lower side any cell can
    const gap = sum(id.lhs.length, 0) - sum(id.rhs.length, id.lhs.length)
    const suspects = cs.filter((c, i) => (gap > 0) !== i < id.lhs.length || (c.value as number) >= Math.abs(gap))
    if (suspects.every((c) => confOf(c) >= SURE)) continue
    // one unsure digit, everything else read with confidence, and the sum is off by what one misread digit
    // of it would make ('95' read '99'): the doubt stays on that cell alone
    if (doubtful.length === 1 && cs.every((c) => c === doubtful[0] || confOf(c) >= MIN_CONF)) {
      const d = doubtful[0] as CellValue
      const onLeft = cs.indexOf(d) < id.lhs.length
      const need = (d.value as number) + (onLeft ? 1 : -1) * (sum(id.rhs.length, id.lhs.length) - sum(id.lhs.length, 0))
      if (oneDigitApart(d.value as number, need)) continue
    }
    for (const c of suspects) {
      // a number two recognisers read the same is what was printed: the doubt falls on the others
      if (c.status !== 'ok' || confOf(c) >= VERIFIED_CONF) continue
      c.status = 'uncertain'
      c.note = `识别的数字不满足本表勾稽关系，可能有误读，请对照原件核对`
      unplaced.push({ row: c.row, col: c.col })
    }
  }
  return more
}

/** Two whole numbers written with as many digits, differing in one of them (a single misread digit). */
function oneDigitApart(a: number, b: number): boolean {
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0) return false
  const x = String(a)
  const y = String(b)
  if (x.length !== y.length) return false
  let diff = 0
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff++
  return diff === 1
}

/**
 * A blank in an OCR'd row where another cell was read without confidence is not evidence of an empty
 * cell: the recogniser that misread its neighbours may have missed its digit too (a '0' not read at all).
 */
export function doubtBlanksInUnsureRows(placed: Map<string, CellValue[]>, unplaced: { row: string; col: string }[]): void {
  for (const cells of placed.values()) {
    if (!cells.some((c) => ocrConf.get(c) !== undefined && c.status === 'uncertain')) continue
    for (const c of cells) {
      if (c.status !== 'blank' || c.raw !== '') continue
      c.status = 'uncertain'
      c.note = '本行其他格识别没有把握，本格未识别出内容，可能漏识，请对照原件核对'
      unplaced.push({ row: c.row, col: c.col })
    }
  }
}

function isLowConf(c: CellValue): boolean {
  return c.status === 'uncertain' && c.value !== null && (c.note ?? '').startsWith('识别置信度低')
}
