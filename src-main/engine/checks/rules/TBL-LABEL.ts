import type { LabelHit } from '../../model.ts'
import { labelCore } from '../../parse/normalize.ts'
import { textEvidence } from '../evidence.ts'
import { formatNotice, TABLE_NAME } from '../lib/tables.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

const KIND: Record<LabelHit['kind'], string> = { row: '行名', col: '列名', block: '栏目名' }

/** true when every character of the template label occurs in order in the written one (extra qualifier). */
function addsQualifier(written: string, expected: string): boolean {
  const w = labelCore(written)
  const e = labelCore(expected)
  if (w.length <= e.length) return false
  let i = 0
  for (const ch of w) if (ch === e[i]) i++
  return i === e.length
}

/**
 * true when the written label is a piece from inside the template label, cut at both ends
 * (行政机关不再处理其政府信息公 for 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请): a long label
 * wrapped over three lines whose first and last lines the conversion tore off. Nobody words a label that way, so it
 * is a reading matter, not the township's wording (a missing start alone, 规范性文件 for 行政规范性文件, is a real
 * change of wording and stays a deviation).
 */
function innerPiece(written: string, expected: string): boolean {
  const w = labelCore(written)
  const e = labelCore(expected)
  return w.length >= 4 && w.length < e.length && e.includes(w) && !e.startsWith(w) && !e.endsWith(w)
}

// After normalisation (繁简、全半角、空格、拆行、缺序号, domain.md §3.7) every label must equal the template
// label; a changed wording is a deviation (warning), an added qualifier or a cut-off header an observation (info).
const rule: ReportRule = {
  id: 'TBL-LABEL',
  family: 'structure',
  severity: 'warning',
  title: '表格行名、列名与模板一致',
  source: '国办公开办函〔2021〕30号（2019、2020年度为〔2019〕60号）年度报告格式所附表格',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const findings: Finding[] = []
    const seen = new Map<string, number>()
    const notice = formatNotice(ctx.format)
    for (const t of Object.values(ctx.report.tables)) {
      for (const l of t.labels) {
        // 'exact' after normalisation; a written qualifier the parser accepted (本年(2023)制发件数) is still noted.
        if (l.match === 'exact' && !addsQualifier(l.raw, l.expected)) continue
        let loc = `${l.table}.${l.kind}.${l.id}`
        const n = (seen.get(loc) ?? 0) + 1
        seen.set(loc, n)
        if (n > 1) loc += `#${n}`
        const what = `${TABLE_NAME[l.table]}${KIND[l.kind]}“${l.raw.replace(/\s+/g, '')}”`
        const base = { rule: rule.id, outcome: 'FAIL' as const, loc }
        if (l.match === 'truncated' || innerPiece(l.raw, l.expected)) {
          findings.push({
            ...base, severity: 'info',
            evidence: [textEvidence(ctx, l.span.start, l.span.end, `模板：${l.expected}`)],
            message: `${what}不完整（模板为“${l.expected}”），已按位置对应，请核对。`
          })
        } else if (l.match === 'qualified' || addsQualifier(l.raw, l.expected)) {
          findings.push({
            ...base, severity: 'info',
            evidence: [textEvidence(ctx, l.span.start, l.span.end, `模板：${l.expected}`)],
            message: `${what}在模板名称“${l.expected}”之外加了限定内容，属地方口径，请留意。`
          })
        } else {
          findings.push({
            ...base, severity: 'warning',
            evidence: [textEvidence(ctx, l.span.start, l.span.end, `模板：${l.expected}`)],
            message: `${what}应为“${l.expected}”，请按${notice}格式填报。`
          })
        }
      }
    }
    return fromFindings(findings)
  }
}

export default rule
