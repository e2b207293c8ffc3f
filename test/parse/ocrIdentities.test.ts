// Table identities on OCR'd cells: they may confirm one unsure digit, choose among the numbers its own
// readings gave, or put a failing row in doubt, never put a number no reading gave; cells from a text layer are left alone. OCR'd text read without confidence
// turns the findings that quote it into parse problems.
import { describe, expect, it } from 'vitest'
import { ocrDoubtIsParse } from '../../src-main/engine/checks/ocrDoubt.ts'
import type { Finding } from '../../src-main/engine/checks/types.ts'
import type { CellValue, ParsedReport } from '../../src-main/engine/model.ts'
import { applyOcrIdentities, doubtBlanksInUnsureRows, ocrConf, ocrReadings } from '../../src-main/engine/parse/grid/ocrIdentities.ts'
import type { Identity } from '../../src-main/engine/template.ts'
import { VERIFIED_CONF } from '../../src-main/engine/parse/values.ts'

const cols = ['a', 'b', 'total']
const sum: Identity[] = [{ id: 'row-sum', lhs: [{ row: 'r', col: 'a' }, { row: 'r', col: 'b' }], rhs: [{ row: 'r', col: 'total' }] }]

/** One row of three cells: [value, conf | undefined (text layer), low-confidence?]. */
function row(cells: [number, number | undefined, boolean?][]): Map<string, CellValue[]> {
  const out = cells.map(([v, conf, low], i): CellValue => {
    const c: CellValue = { table: 'T3', row: 'r', col: cols[i] as string, value: v, raw: String(v), status: low ? 'uncertain' : 'ok' }
    if (low) c.note = `识别置信度低（${conf}）`
    if (conf !== undefined) ocrConf.set(c, conf)
    return c
  })
  return new Map([['r', out]])
}
const statuses = (m: Map<string, CellValue[]>): string[] => (m.get('r') as CellValue[]).map((c) => c.status)
const values = (m: Map<string, CellValue[]>): (number | null)[] => (m.get('r') as CellValue[]).map((c) => c.value)

