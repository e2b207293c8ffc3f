// Settling cells (人工核定): the cell open in the settle panel, the queue of a finding's uncertain cells
// stepped through one by one, and the calls that settle or withdraw (the engine re-runs the checks).
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { CellDto, FindingDto, SettleCellDto } from '../../../src-main/shared/api.ts'
import { cellKey } from '../domain/evidence.ts'
import { useClient } from './client.ts'
import { useFolderStore } from './folder.ts'
import { useReportStore } from './report.ts'
import { useUiStore } from './ui.ts'

/** Finding id of the settle target's mark in the original pane (never a real finding). */
export const SETTLE_MARK_ID = -1

/** Cells a reviewer would want to settle: what the reader could not read with certainty. */
export function needsSettling(c: CellDto | undefined): boolean {
  return !!c && !c.settled && (c.status === 'uncertain' || c.status === 'inferred' || c.status === 'invalid')
}

export const useSettleStore = defineStore('settle', () => {
  const client = useClient()
  const report = useReportStore()
  const folder = useFolderStore()
  const ui = useUiStore()

  /** Key (T3|row|col) of the open cell, and the cells to step through. */
  const target = ref<string | null>(null)
  const queue = ref<string[]>([])
  const busy = ref(false)

  const cells = computed(() => new Map((report.detail?.cells ?? []).map((c) => [cellKey(c.table, c.row, c.col), c])))
  const cell = computed(() => (target.value ? (cells.value.get(target.value) ?? null) : null))
  const position = computed(() => (target.value ? queue.value.indexOf(target.value) : -1))

  // another report: nothing stays open
  watch(
    () => report.detail?.id,
    () => close()
  )

  function open(key: string, list: string[] = [key]): void {
    queue.value = list.includes(key) ? list : [key, ...list]
    target.value = key
  }

  /** S on a finding: its uncertain cells, in evidence order. False when it has none. */
  function openFinding(f: FindingDto | null): boolean {
    if (!f) return false
    const keys: string[] = []
    for (const e of f.evidence) {
      if (e.kind !== 'cell') continue
      const k = cellKey(e.table, e.row, e.col)
      if (!keys.includes(k) && needsSettling(cells.value.get(k))) keys.push(k)
    }
    if (!keys.length) return false
    open(keys[0] as string, keys)
    return true
  }

  function close(): void {
    target.value = null
    queue.value = []
  }

  /** The next cell of the queue still to settle (after a settlement, or on N). */
  function step(dir: 1 | -1 = 1): boolean {
    const list = queue.value
    const i = position.value
    for (let j = i + dir; j >= 0 && j < list.length; j += dir) {
      const k = list[j] as string
      if (dir < 0 || needsSettling(cells.value.get(k))) {
        target.value = k
        return true
      }
    }
    return false
  }

  async function settle(values: SettleCellDto[]): Promise<void> {
    const d = report.detail
    if (!d || busy.value || !values.length) return
    busy.value = true
    try {
      await client.api.settleCells(d.id, values)
      await report.reload()
      void folder.refresh()
      ui.toast(values.length > 1 ? `已人工核定 ${values.length} 个单元格，已重新审核。` : '已人工核定，已重新审核。', 'ok')
      if (!step(1)) close()
    } finally {
      busy.value = false
    }
  }

  async function withdraw(): Promise<void> {
    const d = report.detail
    const c = cell.value
    if (!d || !c || busy.value) return
    busy.value = true
    try {
      await client.api.unsettleCells(d.id, [{ table: c.table, row: c.row, col: c.col }])
      await report.reload()
      void folder.refresh()
      ui.toast('已撤回人工核定，恢复解析读数。', 'ok')
    } finally {
      busy.value = false
    }
  }

  return { target, queue, busy, cell, position, open, openFinding, close, step, settle, withdraw }
})
