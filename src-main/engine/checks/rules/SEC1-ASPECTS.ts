import { matchAll, paragraphs, sectionBody, spanEvidence } from '../lib/narrative.ts'
import { na, pass, type Evidence, type ReportRule } from '../types.ts'

const ASPECTS: { id: string; label: string; re: RegExp }[] = [
  // 主动公示/主动发布 say the same as 主动公开, and so does 向社会公开/公布 (the body publishing of its own
  // accord, 条例 第十九条); a plain 上网发布 does not (seed 000 has no 主动公开 part).
  { id: 'active', label: '主动公开', re: /主动(?:公开|公示|发布)|向社会(?:公开|公布)/ },
  { id: 'request', label: '依申请公开', re: /依申请|信息公开申请|申请公开/ },
  // Managing information is reviewing it before release (信息经层层审核后发布, 审核、发布 accounts,
  // 保密审查, a 三审三校 or 审签 procedure); a bare 审查 of 政务公开 in general is not (seed 000).
  { id: 'management', label: '政府信息管理', re: /信息管理|信息[^。；;\n]{0,6}?审核|审核[^。；;\n]{0,4}?发布|发布审核|保密审查|三审|审签/ },
  { id: 'platform', label: '政府信息公开平台建设', re: /平台|网站|新媒体/ },
  { id: 'supervision', label: '监督保障', re: /监督|保障|考核/ }
]
const HEADING = /^[-*#\s]{0,20}(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+\s*[、.．])/

// 国办公开办函〔2021〕30号：总体情况主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面。
const rule: ReportRule = {
  id: 'SEC1-ASPECTS',
  family: 'section',
  severity: 'warning',
  title: '“总体情况”涵盖五个方面',
  source: '国办公开办函〔2021〕30号 格式说明（一）：总体情况包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障',
  confidence: 'V',
  formats: ['2021', '2019'],
  check(ctx) {
    const s = sectionBody(ctx, 'S1')
    if (!s) return na('未找到第一部分')
    const paras = paragraphs(ctx, s.start, s.end)
    const missing: string[] = []
    const keywordOnly: string[] = []
    for (const a of ASPECTS) {
      const heading = paras.find((p) => HEADING.test(p.norm) && a.re.test(p.norm.slice(0, 24)))
      if (heading) continue
      const hit = matchAll(ctx, a.re, [{ start: s.start, end: s.end }])[0]
      if (hit) keywordOnly.push(`${a.label}（仅正文提到“${hit.m[0]}”）`)
      else missing.push(a.label)
    }
    const note = keywordOnly.length ? `无小标题、由正文关键词满足：${keywordOnly.join('；')}` : undefined
    if (!missing.length) return pass(note)
    const severity = ctx.format === '2021' ? 'warning' : 'info'
    const evidence: Evidence[] = [spanEvidence(ctx, s.start, s.end, '第一部分“总体情况”')]
    return {
      outcome: 'FAIL',
      note,
      findings: [
        {
          rule: rule.id, severity, outcome: 'FAIL', loc: 'S1.aspects', evidence,
          message: `“一、总体情况”未涉及：${missing.join('、')}${ctx.format === '2019' ? '（2019年试行格式，作提示）' : ''}。总体情况应概述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面。`
        }
      ]
    }
  }
}

export default rule