describe('identities on OCR cells', () => {
  it('confirm one unsure digit when every other cell is sure and the row adds up', () => {
    const m = row([[3, 96], [4, 62, true], [7, 97]])
    const unplaced: { row: string; col: string }[] = []
    applyOcrIdentities(sum, m, cols, unplaced)
    expect(statuses(m)).toEqual(['ok', 'ok', 'ok'])
    expect((m.get('r') as CellValue[])[1]?.note).toContain('已确认')
    expect(unplaced).toEqual([])
  })
  it('do not confirm two unsure digits (they could be wrong together)', () => {
    const m = row([[3, 70, true], [4, 62, true], [7, 97]])
    applyOcrIdentities(sum, m, cols, [])
    expect(statuses(m)).toEqual(['uncertain', 'uncertain', 'ok'])
  })
  it('a failing row read without full confidence is put in doubt, its printed values kept', () => {
    const m = row([[3, 88], [4, 91], [8, 90]])
    const unplaced: { row: string; col: string }[] = []
    applyOcrIdentities(sum, m, cols, unplaced)
    expect(statuses(m)).toEqual(['uncertain', 'uncertain', 'uncertain'])
    expect(values(m)).toEqual([3, 4, 8])
    expect(unplaced).toHaveLength(3)
  })
  it('a failing row read with full confidence stays as printed: the report itself does not add up', () => {
    const m = row([[3, 97], [4, 99], [8, 96]])
    applyOcrIdentities(sum, m, cols, [])
    expect(statuses(m)).toEqual(['ok', 'ok', 'ok'])
  })
  it('a failing row keeps the cells two recognisers verified as printed and doubts only the others', () => {
    const m = row([[10, VERIFIED_CONF], [1, VERIFIED_CONF], [0, 93]])
    const unplaced: { row: string; col: string }[] = []
    applyOcrIdentities(sum, m, cols, unplaced)
    expect(statuses(m)).toEqual(['ok', 'ok', 'uncertain'])
    expect(unplaced).toEqual([{ row: 'r', col: 'total' }])
    // all verified: the report's own arithmetic error stands as printed
    const all = row([[10, VERIFIED_CONF], [1, VERIFIED_CONF], [0, VERIFIED_CONF]])
    applyOcrIdentities(sum, all, cols, [])
    expect(statuses(all)).toEqual(['ok', 'ok', 'ok'])
  })
  it('a failing row whose one unsure number is a digit away from what the sum needs keeps the others, and no more than that', () => {
    // '95' read '99' without confidence: the others were read with confidence and stay
    const near = row([[99, 40, true], [0, 90], [95, 92]])
    applyOcrIdentities(sum, near, cols, [])
    expect(statuses(near)).toEqual(['uncertain', 'ok', 'ok'])
    expect(values(near)).toEqual([99, 0, 95])
    // a sum that one misread digit cannot explain puts the whole row in doubt
    const far = row([[9, 40, true], [0, 90], [95, 92]])
    applyOcrIdentities(sum, far, cols, [])
    expect(statuses(far)).toEqual(['uncertain', 'uncertain', 'uncertain'])
  })
  it('a digit one identity confirms lets the next confirm its last unsure digit (whatever their order)', () => {
    // a + b = total needs a confirmed first, which a = b does
    const ids: Identity[] = [...sum, { id: 'a-is-b', lhs: [{ row: 'r', col: 'a' }], rhs: [{ row: 'r', col: 'b' }] }]
    const m = row([[3, 60, true], [3, 97], [6, 55, true]])
    applyOcrIdentities(ids, m, cols, [])
    expect(statuses(m)).toEqual(['ok', 'ok', 'ok'])
  })
  it('an inferred 0 (a sub-row left out under a total of 0) takes part as a sure cell', () => {
    const m = row([[0, undefined], [4, 62, true], [4, 97]])
    ;(m.get('r') as CellValue[])[0]!.status = 'inferred'
    applyOcrIdentities(sum, m, cols, [])
    expect(statuses(m)).toEqual(['inferred', 'ok', 'ok'])
    // without any OCR'd cell the identity is the text layer's business
    const text = row([[0, undefined], [4, undefined], [4, undefined]])
    ;(text.get('r') as CellValue[])[0]!.status = 'inferred'
    ;(text.get('r') as CellValue[])[1]!.status = 'uncertain'
    applyOcrIdentities(sum, text, cols, [])
    expect(statuses(text)).toEqual(['inferred', 'uncertain', 'ok'])
  })
  it('a failing identity doubts only the cells one misread could account for: a 0 on the side that sums higher cannot', () => {
    // a + b = total with 1 + 0 against 0: only a (read too high) or total (read too low) can explain it
    const m = row([[1, 90], [0, 85], [0, 96]])
    const unplaced: { row: string; col: string }[] = []
    applyOcrIdentities(sum, m, cols, unplaced)
    expect(statuses(m)).toEqual(['uncertain', 'ok', 'uncertain'])
    expect(unplaced).toEqual([{ row: 'r', col: 'a' }, { row: 'r', col: 'total' }])
    // those two read beyond doubt: the report's own error stands as printed, whatever b's confidence
    const sure = row([[1, 96], [0, 85], [0, 96]])
    applyOcrIdentities(sum, sure, cols, [])
    expect(statuses(sure)).toEqual(['ok', 'ok', 'ok'])
    // on the lower side a 0 may be a misread (of the 1 missing there): every cell is in doubt
    const low = row([[0, 85], [0, 96], [1, 96]])
    applyOcrIdentities(sum, low, cols, [])
    expect(statuses(low)).toEqual(['uncertain', 'uncertain', 'uncertain'])
  })
  it('cells from a text layer are never touched', () => {
    const m = row([[3, undefined], [4, undefined], [8, undefined]])
    applyOcrIdentities(sum, m, cols, [])
    expect(statuses(m)).toEqual(['ok', 'ok', 'ok'])
  })
})

