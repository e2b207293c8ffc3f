// Chooses the transport: the desktop bridge when the preload exposed it, else HTTP with the page's token.
import type { InjectionKey } from 'vue'
import type { ApiClient } from './client.ts'
import { createHttpClient } from './http.ts'
import { createIpcClient } from './ipc.ts'
import { takeToken } from './token.ts'

export type { ApiClient } from './client.ts'
export { ApiError } from './client.ts'

export const API_CLIENT: InjectionKey<ApiClient> = Symbol('api-client')

/** Returns the client, or null in browser mode when the page was opened without its token. */
export function createClient(): ApiClient | null {
  if (window.xxgk) return createIpcClient(window.xxgk)
  const token = takeToken()
  return token ? createHttpClient(token) : null
}
