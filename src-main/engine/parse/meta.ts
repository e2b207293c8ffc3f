// Title, issuing body, report year and the signature (落款) of a report. Web copies carry crawler
// headers ('标题:', '来源:', '发布机构:'), breadcrumbs ('当前位置：首页 > …'), font and print links and page
// footers: those are never the report's own words, so the body and year are never taken from them.
import type { Line, ReportMeta, Span } from '../model.ts'
import { foldText, labelKey } from './normalize.ts'
import { quotesReport } from './titleQuote.ts'

export type { ReportMeta } from '../model.ts'

// A township or street, a government, or a department of one (上海市人民政府办公厅, XX县财政局): the bodies
// whose reports are 政府信息公开工作年度报告.
// '市科委', '县发改委': a commission is named by its short form as often as by 委员会 (not 党委: not a report's body).
const AGENCY_END = /(人民政府|政府|办事处|街道|镇|乡|办公厅|办公室|局|委员会|(?<!党)委|管委会|公署)$/
/**
 * A line standing alone (under the title, or as the 落款) is taken for the body only when it names a township,
 * street or government: '某某镇党政办公室' there is the office that drafted a township's report, not its body.
 */
const GOV_END = /(人民政府|政府|办事处|街道|镇|乡)$/
/** A region named without its 政府 ('平潭综合实验区', '洪泽区'); not '全区' or '本县'. */
const REGION_END = /^(?![全本我])\S{1,20}[区县市旗州盟]$/
/** A township unit's name left after a county government's name: 'XX街道', 'XX镇', 'XX乡'. */
const GOV_UNIT = /^[^市区县旗州盟]{1,10}(?:街道|镇|乡)$/
/** A department's name: its key is the whole name (its last place name would be its government's key). */
const DEPARTMENT_END = /(办公厅|办公室|局|委员会|(?<!党)委|管委会|公署)$/
/**
 * A name standing alone above or below the title, or as the 落款, that is the report's body: a township, street
 * or government, a region, or a department of a county or city ('…交通与建设局', '…人民政府办公厅'). A township's
 * own office ('某某镇党政办公室') or a party office is the office that drafted the report, not its body.
 */
function standaloneBody(k: string): boolean {
  if (GOV_END.test(k)) return true
  if (DEPARTMENT_END.test(k)) return !/镇|乡|街道|党/.test(k)
  return REGION_END.test(k)
}
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s)
  if (s.length === 4 && [...s].every((c) => c in CN_DIGIT)) return Number([...s].map((c) => CN_DIGIT[c]).join(''))
  // 十, 十二, 二十, 二十五, 三十一
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(s)
  if (m) return (m[1] ? (CN_DIGIT[m[1]] as number) : 1) * 10 + (m[2] ? (CN_DIGIT[m[2]] as number) : 0)
  if (s.length === 1 && s in CN_DIGIT) return CN_DIGIT[s] as number
  return null
}

/**
 * Township key of an issuing body: '云阳县平安镇人民政府', '平安镇' and '平安镇人民政府' all give '平安镇'.
 * Streets keep '街道'. A county or city body gives its last unit ('淮安市洪泽区人民政府' and '洪泽区人民政府'
 * both give '洪泽区'), so that two years of the same body pair up. Falls back to the name without 人民政府.
 */
export function townshipKey(name: string): string {
  let s = foldText(name).replace(/\s+/g, '').replace(/(人民政府|政府|党委|办事处)+$/, '')
  // '广州市荔湾区人民政府南源街道办事处': a county's government named before the street's office is no part of its name.
  const gov = s.lastIndexOf('人民政府')
  if (gov >= 0 && GOV_UNIT.test(s.slice(gov + 4))) s = s.slice(gov + 4)
  if (DEPARTMENT_END.test(s)) return s
  const m = /([^市区县旗州盟]{1,10}?(?:街道|镇|乡))$/.exec(s)
  if (m) return m[1] as string
  const unit = /([^省市区县旗州盟]{1,10}[市区县旗州盟])$/.exec(s)
  if (unit) return unit[1] as string
  const cut = s.search(/[^市区县旗州盟]+$/)
  if (cut > 0) s = s.slice(cut)
  return s
}

/**
 * Lines that belong to the web page around a report, not to the report: crawler headers, breadcrumbs,
 * font-size, print and share links, page counters, copyright footers. Tested on the folded key.
 */
