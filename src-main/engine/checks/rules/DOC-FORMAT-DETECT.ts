import { markerEvidence } from '../lib/narrative.ts'
import { pass, type Evidence, type ReportRule } from '../types.ts'

// Which template the report follows (domain.md §2): the markers of each format are counted by the parser.
const rule: ReportRule = {
  id: 'DOC-FORMAT-DETECT',
  family: 'document',
  severity: 'info',
  title: '识别年报所用格式（2021年格式 / 2019年试行格式）',
  source: '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》；国办公开办函〔2019〕60号（试行格式）',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const { f2021, f2019 } = ctx.report.markers
    const detected = ctx.report.format
    if (detected === '2021') return pass(`按2021年格式（国办公开办函〔2021〕30号）填报；识别标志：${f2021.join('、')}`)
    let message: string
    let evidence: Evidence[]
    if (detected === '2019') {
      message = `本报告按2019年试行格式（国办公开办函〔2019〕60号）填报，识别标志：${f2019.join('、')}。`
      evidence = markerEvidence(ctx, f2019)
    } else if (detected === 'mixed') {
      message = `本报告同时出现2021年格式标志（${f2021.join('、')}）和2019年试行格式标志（${f2019.join('、')}），属混用模板；表格按${ctx.format}年格式读取。`
      evidence = [...markerEvidence(ctx, f2021, 3), ...markerEvidence(ctx, f2019, 3)]
    } else {
      message = `未识别出2021年格式或2019年试行格式的表格标志（可能为2019年以前的旧格式，或统计表缺失），表格按${ctx.format}年格式尝试读取。`
      evidence = [{ kind: 'note', text: '未找到任何格式标志' }]
    }
    return { outcome: 'FAIL', findings: [{ rule: rule.id, severity: 'info', outcome: 'FAIL', loc: 'format', message, evidence }] }
  }
}

export default rule
