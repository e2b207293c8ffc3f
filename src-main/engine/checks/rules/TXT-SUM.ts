import { NUM, readNumber } from '../lib/cnnum.ts'
import { narrativeRanges, quote } from '../lib/narrative.ts'
import { textEvidence } from '../evidence.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

/** Units that count the same kind of thing: published items (条/篇/则) or cases (件). */
const CLASS: Record<string, string> = { 条: 'item', 篇: 'item', 则: 'item', 件: 'case', 个: '个', 次: '次', 期: '期', 份: '份', 项: '项', 场: '场' }
const NUM_UNIT = new RegExp(`(各)?\\s*(${NUM})\\s*(条|篇|则|件|个|次|期|份|项|场)`, 'g')

interface Part {
  value: number
  unit: string
  start: number
  end: number
  each: boolean
}

function numbers(norm: string, from: number, to: number): Part[] {
  const out: Part[] = []
  const s = norm.slice(from, to)
  NUM_UNIT.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = NUM_UNIT.exec(s))) {
    const v = readNumber(m[2] as string)
    if (v === null) continue
    out.push({ value: v, unit: m[3] as string, start: from + m.index, end: from + m.index + m[0].length, each: !!m[1] })
  }
  return out
}

// “共X条，其中a条、b条……”：分项之和应等于总数（仅当各分项与总数单位相同）。
const rule: ReportRule = {
  id: 'TXT-SUM',
  family: 'text',
  severity: 'warning',
  title: '正文“共×，其中……”分项之和等于总数',
  source: '年报“数据精确、文字严谨”要求（正文数字前后一致）',
  confidence: '-',
  formats: ['2021', '2019'],
  check(ctx) {
    const norm = ctx.report.norm
    const findings: Finding[] = []
    const notes: string[] = []
    let checked = 0
    const perSection = new Map<string, number>()
    const sectionOf = (pos: number): string =>
      ctx.report.sections.filter((s) => s.found && s.titleSpan && s.titleSpan.start <= pos).pop()?.id ?? 'S0'
    for (const r of narrativeRanges(ctx)) {
      // Sentences: up to 。 or a line break.
      const re = /[^。\n]+/g
      const text = norm.slice(r.start, r.end)
      let sm: RegExpExecArray | null
      while ((sm = re.exec(text))) {
        const ss = r.start + sm.index
        const se = ss + sm[0].length
        const sen = sm[0]
        const qi = sen.search(/其中(?![标奖签选])/)
        let total: Part | undefined
        let parts: Part[]
        let strict: boolean
        if (qi >= 0) {
          total = numbers(norm, ss, ss + qi).pop()
          parts = numbers(norm, ss + qi + 2, se)
          strict = true
        } else {
          const gm = new RegExp(`(?:共计|共|合计|累计|总计)[^，,；;、]{0,12}?(${NUM})\\s*(条|篇|则|件|个|次|期|份|项|场)`).exec(sen)
          if (!gm) continue
          total = numbers(norm, ss + gm.index, ss + gm.index + gm[0].length).pop()
          parts = total ? numbers(norm, total.end, se) : []
          strict = false
        }
        if (!total || !parts.length || total.each) continue
        if (parts.some((p) => CLASS[p.unit] !== CLASS[total!.unit])) {
          notes.push(`“${quote(ctx, ss, se, 30)}”分项单位不同，不作加总`)
          continue
        }
        // 各N条 after a list of names counts once per name (通知、公告各5条 = 10).
        let sum = 0
        let prevEnd = qi >= 0 ? ss + qi + 2 : total.end
        for (const p of parts) {
          let k = 1
          if (p.each) {
            const names = norm.slice(prevEnd, p.start).replace(/^[，,；;、\s]+/, '').split(/[、和及与]/).filter((x) => x.trim())
            k = Math.max(1, names.length)
            notes.push(`“${quote(ctx, prevEnd, p.end, 20)}”按${k}项×${p.value}计`)
          }
          sum += k * p.value
          prevEnd = p.end
        }
        checked++
        const sec = sectionOf(ss)
        const n = (perSection.get(sec) ?? 0) + 1
        perSection.set(sec, n)
        if (sum === total.value) continue
        if (!strict || parts.length < 2) {
          notes.push(`“${quote(ctx, ss, se, 30)}”：分项${sum}≠总数${total.value}，但${strict ? '只有一个分项' : '未写“其中”'}，不判为错误`)
          continue
        }
        findings.push({
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `${sec}.sum${n}`,
          evidence: [textEvidence(ctx, ss, se, '正文'), textEvidence(ctx, total.start, total.end, `总数 ${total.value}`)],
          message: `“${quote(ctx, ss, se, 40)}”：分项${parts.map((p) => p.value).join('+')}=${sum}，与总数${total.value}${total.unit}不符。`
        })
      }
    }
    if (!checked) return { outcome: 'N/A', findings: [], note: notes.length ? notes.join('；') : '正文没有“共×，其中……”的分项数字' }
    const res = fromFindings(findings)
    if (notes.length) res.note = notes.join('；')
    return res
  }
}

export default rule