describe('identities choosing among the readings of an unsure number', () => {
  /** Row r: a + b = total, b read without confidence as `first` with other readings `alts`, the rest at `conf`. */
  function unsureB(first: number | string, alts: string[], conf = 97, nglyph?: number): Map<string, CellValue[]> {
    const m = row([[3, conf], [typeof first === 'number' ? first : 0, 40, true], [7, conf]])
    const b = (m.get('r') as CellValue[])[1] as CellValue
    if (typeof first === 'string') Object.assign(b, { value: null, raw: first, note: `识别结果“${first}”不是该栏应有的数字形式，请对照原件核对` })
    ocrReadings.set(b, { alts, ...(nglyph === undefined ? {} : { nglyph }) })
    return m
  }
  const b = (m: Map<string, CellValue[]>): CellValue => (m.get('r') as CellValue[])[1] as CellValue

  it('the one reading that makes the identity hold is taken, inferred, its note naming the readings', () => {
    // '4' read '9' (40) and '4', '8' by the other readings: 3 + 4 = 7
    const m = unsureB(9, ['4', '8'])
    const unplaced: { row: string; col: string }[] = []
    applyOcrIdentities(sum, m, cols, unplaced)
    expect(values(m)).toEqual([3, 4, 7])
    expect(statuses(m)).toEqual(['ok', 'inferred', 'ok'])
    expect(b(m).note).toContain('首选读数 9')
    expect(b(m).note).toContain('4、8')
    expect(b(m).raw).toBe('4')
    expect(unplaced).toEqual([])
  })
  it('a digit read as a character where a number stands is replaced by the reading that fits', () => {
    const m = unsureB('全', ['4'])
    applyOcrIdentities(sum, m, cols, [])
    expect(values(m)).toEqual([3, 4, 7])
    expect(b(m).status).toBe('inferred')
    expect(b(m).note).toContain('识别为“全”')
  })
  it('never a number no reading gave: the cell stays uncertain, the row in doubt', () => {
    const m = unsureB(9, ['5', '8'])
    applyOcrIdentities(sum, m, cols, [])
    expect(b(m).status).toBe('uncertain')
    expect(b(m).value).toBe(9)
  })
  it('a reading that fits the sum but has another number of digits than the glyphs in the cell is no reading of it', () => {
    // 3 + 4 = 7 needs '4', but the cell shows two glyphs: '4' cannot be what is printed
    const m = unsureB(9, ['4'], 97, 2)
    applyOcrIdentities(sum, m, cols, [])
    expect(b(m).status).toBe('uncertain')
    expect(b(m).value).toBe(9)
    // with one glyph counted it is
    const one = unsureB(9, ['4'], 97, 1)
    applyOcrIdentities(sum, one, cols, [])
    expect(b(one).status).toBe('inferred')
    // and the first reading is not confirmed by a sum it fits when its digits disagree with the glyphs
    const own = unsureB(4, ['9'], 97, 2)
    applyOcrIdentities(sum, own, cols, [])
    expect(b(own).status).toBe('uncertain')
  })
  it('another reading is not taken when the other cells of its one identity were read with some confidence only (one misread there would move the choice)', () => {
    // '12' read first, '4' by another reading: not a single misread digit
    const m = unsureB(12, ['4'], 88)
    applyOcrIdentities(sum, m, cols, [])
    expect(b(m).value).toBe(12)
    expect(b(m).status).toBe('uncertain')
  })
  it('a reading one digit away from the first is taken when the other cells were read with confidence (they stand as printed anyway)', () => {
    // '4' read '9': the failing sum would already keep 3 and 7 as printed and doubt the 9 alone
    const m = unsureB(9, ['4'], 88)
    applyOcrIdentities(sum, m, cols, [])
    expect([b(m).value, b(m).status]).toEqual([4, 'inferred'])
    expect(statuses(m)).toEqual(['ok', 'inferred', 'ok'])
  })
  it('two identities through the cell that share another cell are not two witnesses', () => {
    // read with some confidence only (88), a + b = total written twice: one misread in a or total moves both
    const twice: Identity[] = [...sum, { id: 'row-sum-again', lhs: [{ row: 'r', col: 'b' }, { row: 'r', col: 'a' }], rhs: [{ row: 'r', col: 'total' }] }]
    const m = unsureB(12, ['4'], 88)
    applyOcrIdentities(twice, m, cols, [])
    expect([b(m).value, b(m).status]).toEqual([12, 'uncertain'])
  })
  it('the first reading that fits is confirmed as before, whatever the other readings', () => {
    const m = unsureB(4, ['9', '1'])
    applyOcrIdentities(sum, m, cols, [])
    expect(values(m)).toEqual([3, 4, 7])
    expect(b(m).status).toBe('ok')
    expect(b(m).note).toContain('已确认')
  })
  it('two unsure numbers in one identity whose readings fit either way stay uncertain', () => {
    // a and b read '5' and '3', each also read the other way: 3 + 5 and 5 + 3 both make 8
    const m = row([[5, 40, true], [3, 40, true], [8, 97]])
    const [a, bb] = m.get('r') as CellValue[]
    ocrReadings.set(a as CellValue, { alts: ['3'] })
    ocrReadings.set(bb as CellValue, { alts: ['5'] })
    applyOcrIdentities(sum, m, cols, [])
    expect(statuses(m)).toEqual(['uncertain', 'uncertain', 'ok'])
    expect(values(m)).toEqual([5, 3, 8])
  })
  it('a number chosen by one identity is not beyond doubt enough to choose for the next (a chain of choices is not taken)', () => {
    // r1: a + b = total (b unsure: '9' or '4'); col: r1.total + r2.total = all.total, r2.total unsure
    const ids: Identity[] = [
      { id: 'row-1', lhs: [{ row: 'r1', col: 'a' }, { row: 'r1', col: 'b' }], rhs: [{ row: 'r1', col: 'total' }] },
      { id: 'col-b', lhs: [{ row: 'r1', col: 'b' }, { row: 'r2', col: 'b' }], rhs: [{ row: 'all', col: 'b' }] }
    ]
    const cell = (r: string, col: string, v: number, conf: number, alts?: string[]): CellValue => {
      const c: CellValue = { table: 'T3', row: r, col, value: v, raw: String(v), status: alts ? 'uncertain' : 'ok' }
      if (alts) {
        c.note = `识别置信度低（${conf}）`
        ocrReadings.set(c, { alts })
      }
      ocrConf.set(c, conf)
      return c
    }
    const m = new Map([
      ['r1', [cell('r1', 'a', 3, 97), cell('r1', 'b', 9, 40, ['4']), cell('r1', 'total', 7, 97)]],
      ['r2', [cell('r2', 'a', 0, 97), cell('r2', 'b', 18, 40, ['2']), cell('r2', 'total', 0, 97)]],
      ['all', [cell('all', 'a', 3, 97), cell('all', 'b', 6, 97), cell('all', 'total', 7, 97)]]
    ])
    applyOcrIdentities(ids, m, cols, [])
    expect(m.get('r1')?.[1]?.value).toBe(4)
    // r2.b is fixed by a number chosen, not read beyond doubt: it is confirmed only if its first reading fits
    expect(m.get('r2')?.[1]?.value).toBe(18)
    expect(m.get('r2')?.[1]?.status).toBe('uncertain')
  })
})

