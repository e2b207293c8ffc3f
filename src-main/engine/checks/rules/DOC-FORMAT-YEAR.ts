import { textEvidence } from '../evidence.ts'
import { markerEvidence } from '../lib/narrative.ts'
import { na, pass, type Evidence, type ReportRule } from '../types.ts'

// 2021年度起的年报使用国办公开办函〔2021〕30号格式；2019、2020年度使用〔2019〕60号试行格式（domain.md §2）。
const rule: ReportRule = {
  id: 'DOC-FORMAT-YEAR',
  family: 'document',
  severity: 'error',
  title: '年报格式与报告年度相符',
  source: '国办公开办函〔2021〕30号（2021年度起适用）；国办公开办函〔2019〕60号（2019、2020年度试行格式）',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const year = ctx.year
    const { f2021, f2019 } = ctx.report.markers
    const detected = ctx.report.format
    const yearEv: Evidence[] = ctx.report.yearSpan ? [textEvidence(ctx, ctx.report.yearSpan.start, ctx.report.yearSpan.end, '报告年度')] : []
    if (detected === 'mixed') {
      return {
        outcome: 'FAIL',
        findings: [
          {
            rule: rule.id, severity: 'warning', outcome: 'FAIL', loc: 'format',
            evidence: [...yearEv, ...markerEvidence(ctx, f2021, 3), ...markerEvidence(ctx, f2019, 3)],
            message: `表格同时使用了2021年格式（${f2021.join('、')}）和2019年试行格式（${f2019.join('、')}）的栏目，属混用模板，请按${
              year !== undefined && year < 2021 ? '国办公开办函〔2019〕60号' : '国办公开办函〔2021〕30号'
            }格式统一填报。`
          }
        ]
      }
    }
    if (year === undefined) return { outcome: 'UNVERIFIABLE', findings: [], note: '未能从标题读出报告年度，无法核对格式' }
    if (year < 2019) return na(`${year}年度年报早于2019年格式，不按现行格式检查`)
    if (detected === 'unknown') return { outcome: 'UNVERIFIABLE', findings: [], note: '未识别出任何格式标志（表格缺失或无法读取），无法核对格式' }
    const expected = year >= 2021 ? '2021' : '2019'
    if (detected === expected) return pass(`${year}年度年报使用${expected}年格式`)
    const want = expected === '2021' ? '2021年格式（国办公开办函〔2021〕30号）' : '2019年试行格式（国办公开办函〔2019〕60号）'
    const got = detected === '2021' ? '2021年格式' : '2019年试行格式'
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'format',
          evidence: [...yearEv, ...markerEvidence(ctx, detected === '2021' ? f2021 : f2019, 4)],
          message: `${year}年度年报应使用${want}，但统计表按${got}填报（栏目：${(detected === '2021' ? f2021 : f2019).slice(0, 4).join('、')}）。`
        }
      ]
    }
  }
}

export default rule
