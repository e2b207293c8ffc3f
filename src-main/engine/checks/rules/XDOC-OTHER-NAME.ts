import { townshipKey } from '../../parse/meta.ts'
import { sentenceAround } from '../evidence.ts'
import { ownText, reportEvidence, PerReport } from '../lib/batch.ts'
import type { BatchReport, BatchRule, Evidence, Severity } from '../types.ts'

const OWN_CONTEXT = /我镇|我乡|本镇|本乡|我街道|本街道|全镇|全乡/
/**
 * Words that put another township beside the own one ('我镇与平安镇联合…', '赴平安镇学习', '借鉴平安镇'):
 * the sentence names a second body on purpose, which an unadapted copy does not. Anchored at the end of
 * the few characters before the name, so the test is linear.
 */
const BESIDE = /(?:与|和|同|跟|向|赴|到|及|前往|联合|协同|配合|借鉴|学习|毗邻|相邻|邻近|交界|接壤|对口)$/

/** The name stands inside a cited title (《平安镇…方案》) of the sentence: the document's, not the report's. */
function inCitation(norm: string, sentStart: number, at: number): boolean {
  const open = norm.lastIndexOf('《', at)
  return open >= sentStart && norm.lastIndexOf('》', at) < open
}

/**
 * Only township names are compared (乡/镇/街道/苏木, from the roster or the batch's township bodies):
 * a city, a county or a whole body name ('人民政府办公厅' from a cited 《…人民政府办公厅关于…》) is
 * named by every report and proves no copying.
 */
function usableName(n: string): boolean {
  return n.length >= 2 && /(乡|镇|街道|苏木)$/.test(n) && !/^(?:本|我|全|各|该|此|乡|镇|街道)/.test(n)
}

interface Hit {
  start: number
  end: number
  where: 'title' | 'sign' | 'own' | 'text'
}

const WHERE: Record<Hit['where'], string> = { title: '标题中', sign: '落款中', own: '“我镇/我乡”语境中', text: '正文中' }

/** Start of the closing lines (落款): up to three short non-empty lines at the end, after section 六's title. */
function signZone(r: BatchReport): number {
  const s6 = r.report.sections.find((s) => s.id === 'S6')
  const floor = s6?.found && s6.titleSpan ? s6.titleSpan.end : r.text.length
  const lines = r.text.split('\n')
  const starts: number[] = []
  let pos = 0
  for (const l of lines) {
    starts.push(pos)
    pos += l.length + 1
  }
  let zone = r.text.length
  let n = 0
  for (let i = lines.length - 1; i >= 0 && n < 3; i--) {
    const t = (lines[i] as string).trim()
    if (t === '') continue
    if (t.length > 30 || (starts[i] as number) < floor) break
    zone = starts[i] as number
    n++
  }
  return zone
}

