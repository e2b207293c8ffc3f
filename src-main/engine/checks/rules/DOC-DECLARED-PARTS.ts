import { readNumber } from '../lib/cnnum.ts'
import { findHeadings, templateSections } from '../lib/headings.ts'
import { matchAll, narrativeRanges, quote } from '../lib/narrative.ts'
import { otherHeading, writtenPartCount } from '../lib/otherHeading.ts'
import { textEvidence } from '../evidence.ts'
import { na, pass, type ReportRule } from '../types.ts'

const NAMED: { id: string; re: RegExp }[] = [
  { id: 'S1', re: /总体情况|总体/ },
  { id: 'S2', re: /主动公开/ },
  { id: 'S3', re: /收到和处理|申请/ },
  { id: 'S4', re: /复议|诉讼/ },
  { id: 'S5', re: /问题|改进/ },
  { id: 'S6', re: /其他/ }
]
const NO = ['一', '二', '三', '四', '五', '六']
const HEADING = /[一二三四五六七八九十][、.]([\u4e00-\u9fff]{4,12})/g

/**
 * Parts of the report's own that the template does not have but the preface names and the text heads with
 * an ordinal ('……信息处理费收取情况和存在的主要问题及改进措施等六个部分组成' … '五、信息处理费收取情况'): the
 * report has them as declared (whether the template's parts are all there is SEC-PRESENT's question).
 */
function extraParts(text: string, from: number, list: string, sections: { titleSpan?: { start: number; end: number } }[]): number {
  // A template part's own heading is none, wherever its title span starts (a markdown '## 四、…' starts at the '#').
  const spans = sections.flatMap((s) => (s.titleSpan ? [s.titleSpan] : []))
  const seen = new Set<string>()
  HEADING.lastIndex = from
  let m: RegExpExecArray | null
  while ((m = HEADING.exec(text))) {
    const at = m.index
    if (spans.some((s) => at >= s.start && at < s.end)) continue
    const words = m[1] as string
    for (let k = words.length; k >= 4; k--) {
      const head = words.slice(0, k)
      if (!list.includes(head)) continue
      if (!NAMED.some((n) => n.re.test(head))) seen.add(head)
      break
    }
  }
  return seen.size
}

// 前言写“全文由……六部分组成”时，所列部分和实际章节数必须对得上（真实年报中出现过写“六部分”却只列五部分）。
const rule: ReportRule = {
  id: 'DOC-DECLARED-PARTS',
  family: 'document',
  severity: 'warning',
  title: '前言所称部分数与实际章节一致',
  source: '条例第五十条（年报内容六项）；国办公开办函〔2021〕30号格式六个部分',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const end = ctx.report.sections.find((s) => s.found)?.bodyEnd ?? ctx.text.length
    const re = /(?:全文|本报告|报告|年报)[^。\n]{0,10}?(?:由|分为|包括|共分?)([^。\n]{0,200}?)([一二三四五六七八九十\d]+)\s*个?部分/
    const hit = matchAll(ctx, re, narrativeRanges(ctx, 0, end))[0]
    if (!hit) return na('前言未声明年报由几部分组成')
    const declared = readNumber(hit.m[2] as string)
    if (declared === null) return na('部分数无法读出')
    // A section out of order (SEC-ORDER), present but not placeable (parse problem) or standing in its place under
    // other words (SEC-PRESENT's warning) is still there.
    const there = (id: string): boolean =>
      (ctx.report.problems ?? []).some((p) => p.code === 'section-unplaced' && p.section === id) ||
      templateSections(ctx).some((t) => t.id === id && (findHeadings(ctx, t).length > 0 || otherHeading(ctx, t.id, t.no) !== null))
    const found = ctx.report.sections.filter((s) => s.found || there(s.id))
    const list = hit.m[1] ?? ''
    const extra = extraParts(ctx.report.norm, hit.end, list, ctx.report.sections)
    // Parts the text numbers 一、…七、 beyond those placed (君山 2025: seven parts, one of them not in the template).
    const written = writtenPartCount(ctx)
    const count = Math.max(found.length + extra, written)
    const named = list.length >= 10 ? NAMED.filter((n) => n.re.test(list)) : null
    const problems: string[] = []
    if (declared !== count) {
      const missing = ctx.report.sections.filter((s) => !found.includes(s)).map((s) => `${NO[Number(s.id.slice(1)) - 1]}`)
      problems.push(count === written && written > found.length + extra
        ? `正文按序号写有${written}个部分`
        : `实际找到${count}个部分${missing.length ? `（缺第${missing.join('、')}部分）` : ''}`)
    }
    if (named && named.length + extra !== declared) {
      const absent = NAMED.filter((n) => !named.includes(n)).map((n) => NO[Number(n.id.slice(1)) - 1])
      problems.push(`前言只列出了${named.length + extra}个部分${absent.length ? `（未列第${absent.join('、')}部分）` : ''}`)
    }
    if (!problems.length) return pass(`前言称${declared}部分，与正文一致`)
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'preface.parts',
          evidence: [textEvidence(ctx, hit.start, hit.end, '前言所称部分数')],
          message: `前言称年报由${declared}部分组成（“${quote(ctx, hit.start, hit.end, 30)}”），但${problems.join('；')}。`
        }
      ]
    }
  }
}

export default rule
