import { readValue } from '../../parse/values.ts'
import { cellEvidence, textEvidence, usable } from '../evidence.ts'
import { bodyKind } from '../lib/body.ts'
import { fromFindings, na, type Finding, type ReportRule } from '../types.ts'

const LOC = 'T2.A20_8.admin_fees'

// 本年收费金额 is reported in 万元 (column header （单位：万元）). A cell written in 元, or a value of
// 10000 万元 (1 亿元) and more for a township, points at a unit error; more than 4 decimals is finer than 1 元.
const rule: ReportRule = {
  id: 'T2-FEE-UNIT',
  family: 'arithmetic',
  severity: 'warning',
  title: '表二“本年收费金额”以万元填报',
  source: '国办公开办函〔2021〕30号 表二第二十条第（八）项列名“本年收费金额（单位：万元）”',
  confidence: 'T',
  formats: ['2021'],
  check(ctx) {
    if (!ctx.report.tables.T2.found) return na('未找到表二')
    const c = ctx.cell('T2', 'A20_8.admin_fees', 'fee_amount')
    if (!c || c.status === 'missing') return na('表二未找到“行政事业性收费”行')
    const findings: Finding[] = []
    const header = ctx.report.tables.T2.labels.find((l) => l.kind === 'col' && l.id === 'A20_8.fee_amount')
    // the folded text (same offsets) so that a traditional 萬元 header reads as 万元
    const headerKey = header ? (ctx.report.norm?.slice(header.span.start, header.span.end) || header.raw).replace(/\s+/g, '') : ''
    if (header && /元/.test(headerKey) && !/万元/.test(headerKey)) {
      findings.push({
        rule: rule.id, severity: 'warning', outcome: 'FAIL', loc: `${LOC}.header`,
        evidence: [textEvidence(ctx, header.span.start, header.span.end, `模板：${header.expected}`), cellEvidence(c)],
        message: `表二列名“${headerKey}”以“元”为单位，模板规定“本年收费金额（单位：万元）”，请换算为万元填报。`
      })
    }
    const v = readValue(c.raw)
    if (v.unit === '元') {
      findings.push({
        rule: rule.id, severity: 'warning', outcome: 'FAIL', loc: `${LOC}.unit`, evidence: [cellEvidence(c)],
        message: `表二“行政事业性收费”的本年收费金额填写为“${c.raw.trim()}”，单位应为万元，请换算后填写数字。`
      })
    }
    // the size test is about townships; a city or county government may well collect that much
    const township = ['township', 'unknown'].includes(bodyKind(ctx.report).kind)
    if (township && usable(c) && c.value >= 10000) {
      findings.push({
        rule: rule.id, severity: 'warning', outcome: 'FAIL', loc: `${LOC}.magnitude`, evidence: [cellEvidence(c)],
        message: `表二“行政事业性收费”的本年收费金额为 ${c.value} 万元（不少于 1 亿元），对乡镇而言明显偏大，可能按“元”填报，请核对单位。`
      })
    }
    if (usable(c) && (v.decimals ?? 0) > 4) {
      findings.push({
        rule: rule.id, severity: 'info', outcome: 'FAIL', loc: `${LOC}.decimals`, evidence: [cellEvidence(c)],
        message: `表二“行政事业性收费”的本年收费金额“${c.raw.trim()}”有 ${v.decimals} 位小数（以万元计，4 位小数即精确到元），请核对单位。`
      })
    }
    if (!findings.length && !usable(c)) return na('本年收费金额空白或无法读取')
    return fromFindings(findings)
  }
}

export default rule
