// Browser mode: the page is opened at /?token=…; keep the token for the tab's lifetime and take it
// out of the address bar so it is not bookmarked or shown.
const KEY = 'xxgk-token'

export function takeToken(loc: Location = window.location, store: Storage = window.sessionStorage): string | null {
  const params = new URLSearchParams(loc.search)
  const fromUrl = params.get('token')
  if (fromUrl) {
    store.setItem(KEY, fromUrl)
    params.delete('token')
    const rest = params.toString()
    window.history.replaceState(window.history.state, '', `${loc.pathname}${rest ? `?${rest}` : ''}${loc.hash}`)
    return fromUrl
  }
  return store.getItem(KEY)
}
