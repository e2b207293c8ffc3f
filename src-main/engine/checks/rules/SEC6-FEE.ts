import { NUM } from '../lib/cnnum.ts'
import { matchAll, sectionBody, spanEvidence } from '../lib/narrative.ts'
import { sentencesIn } from '../lib/statements.ts'
import { sentenceAround } from '../evidence.ts'
import { na, pass, type ReportRule } from '../types.ts'

const FEE = /信息处理费|处理费|收费|收取费用|费用/
const STATED = new RegExp(
  `(?:未|没有|无|不|均未|暂未)(?:收取|产生|发生|收费|发出|开具|涉及)|(?:收取|产生|发出|收费)[^。；\\n]{0,16}?${NUM}\\s*(?:元|万元|件|份|次)|${NUM}\\s*(?:元|万元)|费[^。；\\n]{0,6}?(?:为|是)?\\s*(?:0|零)`
)

// 国办公开办函〔2021〕30号 格式说明（六）[R]：应报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况。
const rule: ReportRule = {
  id: 'SEC6-FEE',
  family: 'section',
  severity: 'warning',
  title: '第六部分说明信息处理费收取情况',
  source: '国办公开办函〔2021〕30号 格式说明（六）[R]；国办函〔2020〕109号《政府信息公开信息处理费管理办法》（2021年1月1日起施行）',
  confidence: 'R',
  formats: ['2021'],
  check(ctx) {
    if (ctx.format !== '2021' || (ctx.year !== undefined && ctx.year < 2021)) return na('信息处理费自2021年1月1日起收取，2019年试行格式年报不要求')
    const s = sectionBody(ctx, 'S6')
    if (!s) return na('未找到第六部分')
    // Whole sentences, wrapped lines joined (a PDF breaks 未收取信息处 / 理费 over two lines) ...
    let first: { start: number; end: number } | undefined
    for (const sen of sentencesIn(ctx, s.start, s.end)) {
      if (!FEE.test(sen.joined)) continue
      first ??= sen
      if (STATED.test(sen.joined)) return pass(`“${ctx.text.slice(sen.start, sen.end).replace(/\s*\n\s*/g, '').trim().slice(0, 60)}”`)
    }
    // ... and each line as written, for lines the sentence reader leaves out (short label-like lines).
    const fee = matchAll(ctx, FEE, [{ start: s.start, end: s.end }])
    for (const f of fee) {
      const sen = sentenceAround(ctx.report.norm, f.start, f.end)
      if (STATED.test(ctx.report.norm.slice(sen.start, sen.end))) return pass(`“${ctx.text.slice(sen.start, sen.end).trim().slice(0, 60)}”`)
    }
    const hit = fee[0]
    const ev = first ?? (hit ? sentenceAround(ctx.text, hit.start, hit.end) : { start: s.start, end: s.end })
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'S6.fee',
          evidence: [spanEvidence(ctx, ev.start, ev.end, first || hit ? '提到收费但未说明件数、金额' : '第六部分')],
          message: first || hit
            ? '“六、其他需要报告的事项”提到收费，但未说明发出收费通知的件数、金额或“未收取信息处理费”。'
            : '“六、其他需要报告的事项”未说明信息处理费收取情况（含未收取的说明）。'
        }
      ]
    }
  }
}

export default rule
