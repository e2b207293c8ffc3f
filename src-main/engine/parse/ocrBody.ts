// The issuing body read from a scan's title, checked against the report's own text. A title is set in
// large type, which OCR reads worst ('洪泽区人民政府' came out '洪译区人民政府' with confidence 92), while the
// preface names the body again in body type ('本报告由淮安市洪泽区人民政府办公室…'). A name nowhere else in
// the text, one character away from a name the text gives at least twice, is that name misread.
import type { ReportMeta } from '../model.ts'
import { townshipKey } from './meta.ts'
import { foldText } from './normalize.ts'

/** Only for OCR'd text (cells carrying a recognition confidence). `norm` is foldText of the whole text. */
export function confirmOcrBody(meta: ReportMeta, norm: string): void {
  const body = meta.body
  if (!body) return
  const name = foldText(body.name).replace(/\s+/g, '')
  const n = [...name].length
  // long enough that one character in it is not a different body of a similar name ('平安镇' / '西安镇')
  if (n < 5 || count(norm, name) >= 2) return
  const chars = [...name]
  const text = [...norm]
  const found = new Map<string, number>()
  for (let i = 0; i + n <= text.length; i++) {
    // the same ending (人民政府, 镇, 街道…) and exactly one other character different
    if (text[i + n - 1] !== chars[n - 1]) continue
    let diff = 0
    for (let k = 0; k < n && diff <= 1; k++) if (text[i + k] !== chars[k]) diff++
    if (diff !== 1) continue
    const w = text.slice(i, i + n).join('')
    if (/[^\u4e00-\u9fff]/.test(w)) continue
    found.set(w, (found.get(w) ?? 0) + 1)
  }
  const best = [...found.entries()].filter(([, k]) => k >= 2).sort((p, q) => q[1] - p[1])
  // two different spellings as frequent: nothing to choose by
  if (best.length === 0 || (best[1] && best[1][1] === (best[0] as [string, number])[1])) return
  const fixed = (best[0] as [string, number])[0]
  meta.body = { name: fixed, township: townshipKey(fixed), span: body.span }
}

function count(s: string, sub: string): number {
  let k = 0
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) k++
  return k
}
