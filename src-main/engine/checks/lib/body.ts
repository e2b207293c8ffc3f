// What kind of body issued a report. Some duties belong to one kind only: a 乡镇 cannot enact 规章
// (T2-RULES-TOWNSHIP), and 条例第五十条 asks 各级人民政府 (not their departments) for 工作考核、
// 社会评议和责任追究 (SEC1-GOV-ASSESS). Such rules are N/A for the other kinds; DOC-WRONG-ENTITY says
// when a report is not a township's.
import { labelKey } from '../../parse/normalize.ts'
import type { ParsedReport } from '../../model.ts'

export type BodyKind = 'township' | 'government' | 'department' | 'unknown'

const NAME = { township: '乡镇人民政府或街道办事处', government: '县级以上人民政府', department: '政府部门或其他机关', unknown: '' }

/** Name without 人民政府/办事处/党委 and without whitespace. */
export function bodyCore(name: string): string {
  return labelKey(name).replace(/(人民政府|政府|办事处|党委)+$/, '')
}

export function kindOfName(name: string): BodyKind {
  if (!/\p{Script=Han}/u.test(name)) return 'unknown'
  const core = bodyCore(name)
  if (/(乡|镇|街道|苏木)$/.test(core)) return 'township'
  const full = labelKey(name)
  if (/人民政府$/.test(full) && !/(局|委员会|委|办公室|办公厅|厅|中心)人民政府$/.test(full)) return 'government'
  if (/(局|委员会|委|办公室|办公厅|中心|院|所|队|站|厅|署|部|会|处|社|馆|团|公司)$/.test(core)) return 'department'
  // 淮安市, 洪泽区 (a place name without 人民政府): a government.
  if (/(省|市|县|区|州|旗|盟)$/.test(core)) return 'government'
  return 'unknown'
}

/** The kind of the body named in the title, else in the 落款. */
export function bodyKind(report: ParsedReport): { kind: BodyKind; name?: string } {
  for (const b of [report.body, report.signBody]) {
    if (!b) continue
    const kind = kindOfName(b.name)
    if (kind !== 'unknown') return { kind, name: b.name }
  }
  return { kind: 'unknown' }
}

export const bodyKindName = (k: BodyKind): string => NAME[k]
