// Blocks of a complete held-out real report (test/accuracy/holdout-full) for the `wide-*` layouts: the report's
// own prose (headings and paragraphs found in its stored text, a crawler's one paragraph or a markdown file), and
// its three tables rebuilt from its expected record on the grid of the template it was written in
// (resources/templates/template-2019.json or -2021.json: the 2019 tables for a 2019-template report, whatever
// its year). A table's text in the stored copy is dropped; the prose before it in its part stays.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ExpectedReport } from './corpus.ts'
import type { Block, Doc, TCell } from './doc.ts'

type Table = Extract<Block, { kind: 'table' }>

interface TplColumn {
  id: string
  label: string
}
interface TplT2Block {
  id: string
  title: string
  label_header: string
  columns: TplColumn[]
  rows: { id: string; label: string }[]
}
interface TplT3Row {
  id: string
  label: string
  level: number
  has_data: boolean
  parent?: string
}
interface Template {
  tables: { id: string; blocks?: TplT2Block[]; rows?: TplT3Row[]; columns?: TplColumn[] }[]
}

const cell = (text: string, colspan = 1, rowspan = 1): TCell => ({ text, colspan, rowspan })
const num = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v))

export function loadTemplate(root: string, format: string): Template {
  return JSON.parse(readFileSync(join(root, 'resources', 'templates', `template-${format}.json`), 'utf8')) as Template
}

/**
 * Cells the published text does not give ('T2|row|col'): a row wholly of them is a row the report leaves out,
 * unless `glued` gives the row's text as published (its digits run together: one cell over its value columns).
 */
const uncertainOf = (e: ExpectedReport): Set<string> => new Set(e.uncertain ?? [])

/**
 * 表二 on the template's grid: four columns; a block of one value column spans the three (the 2021 form), a block
 * of two leaves the fourth empty (the 2019 form). Rows the report leaves out (all cells uncertain) are left out.
 */
function t2Of(tpl: Template, e: ExpectedReport, glued: Record<string, string>): Table {
  const blocks = tpl.tables.find((t) => t.id === 'T2')?.blocks ?? []
  const unc = uncertainOf(e)
  const rows: TCell[][] = []
  const line = (label: string, texts: string[]): TCell[] => {
    if (texts.length === 1) return [cell(label), cell(texts[0] as string, 3)]
    return [cell(label), ...texts.map((t) => cell(t)), ...Array.from({ length: 3 - texts.length }, () => cell(''))]
  }
  for (const b of blocks) {
    const key = b.id.replace(/^T2\./, '')
    const present = b.rows.filter((r) => {
      const vals = e.tables.T2[`${key}.${r.id}`]
      return vals !== undefined && (glued[`${key}.${r.id}`] !== undefined || !b.columns.every((c) => unc.has(`T2|${key}.${r.id}|${c.id}`)))
    })
    if (!present.length) continue
    rows.push([cell(b.title, 4)])
    rows.push(line(b.label_header, b.columns.map((c) => c.label)))
    for (const r of present) {
      const g = glued[`${key}.${r.id}`]
      if (g !== undefined) {
        rows.push([cell(r.label), cell(g, b.columns.length), ...Array.from({ length: 3 - b.columns.length }, () => cell(''))])
        continue
      }
      const vals = e.tables.T2[`${key}.${r.id}`] as Record<string, number | null>
      rows.push(line(r.label, b.columns.map((c) => num(vals[c.id]))))
    }
  }
  return { kind: 'table', cls: 't2', rows }
}

/** 表三 on the template's grid: the corner note, the applicant header over three rows, labels spanned as printed. */
function t3Of(tpl: Template, e: ExpectedReport): Table {
  const t = tpl.tables.find((x) => x.id === 'T3')
  const trows = t?.rows ?? []
  const rows: TCell[][] = [
    [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), cell('申请人情况', 7)],
    [cell('自然人', 1, 2), cell('法人或其他组织', 5), cell('总计', 1, 2)],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((l) => cell(l)),
  ]
  const children = (id: string): TplT3Row[] => trows.filter((r) => r.parent === id)
  /** The table rows a label stands over: its data rows, or its children's. */
  const height = (r: TplT3Row): number => (r.has_data ? 1 : children(r.id).reduce((s, c) => s + height(c), 0))
  const values = (id: string): TCell[] => {
    const vs = e.tables.T3[id]
    if (!vs) throw new Error(`T3: no row ${id}`)
    return vs.map((v) => cell(num(v)))
  }
  const emit = (r: TplT3Row, lead: TCell[]): void => {
    if (r.has_data) {
      rows.push([...lead, cell(r.label, 3 - r.level), ...values(r.id)])
      return
    }
    const head = cell(r.label, 1, height(r))
    children(r.id).forEach((c, i) => emit(c, i === 0 ? [...lead, head] : []))
  }
  for (const r of trows.filter((x) => x.level === 0)) emit(r, [])
  return { kind: 'table', cls: 't3', rows }
}

