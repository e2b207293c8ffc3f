import { t3Columns } from '../../template.ts'
import { cellEvidence, sentenceAround, textEvidence, usable } from '../evidence.ts'
import { sentencesIn } from '../lib/statements.ts'
import { fromFindings, na, pass, type Evidence, type ReportRule } from '../types.ts'

const CN: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

function cnCount(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s)
  if (s in CN) return CN[s] as number
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s)
  if (m) return (m[1] ? (CN[m[1]] as number) : 1) * 10 + (m[2] ? (CN[m[2]] as number) : 0)
  return null
}

function clauseCounts(clause: string): number[] {
  const out: number[] = []
  if (/(未|没有|无|不存在|均未|暂无)[^。；;，,]{0,10}收费通知/.test(clause) || /收费通知[^。；;]{0,6}(为|共)?\s*(0|零)\s*(件|份|次|个|张)/.test(clause)) out.push(0)
  const re = /(\d+|[零〇一两二三四五六七八九十]{1,3})\s*(件|份|次|个|张)/g
  for (let m = re.exec(clause); m; m = re.exec(clause)) {
    const n = cnCount(m[1] as string)
    if (n !== null) out.push(n)
  }
  return out
}

/**
 * Counts of 收费通知 stated in a sentence: '发出收费通知3件', '收费通知书两份', '未发出收费通知' (= 0).
 * Only the clause naming the notice counts (or the next clause when it holds the number).
 */
function noticeCounts(sentence: string): number[] {
  const clauses = sentence.split(/[，,；;]/)
  const out: number[] = []
  clauses.forEach((c, i) => {
    if (!c.includes('收费通知')) return
    let n = clauseCounts(c)
    if (!n.length && clauses[i + 1] !== undefined) n = clauseCounts(clauses[i + 1] as string)
    out.push(...n)
  })
  return out
}

// T3 （六）2 counts applications dropped because the applicant did not pay after a 收费通知; such
// notices must then be reported in section 六 (信息处理费 statement), with at least as many notices.
const rule: ReportRule = {
  id: 'T3-FEE-NOTICE',
  family: 'arithmetic',
  severity: 'warning',
  title: '表三“逾期未缴费”不为 0 时，第六部分应报告收费通知',
  source: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；国办公开办函〔2021〕30号 第（六）部分应报告信息处理费收取情况 [R]',
  confidence: 'R',
  formats: ['2021'],
  check(ctx) {
    const cells = t3Columns(ctx.format).map((c) => ctx.cell('T3', 'r6_2_fee_unpaid', c.id))
    const present = cells.filter((c) => c && c.status !== 'missing')
    if (!present.length) return na('表三未找到“（六）其他处理 2.逾期未缴费”行')
    const known = present.filter(usable)
    const max = Math.max(0, ...known.map((c) => c.value))
    const evidence: Evidence[] = present.map((c) => cellEvidence(c!))
    const totalCell = ctx.cell('T3', 'r6_2_fee_unpaid', 'total')
    if (max === 0) {
      // A 总计 of 0 already says no column has one (counts are never negative): blank applicant columns
      // (a department that fills only 自然人 and 总计) leave nothing to judge.
      const noneInTotal = usable(totalCell) && totalCell.value === 0
      if (known.length < present.length && !noneInTotal) {
        return fromFindings([
          {
            rule: rule.id, severity: rule.severity, outcome: 'UNVERIFIABLE', loc: 'T3.r6_2_fee_unpaid', evidence,
            message: '表三“2.申请人逾期未按收费通知要求缴纳费用”行有空白或无法读取的单元格，无法判断是否发出过收费通知。'
          }
        ])
      }
      return pass()
    }
    const need = usable(totalCell) ? Math.max(totalCell.value, max) : max
    const s6 = ctx.section('S6')
    if (!s6) {
      return fromFindings([
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'T3.r6_2_fee_unpaid', evidence,
          message: `表三“逾期未缴费不再处理”为 ${need} 件，说明发出过收费通知，但报告中未找到“六、其他需要报告的事项”，无法核对收费通知情况。`
        }
      ])
    }
    // Sentences with their wrapped lines joined (发出收费通 / 知3件 in a PDF); offsets in the report.
    const mentions: { start: number; end: number; counts: number[] }[] = []
    for (const sen of sentencesIn(ctx, s6.start, s6.end)) {
      if (sen.joined.includes('收费通知')) mentions.push({ start: sen.start, end: sen.end, counts: noticeCounts(sen.joined) })
    }
    // Lines the sentence reader leaves out (label-like lines) are still read one by one.
    for (let i = s6.norm.indexOf('收费通知'); i >= 0; i = s6.norm.indexOf('收费通知', i + 4)) {
      const sp = sentenceAround(s6.norm, i, i + 4)
      const at = { start: s6.start + sp.start, end: s6.start + sp.end }
      if (mentions.some((m) => m.start < at.end && m.end > at.start)) continue
      mentions.push({ ...at, counts: noticeCounts(s6.norm.slice(sp.start, sp.end)) })
    }
    for (const m of mentions) evidence.push(textEvidence(ctx, m.start, m.end, '第六部分关于收费通知的表述'))
    const stated = mentions.flatMap((m) => m.counts)
    const best = stated.length ? Math.max(...stated) : null
    if (best !== null && best >= need) return pass(`第六部分报告收费通知 ${best} 件`)
    const message = !mentions.length
      ? `表三“2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”为 ${need} 件，说明本年发出过收费通知，但“六、其他需要报告的事项”未报告收费通知情况，请补充发出收费通知的件数和金额。`
      : best === null
        ? `表三“逾期未缴费不再处理”为 ${need} 件，“六、其他需要报告的事项”提到收费通知但未写明件数，请补充。`
        : `表三“逾期未缴费不再处理”为 ${need} 件，而“六、其他需要报告的事项”所报收费通知为 ${best} 件，少于不再处理的件数，请核对。`
    return fromFindings([{ rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'T3.r6_2_fee_unpaid', evidence, message }])
  }
}

export default rule
