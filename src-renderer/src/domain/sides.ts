// Broken identities read as "a + b ≠ c + d", blanks written 空.
import type { FindingDto } from '../../../src-main/shared/api.ts'

export function fmtNumber(v: number | null | undefined): string {
  if (v === null || v === undefined) return '空'
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)))
}

function sum(xs: { value: number | null }[]): number {
  return xs.reduce((s, x) => s + (x.value ?? 0), 0)
}

export function sidesText(s: NonNullable<FindingDto['sides']>): string {
  const l = s.left.map((x) => fmtNumber(x.value)).join(' + ')
  const r = s.right.map((x) => fmtNumber(x.value)).join(' + ')
  // with a blank on either side the identity can be neither confirmed nor refuted
  const blank = [...s.left, ...s.right].some((x) => x.value === null)
  const eq = Math.abs(sum(s.left) - sum(s.right)) < 1e-9
  return `${l || '0'} ${blank ? '≟' : eq ? '=' : '≠'} ${r || '0'}`
}

export function sidesLabels(s: NonNullable<FindingDto['sides']>): string {
  return `${s.left.map((x) => x.label).join(' + ')} ＝ ${s.right.map((x) => x.label).join(' + ')}`
}
