// Chooses the transport: the desktop bridge when the preload exposed it, else HTTP with the page's token.
import type { InjectionKey } from 'vue'
import type { ApiClient } from './client.ts'
import { createHttpClient } from './http.ts'
import { createIpcClient } from './ipc.ts'
import { exchangeCode, takeToken } from './token.ts'

export type { ApiClient } from './client.ts'
export { ApiError } from './client.ts'

export const API_CLIENT: InjectionKey<ApiClient> = Symbol('api-client')

/** The client, or null in browser mode when the page has no token (codeRefused: its one-time link was used or expired). */
export async function createClient(): Promise<{ client: ApiClient | null; codeRefused: boolean }> {
  if (window.xxgk) return { client: createIpcClient(window.xxgk), codeRefused: false }
  const { token, codeRefused } = await takeToken(window.location, window.sessionStorage, (c) => exchangeCode(c), (url) => window.history.replaceState(window.history.state, '', url))
  return { client: token ? createHttpClient(token) : null, codeRefused }
}
