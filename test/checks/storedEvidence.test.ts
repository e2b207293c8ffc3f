// The findings table's evidence column: one writer, one reader that checks the shape instead of casting.
import { describe, expect, it } from 'vitest'
import { decodeEvidence, encodeEvidence, evidenceJson, sameEvidence } from '../../src-main/engine/checks/storedEvidence.ts'
import type { Evidence, Sides } from '../../src-main/shared/vocabulary.ts'

const cell: Evidence = {
  kind: 'cell',
  table: 'T3',
  row: 'total',
  col: 'total',
  value: 12,
  raw: '12',
  status: 'ok',
  span: { start: 3, end: 5, page: 2, box: [1, 2, 3, 4] },
  settled: { kind: 'corrected', read: { value: 21, raw: '21', status: 'uncertain' }, by: '张三', at: '2024-01-02T03:04:05Z' }
}
const items: Evidence[] = [
  cell,
  { kind: 'text', start: 10, end: 20, text: '本年度共收到申请', page: 1 },
  { kind: 'report', reportId: 7, township: '平安镇', year: 2023 },
  { kind: 'note', text: '人工备注' }
]
const sides: Sides = { left: [{ label: '新收', value: 3 }], right: [{ label: '办结', value: null }] }

describe('stored evidence', () => {
  it('reads back exactly what was written', () => {
    expect(decodeEvidence(encodeEvidence(items, sides))).toEqual({ items, sides })
    expect(decodeEvidence(encodeEvidence(items, undefined))).toEqual({ items, sides: null })
  })

  it('packs long evidence only: a short quote is kept as its JSON, and both read back and compare alike', () => {
    const short: Evidence[] = [{ kind: 'text', start: 18, end: 22, text: '2021', note: '报告年度 2021' }]
    const long: Evidence[] = [{ kind: 'text', start: 0, end: 400, text: '本机关严格按照条例要求公开政府信息。'.repeat(20) }]
    const s = encodeEvidence(short, null)
    const l = encodeEvidence(long, null)
    expect(typeof s).toBe('string')
    expect(Buffer.isBuffer(l)).toBe(true)
    expect((l as Buffer).length * 3).toBeLessThan(Buffer.byteLength(evidenceJson(long, null)))
    expect(decodeEvidence(s)).toEqual({ items: short, sides: null })
    expect(decodeEvidence(l)).toEqual({ items: long, sides: null })
    expect(sameEvidence(s, evidenceJson(short, null))).toBe(true)
    expect(sameEvidence(l, evidenceJson(long, null))).toBe(true)
    expect(sameEvidence(l, evidenceJson(long, sides))).toBe(false)
    expect(sameEvidence(Buffer.from('not deflate'), evidenceJson(short, null))).toBe(false)
  })

  it('reads the bare array of early rows, and gives nothing for broken or empty JSON', () => {
    expect(decodeEvidence(JSON.stringify(items))).toEqual({ items, sides: null })
    expect(decodeEvidence('{"items": [')).toEqual({ items: [], sides: null })
    expect(decodeEvidence('')).toEqual({ items: [], sides: null })
    expect(decodeEvidence(null)).toEqual({ items: [], sides: null })
    expect(decodeEvidence('42')).toEqual({ items: [], sides: null })
  })

  it('drops malformed items and keeps the rest, without fields the vocabulary does not know', () => {
    const stored = JSON.stringify({
      items: [
        { ...cell, status: 'probably' }, // not a cell status
        { ...cell, table: 'T9' },
        { ...cell, value: '12' }, // a number as text is not a value
        { kind: 'text', start: 1, text: 'no end' },
        { kind: 'script', text: '<b>' },
        'text',
        null,
        { kind: 'note', text: '留下', extra: '<img onerror=x>' }
      ],
      sides: { left: [{ label: 'a', value: 'x' }], right: [] }
    })
    const e = decodeEvidence(stored)
    expect(e.items).toEqual([{ kind: 'note', text: '留下' }])
    expect(e.sides).toBeNull()
  })

  it('keeps a cell whose span or settlement is malformed, without them', () => {
    const stored = JSON.stringify({ items: [{ ...cell, span: { start: 'x' }, settled: { kind: 'guessed' } }] })
    const { span: _span, settled: _settled, ...bare } = cell as Extract<Evidence, { kind: 'cell' }>
    expect(decodeEvidence(stored).items).toEqual([bare])
  })
})
