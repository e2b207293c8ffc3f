// Line diff between two versions of a report's text (LCS on lines; reports are a few hundred lines).
export function diffText(a: string, b: string): { op: 'add' | 'del'; text: string }[] {
  const x = a.split('\n').map((s) => s.trim()).filter(Boolean)
  const y = b.split('\n').map((s) => s.trim()).filter(Boolean)
  if (x.length * y.length > 4_000_000) return [{ op: 'del', text: '（文本过长，未逐行比较）' }]
  const n = x.length
  const m = y.length
  const dp: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = dp[i] as Uint16Array
      row[j] = x[i] === y[j] ? ((dp[i + 1] as Uint16Array)[j + 1] as number) + 1 : Math.max((dp[i + 1] as Uint16Array)[j] as number, row[j + 1] as number)
    }
  }
  const out: { op: 'add' | 'del'; text: string }[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      i++
      j++
    } else if (((dp[i + 1] as Uint16Array)[j] as number) >= ((dp[i] as Uint16Array)[j + 1] as number)) out.push({ op: 'del', text: x[i++] as string })
    else out.push({ op: 'add', text: y[j++] as string })
  }
  while (i < n) out.push({ op: 'del', text: x[i++] as string })
  while (j < m) out.push({ op: 'add', text: y[j++] as string })
  return out
}
