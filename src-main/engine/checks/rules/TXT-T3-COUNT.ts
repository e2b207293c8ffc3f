import { cellState, quote } from '../lib/narrative.ts'
import { extract, type Clause, type TopicSpec } from '../lib/statements.ts'
import { cellEvidence, textEvidence, usable } from '../evidence.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

type Row = 'new_received' | 'carried_over' | 'r7_total' | 'carried_forward'
const ROW_NAME: Record<Row, string> = {
  new_received: '一、本年新收政府信息公开申请数量',
  carried_over: '二、上年结转政府信息公开申请数量',
  r7_total: '（七）总计',
  carried_forward: '四、结转下年度继续办理'
}
const UNITS = '件宗份个'
/** Between a subject and its number these make the number a part (其中自然人741件) or a comparison. */
// A list ('申请、咨询、投诉12件') or another kind of request named there makes the number a total across kinds.
// A number after an opening quote names something ('“三个一”工作机制', '“一件事”').
const PART = /其中|自然人|法人|组织|企业|机构|律师|占|同比|较|比上年|增长|下降|减少|增加|增多|办结|答复|结转|、|咨询|投诉|举报|留言|[“"「『]/
/** Applications are not the topic of a clause about appeals. */
const APPEALS = /复议|诉讼|起诉/
const APPLY = '(?<!被)申请(?!人|行政复议|复议|诉讼|公开的|公开内容)'
/** 收到申请公开政府信息的要求6件: the request named after 申请. */
const REQUEST = '(?:公开政府信息的(?:要求|请求))?'
const APPLY_RE = new RegExp(APPLY)

/** 申请 (the noun) somewhere in the sentence before the clause, or in the clause itself. */
const mentionsApplication = (c: Clause): boolean => {
  const upto = c.sentence.text.slice(0, c.end - c.sentence.start)
  return APPLY_RE.test(upto) && !APPEALS.test(c.text)
}

/**
 * What may stand between 上年结转/结转下年度/办结 and its count: any other word makes them modifiers of
 * something else ('上年结转的整改问题3个', '全部办结整改事项5个').
 */
const BETWEEN = /^(?:\s|申请|件数|数量|总数|数|共计|共|合计|总计|累计|为|是|有|的|了|均|各|达|分别|：|:)*$/

/**
 * A statement that names information applications (政府信息公开申请, 依申请公开, 公开政府信息) counts them; 信息 or
 * 公开 alone do not ('信息变更申请', '公开招聘报名申请').
 */
const INFO = /信息公开|依申请(?!人)|公开政府信息|政府信息|公开申请/
/**
 * Requests a government handles that are not requests for information: a count of them ('便民服务中心受理办事申请
 * 560件', '12345热线工单已办结56件', '办结群众诉求20件', '收到低保申请35件') is no count of table 三.
 */
const OTHER_KIND = /便民|政务服务|办事|审批|许可|热线|12345|工单|诉求|信访|来信|来访|低保|救助|补贴|问政|留言|投诉|举报|证照|业务/
/** The words between a verb and 申请 that say who applied or how, not what kind of application it is. */
const NEUTRAL = /各类|群众|公民|申请人|通过|提交|提出|递交|书面|网上|网络|当面|信函|邮寄|方式|共计|共|依法|的|了|和|及|、|\s/g
/** 收到低保申请: the words between the verb and 申请 name another kind of application. */
const KIND_BEFORE = /(?:新收|收到|接到|接收|受理|办结|答复|回复|结转)([^\d申]{1,24})申请/
/** 受理各类申请20件，其中政府信息公开申请2件: the count is of more than information applications. */
const BROADER = /其中[^。；;]{0,16}?(?:信息公开|依申请公开|政府信息)/

/**
 * Whether the statement between clause offsets start and end counts this body's information applications: it
 * names information, or it names no other kind of request (in its words or earlier in the sentence) and is
 * not a total that a later 其中 narrows to information applications.
 */
function informationApplications(c: Clause, start: number, end: number): boolean {
  const said = c.text.slice(start, end)
  // A negation ends at its subject's 申请: '未收到依申请' + '公开政府信息申请'.
  if (INFO.test(c.text.slice(start, end + 4))) return true
  if (BROADER.test(c.sentence.text.slice(c.off + end))) return false
  if (OTHER_KIND.test(c.sentence.text.slice(0, c.off + end))) return false
  const kind = KIND_BEFORE.exec(said)
  return !kind || (kind[1] as string).replace(NEUTRAL, '') === ''
}

/** The counts of table 三's first, second, total and last row as a report words them. */
export const T3_TOPICS: TopicSpec[] = [
  {
    id: 'new_received',
    // The gap holds who applied and how ('群众通过邮寄、网络提交的各类'); 条 counts applications only here,
    // right after 申请 (收到政府信息公开申请3条), never after a bare verb.
    anchors: [new RegExp(`(?:新收|收到|接到|接收|受理)了?[^，。；;,“”\\d]{0,24}?${APPLY}${REQUEST}(?:事项|件数|数量|数)?(?:共计|共|合计|总计|为|是)?`)],
    units: `${UNITS}条`, gap: 6, before: 0, partWords: PART, zeroable: true, rejectClause: APPEALS, accept: informationApplications
  },
  // 收到3件政府信息公开申请 / 依申请公开方面，共受理749件: the verb alone, with 申请 in the same sentence.
  {
    id: 'new_received_verb', as: 'new_received',
    anchors: [/(?:新收|收到|接到|接收|受理)了?(?:各类|群众|公民)?(?:共计|共|合计|总计)?/],
    units: UNITS, gap: 2, partWords: PART, rejectClause: APPEALS,
    accept: (c, s, e) => mentionsApplication(c) && informationApplications(c, s, e)
  },
  {
    id: 'carried_over',
    anchors: [/(?:上年|上一年度?|去年|前一年)度?(?:结转|遗留)(?:至本年度?|到本年度?|下来的|的)?(?:政府信息公开|依申请公开)?(?:申请)?(?:数量|件数)?(?:共计|共|为)?/],
    units: UNITS, gap: 6, between: BETWEEN, zeroable: true, accept: informationApplications
  },
  {
    id: 'carried_forward',
    // 结转至2026年 names the next year by number (otherYear drops it unless it is the report year + 1);
    // 转下一年度办理 says the same without 结.
    // 另有103件顺延到下年度答复: moved on to next year by the legal time limit, the same row.
    anchors: [
      /(?:结转|(?<![移流])转入?)(?:至|到)?\s*(?:下一?年度?|次年|明年|(?:19|20)\d{2}\s*年度?)(?:继续办理|办理)?(?:答复)?(?:的)?(?:申请)?(?:共计|共|为|的有|有)?/,
      /顺延(?:至|到)(?:下一?年度?|次年)(?:答复|办理)?/
    ],
    units: UNITS, gap: 6, before: 8, between: BETWEEN, zeroable: true, accept: informationApplications
  },
  {
    id: 'r7_total',
    // A bare 办结 counts applications only in a sentence about them ('共收到70件申请，办结69件').
    // '2件均已及时答复': the number before, an adverb between 已 and the verb.
    anchors: [/(?:已全部办结|全部办结|已(?:及时|依法|按时)?办结|办结|办理完毕|予以答复|作出答复|已(?:及时|依法|按时)?答复)(?:了)?(?:(?:政府)?信息公开申请|依申请(?:公开)?(?:事项|申请)?|申请)?(?:共计|共|为)?/],
    units: UNITS, gap: 6, before: 6, partWords: /其中|占|同比|较/, between: BETWEEN,
    accept: (c, s, e) => (INFO.test(c.text.slice(s, e)) || mentionsApplication(c)) && informationApplications(c, s, e)
  },
  // 答复政府信息公开申请805件 / 共受理…3119件，答复 3050件 / 受理…0件，回复处理0件: answered in all, the 总计 of
  // the outcomes. A bare 答复 counts only at the head of its clause in a sentence about applications (公开答复 9 件
  // is one outcome).
  {
    id: 'r7_answered', as: 'r7_total',
    anchors: [/(?:答复|回复)了?(?:(?:政府)?信息公开申请|依申请公开(?:事项|申请)?)(?:共计|共|为)?/, /^\s*(?:共|依法)?(?:答复|回复)(?:处理)?(?:共计|共)?/],
    units: UNITS, gap: 2, partWords: /其中|占|同比|较/, rejectClause: APPEALS,
    accept: (c, s, e) => mentionsApplication(c) && informationApplications(c, s, e)
  },
  // 办理依申请公开4件: a number with 申请 that does not say whether it was received, answered or carried.
  {
    id: 'mention', mentionOnly: true, unclearWhy: '未说明是新收、办结还是结转',
    anchors: [new RegExp(`依申请公开|信息公开申请|${APPLY}`)], units: UNITS, rejectClause: APPEALS, accept: informationApplications
  }
]

// 正文所写申请件数应与表三“总计”列一致（文字与表格一致是评估的通用指标）。
const rule: ReportRule = {
  id: 'TXT-T3-COUNT',
  family: 'text',
  severity: 'error',
  title: '正文所述申请件数与表三一致',
  source: '国办公开办函〔2021〕30号 表三（收到和处理政府信息公开申请情况）；年报“数据精确”要求（文字与表格数据一致）',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const ex = extract(ctx, T3_TOPICS)
    const notes: string[] = ex.otherYears.map((o) => `“${quote(ctx, o.start, o.end)}”${o.why}，不作比较`)
    const unclear = ex.unclear.map((u) => `“${quote(ctx, u.start, u.end)}”${u.why}`)
    const stmts = ex.stmts.map((s) => ({ ...s, row: s.topic as Row }))
    if (!stmts.length) {
      if (unclear.length) return { outcome: 'UNVERIFIABLE', findings: [], note: [...notes, ...unclear].join('；') }
      return { outcome: 'N/A', findings: [], note: notes.length ? notes.join('；') : '正文未明确写出申请件数' }
    }
    notes.push(...unclear)
    const cell = (row: Row) => ctx.cell('T3', row, 'total')
    const findings: Finding[] = []
    const unverifiable: string[] = []
    for (const row of Object.keys(ROW_NAME) as Row[]) {
      const said = stmts.filter((s) => s.row === row)
      if (!said.length) continue
      const c = cell(row)
      if (!usable(c)) {
        const s = said[0]!
        // The table cell cannot be read or is blank (TBL-BLANK says so): not a finding of this rule.
        unverifiable.push(`正文写“${quote(ctx, s.start, s.end)}”，但表三“${ROW_NAME[row]}”总计${cellState(c)}，无法核对`)
        continue
      }
      const bad = said.filter((s) => s.value !== c.value)
      const explained: typeof bad = []
      if (row === 'new_received') {
        // 收到75件 / 受理749件 against 本年新收 74 + 上年结转 1: the report counts every application it handled
        // this year, the carried-over ones too; both figures hold, so there is nothing to ask. Only 新收 (new this
        // year, the row's own word) excludes the carry-over.
        const co = cell('carried_over')
        for (const s of bad) {
          if (!/新收/.test(s.said) && usable(co) && co.value > 0 && s.value === c.value + co.value) {
            explained.push(s)
            notes.push(`“${quote(ctx, s.start, s.end)}”含上年结转（本年新收${c.value}+上年结转${co.value}），与表三一致`)
          }
        }
      }
      const real = bad.filter((s) => !explained.includes(s))
      if (!real.length) continue
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `T3.${row}`,
        evidence: [...real.map((s) => textEvidence(ctx, s.start, s.end, `正文：${s.value}件`)), cellEvidence(c)],
        message: `正文写“${real.map((s) => quote(ctx, s.start, s.end)).join('”“')}”（${real.map((s) => s.value).join('、')}件），表三“${ROW_NAME[row]}”总计为${c.value}，不一致。`
      })
    }
    const res = fromFindings(findings)
    if (res.outcome === 'PASS' && unverifiable.length) res.outcome = 'UNVERIFIABLE'
    notes.unshift(...unverifiable)
    if (notes.length) res.note = notes.join('；')
    return res
  }
}

export default rule
