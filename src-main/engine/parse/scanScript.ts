// Traditional characters on a scan. The recogniser reads simplified and traditional models together (a
// traditional report must be readable), so a simplified scan comes out with some words in traditional forms
// ('申請人情況' among '申请人情况'). Such mixing is the recogniser's, not the township's: on a scan, the
// traditional forms count only when they dominate, i.e. when the characters that the text shows in both
// forms are mostly written traditional.

/** Share of the two-form characters of `original` written traditional (0..1); `folded` is foldText(original). */
export function tradDominance(original: string, folded: string): number {
  // for every simplified character that some traditional character of the text folds to: how often each form is written
  const trad = new Map<number, number>()
  const simp = new Map<number, number>()
  for (let i = 0; i < original.length; i++) {
    const o = original.charCodeAt(i)
    if (o < 0x4e00 || o > 0x9fff) continue
    const f = folded.charCodeAt(i)
    if (o !== f) trad.set(f, (trad.get(f) ?? 0) + 1)
    else simp.set(f, (simp.get(f) ?? 0) + 1)
  }
  let t = 0
  let s = 0
  for (const [f, n] of trad) {
    t += n
    s += simp.get(f) ?? 0
  }
  return t + s === 0 ? 0 : t / (t + s)
}

/** Traditional share of a scan's text for DOC-TRAD: the plain share when traditional forms dominate, else 0. */
export function scanTradShare(share: number, original: string, folded: string): number {
  return share > 0 && tradDominance(original, folded) >= DOMINANT ? share : 0
}

/** Two-form characters written traditional at least this often: a traditional report, not a mixed reading. */
const DOMINANT = 0.75
