// Checking an additive identity Σ left = Σ right over table cells. Cells that are blank, uncertain,
// missing or invalid make the identity UNVERIFIABLE (never FAIL); the message then says which cells
// and whether the identity would hold with blanks read as 0.
import type { CellValue } from '../../model.ts'
import { cellEvidence, usable } from '../evidence.ts'
import type { Evidence, Finding, Severity } from '../types.ts'
import { STATUS_NAME } from './tables.ts'

export interface Term {
  label: string
  cell: CellValue | undefined
  /** The cell belongs to another report: not cited as cell evidence of this one (give report evidence instead). */
  foreign?: boolean
}

export interface IdentitySpec {
  rule: string
  severity: Severity
  loc: string
  left: Term[]
  right: Term[]
  /** Prefix naming where the identity lives, e.g. 表三“自然人”列. */
  where: string
  /** Message when both sides are known and differ. */
  failMessage: (left: number, right: number) => string
  /** Extra evidence (e.g. the other report of a cross-document identity). */
  extraEvidence?: Evidence[]
  /** How to name an unusable term in the message; default: its label. */
  termName?: (t: Term) => string
}

export const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0)

/**
 * Severity of a check that could not be made. When every unusable cell is blank (the source shows it
 * empty) and the check holds with the blanks as 0, TBL-BLANK already names those cells and there is
 * nothing more to tell the township: info. Otherwise (it fails with blanks as 0, or a cell is unsure)
 * the rule's own severity, which run.ts then lowers or moves to the parse group.
 */
export function unverifiedSeverity(severity: Severity, cells: (CellValue | undefined)[], holdsWithZeros: boolean): Severity {
  const bad = cells.filter((c) => !usable(c))
  return holdsWithZeros && bad.length > 0 && bad.every((c) => c?.status === 'blank') ? 'info' : severity
}

/** null when the identity holds, or when none of its cells exists (the table or row is missing altogether). */
export function checkIdentity(spec: IdentitySpec): Finding | null {
  const terms = [...spec.left, ...spec.right]
  // Most identities hold: decided before any evidence or message is built.
  if (terms.every((t) => usable(t.cell)) && sum(spec.left.map((t) => t.cell!.value as number)) === sum(spec.right.map((t) => t.cell!.value as number))) return null
  if (terms.every((t) => !t.cell || t.cell.status === 'missing')) return null
  const evidence: Evidence[] = terms.flatMap((t) => (t.cell && !t.foreign ? [cellEvidence(t.cell)] : []))
  if (spec.extraEvidence) evidence.push(...spec.extraEvidence)
  // Only values read with certainty are shown as numbers; a blank or unsure cell is shown as unknown.
  const val = (t: Term): number | null => (usable(t.cell) ? t.cell.value : null)
  const sides = {
    left: spec.left.map((t) => ({ label: t.label, value: val(t) })),
    right: spec.right.map((t) => ({ label: t.label, value: val(t) }))
  }
  const bad = terms.filter((t) => !usable(t.cell))
  if (bad.length) {
    const l0 = sum(spec.left.map((t) => (usable(t.cell) ? t.cell.value : 0)))
    const r0 = sum(spec.right.map((t) => (usable(t.cell) ? t.cell.value : 0)))
    const name = spec.termName ?? ((t: Term) => t.label)
    const onlyBlank = bad.every((t) => t.cell?.status === 'blank')
    const list = bad
      .map((t) => (onlyBlank ? name(t) : `${name(t)}（${t.cell ? (STATUS_NAME[t.cell.status] ?? t.cell.status) : '未找到'}）`))
      .join('、')
    // A cell of another report the app could not read is its reading failure as much as one of this report's
    // (run.ts sends those to the parse problems by their cell evidence; another report's cells are not cited).
    const unreadElsewhere = bad.some((t) => t.foreign && (!t.cell || t.cell.status === 'uncertain' || t.cell.status === 'missing'))
    return {
      rule: spec.rule,
      severity: unreadElsewhere ? 'parse' : unverifiedSeverity(spec.severity, terms.map((t) => t.cell), l0 === r0),
      outcome: 'UNVERIFIABLE',
      loc: spec.loc,
      evidence,
      sides,
      message: `${spec.where}：${list}${onlyBlank ? '为空白' : ''}，无法核对（${onlyBlank ? '空白' : '上述单元格'}按 0 计时${
        l0 === r0 ? `成立：${l0}＝${r0}` : `不成立：${l0}≠${r0}`
      }）。`
    }
  }
  const l = sum(spec.left.map((t) => t.cell!.value as number))
  const r = sum(spec.right.map((t) => t.cell!.value as number))
  if (l === r) return null
  return { rule: spec.rule, severity: spec.severity, outcome: 'FAIL', loc: spec.loc, evidence, sides, message: spec.failMessage(l, r) }
}