/** 表四: 行政复议 over five columns, 行政诉讼 over ten (two groups of five), one row of fifteen values. */
function t4Of(e: ExpectedReport): Table {
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
  return {
    kind: 'table',
    cls: 't4',
    rows: [
      [cell('行政复议', 5), cell('行政诉讼', 10)],
      [...five.map((l) => cell(l, 1, 2)), cell('未经复议直接起诉', 5), cell('复议后起诉', 5)],
      [...five, ...five].map((l) => cell(l)),
      Object.values(e.tables.T4).map((v) => cell(num(v))),
    ],
  }
}

/** The three tables of a report on its template's grid. */
export function tablesFor(root: string, e: ExpectedReport, glued: Record<string, string> = {}): Map<string, Table> {
  const format = e.format === '2019' ? '2019' : '2021'
  const tpl = loadTemplate(root, format)
  return new Map([
    ['t2', t2Of(tpl, e, glued)],
    ['t3', t3Of(tpl, e)],
    ['t4', t4Of(e)],
  ])
}

const ORDER = '一二三四五六七八'
/** Words a part's heading ends with; a heading goes on past one followed by 及/和/与 (…问题及改进情况). */
const HEAD_END = /(?:情况|事项|计划|举措|成效|问题|措施)(?![及和与、])/
/** How the template's parts begin (a heading glued to the word before it is one of these). */
const PART_WORDS = /^(?:总体情况|主动公开|收到和处理|政府信息公开行政|存在的|其他需)/
/** Row labels of 表三 that look like part headings (一、本年新收… 四、结转下年度…). */
const T3_ROW = /^(?:本年新收|上年结转|本年度办理|结转下年度)/
/** Where a part's table begins in the stored text: its prose before this stays, the rest of the part is dropped. */
const TABLE_START: Record<string, RegExp> = {
  t2: /第二十条|信息内容|\|/,
  t3: /[（(]?本列数据|申请人情况|\|/,
  t4: /行政复议\s*(?:行政诉讼|$)|结果维持|\|/m,
}
/** Which table a part holds, by its heading's words. */
function tableOfHeading(h: string): string | undefined {
  if (/主动公开/.test(h)) return 't2'
  if (/收到和处理|公开申请/.test(h)) return 't3'
  if (/复议|诉讼/.test(h)) return 't4'
  return undefined
}

interface Heading {
  at: number
  end: number
  text: string
}

/** The parts' headings (一、… in order), each standing after a sentence's end, a line break or a table's digits. */
function headingsOf(body: string): Heading[] {
  const out: Heading[] = []
  let from = 0
  for (const no of ORDER) {
    let found: Heading | undefined
    for (let at = body.indexOf(`${no}、`, from); at >= 0; at = body.indexOf(`${no}、`, at + 1)) {
      const before = at === 0 ? '\n' : (body[at - 1] as string)
      const rest = body.slice(at + 2, at + 42)
      // After a table's unit (…75394432.52元三、收到…) only a part's own words make a heading.
      if (!/[\s。；;：:！？”）)\d|#]/.test(before) && !PART_WORDS.test(rest)) continue
      if (T3_ROW.test(rest)) continue
      const m = HEAD_END.exec(rest)
      if (!m || /[。；，]/.test(rest.slice(0, m.index))) continue
      found = { at, end: at + 2 + m.index + m[0].length, text: body.slice(at, at + 2 + m.index + m[0].length) }
      break
    }
    if (!found) break
    out.push(found)
    from = found.end
  }
  return out
}

/** A part's prose as paragraphs: one per line of the stored text, a new one at each （一）-style sub-heading. */
function paragraphs(text: string): Block[] {
  const out: Block[] = []
  for (const line of text.split('\n')) {
    const l = line.replace(/^#+\s*/, '').trim()
    if (!l || l.startsWith('|') || /^[-—]+\s*\d+\s*[-—]+$/.test(l)) continue
    for (const p of l.split(/(?<=^|[。；：！？\s])(?=[（(][一二三四五六七八九十]{1,2}[）)])/)) if (p.trim()) out.push({ kind: 'p', cls: '', text: p.trim() })
  }
  return out
}

/** The 信息处理费 table some 2025 reports give a part of its own (通知收取件数 … 信息处理费收取情况 0 0 0). */
function feeTable(text: string): Table | undefined {
  const m = /通知收取件数\s*通知收取金额（元）\s*实际收取金额（元）\s*信息处理费收取情况\s*(\d+(?:\.\d+)?)\s*(\d+(?:\.\d+)?)\s*(\d+(?:\.\d+)?)/.exec(text)
  if (!m) return undefined
  return {
    kind: 'table',
    cls: 'fee',
    rows: [
      [cell(''), cell('通知收取件数'), cell('通知收取金额（元）'), cell('实际收取金额（元）')],
      [cell('信息处理费收取情况'), cell(m[1] as string), cell(m[2] as string), cell(m[3] as string)],
    ],
  }
}

/** The body of a stored copy: after a crawler's `正文` rule, or the whole text; its title (a `标题:` line or a `# ` line). */
function bodyAndTitle(stored: string): { title: string; body: string } {
  const rule = stored.indexOf('==================== 正文 ====================')
  if (rule >= 0) {
    const title = (/^标题:\s*(.*)$/m.exec(stored.slice(0, rule))?.[1] ?? '').trim()
    // The page chrome a crawler kept inline (位置, 来源/时间, share buttons, 附件下载) is no part of the report.
    let body = stored
      .slice(rule + 44)
      .replace(/当前位置：[^\n]*?(?=来源：)/, '')
      .replace(/来源：[^\n。]*?相关链接：\s*/, '')
      .replace(/\s*附件下载\s*$/, '')
      .trim()
    // The body often opens with the title again (as printed, sometimes broken by a space).
    const squeezed = title.replace(/\s+/g, '')
    for (let again = true; again && squeezed; ) {
      let k = 0
      let i = 0
      while (i < body.length && k < squeezed.length) {
        if (/\s/.test(body[i] as string)) i++
        else if (body[i] === squeezed[k]) {
          i++
          k++
        }
        else break
      }
      again = k === squeezed.length
      if (again) body = body.slice(i).trim()
    }
    // Or with the title as printed, worded otherwise than the page's (…2019年政府信息… under …2019年度…): that one is the report's.
    const printed = /^(\S{6,40}?年度报告)\s+/.exec(body)
    if (printed) return { title: printed[1] as string, body: body.slice(printed[0].length) }
    return { title, body }
  }
  const m = /^#\s+(.*)$/m.exec(stored)
  return { title: (m?.[1] ?? '').trim(), body: m ? stored.slice((m.index ?? 0) + m[0].length).trim() : stored }
}

/** The 落款 at the end of the last part: the body's name and a date. */
function splitSign(whole: string, body: string | undefined): { text: string; sign: string[] } {
  // A letter's 版记 (…党政办公室 2022年1月7日印发) closes it after the 落款.
  const issued = /\s*([\u4e00-\u9fa5]{2,30}\s*\d{4}年\d{1,2}月\d{1,2}日印发)\s*$/.exec(whole)
  const text = issued ? whole.slice(0, issued.index) : whole
  const tail = issued ? [issued[1] as string] : []
  const m = /([\u4e00-\u9fa5（）()]{4,40}?)\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*$/.exec(text)
  if (!m || !body || !m[1]?.includes(body.replace(/^平潭综合实验区/, ''))) return { text: whole, sign: [] }
  const name = (m[1] as string).replace(/^此函/, '')
  return { text: text.slice(0, m.index).replace(/此函\s*$/, '').trim(), sign: [name, m[2] as string, ...tail] }
}

/** A held-out report as blocks: its title, its parts' headings and prose, its tables rebuilt on its template's grid. */
export function wideDoc(stored: string, tables: Map<string, Table>, e: ExpectedReport): Doc {
  const { title, body } = bodyAndTitle(stored)
  const heads = headingsOf(body)
  if (heads.length < 5) throw new Error(`only ${heads.length} part headings found`)
  const blocks: Block[] = [{ kind: 'p', cls: 'title', text: title }]
  blocks.push(...paragraphs(body.slice(0, (heads[0] as Heading).at)))
  heads.forEach((h, i) => {
    blocks.push({ kind: 'p', cls: 'h', text: h.text })
    let text = body.slice(h.end, heads[i + 1]?.at ?? body.length)
    const sign: string[] = []
    if (i === heads.length - 1) {
      const s = splitSign(text.trim(), e.body ?? e.township ?? undefined)
      text = s.text
      sign.push(...s.sign)
    }
    const t = tableOfHeading(h.text)
    const fee = /信息处理费/.test(h.text) ? feeTable(text) : undefined
    if (t && tables.has(t)) {
      const start = TABLE_START[t]?.exec(text)
      blocks.push(...paragraphs(start ? text.slice(0, start.index) : ''))
      blocks.push(tables.get(t) as Table)
      tables.delete(t)
    } else if (fee) blocks.push(fee)
    else blocks.push(...paragraphs(text))
    // The 落款 (name, date); a letter's 版记 after it is a plain line.
    sign.forEach((s, k) => blocks.push({ kind: 'p', cls: k < 2 ? 'sign' : '', text: s }))
  })
  if (tables.size) throw new Error(`tables without a part: ${[...tables.keys()].join(', ')}`)
  return { blocks }
}
