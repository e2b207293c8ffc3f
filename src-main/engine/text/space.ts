// Whitespace by char code, exactly the set of the regex class \s, for the scans that test one char at a
// time: /\s/.test(text[i]) makes a one-char string per call, and the readers and sentence splitters
// test every char of every report.

/** True for exactly the UTF-16 units that /\s/ matches. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0xa0) return false
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}
