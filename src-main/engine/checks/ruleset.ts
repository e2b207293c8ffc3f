// Which report rules can be run once per version, and the stamp that says results are still valid.
import { createHash } from 'node:crypto'
import pkg from '../../../package.json' with { type: 'json' }
import { REPORT_RULES } from './registry.ts'

/**
 * Raise when a report rule's logic changes without a new app version, so that results stored
 * with the versions (checks/prep.ts) are recomputed instead of reused.
 */
// 12: SEC6-EMPTY no longer counts a page footer under 六 as content (layouts2).
// 14: on scans, misread headings and loose table labels are reading doubts, mixed scripts not DOC-TRAD (ocrtables).
// 15: TBL-LABEL: a label cut at both ends (torn by a conversion) is incomplete (info), not a wording; SEC1-GOV-ASSESS:
//     a keyword inside a 《》 title, or 满意度 as an aim (提升…满意度), is not a result; TXT-T3-COUNT names the carry-over
//     when the text count equals new + carried over; SEC-PRESENT: part 五 present without its heading is a warning
//     asking for the title, not an error for a missing part; TBL-PRESENT: a 表二/表三 row printed in its section but not read
//     is a parse finding, not a missing row; a heading with the right ordinal in a missing part's place is quoted (findtrust2).
// 16: DOC-YEAR-CONSISTENT: a report name running on to 通知/意见/方案/办法/函 is a cited document (holdout4).
// 17: TXT-T3-COUNT reads more of what reports say (收到…各类…申请共计N件, 申请N条, 结转至2026年, 顺延到下年度, 答复N件)
//     and no longer fires when 收到/受理 equals 本年新收 + 上年结转; TXT-T2-COUNT reads an item of a list of documents
//     (公开规章13件，行政规范性文件60件), and 清理 (reviewing documents) is no longer 废止; the count readers skip a
//     whole county's or another body's count in a township or department report, counts of other requests (办事申请,
//     诉求, 工单), totals that 其中 narrows to information, subjects that qualify another noun (应诉培训2次, 整改问题3个),
//     days (20个工作日内予以答复) and counts over other periods (近三年, 平均每月) (sentences).
// 18: on scans a 落款 date years from the report's is a reading doubt; a department or region standing apart from
//     the title or as the 落款 is the body (DOC-WRONG-ENTITY, DOC-DEADLINE, DOC-YEAR-CONSISTENT) (ocr99).
// 19: TXT-SUM counts a last part written without its unit (不予公开信息数79。) when it completes the total, and
//     a breakdown that goes on past semicolons (其中:A1条，B1条；C共5条；…) when it adds up exactly (holdout5).
// 20: TXT-T3-COUNT reads 依申请 without 公开 as information requests (办结依申请2件 = 总计) (holdout5).
// 21: SEC1-ASPECTS takes 向社会公开/公布 for active disclosure (ptgaj2021: 凡属应当公开的信息，均依法及时向社会公开) (holdout5).
// 22: a covering letter's title (XX局关于报送2020年度…年度报告的函) names the body and year, DOC-TITLE says it is the
//     letter's title; '要求，现公布2019年度…报告' is a sentence, no title; '。一总体情况' (no 、) is section 一; TXT-SUM reads
//     breakdowns whose part names hold 等方面 / 公共 / 办理行政许可 (条例第二十条 categories) to their end (holdout6).
// 23: a long 表三 row name with a word added early (2.其他法律和行政法规禁止公开) glued between its neighbours is the row,
//     no TBL-PRESENT (holdout6).
// 24: a template title under another ordinal (六、存在的主要问题和改进情况), a retitled 一/五 (一、年度工作核心成效,
//     五、当前存在的突出问题) and 其他…事项 under any ordinal (七、其他需说明事项) are their sections; a title whose
//     last word is rewritten (改进措施) is reworded, not truncated; DOC-DECLARED-PARTS counts a part the preface
//     names and the text numbers that the template lacks (五、信息处理费收取情况) (holdout7).
// 25: DOC-DECLARED-PARTS counts a part standing in its place under other words as present and the parts the text
//     numbers 一、…七、 in order (君山 2025: seven parts written, six declared; no false 缺第一部分).
// 26: DOC-DECLARED-PARTS does not count a template part's own heading as an extra part when its title span starts
//     before the ordinal (markdown '## 四、…'); an amount (…元) in a count column of 表二 is read uncertain, with
//     the row's empty or repeated fields (a cell spanning its neighbour), not as a count.
// 27: a minus sign opening its own space-separated run is the sign of the number after it ('行政处罚 2648 -18 538'),
//     not a blank mark and a second number.
// 28: DOC-WRONG-ENTITY holds a unit the roster names (平潭's 片区管理局); XDOC-IDENTICAL-TABLE compares tables of one
//     report year only (a mixed folder set 苏平 2021 beside 君山 2025).
// 29: a cross-year identity that another report's unread cell leaves unverifiable is a parse problem, not a warning
//     (平潭 2020 was warned '按 0 计时不成立：2648≠0' over cells of 2019 the app could not read).
const CHECKS_REVISION = 29

/** Report rules that read the batch settings: run at every check. */
export const SETTINGS_RULES = REPORT_RULES.filter((r) => r.usesSettings)
/** Report rules that depend on the report alone: run once per version. */
export const FIXED_RULES = REPORT_RULES.filter((r) => !r.usesSettings)

/** Stamp of stored per-version results: app version, revision and the rule list with what shapes results. */
export const RULESET = createHash('sha256')
  .update(JSON.stringify([pkg.version, CHECKS_REVISION, REPORT_RULES.map((r) => [r.id, r.severity, r.formats, r.usesSettings ?? false])]))
  .digest('hex')
  .slice(0, 16)