describe('identities confirming one another', () => {
  // a 2 x 3 table: two rows a + b = total, and a column r1.total + r2.total = all.total
  const ids: Identity[] = [
    { id: 'row-1', lhs: [{ row: 'r1', col: 'a' }, { row: 'r1', col: 'b' }], rhs: [{ row: 'r1', col: 'total' }] },
    { id: 'col', lhs: [{ row: 'r1', col: 'total' }, { row: 'r2', col: 'total' }], rhs: [{ row: 'all', col: 'total' }] }
  ]
  function table(r1: [number, number, boolean][], r2total: [number, number, boolean], all: [number, number, boolean]): Map<string, CellValue[]> {
    const cell = (row: string, col: string, [v, conf, low]: [number, number, boolean]): CellValue => {
      const c: CellValue = { table: 'T3', row, col, value: v, raw: String(v), status: low ? 'uncertain' : 'ok' }
      if (low) c.note = `识别置信度低（${conf}）`
      ocrConf.set(c, conf)
      return c
    }
    return new Map([
      ['r1', r1.map((x, i) => cell('r1', cols[i] as string, x))],
      ['r2', [cell('r2', 'a', [1, 97, false]), cell('r2', 'b', [1, 97, false]), cell('r2', 'total', r2total)]],
      ['all', [cell('all', 'a', [0, 97, false]), cell('all', 'b', [0, 97, false]), cell('all', 'total', all)]]
    ])
  }
  it('a digit confirmed by its row is sure enough to confirm the next one in its column', () => {
    // r1.total (40) is confirmed by 3 + 4 = 7; then 7 + r2.total (40) = 9 confirms r2.total = 2
    const m = table([[3, 97, false], [4, 97, false], [7, 40, true]], [2, 40, true], [9, 97, false])
    applyOcrIdentities(ids, m, cols, [])
    expect(m.get('r1')?.[2]?.status).toBe('ok')
    expect(m.get('r2')?.[2]?.status).toBe('ok')
    expect(m.get('r2')?.[2]?.note).toContain('已确认')
  })
  it('nothing is confirmed when the first link has two unsure digits', () => {
    const m = table([[3, 60, true], [4, 97, false], [7, 40, true]], [2, 40, true], [9, 97, false])
    applyOcrIdentities(ids, m, cols, [])
    expect([m.get('r1')?.[0]?.status, m.get('r1')?.[2]?.status, m.get('r2')?.[2]?.status]).toEqual(['uncertain', 'uncertain', 'uncertain'])
  })
})

