// Normalisation for matching only (domain.md §3.7). The original text is never changed:
// foldText() keeps the length so that offsets found in the folded text point into the original.
import { Converter } from 'opencc-js/t2cn'
import { unifyRadicals } from '../text/radicals.ts'

const t2s = Converter({ from: 'tw', to: 'cn' })
const charCache = new Map<string, string>()

// Characters that OpenCC's tw->cn table leaves alone but that appear in traditional reports.
const EXTRA: Record<string, string> = { '于': '于', '範': '范', '裏': '里', '衆': '众' }

function foldChar(ch: string): string {
  let out = charCache.get(ch)
  if (out !== undefined) return out
  out = ch
  const code = ch.charCodeAt(0)
  if (code >= 0xff01 && code <= 0xff5e) out = String.fromCharCode(code - 0xfee0)
  else if (code === 0x3000) out = ' '
  else if (ch === '“' || ch === '”' || ch === '„' || ch === '〝' || ch === '〞') out = '"'
  else if (ch === '‘' || ch === '’') out = "'"
  else if (ch === '〔' || ch === '［' || ch === '【') out = '['
  else if (ch === '〕' || ch === '］' || ch === '】') out = ']'
  else if (ch === '—' || ch === '–' || ch === '－' || ch === '―') out = '-'
  else if (ch === '\u00a0') out = ' '
  else if (code >= 0x2e80 && code <= 0x2fd5) out = unifyRadicals(ch)
  else if (code >= 0x3400) {
    const s = EXTRA[ch] ?? t2s(ch)
    if (s.length === 1) out = s
  }
  charCache.set(ch, out)
  return out
}

/** Simplified, half-width version of s with exactly the same length. */
// Folded code of every BMP character, filled on first use (0 = not yet computed).
const FOLD = new Uint16Array(65536)

export function foldText(s: string): string {
  // Built as one flat buffer: appending char by char would leave a rope of thousands of nodes.
  const codes = new Uint16Array(s.length)
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i)
    // Surrogate pairs are rare in reports; keep them as they are to preserve length.
    if (code < 0x80 || (code >= 0xd800 && code <= 0xdfff)) {
      codes[i] = code
      continue
    }
    let f = FOLD[code] as number
    if (f === 0) f = FOLD[code] = foldChar(String.fromCharCode(code)).charCodeAt(0)
    codes[i] = f
  }
  // A TextDecoder call costs microseconds of setup: short strings (labels, lines) are built directly.
  return s.length <= 512 ? String.fromCharCode.apply(null, codes as unknown as number[]) : UTF16.decode(codes)
}

const UTF16 = new TextDecoder('utf-16le')

/** Share of characters changed by traditional->simplified folding (DOC-TRAD). */
export function tradShare(original: string, folded: string): number {
  let han = 0
  let changed = 0
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i)
    if (c < 0x4e00 || c > 0x9fff) continue
    han++
    // Code units, not one-character strings: a Han character read as original[i] is a new string each time.
    if (c !== folded.charCodeAt(i)) changed++
  }
  return han === 0 ? 0 : changed / han
}

/** Key for comparing labels: folded, no whitespace, markdown or pipes, unified quotes. */
export function labelKey(s: string): string {
  return memo(KEYS, s, () =>
    foldText(s)
      .replace(/[\s*|]+/g, '')
      .replace(/[“”"]/g, '"')
  )
}

// Labels and short lines repeat (every line is compared with every template title): their keys are
// kept, in bounded maps, so a document of many lines costs one folding per distinct line.
const KEYS = new Map<string, string>()
const CORES = new Map<string, string>()
function memo(cache: Map<string, string>, s: string, make: () => string): string {
  if (s.length > 200) return make()
  let v = cache.get(s)
  if (v === undefined) {
    if (cache.size >= 20_000) cache.clear()
    v = make()
    cache.set(s, v)
  }
  return v
}

const ORDINAL = /^(?:[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\)|（[一二三四五六七八九十]+）|\d+[.、．]|\(\d+\))/

/** Label without its leading ordinal and without punctuation: the part that carries meaning. */
export function labelCore(s: string): string {
  return memo(CORES, s, () => labelKey(s).replace(ORDINAL, '').replace(/[，,。.、:：;；()（）"'-]/g, ''))
}

/** The leading ordinal of a label, folded ('(三)', '2.', '一、'), or ''. */
export function labelOrdinal(s: string): string {
  const m = ORDINAL.exec(labelKey(s))
  return m ? m[0] : ''
}

/** Character-bigram Dice similarity of two strings (0..1). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1
  if (a.length < 2 || b.length < 2) return 0
  // Bigrams as numbers (two UTF-16 units), matched as multisets: each bigram of a is used at most once.
  const na = a.length - 1
  const nb = b.length - 1
  let hit = 0
  if (na <= SMALL) {
    // Labels and headings are short: a scan of a small array beats a Map of sliced strings.
    const grams = SCRATCH
    for (let i = 0; i < na; i++) grams[i] = a.charCodeAt(i) * 65536 + a.charCodeAt(i + 1)
    for (let j = 0; j < nb; j++) {
      const g = b.charCodeAt(j) * 65536 + b.charCodeAt(j + 1)
      for (let i = 0; i < na; i++) {
        if (grams[i] === g) {
          hit++
          grams[i] = -1
          break
        }
      }
    }
  } else {
    const grams = new Map<number, number>()
    for (let i = 0; i < na; i++) {
      const g = a.charCodeAt(i) * 65536 + a.charCodeAt(i + 1)
      grams.set(g, (grams.get(g) ?? 0) + 1)
    }
    for (let j = 0; j < nb; j++) {
      const g = b.charCodeAt(j) * 65536 + b.charCodeAt(j + 1)
      const n = grams.get(g) ?? 0
      if (n > 0) {
        hit++
        grams.set(g, n - 1)
      }
    }
  }
  return (2 * hit) / (na + nb)
}

const SMALL = 64
const SCRATCH = new Float64Array(SMALL)
