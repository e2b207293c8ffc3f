// Text the way a browser renders it: whitespace collapsed, soft breaks between blocks. Shared by the
// reader's lines and the grid's cell texts, so both give a cell the same text.
import { clean } from './htmlSanitize.ts'

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/

/** Accumulates whitespace-collapsed text the way a browser renders it, with soft breaks between blocks. */
export class TextAcc {
  s = ''
  private lastSpace = true
  private pendingBreak = false

  add(raw: string, pre: boolean): void {
    let piece = clean(raw)
    if (!pre) {
      piece = piece.replace(/[ \t\n\r\f\u2028\u2029]+/g, ' ')
      if (this.lastSpace && piece.startsWith(' ')) piece = piece.slice(1)
      if (piece === '') return
      this.lastSpace = piece.endsWith(' ')
    } else {
      piece = piece.replace(/[\t\r\n\f\u2028\u2029]/g, ' ')
      if (piece === '') return
      this.lastSpace = false
    }
    piece = piece.replace(/\u00a0/g, ' ')
    if (this.pendingBreak) {
      this.pendingBreak = false
      const prev = this.s.trimEnd()
      const next = piece.trimStart()
      if (prev !== '' && next !== '') {
        // a cell's paragraphs are one value: Chinese joins without a gap, other text with one space
        const glue = CJK.test(prev.slice(-1)) && CJK.test(next.charAt(0)) ? '' : ' '
        this.s = prev + glue
        piece = next
      }
    }
    this.s += piece
  }

  softBreak(): void {
    this.pendingBreak = true
    this.lastSpace = true
  }

  reset(): void {
    this.s = ''
    this.lastSpace = true
    this.pendingBreak = false
  }
}

export function trimmedRange(s: string): [number, number] {
  let a = 0
  let e = s.length
  while (a < e && /\s/.test(s[a] as string)) a++
  while (e > a && /\s/.test(s[e - 1] as string)) e--
  return [a, e]
}
