// Whose count a sentence states. A township's (or a department's) tables hold only its own applications and
// appeals: a count of the whole county or of its government in such a report is another body's, never compared.
import type { ReportCtx } from '../types.ts'
import { bodyKind } from './body.ts'
import type { Sentence } from './split.ts'

/**
 * Words that make a count another body's in a report of a township or a department: the whole county (city,
 * district) or its government ('全县共受理申请749件', '受理…向市政府提出的政府信息公开申请5件'). A township's
 * table holds only its own applications, so such a count is noted, never compared. 代表区政府 (an office
 * speaking for its government) and 区政府门户网站 (a channel) name no other body.
 */
const WIDER: Record<string, RegExp> = {
  township: /全(?:县|区|市|省|州|旗|盟)(?![委直])|(?<!代表)(?:县|区|市|州|省|旗)(?:人民)?政府(?:办公室|办公厅)?(?![网门信公平官])|各级行政机关|(?:县|区|市)直(?:各)?(?:部门|单位)/,
  department: /全(?:县|区|市|省|州|旗|盟)(?![委直])|各级行政机关|(?:县|区|市)直(?:各)?(?:部门|单位)/
}

/** Why a statement ending at character `end` of its sentence is another body's count (null: the report's own). */
export function otherBody(ctx: ReportCtx, sen: Sentence, end: number): string | null {
  const re = WIDER[bodyKind(ctx.report).kind]
  if (!re) return null
  // Titles of documents ('《XX县人民政府关于…》') name no subject.
  const m = re.exec(sen.text.slice(0, end).replace(/《[^《》]{0,80}》/g, (t) => '·'.repeat(t.length)))
  return m ? `是“${m[0]}”的数字，不是本机关的` : null
}
