// Table identities on OCR'd cells (scans). A digit the recogniser was unsure of is never replaced by what
// the identities would want: an identity may only confirm it (the digit read makes the identity hold, every
// other cell of it read with confidence), or, when it fails on readings that are not all sure, put its
// cells in doubt (an OCR misread is likelier than an arithmetic error; a parse problem, not a finding),
// except the cells whose number two recognisers read the same (VERIFIED_CONF): those stand as printed, so
// a report's real addition error still shows. When the one unsure digit of a failing identity is a single
// digit away from what the sum needs, the doubt stays on it alone.
import type { CellValue } from '../../model.ts'
import type { Identity } from '../../template.ts'
import { MIN_CONF, VERIFIED_CONF } from '../values.ts'

/** OCR confidence of each cell read from a scan (cells from a text layer have none). */
export const ocrConf = new WeakMap<CellValue, number>()

/** Above this every cell of a failing identity is taken as printed: the report's own arithmetic is wrong. */
const SURE = 95

export function applyOcrIdentities(ids: Identity[], placed: Map<string, CellValue[]>, colIds: string[], unplaced: { row: string; col: string }[]): void {
  // a digit one identity confirms can leave another identity with a single unsure digit: go round again
  const confirmed = new Set<CellValue>()
  for (let pass = 0; pass < 4; pass++) if (!applyOnce(ids, placed, colIds, unplaced, confirmed)) return
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
      if (doubtful.length === 1 && cs.every((c) => c === doubtful[0] || confOf(c) >= MIN_CONF)) {
        const c = doubtful[0] as CellValue
        c.status = 'ok'
        c.note = `识别置信度低（${Math.round(ocrConf.get(c) as number)}），读到的数与本表勾稽关系相符，已确认`
        confirmed.add(c)
        more = true
      }
      continue
    }
    if (cs.every((c) => confOf(c) >= SURE)) continue
    // one unsure digit, everything else read with confidence, and the sum is off by what one misread digit
    // of it would make ('95' read '99'): the doubt stays on that cell alone
    if (doubtful.length === 1 && cs.every((c) => c === doubtful[0] || confOf(c) >= MIN_CONF)) {
      const d = doubtful[0] as CellValue
      const onLeft = cs.indexOf(d) < id.lhs.length
      const need = (d.value as number) + (onLeft ? 1 : -1) * (sum(id.rhs.length, id.lhs.length) - sum(id.lhs.length, 0))
      if (oneDigitApart(d.value as number, need)) continue
    }
    for (const c of cs) {
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
