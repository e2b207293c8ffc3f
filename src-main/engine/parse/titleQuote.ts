// Whether the words before a report's name ('…政府信息公开工作年度报告') make it a title or a sentence that
// quotes the report (a notice it follows, the preface saying it is published).
import { labelKey } from './normalize.ts'

/** '关于报送2020年度' / '关于印发…' / '关于公布…' before the report's name: a covering letter's title (its issuer before it). */
const COVER_LEAD = /关于\s*(?:报送|印发|公布|发布)\s*(?:19|20)\d{2}\s*年度?\s*$/
/** Words of a sentence that quotes a report's name rather than titles it. */
const QUOTING = /[《“"，,]|按照|根据|依据|做好|编制|现将|现就/

/** True when `lead` (the words of its line before the report's name) is a sentence quoting the report. */
export function quotesReport(lead: string, isAgency: (key: string) => boolean): boolean {
  // 'XX局关于报送2020年度政府信息公开工作年度报告的函': a body's covering letter names its own report.
  const issuer = lead.replace(COVER_LEAD, '')
  if (issuer !== lead && isAgency(labelKey(issuer)) && !QUOTING.test(issuer)) return false
  // '关于2021年度政府信息公开工作的年度报告' is a title; '关于做好…年度报告…的通知' quotes one; '要求，现公布2019年度…报告'
  // (a comma before it) is a sentence.
  return QUOTING.test(lead) || /关于(?!(?:19|20)\d{2})|印发|公布/.test(lead) || lead.replace(/\s+/g, '').length > 40
}
