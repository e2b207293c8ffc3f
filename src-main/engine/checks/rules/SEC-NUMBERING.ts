import { readNumber } from '../lib/cnnum.ts'
import { lineOf, paragraphs, quote, sectionBody } from '../lib/narrative.ts'
import { textEvidence } from '../evidence.ts'
import { fromFindings, type Evidence, type Finding, type ReportRule } from '../types.ts'

const NAMES: Record<string, string> = { S1: '一、总体情况', S5: '五、存在的主要问题及改进情况', S6: '六、其他需要报告的事项' }
const LEAD = /^(?:[-*#>][-*#>\s]{0,40})?/
const LEVEL1 = /^([一二三四五六七八九十]+)\s*、/
const SUB = /^[(（]\s*([一二三四五六七八九十]+)\s*[)）]/

// 部分内的层次序号应为（一）、1.；部分内出现“一、”或“（五）一、”会与部分标题混淆（分节器也不得据此另起一部分）。
const rule: ReportRule = {
  id: 'SEC-NUMBERING',
  family: 'section',
  severity: 'info',
  title: '部分内的层次序号规范',
  source: '《党政机关公文格式》（GB/T 9704—2012）7.3.3：结构层次序数依次为“一、”“（一）”“1.”“（1）”',
  confidence: 'R',
  formats: ['2021', '2019'],
  check(ctx) {
    const findings: Finding[] = []
    for (const id of ['S1', 'S5', 'S6']) {
      const s = sectionBody(ctx, id)
      if (!s) continue
      const issues: string[] = []
      const evidence: Evidence[] = []
      const subs: { n: number; start: number; end: number }[] = []
      for (const p of paragraphs(ctx, s.start, s.end)) {
        const t = p.norm.replace(LEAD, '')
        const sub = SUB.exec(t)
        const rest = sub ? t.slice(sub[0].length).trimStart() : t
        const l1 = LEVEL1.exec(rest)
        if (sub) subs.push({ n: readNumber(sub[1] as string) ?? 0, start: p.start, end: p.end })
        if (l1 && sub) {
          issues.push(`第${lineOf(ctx, p.start)}行“${quote(ctx, p.start, p.end, 16)}”序号混用（${sub[0]}${l1[0]}）`)
          evidence.push(textEvidence(ctx, p.start, p.end, '序号混用'))
        } else if (l1) {
          issues.push(`第${lineOf(ctx, p.start)}行“${quote(ctx, p.start, p.end, 16)}”在部分内使用一级序号“${l1[0]}”`)
          evidence.push(textEvidence(ctx, p.start, p.end, '部分内的一级序号'))
        }
      }
      // （一）（二）… must start at （一） and run without gaps; a lone （一） has no （二）.
      if (subs.length) {
        const first = subs[0]!
        if (first.n !== 1 && !evidence.some((e) => e.kind === 'text' && e.start === first.start)) {
          issues.push(`第${lineOf(ctx, first.start)}行小标题从（${['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][first.n] ?? first.n}）开始`)
          evidence.push(textEvidence(ctx, first.start, first.end, '首个小标题'))
        }
        for (let i = 1; i < subs.length; i++) {
          const a = subs[i - 1]!
          const b = subs[i]!
          if (b.n > a.n + 1) {
            issues.push(`第${lineOf(ctx, b.start)}行小标题序号跳号（${a.n}→${b.n}）`)
            evidence.push(textEvidence(ctx, b.start, b.end, '跳号的小标题'))
          }
        }
        if (subs.length === 1 && first.n === 1) {
          issues.push(`第${lineOf(ctx, first.start)}行有“（一）”而无“（二）”`)
          evidence.push(textEvidence(ctx, first.start, first.end, '只有（一）'))
        }
      }
      if (!issues.length) continue
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `${id}.numbering`, evidence: evidence.slice(0, 8),
        message: `“${NAMES[id]}”内的层次序号不规范：${issues.slice(0, 5).join('；')}${issues.length > 5 ? `等${issues.length}处` : ''}。部分内应使用“（一）”“1.”等下级序号。`
      })
    }
    return fromFindings(findings)
  }
}

export default rule
