import { numberTokens, type NumToken } from '../lib/cnnum.ts'
import { quote } from '../lib/narrative.ts'
import { clauseAt, clauseEnd, clauses, sentences, type Clause } from '../lib/statements.ts'
import { textEvidence } from '../evidence.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

/** Units that count the same kind of thing: published items (条/篇/则) or cases (件). */
const CLASS: Record<string, string> = { 条: 'item', 篇: 'item', 则: 'item', 件: 'case', 个: '个', 次: '次', 期: '期', 份: '份', 项: '项', 场: '场' }
const UNITS = Object.keys(CLASS).join('')
/** 其中 that opens a breakdown (not 其中标, 其中奖 …). */
const QIZHONG = /其中(?![标奖签选])/
/**
 * A breakdown that names only some parts: its sum need not reach the total. '促进就业等方面的政策…' is a part's
 * name (a category of 条例第二十条), not an 'and so on' of the breakdown.
 */
const PARTIAL = /^[:：]?(?:包括|包含|主要(?:有|是|包括|为)?|重点|涉及|如|有)|等(?!方面|领域)|部分|主要|以及其他|若干/
/**
 * A clause that starts another statement ends the breakdown (共办理718件 after 其中…). Not the 共 of 公共 nor the
 * 办理 of a 条例第二十条 category ('突发公共事件的应急预案…1条', '办理行政许可和其他对外管理服务事项的依据…3条').
 */
const NEW_STATEMENT = /(?<!公)共|合计|总计|累计|另有|另外|此外|同时|结转|办结|办理(?!行政许可)|答复|占|同比|较上年|比上年|增长|下降/
/** The total: the clause before 其中 says how many in all. */
const TOTAL_WORD = /共|合计|总计|累计|全年|全部|各类|发布|公开|收到|受理|新收/

interface Part extends NumToken {
  /** Offsets in the report text. */
  at: number
  to: number
}

const tokens = (c: Clause, from = 0): Part[] =>
  numberTokens(c.text.slice(from), UNITS).map((t) => ({ ...t, start: t.start + from, end: t.end + from, at: clauseAt(c, from + t.start), to: clauseEnd(c, from + t.end) }))

/**
 * Numbers in brackets right after a part break that part down ('预决算公开197条（政府预决算32条、部门预决算公开165条）'):
 * they are not further parts of the total. A bracket holding the whole breakdown ('120条（其中…）') opens
 * before the first part and keeps its numbers.
 */
function withoutSubParts(norm: string, from: number, parts: Part[]): Part[] {
  const kept: Part[] = []
  let depth = 0
  let afterPart = false
  let i = from
  for (const p of parts) {
    for (; i < p.at; i++) {
      const ch = norm[i]
      if (ch === '（' || ch === '(') {
        if (depth === 0) afterPart = kept.length > 0
        depth++
      } else if ((ch === '）' || ch === ')') && depth > 0) depth--
    }
    if (depth > 0 && afterPart) continue
    kept.push(p)
  }
  return kept
}

/** A clause that closes on a bare number ('不予公开信息数79'): a part written without its unit. */
const BARE_END = /[\u4e00-\u9fa5](\d{1,9})[\s。！？]*$/

/** The unit-less numbers closing the breakdown's clauses, which numberTokens cannot see as parts. */
function bareParts(cs: Clause[], from: number): number[] {
  const out: number[] = []
  for (const [i, c] of cs.entries()) {
    const m = BARE_END.exec(i === 0 ? c.text.slice(from) : c.text)
    if (m) out.push(Number(m[1]))
  }
  return out
}

/**
 * A breakdown whose items are set apart by semicolons ('其中:A1条，B1条；C共5条；D7条'): the parts of the
 * groups after the first, taken clause by clause while they keep the total's unit class. True when some
 * run of them completes the sum exactly; a near miss proves nothing, so it stays as the first group read it.
 */
function completesAcrossSemicolons(later: Clause[][], sum: number, total: Part): boolean {
  let s = sum
  for (const g of later) {
    for (const c of g) {
      if (QIZHONG.test(c.text)) return false
      const ts = tokens(c)
      if (ts.some((t) => CLASS[t.unit] !== CLASS[total.unit] || t.each)) return false
      for (const t of ts) s += t.value
      if (s === total.value) return true
      if (s > total.value) return false
    }
  }
  return false
}

/** Groups of clauses of a sentence: a semicolon ends a statement. */
function groups(cs: Clause[], norm: string): Clause[][] {
  const out: Clause[][] = [[]]
  for (const c of cs) {
    out[out.length - 1]!.push(c)
    if (/[；;]/.test(norm[c.end] ?? '')) out.push([])
  }
  return out.filter((g) => g.length)
}