// A report that names another township of the county (in its title, 落款 or as "我镇") was
// copied from that township's report and not fully adapted.
const rule: BatchRule = {
  id: 'XDOC-OTHER-NAME',
  family: 'cross',
  severity: 'error',
  title: '报告中出现其他乡镇名称',
  source: '《政府信息公开条例》第四十七条（内容不准确）；照搬其他乡镇年报的直接证据',
  confidence: 'T',
  checkBatch(ctx) {
    const out = new PerReport()
    const owners = new Map<string, BatchReport[]>()
    for (const r of ctx.reports) {
      if (!r.township) continue
      const l = owners.get(r.township)
      if (l) l.push(r)
      else owners.set(r.township, [r])
    }
    const roster = new Set((ctx.settings.roster ?? []).map((n) => townshipKey(n)).filter((n) => n !== ''))
    const names = [...new Set([...owners.keys(), ...roster])].filter(usableName).sort((a, b) => b.length - a.length)
    if (names.length < 2) return { perReport: out.map, outcome: 'N/A', note: '批次和名册中没有其他乡镇名称可比对' }
    const nameSet = new Set(names)
    const maxLen = Math.max(...names.map((n) => n.length))
    // Made once for the batch: made per report, it cost reports × names (quadratic in a province).
    const ends = new Set(names.map((n) => n.charCodeAt(n.length - 1)))
    for (const r of ctx.reports) {
      // Without the report's own township its own name cannot be told from another one.
      if (!r.township) continue
      const own = new Set<string>()
      own.add(r.township)
      // The 落款 is not taken as the own name: a copied report often keeps the other township's 落款.
      if (r.report.body?.name) {
        own.add(townshipKey(r.report.body.name))
        // The units above it in its own name ('淮安市' of 淮安市洪泽区人民政府) are its own, not another body's.
        for (const u of r.report.body.name.match(/[^省市区县旗州盟]{1,10}?[省市区县旗州盟]/g) ?? []) own.add(u)
      }
      const norm = r.report.norm
      const taken = new Uint8Array(norm.length)
      const hits = new Map<string, Hit[]>()
      const title = r.report.title?.span
      const sign = r.report.signBody?.span
      const zone = signZone(r)
      // Longest names first, so that 平安镇 inside 新平安镇 is not counted as 平安镇.
      for (const name of [...new Set([...namesIn(norm, nameSet, ends, maxLen), ...own])].sort((a, b) => b.length - a.length)) {
        for (let i = norm.indexOf(name); i >= 0; i = norm.indexOf(name, i + 1)) {
          const end = i + name.length
          if (taken.subarray(i, end).some((x) => x)) continue
          taken.fill(1, i, end)
          if (own.has(name)) continue
          // '淮安市洪泽区…' in the 洪泽区 report: the city written before the report's own name.
          if ([...own].some((o) => norm.startsWith(o, end))) continue
          const sent = sentenceAround(norm, i, end)
          const where: Hit['where'] =
            title && i < title.end && end > title.start ? 'title'
            : (sign && i < sign.end && end > sign.start) || i >= zone ? 'sign'
            : OWN_CONTEXT.test(norm.slice(sent.start, sent.end)) && !BESIDE.test(norm.slice(Math.max(sent.start, i - 4), i)) && !inCitation(norm, sent.start, i)
              ? 'own'
            : 'text'
          hits.set(name, [...(hits.get(name) ?? []), { start: i, end, where }])
        }
      }
      for (const [name, hs] of hits) {
        const strong = hs.filter((h) => h.where !== 'text')
        const severity: Severity = strong.length ? 'error' : 'warning'
        const evidence: Evidence[] = hs.slice(0, 10).map((h) => {
          const sent = sentenceAround(norm, h.start, h.end)
          return ownText(r, sent.start, sent.end, `${WHERE[h.where]}出现“${name}”`)
        })
        for (const o of owners.get(name) ?? []) evidence.push(reportEvidence(o, `批次中“${name}”的年报`))
        if (!owners.has(name)) evidence.push({ kind: 'note', text: `“${name}”是名册中的乡镇` })
        const places = [...new Set(hs.map((h) => WHERE[h.where]))].join('、')
        out.add(r.reportId, {
          rule: rule.id, severity, outcome: 'FAIL', loc: `name.${name}`, evidence,
          message:
            severity === 'error'
              ? `报告${places}出现其他乡镇名称“${name}”（${hs.length} 处），疑似套用其他乡镇年报后未改净，请核实。`
              : `报告正文提到其他乡镇“${name}”（${hs.length} 处），请确认是否为照搬其他乡镇年报的遗留。`
        })
      }
    }
    return { perReport: out.map, outcome: out.anyFail() ? 'FAIL' : 'PASS' }
  }
}

export default rule

/** Names of the set that occur in the text, found by their last character in one pass (names end in 乡/镇/道…). */
function namesIn(text: string, names: Set<string>, ends: Set<number>, maxLen: number): string[] {
  const found = new Set<string>()
  for (let i = 0; i < text.length; i++) {
    if (!ends.has(text.charCodeAt(i))) continue
    for (let len = 2; len <= maxLen && len <= i + 1; len++) {
      const cand = text.slice(i + 1 - len, i + 1)
      if (names.has(cand)) found.add(cand)
    }
  }
  return [...found]
}
