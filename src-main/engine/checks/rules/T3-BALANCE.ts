import { t3Columns } from '../../template.ts'
import { cellEvidence, usable } from '../evidence.ts'
import { unverifiedSeverity } from '../lib/identity.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

// 第一项加第二项之和，等于第三项加第四项之和 — the identity printed in the corner of table 三.
const rule: ReportRule = {
  id: 'T3-BALANCE',
  family: 'arithmetic',
  severity: 'error',
  title: '表三勾稽关系：本年新收+上年结转=办理结果总计+结转下年度',
  source: '国办公开办函〔2021〕30号 表三左上角注：“第一项加第二项之和，等于第三项加第四项之和”',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const findings: Finding[] = []
    for (const col of t3Columns(ctx.format)) {
      const cells = ['new_received', 'carried_over', 'r7_total', 'carried_forward'].map((r) => ctx.cell('T3', r, col.id))
      const [a, b, c, d] = cells
      if (!a || !b || !c || !d || cells.every((x) => x?.status === 'missing')) continue
      const evidence = cells.map((x) => cellEvidence(x!))
      const sides = {
        left: [
          { label: '本年新收', value: a.value },
          { label: '上年结转', value: b.value }
        ],
        right: [
          { label: '办理结果总计', value: c.value },
          { label: '结转下年度', value: d.value }
        ]
      }
      if (!(usable(a) && usable(b) && usable(c) && usable(d))) {
        const bad = cells.filter((x) => !usable(x)).length
        const holds = (a.value ?? 0) + (b.value ?? 0) === (c.value ?? 0) + (d.value ?? 0)
        findings.push({
          rule: rule.id, severity: unverifiedSeverity(rule.severity, cells, holds), outcome: 'UNVERIFIABLE', loc: `T3.${col.id}`, evidence, sides,
          message: `表三“${col.label}”列：有 ${bad} 个单元格空白或无法确定，勾稽关系无法核对（空白按 0 计时${holds ? '成立' : '不成立'}）。`
        })
        continue
      }
      if (a.value + b.value !== c.value + d.value) {
        findings.push({
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `T3.${col.id}`, evidence, sides,
          message: `表三“${col.label}”列：本年新收（${a.value}）+上年结转（${b.value}）≠办理结果总计（${c.value}）+结转下年度（${d.value}），请核对。`
        })
      }
    }
    return fromFindings(findings)
  }
}

export default rule