describe('blanks in OCR rows', () => {
  it('a blank beside a cell read without confidence is uncertain (a digit may have been missed)', () => {
    const m = row([[3, 40, true], [0, 97], [7, 97]])
    const cells = m.get('r') as CellValue[]
    Object.assign(cells[1] as CellValue, { status: 'blank', value: null, raw: '' })
    const unplaced: { row: string; col: string }[] = []
    doubtBlanksInUnsureRows(m, unplaced)
    expect(statuses(m)).toEqual(['uncertain', 'uncertain', 'ok'])
    expect(unplaced).toEqual([{ row: 'r', col: 'b' }])
  })
  it('a blank in a row read with confidence, or from a text layer, stays blank', () => {
    for (const conf of [97, undefined]) {
      const m = row([[3, conf], [0, conf], [7, conf]])
      Object.assign((m.get('r') as CellValue[])[1] as CellValue, { status: 'blank', value: null, raw: '' })
      doubtBlanksInUnsureRows(m, [])
      expect(statuses(m)).toEqual(['ok', 'blank', 'ok'])
    }
  })
})

describe('findings quoting OCR text read without confidence', () => {
  const f: Finding = { rule: 'SEC-TITLE', severity: 'warning', outcome: 'FAIL', message: '标题与模板不一致', loc: 'S2', evidence: [{ kind: 'text', start: 100, end: 110, text: '二、主动公开政府信惑情况' }] }
  const report = (doubt?: [number, number][]): ParsedReport => ({ ocrDoubt: doubt }) as unknown as ParsedReport
  it('become parse problems when the quoted text overlaps a low-confidence range', () => {
    const out = ocrDoubtIsParse(report([[105, 120]]), f)
    expect(out.severity).toBe('parse')
    expect(out.message).toContain('可能是识别错误')
  })
  it('stay the township\'s when the text was read with confidence or is not a scan', () => {
    expect(ocrDoubtIsParse(report([[110, 120]]), f)).toBe(f)
    expect(ocrDoubtIsParse(report(undefined), f)).toBe(f)
  })
})
