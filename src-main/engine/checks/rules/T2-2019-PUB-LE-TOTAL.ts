import { cellEvidence, usable } from '../evidence.ts'
import { unverifiedSeverity } from '../lib/identity.ts'
import { fromFindings, na, type Finding, type ReportRule } from '../types.ts'

const ROWS: [string, string][] = [
  ['A20_1.rules', '规章'],
  ['A20_1.normative_docs', '规范性文件']
]

// 2019 trial format, block 第二十条第（一）项: what was newly published this year is part of what is
// published in total, so 本年新公开数量 ≤ 对外公开总数量.
const rule: ReportRule = {
  id: 'T2-2019-PUB-LE-TOTAL',
  family: 'arithmetic',
  severity: 'warning',
  title: '表二（2019格式）：本年新公开数量不大于对外公开总数量',
  source: '国办公开办函〔2019〕60号 年度报告格式（试行）表二第二十条第（一）项各栏的含义（推论）',
  confidence: 'T',
  formats: ['2019'],
  check(ctx) {
    if (!ctx.report.tables.T2.found) return na('未找到表二')
    const findings: Finding[] = []
    for (const [row, label] of ROWS) {
      const pub = ctx.cell('T2', row, 'new_published')
      const total = ctx.cell('T2', row, 'total_published')
      if ((!pub || pub.status === 'missing') && (!total || total.status === 'missing')) continue
      const evidence = [pub, total].flatMap((c) => (c ? [cellEvidence(c)] : []))
      if (!usable(pub) || !usable(total)) {
        const p = pub?.value ?? 0
        const t = total?.value ?? 0
        findings.push({
          rule: rule.id, severity: unverifiedSeverity(rule.severity, [pub, total], p <= t), outcome: 'UNVERIFIABLE', loc: `T2.${row}`, evidence,
          message: `表二“${label}”行的本年新公开数量或对外公开总数量空白或无法读取，无法核对（空白按 0 计时${p <= t ? '成立' : '不成立'}：${p} ≤ ${t}）。`
        })
        continue
      }
      if (pub.value > total.value) {
        findings.push({
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `T2.${row}`, evidence,
          message: `表二“${label}”：本年新公开数量（${pub.value}）大于对外公开总数量（${total.value}），请核对。`
        })
      }
    }
    return fromFindings(findings)
  }
}

export default rule
