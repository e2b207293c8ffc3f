// Title, issuing body, report year and the signature (落款) of a report.
import type { Line, Span } from '../model.ts'
import { foldText, labelKey } from './normalize.ts'

export interface ReportMeta {
  title?: { text: string; span: Span }
  body?: { name: string; township: string; span: Span }
  year?: number
  yearSpan?: Span
  signDate?: { iso: string; span: Span }
  signBody?: { name: string; span: Span }
}

const AGENCY_END = /(人民政府|政府|办事处|街道|镇|乡)$/
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
 * Streets keep '街道'. Falls back to the name without 人民政府.
 */
export function townshipKey(name: string): string {
  let s = foldText(name).replace(/\s+/g, '').replace(/(人民政府|政府|党委|办事处)+$/, '')
  const m = /([^市区县旗州盟]{1,10}?(?:街道|镇|乡))$/.exec(s)
  if (m) return m[1] as string
  const cut = s.search(/[^市区县旗州盟]+$/)
  if (cut > 0) s = s.slice(cut)
  return s
}

function plain(line: Line): { text: string; start: number; end: number } | null {
  const cells = line.cells.filter((c) => c.text.trim() !== '')
  const first = cells[0]
  const last = cells[cells.length - 1]
  if (!first || !last) return null
  return { text: cells.map((c) => c.text).join(' ').trim(), start: first.start, end: last.end }
}

export function readMeta(lines: Line[], text: string, firstSectionStart: number | undefined): ReportMeta {
  const meta: ReportMeta = {}
  const head: { text: string; start: number; end: number }[] = []
  for (const l of lines) {
    const p = plain(l)
    if (!p) continue
    if (firstSectionStart !== undefined && p.start >= firstSectionStart) break
    head.push({ text: text.slice(p.start, p.end), start: p.start, end: p.end })
    if (head.length >= 8) break
  }
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
  const tm = /政府信息公开[^。，]{0,8}?报\s*告|信息公开[^。，]{0,6}?年\s*报/.exec(folded)
  if (tm) {
    const endIdx = tm.index + tm[0].length - 1
    let startLine = lineOf[tm.index] as number
    const before = folded.slice(0, tm.index)
    const ym = /((?:19|20)\d{2})\s*年[^年]{0,40}$/.exec(before)
    if (ym) startLine = Math.min(startLine, lineOf[ym.index] as number)
    const startsWithYear = /^\s*(?:19|20)\d{2}/.test(folded.slice(head.slice(0, startLine).reduce((a, h) => a + h.text.length, 0)))
    const prev = head[startLine - 1]
    if (prev && startsWithYear && labelKey(prev.text).length <= 30 && AGENCY_END.test(labelKey(prev.text))) startLine--
    const jStart = head.slice(0, startLine).reduce((a, h) => a + h.text.length, 0)
    const tStart = origin[jStart] as number
    const tEnd = (origin[endIdx] as number) + 1
    const titleText = text.slice(tStart, tEnd)
    meta.title = { text: titleText.replace(/\s*\n\s*/g, ''), span: { start: tStart, end: tEnd } }
    const tf = foldText(titleText)
    const y = /((?:19|20)\d{2})\s*年/.exec(tf)
    if (y) {
      meta.year = Number(y[1])
      meta.yearSpan = { start: tStart + y.index, end: tStart + y.index + 4 }
      let bodyName = labelKey(tf.slice(0, y.index))
      if (!bodyName) {
        const after = /^(?:19|20)\d{2}年度?(.+?)政府信息公开/.exec(labelKey(tf))
        bodyName = after?.[1] ?? ''
      }
      if (bodyName) {
        const bStart = tStart + tf.search(/\S/)
        meta.body = { name: bodyName, township: townshipKey(bodyName), span: { start: bStart, end: y.index > 0 ? tStart + y.index : bStart + bodyName.length } }
      }
    }
  }
  // 落款: the last lines carry the body and the date.
  const tail: { text: string; start: number; end: number }[] = []
  for (let i = lines.length - 1; i >= 0 && tail.length < 8; i--) {
    const p = plain(lines[i] as Line)
    if (p) tail.unshift(p)
  }
  for (let i = tail.length - 1; i >= 0; i--) {
    const p = tail[i] as { text: string; start: number; end: number }
    const k = labelKey(p.text)
    const dm = /^(\d{4}|[〇零一二三四五六七八九O]{4})年(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])月(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日$/.exec(k)
    if (!dm) continue
    const y = cnNumber(dm[1] as string)
    const mo = cnNumber(dm[2] as string)
    const d = cnNumber(dm[3] as string)
    if (y && mo && d && mo <= 12 && d <= 31) {
      meta.signDate = { iso: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, span: { start: p.start, end: p.end } }
      const b = tail[i - 1]
      if (b && AGENCY_END.test(labelKey(b.text)) && labelKey(b.text).length <= 30) {
        meta.signBody = { name: labelKey(b.text), span: { start: b.start, end: b.end } }
      }
    }
    break
  }
  return meta
}
