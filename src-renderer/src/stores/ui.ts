// Which screen is shown (kept in the address hash so Back works) and the short notices.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorText } from './client.ts'

export type View =
  | { name: 'home' }
  | { name: 'batch'; batchId: number }
  | { name: 'report'; reportId: number }
  | { name: 'audit'; batchId: number }
  | { name: 'help' }

/** A question put to the reviewer before an action, with what it concerns. */
export interface Ask {
  title: string
  text: string
  lines: string[]
  ok: string
  resolve: (yes: boolean) => void
}

export interface Toast {
  id: number
  kind: 'info' | 'ok' | 'error'
  text: string
  /** Optional links (downloads). */
  links?: { href: string; text: string; file: string }[]
  /** Optional action button. */
  action?: { text: string; run: () => void }
}

export function parseHash(hash: string): View {
  if (hash.startsWith('#/help')) return { name: 'help' }
  const m = /^#\/(batch|report|audit)\/(\d+)/.exec(hash)
  if (m?.[1] === 'batch') return { name: 'batch', batchId: Number(m[2]) }
  if (m?.[1] === 'audit') return { name: 'audit', batchId: Number(m[2]) }
  if (m?.[1] === 'report') return { name: 'report', reportId: Number(m[2]) }
  return { name: 'home' }
}

export function viewHash(v: View): string {
  if (v.name === 'audit') return `#/audit/${v.batchId}`
  if (v.name === 'help') return '#/help'
  return v.name === 'batch' ? `#/batch/${v.batchId}` : v.name === 'report' ? `#/report/${v.reportId}` : '#/'
}

export const useUiStore = defineStore('ui', () => {
  const view = ref<View>(parseHash(window.location.hash))
  const toasts = ref<Toast[]>([])
  const asking = ref<Ask | null>(null)
  let seq = 0

  function ask(q: Omit<Ask, 'resolve'>): Promise<boolean> {
    asking.value?.resolve(false)
    return new Promise((resolve) => {
      asking.value = {
        ...q,
        resolve: (yes) => {
          asking.value = null
          resolve(yes)
        }
      }
    })
  }

  function go(v: View): void {
    view.value = v
    const h = viewHash(v)
    if (window.location.hash !== h) window.history.pushState(null, '', h)
  }

  function syncFromHash(): void {
    view.value = parseHash(window.location.hash)
  }

  function toast(text: string, kind: Toast['kind'] = 'info', extra: Partial<Pick<Toast, 'links' | 'action'>> = {}, ms = 3000): void {
    const id = ++seq
    toasts.value.push({ id, kind, text, ...extra })
    if (toasts.value.length > 3) toasts.value.shift()
    window.setTimeout(() => dismiss(id), kind === 'error' ? Math.max(ms, 8000) : ms)
  }

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id)
  }

  /** Runs an action and turns a failure into a notice; resolves to undefined on failure. */
  async function guard<T>(p: Promise<T>, what?: string): Promise<T | undefined> {
    try {
      return await p
    } catch (e) {
      toast(what ? `${what}：${errorText(e)}` : errorText(e), 'error')
      return undefined
    }
  }

  return { view, toasts, asking, ask, go, syncFromHash, toast, dismiss, guard }
})
