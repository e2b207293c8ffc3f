import { NUM, readNumber } from '../lib/cnnum.ts'
import { matchAll, quote } from '../lib/narrative.ts'
import { sentenceRanges } from '../lib/statements.ts'
import { cellEvidence, textEvidence, usable } from '../evidence.ts'
import { fromFindings, na, type Evidence, type Finding, type ReportRule } from '../types.ts'

const GAP = '[^。；;，,\\n]'
const FEE = '(?:信息处理费|处理费)'
const NONE = [
  new RegExp(`(?:未|没有|无|均未|暂未|不)(?:产生|收取|收费|发出|开具|发生|涉及)${GAP}{0,10}?(?:${FEE}|费用|收费通知)`),
  new RegExp(`${FEE}${GAP}{0,6}?(?:为|是)?\\s*(?<![\\d.])(?:0|零)\\s*(?:元|万元)?(?![\\d.])`)
]
/**
 * 'Nothing collected' (未收取信息处理费, 信息处理费0元): a notice the applicant left unpaid collects nothing either,
 * so 表三（六）2 does not contradict it (that the notices go unreported is T3-FEE-NOTICE's). Only a text that
 * says no fee was charged or no notice sent (未发出收费通知, 未产生信息处理费, 不收取) is contradicted by the row.
 */
const ONLY_NOT_COLLECTED = /^(?:未|没有|无|均未|暂未)(?:收取)|^(?:信息)?处理费/
const COLLECTED = [
  new RegExp(`(?:收取|收缴|收到|实收)${GAP}{0,10}?${FEE}${GAP}{0,6}?(${NUM})\\s*(元|万元)`),
  new RegExp(`${FEE}${GAP}{0,10}?(${NUM})\\s*(元|万元)`)
]
const NOTICES = [
  new RegExp(`(?:发出|开具|送达|下发)${GAP}{0,8}?收费通知${GAP}{0,6}?(${NUM})\\s*(?:件|份|次)`),
  new RegExp(`(?:发出|开具|送达|下发)了?\\s*(${NUM})\\s*(?:件|份)${GAP}{0,6}?收费通知`)
]

// 信息处理费（国办函〔2020〕109号）：正文说收了费、发了收费通知，表三或其他表述却说没有，或者反过来。
const rule: ReportRule = {
  id: 'TXT-FEE',
  family: 'text',
  severity: 'warning',
  title: '正文所述信息处理费与表三、其他表述一致',
  source: '国办函〔2020〕109号《政府信息公开信息处理费管理办法》；国办公开办函〔2021〕30号 表三（六）2 与 格式说明（六）[R]',
  confidence: 'T',
  formats: ['2021'],
  check(ctx) {
    if (ctx.format !== '2021' || (ctx.year !== undefined && ctx.year < 2021)) return na('信息处理费自2021年1月1日起收取')
    // Sentences only: table rows and header cells are never read as statements.
    const ranges = sentenceRanges(ctx)
    const none = NONE.flatMap((re) => matchAll(ctx, re, ranges))
    const some: { start: number; end: number; value: number; what: string }[] = []
    for (const re of COLLECTED) {
      for (const { start, end, m } of matchAll(ctx, re, ranges)) {
        const v = readNumber(m[1] as string)
        if (v && v > 0 && !some.some((s) => start < s.end && end > s.start)) some.push({ start, end, value: v, what: `收取信息处理费${v}${m[2]}` })
      }
    }
    for (const re of NOTICES) {
      for (const { start, end, m } of matchAll(ctx, re, ranges)) {
        const v = readNumber(m[1] as string)
        if (v && v > 0 && !some.some((s) => start < s.end && end > s.start)) some.push({ start, end, value: v, what: `发出收费通知${v}件` })
      }
    }
    const unpaid = ctx.cell('T3', 'r6_2_fee_unpaid', 'total')
    if (!none.length && !some.length) return na(usable(unpaid) && unpaid.value > 0 ? '正文未说明信息处理费（表三（六）2 见 T3-FEE-NOTICE）' : '正文未写信息处理费情况')
    const findings: Finding[] = []
    let unverifiable = ''
    const noneEv = (): Evidence[] => none.slice(0, 2).map((n) => textEvidence(ctx, n.start, n.end, '正文：未收费'))
    if (none.length && some.length) {
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'fee.text',
        evidence: [...noneEv(), ...some.slice(0, 2).map((s) => textEvidence(ctx, s.start, s.end, `正文：${s.what}`))],
        message: `正文既称“${quote(ctx, none[0]!.start, none[0]!.end)}”，又称“${quote(ctx, some[0]!.start, some[0]!.end)}”，信息处理费表述前后矛盾。`
      })
    }
    const denied = none.filter((n) => !ONLY_NOT_COLLECTED.test(ctx.report.norm.slice(n.start, n.end)))
    if (denied.length && unpaid) {
      if (!usable(unpaid)) {
        // A blank or unreadable cell is TBL-BLANK's or the reader's to report, not a finding of this rule.
        unverifiable = '表三“（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用”总计空白或无法确定，无法与正文“未收费”表述核对'
      } else if (unpaid.value > 0) {
        findings.push({
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'fee.T3',
          evidence: [...denied.slice(0, 2).map((n) => textEvidence(ctx, n.start, n.end, '正文：未收费')), cellEvidence(unpaid)],
          message: `正文称“${quote(ctx, denied[0]!.start, denied[0]!.end)}”，但表三“申请人逾期未按收费通知要求缴纳费用”为${unpaid.value}件，说明发出过收费通知，请核对。`
        })
      }
    }
    if (some.length) {
      const nr = ctx.cell('T3', 'new_received', 'total')
      const co = ctx.cell('T3', 'carried_over', 'total')
      if (usable(nr) && usable(co) && nr.value + co.value === 0) {
        findings.push({
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'fee.applications',
          evidence: [...some.slice(0, 2).map((s) => textEvidence(ctx, s.start, s.end, `正文：${s.what}`)), cellEvidence(nr), cellEvidence(co)],
          message: `正文称“${quote(ctx, some[0]!.start, some[0]!.end)}”，但表三本年新收和上年结转申请均为0，没有申请就不应收取信息处理费，请核对。`
        })
      }
    }
    const res = fromFindings(findings)
    if (unverifiable) {
      if (res.outcome === 'PASS') res.outcome = 'UNVERIFIABLE'
      res.note = unverifiable
    }
    return res
  }
}

export default rule
