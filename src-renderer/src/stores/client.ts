// Stores reach the engine only through the client the app provides (never at import time).
import { inject } from 'vue'
import { API_CLIENT, type ApiClient } from '../api/index.ts'

export function useClient(): ApiClient {
  const c = inject(API_CLIENT, null)
  if (!c) throw new Error('API client not provided')
  return c
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