// “共X件，其中a件、b件”：一个总数的一组分项之和应等于总数（同一单位、同一句、同一分句组）。
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
    for (const sen of sentences(ctx)) {
      if (sen.text.length > 2000) continue
      const gs = groups(clauses(sen), norm)
      for (const [gi, g] of gs.entries()) {
        // The breakdown: 其中 in a clause; the total is the last count before it (same or previous clause).
        const qi = g.findIndex((c) => QIZHONG.test(c.text))
        let total: Part | undefined
        let parts: Part[] = []
        let partial = false
        let strict = true
        let from: number
        let bare: number[] = []
        if (qi >= 0) {
          const qc = g[qi] as Clause
          const qpos = qc.text.search(QIZHONG)
          const before = tokens(qc).filter((t) => t.end <= qpos)
          total = before.pop()
          let totalClause = qc
          if (!total && qi > 0) {
            totalClause = g[qi - 1] as Clause
            total = tokens(totalClause).pop()
          }
          if (!total || !TOTAL_WORD.test(totalClause.text)) continue
          const rest = qc.text.slice(qpos + 2)
          partial = PARTIAL.test(rest)
          parts = tokens(qc, qpos + 2)
          const taken: Clause[] = [qc]
          for (const c of g.slice(qi + 1)) {
            if (NEW_STATEMENT.test(c.text) || QIZHONG.test(c.text)) break
            if (PARTIAL.test(c.text)) partial = true
            parts.push(...tokens(c))
            taken.push(c)
          }
          bare = bareParts(taken, qpos + 2)
          from = clauseAt(qc, qpos + 2)
        } else {
          // 共X条，A发布a条、B发布b条 without 其中: only noted, never a finding.
          const ti = g.findIndex((c) => /共计|共|合计|总计|累计/.test(c.text))
          if (ti < 0) continue
          const tc = g[ti] as Clause
          const mark = tc.text.search(/共计|共|合计|总计|累计/)
          total = tokens(tc, mark)[0]
          if (!total) continue
          parts = tokens(tc, total.end)
          for (const c of g.slice(ti + 1)) {
            if (NEW_STATEMENT.test(c.text)) break
            parts.push(...tokens(c))
          }
          strict = false
          from = total.to
        }
        parts = withoutSubParts(norm, from, parts)
        if (!parts.length || total.each) continue
        if (parts.some((p) => CLASS[p.unit] !== CLASS[total!.unit])) {
          notes.push(`“${quote(ctx, sen.start, sen.end, 30)}”分项单位不同，不作加总`)
          continue
        }
        // 各N条 after a list of names counts once per name (通知、公告各5条 = 10).
        let sum = 0
        let items = 0
        let prevEnd = from
        for (const p of parts) {
          let k = 1
          if (p.each) {
            const names = norm.slice(prevEnd, p.at).replace(/^[，,；;、\s]+/, '').split(/[、和及与]/).filter((x) => x.trim())
            k = Math.max(1, names.length)
            notes.push(`“${quote(ctx, prevEnd, p.to, 20)}”按${k}项×${p.value}计`)
          }
          sum += k * p.value
          items += k
          prevEnd = p.to
        }
        checked++
        const end = parts[parts.length - 1]!.to
        const start = Math.min(total.at, g[0]!.start)
        const sec = sectionOf(start)
        const n = (perSection.get(sec) ?? 0) + 1
        perSection.set(sec, n)
        if (sum === total.value) continue
        const bareSum = bare.reduce((a, b) => a + b, 0)
        if (bare.length && strict) {
          // A part without its unit: counted when it completes the sum; otherwise the parts are not all read.
          const fits = sum + bareSum === total.value
          notes.push(`“${quote(ctx, start, end, 30)}”：有未写单位的分项（${bare.join('、')}）${fits ? `，计入后与总数${total.value}相符` : '，分项读不全，不作判断'}`)
          continue
        }
        if (strict && sum < total.value && completesAcrossSemicolons(gs.slice(gi + 1), sum, total)) {
          notes.push(`“${quote(ctx, start, end, 30)}”：分项在分号后继续，合计与总数${total.value}相符`)
          continue
        }
        if (!strict || items < 2 || partial) {
          const why = partial ? '分项只列举了一部分（“包括”“主要”“等”）' : strict ? '只有一个分项' : '未写“其中”'
          notes.push(`“${quote(ctx, start, end, 30)}”：分项${sum}≠总数${total.value}，但${why}，不判为错误`)
          continue
        }
        findings.push({
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `${sec}.sum${n}`,
          evidence: [textEvidence(ctx, start, end, '正文'), textEvidence(ctx, total.at, total.to, `总数 ${total.value}`)],
          message: `“${quote(ctx, start, end, 40)}”：分项${parts.map((p) => p.value).join('+')}=${sum}，与总数${total.value}${total.unit}不符。`
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
