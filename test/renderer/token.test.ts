// Browser mode's way in: a ?token= address (the reviewer's console) or a one-time ?code= (an opened
// browser); both leave the address bar, the code is traded once, a refused code is told apart.
import { describe, expect, it } from 'vitest'
import { takeToken } from '../../src-renderer/src/api/token.ts'

function env(search: string, stored: string | null = null) {
  const store = new Map<string, string>()
  if (stored) store.set('xxgk-token', stored)
  const replaced: string[] = []
  const exchanged: string[] = []
  return {
    loc: { search, pathname: '/', hash: '#/batch/2' },
    store: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
    replace: (u: string) => void replaced.push(u),
    exchange: (ok: string | null) => async (code: string) => {
      exchanged.push(code)
      return ok
    },
    stored: () => store.get('xxgk-token') ?? null,
    replaced,
    exchanged
  }
}

describe('takeToken', () => {
  it('trades a one-time code for the token and drops the code from the address bar', async () => {
    const e = env('?code=abc&x=1')
    expect(await takeToken(e.loc, e.store, e.exchange('TOKEN'), e.replace)).toEqual({ token: 'TOKEN', codeRefused: false })
    expect(e.exchanged).toEqual(['abc'])
    expect(e.replaced).toEqual(['/?x=1#/batch/2'])
    expect(e.stored()).toBe('TOKEN')
  })

  it('says so when the code is refused (used or expired) and nothing is stored', async () => {
    const e = env('?code=used')
    expect(await takeToken(e.loc, e.store, e.exchange(null), e.replace)).toEqual({ token: null, codeRefused: true })
    expect(e.replaced).toEqual(['/#/batch/2'])
    // a tab that already holds the token keeps working
    const k = env('?code=used', 'KEPT')
    expect(await takeToken(k.loc, k.store, k.exchange(null), k.replace)).toEqual({ token: 'KEPT', codeRefused: false })
  })

  it('keeps the console address working: ?token= is stored and removed from the address bar', async () => {
    const e = env('?token=T1')
    expect(await takeToken(e.loc, e.store, e.exchange('never'), e.replace)).toEqual({ token: 'T1', codeRefused: false })
    expect(e.exchanged).toEqual([])
    expect(e.replaced).toEqual(['/#/batch/2'])
    const none = env('')
    expect(await takeToken(none.loc, none.store, none.exchange('never'), none.replace)).toEqual({ token: null, codeRefused: false })
    expect(none.replaced).toEqual([])
  })
})
