import { labelKey, labelOrdinal } from '../../parse/normalize.ts'
import { textEvidence } from '../evidence.ts'
import { templateSections } from '../lib/headings.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

// 六个部分的标题按格式原文书写；改写、截断为警告，只缺序号或标点不同为提示。
const rule: ReportRule = {
  id: 'SEC-TITLE',
  family: 'section',
  severity: 'warning',
  title: '部分标题与格式一致',
  source: '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》（六个部分的标题）',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const findings: Finding[] = []
    for (const sec of templateSections(ctx)) {
      const hit = ctx.report.sections.find((s) => s.id === sec.id)
      if (!hit?.found || !hit.titleSpan || !hit.title || hit.titleMatch === 'exact') continue
      // Markdown heading marks ('## 五、…' of a converted PDF) are markup, not words of the title.
      const written = hit.title.replace(/\s+/g, '').replace(/^#{1,6}/, '')
      const evidence = [textEvidence(ctx, hit.titleSpan.start, hit.titleSpan.end, '标题原文')]
      const base = { rule: rule.id, outcome: 'FAIL' as const, loc: `${sec.id}.title`, evidence }
      if (hit.titleMatch === 'no-ordinal') {
        const ord = labelOrdinal(written)
        const wantOrd = `${sec.no}、`
        findings.push({
          ...base, severity: 'info',
          message: !ord && written.startsWith(sec.no)
            ? `第${sec.no}部分标题“${written}”的序号后缺少“、”，应为“${sec.title}”。`
            : !ord
            ? `第${sec.no}部分标题“${written}”缺少序号“${wantOrd}”，应为“${sec.title}”。`
            : labelKey(ord) !== wantOrd
              ? `第${sec.no}部分标题“${written}”的序号“${ord}”有误，应为“${sec.title}”。`
              : `第${sec.no}部分标题“${written}”的标点与格式不同，应为“${sec.title}”。`
        })
      } else if (hit.titleMatch === 'truncated') {
        findings.push({ ...base, severity: 'warning', message: `第${sec.no}部分标题“${written}”不完整（缺字），应为“${sec.title}”。` })
      } else {
        findings.push({ ...base, severity: 'warning', message: `第${sec.no}部分标题“${written}”与格式规定的“${sec.title}”不一致，请按格式书写。` })
      }
    }
    return fromFindings(findings)
  }
}

export default rule
