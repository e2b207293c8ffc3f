// Browser mode: the page is opened at /?token=… (the address printed in the reviewer's console) or at
// /?code=… (a one-time code, when the app opened the browser itself: the opener's command line is
// readable by every local user, so it never carries the token). A code is exchanged once for the
// token. The token is kept for the tab's lifetime and both are taken out of the address bar so
// they are not bookmarked or shown.
const KEY = 'xxgk-token'

export interface TokenResult {
  token: string | null
  /** The page came with a one-time code that the server refused (used already, or expired). */
  codeRefused: boolean
}

/** Trades a one-time code for the token; null when the server refuses it. */
export async function exchangeCode(code: string, base = ''): Promise<string | null> {
  try {
    const res = await fetch(`${base}/api/exchange`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) })
    if (!res.ok) return null
    const body = (await res.json()) as { ok?: boolean; result?: { token?: unknown } }
    return body.ok && typeof body.result?.token === 'string' ? body.result.token : null
  } catch {
    return null
  }
}

/** loc/store/replace are the page's location, sessionStorage and history.replaceState (passed in for tests). */
export async function takeToken(
  loc: { search: string; pathname: string; hash: string },
  store: { getItem(k: string): string | null; setItem(k: string, v: string): void },
  exchange: (code: string) => Promise<string | null>,
  replace: (url: string) => void
): Promise<TokenResult> {
  const params = new URLSearchParams(loc.search)
  const fromUrl = params.get('token')
  const code = params.get('code')
  if (fromUrl !== null || code !== null) {
    params.delete('token')
    params.delete('code')
    const rest = params.toString()
    replace(`${loc.pathname}${rest ? `?${rest}` : ''}${loc.hash}`)
  }
  if (fromUrl) {
    store.setItem(KEY, fromUrl)
    return { token: fromUrl, codeRefused: false }
  }
  if (code) {
    const t = await exchange(code)
    if (t) {
      store.setItem(KEY, t)
      return { token: t, codeRefused: false }
    }
    return { token: store.getItem(KEY), codeRefused: !store.getItem(KEY) }
  }
  return { token: store.getItem(KEY), codeRefused: false }
}
