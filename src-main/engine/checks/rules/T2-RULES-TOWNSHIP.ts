import { cellEvidence, usable } from '../evidence.ts'
import { t2RowInfo } from '../lib/tables.ts'
import { bodyKind, bodyKindName } from '../lib/body.ts'
import { fromFindings, na, type ReportRule } from '../types.ts'


// A 乡镇人民政府 cannot enact 规章: only 国务院部门 and the governments of 省、自治区、直辖市、设区的市、
// 自治州 can (立法法 2023 第九十一条、第九十三条). So the 规章 row of a township report is 0 everywhere.
const rule: ReportRule = {
  id: 'T2-RULES-TOWNSHIP',
  family: 'arithmetic',
  severity: 'error',
  title: '乡镇无权制定规章：表二“规章”行应全部为 0',
  source: '《中华人民共和国立法法》（2023年修正）第九十一条、第九十三条',
  confidence: 'V',
  formats: ['2021', '2019'],
  check(ctx) {
    if (!ctx.report.tables.T2.found) return na('未找到表二')
    // Only a township lacks the power: a city government or a department may report 规章 (立法法第九十三条).
    const body = bodyKind(ctx.report)
    if (body.kind === 'government' || body.kind === 'department')
      return na(`报告机关“${body.name}”是${bodyKindName(body.kind)}，不是乡镇人民政府，本规则不适用（见 DOC-WRONG-ENTITY）`)
    const cells = ctx.report.tables.T2.cells.filter((c) => c.row === 'A20_1.rules' && c.status !== 'missing')
    if (!cells.length) return na('表二未找到“规章”行')
    const info = t2RowInfo(ctx.format, 'A20_1.rules')
    const colLabel = (col: string): string => info.columns.find((c) => c.id === col)?.label ?? col
    const nonzero = cells.filter((c) => usable(c) && c.value !== 0)
    const unknown = cells.filter((c) => !usable(c))
    if (nonzero.length) {
      return fromFindings([
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'T2.A20_1.rules',
          evidence: cells.map(cellEvidence),
          message: `乡镇人民政府无权制定规章（立法法第九十一条、第九十三条），表二“规章”行应全部为 0，现为：${nonzero
            .map((c) => `${colLabel(c.col)} ${c.value}`)
            .join('、')}。请核对是否将规范性文件或上级规章误填入本行。`
        }
      ])
    }
    if (unknown.length) {
      return fromFindings([
        {
          rule: rule.id, severity: rule.severity, outcome: 'UNVERIFIABLE', loc: 'T2.A20_1.rules',
          evidence: cells.map(cellEvidence),
          message: `表二“规章”行的${unknown.map((c) => `“${colLabel(c.col)}”`).join('、')}空白或无法读取，无法确认为 0（乡镇应全部填 0）。`
        }
      ])
    }
    return fromFindings([])
  }
}

export default rule
