import { textEvidence } from '../evidence.ts'
import { matchJoined } from '../lib/joined.ts'
import { matchAll, narrativeRanges, preface, quote, sectionBody, STAT_PERIOD } from '../lib/narrative.ts'
import { fromFindings, na, type Evidence, type Finding, type ReportRule } from '../types.ts'

/** What follows a report name inside another document's title: its words, then 通知/意见/方案/办法/函 (one clause). */
const NAMES_A_NOTICE = /^[^》，。；,;\n]{0,24}?(?:通知|意见|方案|办法|函)/

// 年度报告报告的是上一年度的情况（条例第四十九条）：标题年度、统计期限、正文“本年”数据和落款日期须对得上。
const rule: ReportRule = {
  id: 'DOC-YEAR-CONSISTENT',
  family: 'document',
  severity: 'error',
  title: '报告年度前后一致（标题、统计期限、正文、落款）',
  source: '条例第四十九条：每年1月31日前公布本行政机关上一年度政府信息公开工作年度报告',
  confidence: 'V',
  formats: ['2021', '2019'],
  check(ctx) {
    const year = ctx.year
    if (year === undefined) return na('未能从标题读出报告年度（见 DOC-TITLE）')
    const ys = ctx.report.yearSpan
    const yearEv: Evidence[] = ys ? [textEvidence(ctx, ys.start, ys.end, `标题年度 ${year}`)] : []
    const findings: Finding[] = []
    const add = (loc: string, message: string, start: number, end: number, note: string): void => {
      findings.push({ rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc, message, evidence: [...yearEv, textEvidence(ctx, start, end, note)] })
    }

    // (1) 统计期限 sentence, also when a PDF or web copy wrapped it over lines.
    for (const { start, end, m } of matchJoined(ctx, STAT_PERIOD, narrativeRanges(ctx))) {
      const ys2 = [m[2], m[3]].filter((x): x is string => !!x).map(Number)
      const bad = ys2.find((y) => y !== year)
      if (bad !== undefined) {
        add('year.period', `标题为${year}年度，但统计期限写的是${bad}年（“${quote(ctx, start, end, 50)}”）。`, start, end, '统计期限')
        break
      }
    }

    // (2) 落款日期应在报告年度的次年。
    const sd = ctx.report.signDate
    if (sd) {
      const sy = Number(sd.iso.slice(0, 4))
      if (sy !== year + 1) {
        add('year.signDate', `标题为${year}年度，落款日期 ${sd.iso} 不在次年（${year + 1}年）：年报应在次年发布上一年度的情况。`, sd.span.start, sd.span.end, '落款日期')
      }
    }

    // (3) 前言中提到的本报告名称（“现发布《××2023年政府信息公开工作年度报告》”）。
    const pre = preface(ctx)
    if (pre) {
      for (const { start, end, m } of matchAll(ctx, /((?:19|20)\d{2})\s*年度?\s*政府信息公开工作年度报告/, [pre])) {
        // '《…关于编制公布2021年政府信息公开工作年度报告有关事项的通知》' names the notice the report follows
        // (often last year's, cited again), not this report: the name goes on to a notice, opinion or letter.
        if (NAMES_A_NOTICE.test(ctx.text.slice(end, end + 30))) continue
        if (Number(m[1]) !== year) {
          add('year.name', `标题为${year}年度，前言中的报告名称却是${m[1]}年（“${quote(ctx, start, end)}”）。`, start, end, '前言中的报告名称')
          break
        }
      }
    }

    // (4) 第一部分叙述的年份：一次也未提到标题年度、却反复提到另一年度时，说明标题或正文年份写错。
    const s1 = sectionBody(ctx, 'S1')
    if (s1) {
      const counts = new Map<number, { n: number; start: number; end: number }>()
      for (const { start, end, m } of matchAll(ctx, /(?<![[\d])((?:19|20)\d{2})\s*年(?!\d)/, narrativeRanges(ctx, s1.start, s1.end))) {
        const y = Number(m[1])
        const c = counts.get(y)
        if (c) c.n++
        else counts.set(y, { n: 1, start, end })
      }
      if (!counts.has(year)) {
        const other = [...counts.entries()].filter(([, c]) => c.n >= 3).sort((a, b) => b[1].n - a[1].n)[0]
        if (other) {
          const [y, c] = other
          add('year.body', `标题为${year}年度，第一部分“总体情况”却${c.n}次写“${y}年”、从未提到${year}年，请核对报告年度。`, c.start, c.end, `正文年份 ${y}`)
        }
      }
    }
    return fromFindings(findings)
  }
}

export default rule