const PAGE_CHROME =
  /^(?:标题|题目|文章标题|来源|信息来源|文章来源|发布机构|发文机关|发布单位|发布机关|发布人|发布日期|发布时间|成文日期|生成日期|更新时间|日期|时间|索引号|主题分类|体裁分类|公开方式|公开范围|公开时限|文号|发文字号|栏目|所属栏目|栏目名称|原文链接|原文地址|原文网址|本地目录|页面链接|作者|编辑|责任编辑|访问量|浏览次数|浏览量|阅读次数|点击数|点击率|字号|字体|分享到?|打印|关闭|关闭窗口|打印本页|当前位置|您当前的位置|您的位置|您现在的位置|所在位置|首页|主办单位|主办|承办|承办单位|网站标识码|版权所有|联系电话|联系我们|网站地图|ICP|备案号|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]ICP备|公网安备|扫一扫|微信|微博|url|URL|source|title)(?:[:：>\]]|$)/
const CHROME_INSIDE = /\[字体|字号[:：]?大中小|\[打印|\[关闭|分享到|扫一扫在手机|首页>|>首页/

/** Whether a line is page chrome rather than report text (key: labelKey of the line). */
export function isPageChrome(key: string): boolean {
  const k = key.replace(/^[#>\-+]+/, '')
  return PAGE_CHROME.test(k) || CHROME_INSIDE.test(k)
}

interface Plain {
  text: string
  start: number
  end: number
}

function plain(line: Line, text: string): Plain | null {
  const cells = line.cells.filter((c) => c.text.trim() !== '')
  const first = cells[0]
  const last = cells[cells.length - 1]
  if (!first || !last) return null
  // Markdown heading and emphasis marks are not part of the title: start after them.
  let start = first.start
  while (start < last.end && /[#>*\s]/.test(text[start] as string)) start++
  let end = last.end
  while (end > start && /[#*\s]/.test(text[end - 1] as string)) end--
  if (end <= start) return null
  return { text: text.slice(start, end), start, end }
}

/** The value after a crawler '标题:' label (the report's title as the site gave it), or null. */
function crawlerTitle(p: Plain): Plain | null {
  const m = /^\s*(?:标题|题目|文章标题|title)\s*[:：]\s*/i.exec(foldText(p.text))
  if (!m) return null
  return { text: p.text.slice(m[0].length), start: p.start + m[0].length, end: p.end }
}

const TITLE = /政府信息公开[^。，]{0,8}?报\s*告|信息公开[^。，]{0,6}?年\s*报/g
/**
 * A title whose words the site garbled ('昌图县七家子镇2023年政府信息公开 工作告年度报'): the year and
 * 政府信息公开 on one short line with no sentence punctuation. Only tried when no proper title is found.
 */
const LOOSE_TITLE = /(?:19|20)\d{2}\s*年度?\s*政府信息公开/g
const LOOSE_TITLE_LINE_MAX = 40

/**
 * The first mention of the report's name that is its title, not a sentence quoting it
 * ('本年度报告按照《…关于做好2023年政府信息公开工作年度报告有关工作的通知》要求编制').
 */
function titleMatch(folded: string, lineOf: number[], head: Plain[]): RegExpExecArray | null {
  const lineStart = (li: number): number => head.slice(0, li).reduce((a, h) => a + h.text.length, 0)
  const quoted = (m: RegExpExecArray): boolean => {
    const before = folded.slice(lineStart(lineOf[m.index] as number), m.index)
    const lead = before.slice(lastOf(before, /[。；;！？!?:：>》\]】|]/) + 1)
    return quotesReport(lead, (k) => AGENCY_END.test(k))
  }
  let m: RegExpExecArray | null
  TITLE.lastIndex = 0
  while ((m = TITLE.exec(folded))) if (!quoted(m)) return m
  LOOSE_TITLE.lastIndex = 0
  while ((m = LOOSE_TITLE.exec(folded))) {
    const li = lineOf[m.index] as number
    const line = folded.slice(lineStart(li), lineStart(li) + (head[li] as Plain).text.length)
    if (quoted(m) || /[。，,；;：:！？!?]/.test(line) || line.replace(/\s+/g, '').length > LOOSE_TITLE_LINE_MAX) continue
    // The match runs to the end of its line: the garbled rest belongs to the title.
    const whole = /\S(?:.*\S)?/.exec(line.slice(m.index - lineStart(li))) as RegExpExecArray
    const out = [whole[0]] as unknown as RegExpExecArray
    out.index = m.index
    out.input = folded
    return out
  }
  return null
}
/** Where a body name before the year stops: punctuation, crawler separators, markdown. */
const BODY_CUT = /[:：>》\]】|、，,。;；!！?？#*]/

/** Statistics period: '统计期限自2023年1月1日起至2023年12月31日止', also split over lines. */
const PERIOD = /统计(?:期限|时限|数据|时间|区间|周期|范围|口径)[^。]{0,30}?((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日/

export function readMeta(lines: Line[], text: string, firstSectionStart: number | undefined): ReportMeta {
  const meta: ReportMeta = {}
  const head: Plain[] = []
  const siteTitles: Plain[] = []
  for (const l of lines) {
    if (head.length >= 12) break
    const p = plain(l, text)
    if (!p) continue
    if (firstSectionStart !== undefined && p.start >= firstSectionStart) break
    // A heading glued to the preface in one paragraph: the head stops at section 一.
    if (firstSectionStart !== undefined && p.end > firstSectionStart) p.end = firstSectionStart
    const key = labelKey(p.text)
    if (isPageChrome(key)) {
      const t = crawlerTitle(p)
      if (t) siteTitles.push(t)
      continue
    }
    head.push({ text: text.slice(p.start, p.end), start: p.start, end: p.end })
  }
  readTitle(meta, head, text) || readTitle(meta, siteTitles, text)
  // The site's copy of the title above the report's own ('关于2021年度…报告' / 'XX镇人民政府' / '关于2021年度…报告'):
  // when the first gives no body, a later title line that does is the report's.
  if (meta.title && !meta.body) {
    const at = head.findIndex((h) => h.end > (meta.title as { span: Span }).span.start)
    const later: ReportMeta = {}
    if (at >= 0 && readTitle(later, head.slice(at + 1), text) && later.body && (later.year === undefined || later.year === meta.year)) {
      Object.assign(meta, { title: later.title, body: later.body, year: later.year ?? meta.year, yearSpan: later.yearSpan ?? meta.yearSpan })
    }
  }
  readSignature(meta, lines, text)
  if (meta.year === undefined) yearFromPeriod(meta, text, firstSectionStart)
  if (meta.year === undefined) yearFromOverview(meta, text, firstSectionStart)
  if (!meta.body && meta.signBody) {
    meta.body = { name: meta.signBody.name, township: townshipKey(meta.signBody.name), span: meta.signBody.span }
  }
  return meta
}

/** Title, year and body from the first lines; false when no title is there. */
function readTitle(meta: ReportMeta, head: Plain[], text: string): boolean {
  // The title may be split over lines anywhere ('…工作年度' + '报告'): match on the joined head.
  let joined = ''
  const origin: number[] = []
  const lineOf: number[] = []
  head.forEach((h, li) => {
    for (let k = 0; k < h.text.length; k++) {
      origin.push(h.start + k)
      lineOf.push(li)
    }
    joined += h.text
  })
  const folded = foldText(joined)
  const tm = titleMatch(folded, lineOf, head)
  if (!tm) return false
  const endIdx = tm.index + tm[0].length - 1
  const titleLine = lineOf[tm.index] as number
  let startLine = titleLine
  const lineStart = (li: number): number => head.slice(0, li).reduce((a, h) => a + h.text.length, 0)
  // Within its line the title starts after the last sentence or crawler separator before it.
  let jStart = lineStart(titleLine)
  for (let k = tm.index - 1; k >= jStart; k--) {
    if (/[。；;！？!?:：>》\]】|]/.test(folded[k] as string)) {
      jStart = k + 1
      break
    }
  }
  // The body and '2023年' may stand on the lines above ('XX镇人民政府' / '2023年' / '政府信息公开…').
  for (let up = 0; up < 2 && startLine > 0 && jStart === lineStart(startLine); up++) {
    const prev = head[startLine - 1] as Plain
    const pk = labelKey(prev.text)
    const rest = folded.slice(jStart, tm.index)
    const yearAbove = /^(?:19|20)\d{2}年度?$/.test(pk) && !/(?:19|20)\d{2}\s*年/.test(rest)
    const bodyAbove = standaloneBody(pk) && /^\s*(?:关于\s*)?(?:19|20)\d{2}/.test(folded.slice(jStart))
    // '2024年南关区永吉街道办事处' / '政府信息公开工作年度报告': year and body on the line above.
    const yearBodyAbove = /^(?:19|20)\d{2}年度?/.test(pk) && standaloneBody(pk.replace(/^(?:19|20)\d{2}年度?/, '')) && !/(?:19|20)\d{2}\s*年/.test(rest)
    if (pk.length > 30 || (!yearAbove && !bodyAbove && !yearBodyAbove)) break
    startLine--
    jStart = lineStart(startLine)
  }
  while (jStart < endIdx && /\s/.test(folded[jStart] as string)) jStart++
  const tStart = origin[jStart] as number
  const tEnd = (origin[endIdx] as number) + 1
  // The title as the lines give it: line breaks and markdown marks between its lines are not part of it.
  const titleText = joined.slice(jStart, endIdx + 1)
  const at = (k: number): number => origin[jStart + Math.min(k, titleText.length - 1)] as number
  meta.title = { text: titleText, span: { start: tStart, end: tEnd } }
  const tf = folded.slice(jStart, endIdx + 1)
  const y = /((?:19|20)\d{2})\s*年/.exec(tf)
  if (!y) {
    // A title without its year ('驼峰路街道办事处政府信息公开工作年度报告'): the body is what stands before
    // 政府信息公开, when it is a government's name.
    const pre = /^([^\s]{2,30}?)政府信息公开/.exec(tf)
    const name = pre ? labelKey(pre[1] as string) : ''
    if (pre && GOV_END.test(name) && !BODY_CUT.test(pre[1] as string) && !/^(?:关于|根据|依据|按照)/.test(name)) {
      meta.body = { name, township: townshipKey(name), span: { start: at(0), end: at((pre[1] as string).length - 1) + 1 } }
    }
    return true
  }
  meta.year = Number(y[1])
  meta.yearSpan = { start: at(y.index), end: at(y.index + 3) + 1 }
  const beforeYear = tf.slice(0, y.index)
  const cut = lastOf(beforeYear, BODY_CUT)
  // 'XX镇人民政府关于2021年度…' / '…关于报送2020年度…的函': 关于 (报送) belongs to the title, not to the body.
  const about = /关于(?:\s*(?:报送|印发|公布|发布))?\s*$/.exec(beforeYear)
  const nameEnd = about ? about.index : y.index
  let bodyName = labelKey(beforeYear.slice(cut + 1, nameEnd))
  let bStart = at(cut + 1)
  let bEnd = nameEnd > 0 ? at(nameEnd - 1) + 1 : bStart
  if (!bodyName) {
    const after = /^((?:19|20)\d{2}\s*年度?)(.+?)政府信息公开/.exec(tf)
    // '2019年平潭综合实验区政府信息公开…': a region's 政府 is read as part of 政府信息公开
    if (after && (AGENCY_END.test(labelKey(after[2] as string)) || REGION_END.test(labelKey(after[2] as string)))) {
      bodyName = labelKey(after[2] as string)
      bStart = at((after[1] as string).length)
      bEnd = at((after[1] as string).length + (after[2] as string).length - 1) + 1
    } else bodyName = ''
  }
  if (!bodyName) {
    // 'XXXX年政府信息公开工作年度报告' with the body on the line below it ('桃江县松木塘镇人民政府').
    const below = head[lineOf[endIdx] as number + 1]
    const bk = below ? labelKey(below.text) : ''
    // Not the preface's first line ('根据《…条例》和《上海市政府'): a name quotes no document.
    if (below && bk.length >= 2 && bk.length <= 30 && standaloneBody(bk) && !/[。，,；;：:《》“”"]/.test(bk) && !/^(?:根据|依据|按照)/.test(bk)) {
      bodyName = bk
      bStart = below.start
      bEnd = below.end
    }
  }
  if (bodyName) {
    while (bStart < bEnd && /\s/.test(text[bStart] as string)) bStart++
    while (bEnd > bStart && /\s/.test(text[bEnd - 1] as string)) bEnd--
    meta.body = { name: bodyName, township: townshipKey(bodyName), span: { start: bStart, end: bEnd } }
  }
  return true
}

const DATE = /(\d{4}|[〇零一二三四五六七八九O]{4})\s*年\s*(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*月\s*(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日$/

function isoDate(m: RegExpExecArray): string | null {
  const y = cnNumber(m[1] as string)
  const mo = cnNumber(m[2] as string)
  const d = cnNumber(m[3] as string)
  if (!y || !mo || !d || mo > 12 || d > 31) return null
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** 落款: the body and the date at the end, above any page footer; also glued to the last sentence. */
function readSignature(meta: ReportMeta, lines: Line[], text: string): void {
  const tail: Plain[] = []
  for (let i = lines.length - 1; i >= 0 && tail.length < 10; i--) {
    const p = plain(lines[i] as Line, text)
    if (!p) continue
    const key = labelKey(p.text)
    // Page footers ('- 5 -', '第3页') and page chrome below the report are skipped.
    if (isPageChrome(key) || /^-?\d{1,3}-?$|^第\d+页(?:共\d+页)?$|^\d+\/\d+$/.test(key)) continue
    tail.unshift(p)
  }
  for (let i = tail.length - 1; i >= 0; i--) {
    const p = tail[i] as Plain
    const k = labelKey(p.text)
    const dm = DATE.exec(k)
    if (!dm) continue
    const iso = isoDate(dm)
    if (!iso) break
    if (dm.index === 0) {
      meta.signDate = { iso, span: { start: p.start, end: p.end } }
      const b = tail[i - 1]
      if (b && standaloneBody(labelKey(b.text)) && labelKey(b.text).length <= 30) {
        meta.signBody = { name: labelKey(b.text), span: { start: b.start, end: b.end } }
      }
    } else {
      // '…事项无。宿城区王官集镇人民政府2021年1月25日': the 落款 glued to the last sentence.
      const dStart = locate(p, dm.index)
      meta.signDate = { iso, span: { start: dStart, end: p.end } }
      const before = k.slice(0, dm.index)
      const cut = lastOf(before, /[。；;！？!?:：，,]/)
      const name = before.slice(cut + 1)
      if (name.length >= 3 && name.length <= 30 && GOV_END.test(name)) {
        meta.signBody = { name, span: { start: locate(p, cut + 1), end: dStart } }
      }
    }
    break
  }
}

/** Index of the last character of s in the class, or -1. */
function lastOf(s: string, cls: RegExp): number {
  for (let i = s.length - 1; i >= 0; i--) if (cls.test(s[i] as string)) return i
  return -1
}

/** Offset in the original of the n-th character of a line's key (the key drops spaces and marks). */
function locate(p: Plain, n: number): number {
  let seen = 0
  for (let i = 0; i < p.text.length; i++) {
    if (/[\s*|]/.test(p.text[i] as string)) continue
    if (seen === n) return p.start + i
    seen++
  }
  return p.end
}

/** Year from the statistics period of the preface when the title gives none. */
function yearFromPeriod(meta: ReportMeta, text: string, firstSectionStart: number | undefined): void {
  const scope = foldText(text.slice(0, Math.min(text.length, (firstSectionStart ?? 3000) + 400)))
  const m = PERIOD.exec(scope)
  if (!m) return
  const at = m.index + m[0].indexOf(m[1] as string)
  meta.year = Number(m[1])
  meta.yearSpan = { start: at, end: at + 4 }
}

/** '一、总体情况' + '2019年，我乡…' / '2025年中仓街道…': the year the overview opens with (not a date). */
const OVERVIEW_OPENING = /^[^\n]*\n\s*((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/
/** '…汇报我镇2023年政府信息公开工作。': the year of the work the preface or overview says it reports. */
const WORK_YEAR = /((?:19|20)\d{2})\s*年度?政府信息公开工作(?!年度报告)/

function yearFromOverview(meta: ReportMeta, text: string, firstSectionStart: number | undefined): void {
  if (firstSectionStart === undefined) return
  const from = firstSectionStart
  const m = OVERVIEW_OPENING.exec(foldText(text.slice(from, from + 200)))
  if (m) {
    const at = from + m[0].lastIndexOf(m[1] as string)
    meta.year = Number(m[1])
    meta.yearSpan = { start: at, end: at + 4 }
    return
  }
  // The first paragraph of the overview, sentence by sentence.
  const para = foldText(text.slice(from, from + 600))
  let k = 0
  for (const sentence of para.split(/(?<=[。；;])/)) {
    // '…服务作用。2019年度，我乡主动公开信息81条': a sentence of the overview that opens with the year.
    const open = /^\s*((?:19|20)\d{2})\s*年度?\s*[，,]/.exec(sentence)
    if (open && k > 0) {
      const at = from + k + open[0].indexOf(open[1] as string)
      meta.year = Number(open[1])
      meta.yearSpan = { start: at, end: at + 4 }
      return
    }
    const w = WORK_YEAR.exec(sentence)
    const lead = w ? sentence.slice(0, w.index) : ''
    // Inside 《…》 or “…” it names another document ('《关于做好2023年政府信息公开工作…的通知》').
    if (w && lead.split('《').length === lead.split('》').length && lead.split('“').length === lead.split('”').length) {
      const at = from + k + w.index
      meta.year = Number(w[1])
      meta.yearSpan = { start: at, end: at + 4 }
      return
    }
    k += sentence.length
  }
}
