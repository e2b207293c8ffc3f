import { fromFindings, type Finding, type ReportRule } from '../types.ts'
import { textEvidence } from '../evidence.ts'
import { matchAll, narrativeRanges } from '../lib/narrative.ts'

/** Accepted names of the regulation (folded). */
const REGULATION_OK = new Set(['中华人民共和国政府信息公开条例', '政府信息公开条例', '条例'])

/** Documents the reports cite, by number: the issuing prefix must be the right one. */
const KNOWN_NUMBERS: { year: string; no: string; prefix: string; name: string }[] = [
  { year: '2021', no: '30', prefix: '国办公开办函', name: '《中华人民共和国政府信息公开工作年度报告格式》' },
  { year: '2019', no: '60', prefix: '国办公开办函', name: '《关于政府信息公开工作年度报告有关事项的通知》' },
  { year: '2020', no: '109', prefix: '国办函', name: '《政府信息公开信息处理费管理办法》' }
]

// 引用的法规、文件应当真实存在：政府信息公开的行政法规是《中华人民共和国政府信息公开条例》，没有《政务公开条例》。
const rule: ReportRule = {
  id: 'DOC-CITATION',
  family: 'document',
  severity: 'info',
  title: '引用的法规和文件名称、文号正确',
  source: '《中华人民共和国政府信息公开条例》（国务院令第711号）；国办公开办函〔2021〕30号；国办函〔2020〕109号',
  confidence: 'V',
  formats: ['2021', '2019'],
  check(ctx) {
    const findings: Finding[] = []
    const seen = new Set<string>()
    const ranges = narrativeRanges(ctx)
    for (const { start, end, m } of matchAll(ctx, /《([^《》\n]{1,40}?条例)(?:[(（][^)）]{0,10}[)）])?》/, ranges)) {
      const name = (m[1] as string).replace(/\s+/g, '')
      if (!/公开/.test(name) || REGULATION_OK.has(name)) continue
      // Local regulations (××省政务公开条例) are real instruments of their own.
      if (/^[\u4e00-\u9fa5]{2,8}(省|市|自治区|自治州|县)/.test(name)) continue
      if (seen.has(name)) continue
      seen.add(name)
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `citation.${name}`,
        evidence: [textEvidence(ctx, start, end, '引用名称')],
        message: `引用了不存在的法规名称“《${ctx.text.slice(start + 1, end - 1)}》”，应为《中华人民共和国政府信息公开条例》（简称《条例》）。`
      })
    }
    // The issuer prefix is looked for only where a number 〔year〕n号 stands: a pattern that starts with
    // the prefix would be tried at every Chinese character of the report.
    for (const { start: at, end, m: n } of matchAll(ctx, /\[\s*((?:19|20)\d{2})\s*\]\s*(\d{1,4})\s*号/, ranges)) {
      const pre = /([\u4e00-\u9fa5]{1,8})\s*$/.exec(ctx.report.norm.slice(Math.max(0, at - 12), at))
      if (!pre) continue
      const start = at - pre[0].length
      const m = [ctx.report.norm.slice(start, end), pre[1], n[1], n[2]]
      const known = KNOWN_NUMBERS.find((k) => k.year === m[2] && k.no === m[3])
      if (!known) continue
      const prefix = m[1] as string
      if (prefix.endsWith(known.prefix)) continue
      // Only flag a prefix that claims the same issuer family (国办…), not a local document with the same number.
      if (!/国办|国务院/.test(prefix)) continue
      const key = `${prefix}${m[2]}${m[3]}`
      if (seen.has(key)) continue
      seen.add(key)
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `citation.${known.prefix}${m[2]}-${m[3]}`,
        evidence: [textEvidence(ctx, start, end, '文号')],
        message: `文号“${ctx.text.slice(start, end)}”有误：${known.name}的文号为${known.prefix}〔${m[2]}〕${m[3]}号。`
      })
    }
    return fromFindings(findings)
  }
}

export default rule
