import { cellState, quote } from '../lib/narrative.ts'
import { extract, type TopicSpec } from '../lib/statements.ts'
import { cellEvidence, textEvidence, usable } from '../evidence.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

const DOC = '(?:行政)?规范性文件'
const UNIT = '件个份'

type Col = 'issued' | 'repealed' | 'in_force' | 'new_made' | 'new_published' | 'total_published'
const COL_NAME: Record<Col, string> = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  in_force: '现行有效件数',
  new_made: '本年新制作数量',
  new_published: '本年新公开数量',
  total_published: '对外公开总数量'
}

/** What alone may stand between '现行有效规范性文件' and its count: '目录1份' counts something else. */
const BETWEEN = /^(?:\s|共计|共|合计|总计|累计|为|是|有|的|了|达|数量|件数|数|：|:)*$/

const VERB: Record<string, string> = { made: '制发|印发|出台|制定', repealed: '废止|宣布失效', in_force: '现行有效', published: '公开|发布' }

/** The counts of the 规范性文件 row as a report words them, per format (2019 has no repeal column). */
export function t2Topics(format: '2021' | '2019'): TopicSpec[] {
  const hit = TOPICS.get(format)
  if (hit) return hit
  const cols: [Col, string][] = [[format === '2021' ? 'issued' : 'new_made', VERB.made as string]]
  if (format === '2021') cols.push(['repealed', VERB.repealed as string], ['in_force', VERB.in_force as string])
  else cols.push(['new_published', VERB.published as string])
  const out: TopicSpec[] = cols.map(([col, verbs]) => ({
    id: col, anchors: [new RegExp(`(?:${verbs})了?[^，。；;,\\d]{0,8}?${DOC}(?:共计|共|合计)?`)], units: UNIT, gap: 4, between: BETWEEN, zeroable: true
  }))
  // 制发2件规范性文件: the verb shortly before the number says which column.
  const verbBefore = cols.map(([col, verbs]): [Col, RegExp] => [col, new RegExp(`(?:${verbs})了?(?:共计|共)?\\s{0,2}$`)])
  // 主动公开规章13件，行政规范性文件60件 / 制发规章0件、规范性文件2件: an item of a list of documents takes the
  // verb of the list's first item.
  const verbOfItem = cols.map(([col, verbs]): [Col, RegExp] => [col, new RegExp(`(?:${verbs})`)])
  out.push({
    id: 'listed', units: UNIT, gap: 2, anchors: [new RegExp(`(?:^|、)\\s{0,2}${DOC}`)],
    as: (c, at) => listVerb(c.sentence.text.slice(0, c.off + at), verbOfItem)
  })
  out.push({
    id: 'before', units: UNIT, gap: -1, before: 6, anchors: [new RegExp(DOC)], unclearWhy: '未说明是制发、废止还是现行有效',
    as: (c, at) => verbBefore.find(([, re]) => re.test(c.text.slice(Math.max(0, at - 8), at)))?.[0] ?? null
  })
  TOPICS.set(format, out)
  return out
}

const TOPICS = new Map<string, TopicSpec[]>()

/** Every verb of a 规范性文件 column in either format: an item naming one is not a bare list item. */
const ANY_VERB = new RegExp(Object.values(VERB).join('|'))
/** A list item: a kind of document and its count ('市政府其他文件162件', '规章 13 件'). */
const ITEM = /(?:规章|文件)\s{0,2}\d{1,6}\s{0,2}[件个份]\s{0,2}$/

/**
 * The column of a list item from the verb of the list's first item ('主动公开规章13件，行政规范性文件60件'):
 * walking back over items that name a kind of document and its count and nothing else, to the first item,
 * which must name one verb of the format's columns. Anything else before the item: no column.
 */
function listVerb(before: string, verbs: [Col, RegExp][]): Col | null {
  // Eight items back at most: the last 240 characters hold them (a longer list reads as no list, never as another).
  const items = before.slice(-240).replace(/[、，,]\s{0,2}$/, '').split(/[、，,]/)
  for (let k = items.length - 1, n = 0; k >= 0 && n < 8; k--, n++) {
    const item = items[k] as string
    if (!ITEM.test(item)) return null
    if (!ANY_VERB.test(item)) continue
    const hits = verbs.filter(([, re]) => re.test(item))
    return hits.length === 1 ? (hits[0] as [Col, RegExp])[0] : null
  }
  return null
}

// 正文所写规范性文件件数应与表二“第二十条第（一）项 行政规范性文件”一行一致。
const rule: ReportRule = {
  id: 'TXT-T2-COUNT',
  family: 'text',
  severity: 'warning',
  title: '正文所述规范性文件件数与表二一致',
  source: '国办公开办函〔2021〕30号 表二 第二十条第（一）项（行政规范性文件：本年制发件数、本年废止件数、现行有效件数）',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const ex = extract(ctx, t2Topics(ctx.format))
    const notes: string[] = [...ex.otherYears, ...ex.unclear].map((o) => `“${quote(ctx, o.start, o.end)}”${o.why}，不作比较`)
    const stmts = ex.stmts.map((x) => ({ ...x, col: x.topic as Col }))
    if (!stmts.length) return { outcome: 'N/A', findings: [], note: notes.length ? notes.join('；') : '正文未写出规范性文件件数' }
    const findings: Finding[] = []
    const unverifiable: string[] = []
    for (const col of Object.keys(COL_NAME) as Col[]) {
      const said = stmts.filter((s) => s.col === col)
      if (!said.length) continue
      const c = ctx.cell('T2', 'A20_1.normative_docs', col)
      const loc = `T2.normative_docs.${col}`
      if (!usable(c)) {
        const s = said[0]!
        // The table cell cannot be read or is blank (TBL-BLANK says so): not a finding of this rule.
        unverifiable.push(`正文写“${quote(ctx, s.start, s.end)}”，但表二规范性文件“${COL_NAME[col]}”${cellState(c)}，无法核对`)
        continue
      }
      const bad = said.filter((s) => s.value !== c.value)
      if (!bad.length) continue
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc,
        evidence: [...bad.map((s) => textEvidence(ctx, s.start, s.end, `正文：${s.value}件`)), cellEvidence(c)],
        message: `正文写“${bad.map((s) => quote(ctx, s.start, s.end)).join('”“')}”（${bad.map((s) => s.value).join('、')}件），表二规范性文件“${COL_NAME[col]}”为${c.value}，不一致。`
      })
    }
    const res = fromFindings(findings)
    if (res.outcome === 'PASS' && unverifiable.length) res.outcome = 'UNVERIFIABLE'
    notes.unshift(...unverifiable)
    if (notes.length) res.note = notes.join('；')
    return res
  }
}

export default rule
