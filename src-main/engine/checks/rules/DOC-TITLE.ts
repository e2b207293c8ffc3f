import { labelKey } from '../../parse/normalize.ts'
import { textEvidence } from '../evidence.ts'
import { pass, type ReportRule } from '../types.ts'

// 年报标题应写明年度和“政府信息公开工作年度报告”（标题可分两行，由解析器合并）。
const rule: ReportRule = {
  id: 'DOC-TITLE',
  family: 'document',
  severity: 'warning',
  title: '标题写明年度和“政府信息公开工作年度报告”',
  source: '条例第四十九条、第五十条（政府信息公开工作年度报告）；年报通行标题写法“××××年政府信息公开工作年度报告”',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const t = ctx.report.title
    if (!t) {
      const s1 = ctx.report.sections.find((s) => s.id === 'S1')
      const end = s1?.titleSpan?.start ?? Math.min(ctx.text.length, 200)
      return {
        outcome: 'FAIL',
        findings: [
          {
            rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'title',
            // A text that opens with section 一 has no title before it: its heading is the place to show.
            evidence:
              end > 0 ? [textEvidence(ctx, 0, end, '正文开头')]
              : s1?.titleSpan ? [textEvidence(ctx, s1.titleSpan.start, s1.titleSpan.end, '正文从第一部分开始，其前没有标题')]
              : [{ kind: 'note', text: '正文开头没有标题' }],
            message: '未找到年报标题：正文开头应有“××（机关）××××年政府信息公开工作年度报告”。'
          }
        ]
      }
    }
    const key = labelKey(t.text)
    // 'XX局关于报送2020年度政府信息公开工作年度报告的函': the page carries the covering letter's title, not the report's.
    if (/关于(?:报送|印发|公布|发布)(?:19|20)\d{2}/.test(key)) {
      return {
        outcome: 'FAIL',
        findings: [
          {
            rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'title',
            evidence: [textEvidence(ctx, t.span.start, t.span.end, '标题')],
            message: `标题“${t.text.replace(/\s+/g, '')}”是报送或印发年报的文件（函、通知）的标题，不是年报本身的标题；年报应以“××（机关）××××年政府信息公开工作年度报告”为题。`
          }
        ]
      }
    }
    const missing: string[] = []
    if (!/(?:19|20)\d{2}年/.test(key)) missing.push('四位数年度（如“2023年”）')
    if (!key.includes('政府信息公开工作年度报告')) missing.push('“政府信息公开工作年度报告”')
    if (!missing.length) return pass()
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'title',
          evidence: [textEvidence(ctx, t.span.start, t.span.end, '标题')],
          message: `标题“${t.text.replace(/\s+/g, '')}”缺少${missing.join('和')}。`
        }
      ]
    }
  }
}

export default rule
