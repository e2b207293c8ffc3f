// Repair of OCR misreadings in the fixed wording of the report form (section titles, table labels), from
// the official templates. Only characters the recognizer itself was unsure of are replaced, and only when
// the rest of the text matches one template phrase: a confidently read deviation stays as written, so the
// label checks still see real deviations.
import t2019 from '../../../resources/templates/template-2019.json' with { type: 'json' }
import t2021 from '../../../resources/templates/template-2021.json' with { type: 'json' }
import { foldText } from '../parse/normalize.ts'

/** A character below this confidence may be replaced by the template's character. */
const UNSURE = 90
const KEYS = new Set(['label', 'title', 'label_header', 'corner_note', 'variants_seen', 'title_variants_seen', 'path', 'core', 'name'])

let phrases: string[] | undefined

function collect(v: unknown, key: string, out: Set<string>): void {
  if (typeof v === 'string') {
    if (KEYS.has(key) && /[\u4e00-\u9fff]/.test(v) && !/[A-Za-z]/.test(v) && v.length >= 2 && v.length <= 60) out.add(v.replace(/\s+/g, ''))
    return
  }
  if (Array.isArray(v)) for (const x of v) collect(x, key, out)
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k, out)
}

function lexicon(): string[] {
  if (!phrases) {
    const set = new Set<string>()
    collect(t2021, '', set)
    collect(t2019, '', set)
    // the table rows as written in most reports: '二十条' block titles with full-width brackets
    phrases = [...set].sort((a, b) => b.length - a.length)
  }
  return phrases
}

let folded: Set<string> | undefined
/** The text (spaces ignored) is exactly one of the form's phrases. */
export function isPhrase(text: string): boolean {
  folded ??= new Set(lexicon().map((p) => foldText(p).replace(/[()（）]/g, '')))
  return folded.has(foldText(text.replace(/\s+/g, '')).replace(/[()（）]/g, ''))
}

export interface Repaired {
  text: string
  confs: number[]
  changed: number
}

const PUNCT = /[()（）【】〔〕[\]、，,。.：:；;“”"'‘’《》〈〉\-—]/

/** Numerals of the form's ordinals and what OCR reads for them: replacing these costs half. */
const CONFUSED: Record<string, string> = { 八: '儿人入', 六: '大亢', 九: '几丸', 五: '丑', 二: '工', 三: '王', 一: '-—_' }
const confusable = (read: string, want: string): boolean => (CONFUSED[want] ?? '').includes(read)

interface Op {
  /** Index in the OCR characters (-1 for an inserted phrase character). */
  i: number
  /** Character to output. */
  ch: string
}

/**
 * text: the cell as read; confs: the confidence of each character of text (spaces included).
 * Returns the text with unsure characters replaced (and unsure extra characters dropped, missing
 * punctuation restored) when exactly one template phrase explains it. A character read with confidence
 * is never changed.
 */
export function repairLabel(text: string, confs: number[]): Repaired {
  const idx: number[] = []
  for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i] as string)) idx.push(i)
  const n = idx.length
  const none = { text, confs, changed: 0 }
  if (n < 3 || n > 70) return none
  const folded = foldText(text)
  const chars = idx.map((i) => folded[i] as string)
  const unsure = idx.map((i) => (confs[i] ?? 100) < UNSURE || PUNCT.test(text[i] as string))
  if (!unsure.some((u, k) => u && !PUNCT.test(chars[k] as string))) return none
  const maxCost = Math.max(1, Math.floor(n / 4))
  const sureChars = chars.filter((_, k) => !unsure[k])
  let best: { cost: number; ops: Op[]; out: string } | undefined
  let ambiguous = false
  for (const p of lexicon()) {
    if (p.length < n - maxCost) continue
    const pf = foldText(p)
    // quick reject: most characters read with confidence must occur in the phrase
    let hit = 0
    for (const ch of sureChars) if (pf.includes(ch)) hit++
    if (hit < sureChars.length * 0.8) continue
    const r = align(chars, unsure, p, pf, maxCost)
    if (!r) continue
    const matches = r.ops.filter((o) => o.i >= 0 && chars[o.i] === foldText(o.ch)).length
    if (matches < 3 || matches < 0.6 * n) continue
    const out = r.ops.map((o) => (o.i >= 0 && chars[o.i] === foldText(o.ch) ? (text[idx[o.i] as number] as string) : o.ch)).join('')
    if (!best || r.cost < best.cost) {
      best = { cost: r.cost, ops: r.ops, out }
      ambiguous = false
    } else if (r.cost === best.cost && out !== best.out) ambiguous = true
  }
  if (!best || ambiguous || best.cost === 0) return none
  const dropped = n - best.ops.filter((o) => o.i >= 0).length
  // rebuild: changed characters get the threshold confidence, kept ones their own
  let outText = ''
  const outConfs: number[] = []
  let changed = 0
  for (const o of best.ops) {
    const same = o.i >= 0 && chars[o.i] === foldText(o.ch)
    outText += same ? (text[idx[o.i] as number] as string) : o.ch
    outConfs.push(same ? (confs[idx[o.i] as number] ?? 100) : UNSURE)
    if (!same) changed++
  }
  return { text: outText, confs: outConfs, changed: changed + dropped }
}

/**
 * Align all OCR characters to a stretch of the phrase: match (0), replace an unsure character (1), drop an
 * unsure character (1), restore missing punctuation (0.5) or a missing character (1). Cheapest alignment
 * within maxCost, or null.
 */
function align(chars: string[], unsure: boolean[], p: string, pf: string, maxCost: number): { cost: number; ops: Op[] } | null {
  const n = chars.length
  const m = pf.length
  const INF = 1e9
  // d[i][j]: cost of aligning chars[0..i) ending at phrase position j (free start in the phrase)
  const d: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(INF))
  const back: Int8Array[] = Array.from({ length: n + 1 }, () => new Int8Array(m + 1))
  for (let j = 0; j <= m; j++) d[0]![j] = 0
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const cur = d[i]![j]!
      if (cur >= INF) continue
      if (i < n && j < m) {
        const same = chars[i] === pf[j]
        if (same || unsure[i]) {
          const c = cur + (same ? 0 : confusable(chars[i] as string, pf[j] as string) ? 0.5 : 1)
          if (c < d[i + 1]![j + 1]!) {
            d[i + 1]![j + 1] = c
            back[i + 1]![j + 1] = 1
          }
        }
      }
      if (i < n && unsure[i]) {
        const c = cur + 1.1
        if (c < d[i + 1]![j]!) {
          d[i + 1]![j] = c
          back[i + 1]![j] = 2
        }
      }
      if (j < m && i > 0) {
        const c = cur + (PUNCT.test(p[j] as string) ? 0.5 : 1.2)
        if (c < d[i]![j + 1]!) {
          d[i]![j + 1] = c
          back[i]![j + 1] = 3
        }
      }
    }
  }
  let bestJ = -1
  let bestCost = INF
  for (let j = 0; j <= m; j++) if (d[n]![j]! < bestCost) {
    bestCost = d[n]![j]!
    bestJ = j
  }
  if (bestJ < 0 || bestCost > maxCost) return null
  const ops: Op[] = []
  let i = n
  let j = bestJ
  while (i > 0) {
    const b = back[i]![j]
    if (b === 1) {
      ops.push({ i: i - 1, ch: p[j - 1] as string })
      i--
      j--
    } else if (b === 2) i--
    else if (b === 3) {
      ops.push({ i: -1, ch: p[j - 1] as string })
      j--
    } else break
  }
  ops.reverse()
  return { cost: bestCost, ops }
}
