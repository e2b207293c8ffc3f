// Table identities on OCR'd cells (scans). A digit the recogniser was unsure of is never replaced by what
// the identities would want: an identity may only confirm it (the digit read makes the identity hold, every
// other cell of it read with confidence), or, when it fails on readings that are not all sure, put its
// cells in doubt (an OCR misread is likelier than an arithmetic error; a parse problem, not a finding).
import type { CellValue } from '../../model.ts'
import type { Identity } from '../../template.ts'
import { MIN_CONF } from '../values.ts'

/** OCR confidence of each cell read from a scan (cells from a text layer have none). */
export const ocrConf = new WeakMap<CellValue, number>()

/** Above this every cell of a failing identity is taken as printed: the report's own arithmetic is wrong. */
const SURE = 95

export function applyOcrIdentities(ids: Identity[], placed: Map<string, CellValue[]>, colIds: string[], unplaced: { row: string; col: string }[]): void {
  const cellOf = (row: string, col: string): CellValue | undefined => placed.get(row)?.[colIds.indexOf(col)]
  const usable: { cs: CellValue[]; id: Identity }[] = []
  for (const id of ids) {
    const refs = [...id.lhs, ...id.rhs]
    const cells = refs.map((r) => cellOf(r.row, r.col))
    if (cells.some((c) => !c || ocrConf.get(c) === undefined)) continue
    const cs = cells as CellValue[]
    // only cells read as numbers: a blank, a missing or a placed-by-guess cell says nothing here
    if (cs.some((c) => c.value === null || (c.status !== 'ok' && !isLowConf(c)))) continue
    usable.push({ cs, id })
  }
  const holds = (cs: CellValue[], id: Identity): boolean => {
    const sum = (n: number, from: number): number => cs.slice(from, from + n).reduce((a, c) => a + (c.value as number), 0)
    return sum(id.lhs.length, 0) === sum(id.rhs.length, id.lhs.length)
  }
  // A digit confirmed by one identity (all its other cells sure) is as sure as they are, so it may help
  // confirm another: repeated until nothing changes (each round confirms at least one cell, so it ends).
  const confirmed = new Set<CellValue>()
  const sure = (c: CellValue): boolean => confirmed.has(c) || (!isLowConf(c) && (ocrConf.get(c) as number) >= MIN_CONF)
  for (let changed = true; changed; ) {
    changed = false
    for (const { cs, id } of usable) {
      const doubtful = cs.filter(isLowConf)
      // one unsure digit, everything else sure: the identity confirms what was printed
      if (doubtful.length !== 1 || !holds(cs, id) || !cs.every((c) => c === doubtful[0] || sure(c))) continue
      const c = doubtful[0] as CellValue
      c.status = 'ok'
      c.note = `识别置信度低（${Math.round(ocrConf.get(c) as number)}），读到的数与本表勾稽关系相符，已确认`
      confirmed.add(c)
      changed = true
    }
  }
  for (const { cs, id } of usable) {
    if (holds(cs, id)) continue
    if (cs.every((c) => (ocrConf.get(c) as number) >= SURE)) continue
    for (const c of cs) {
      if (c.status !== 'ok') continue
      c.status = 'uncertain'
      c.note = `识别的数字不满足本表勾稽关系，可能有误读，请对照原件核对`
      unplaced.push({ row: c.row, col: c.col })
    }
  }
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
