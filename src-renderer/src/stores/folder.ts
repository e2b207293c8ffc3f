// Folders (batches): the recent list, the opened batch with its reports, and the import task.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { BatchDetail, BatchSummary, ImportProgressEvent, TaskEvent } from '../../../src-main/shared/api.ts'
import { useClient } from './client.ts'
import { useUiStore } from './ui.ts'

export interface ImportTask {
  taskId: string
  path: string
  done: number
  total: number
  file: string
  /** Page being recognised while a scan is read. */
  ocr?: { page: number; pages: number }
  state: 'starting' | TaskEvent['state']
  message?: string
  batchId?: number
}

export const useFolderStore = defineStore('folder', () => {
  const client = useClient()
  const ui = useUiStore()
  const batches = ref<BatchSummary[]>([])
  const current = ref<BatchDetail | null>(null)
  const loading = ref(false)
  const task = ref<ImportTask | null>(null)
  /** Report ids in the order the overview shows them (for 「下一份」). */
  const order = ref<number[]>([])
  /** Events that arrived before openFolder() returned its task id. */
  const early = new Map<string, { progress?: ImportProgressEvent; task?: TaskEvent }>()

  const busy = computed(() => !!task.value && (task.value.state === 'starting' || task.value.state === 'running'))

  function applyProgress(p: ImportProgressEvent): void {
    const t = task.value
    if (!t || t.taskId !== p.taskId) {
      if (t && !t.taskId) early.set(p.taskId, { ...early.get(p.taskId), progress: p })
      return
    }
    t.done = p.done
    t.total = p.total
    t.file = p.file
    t.ocr = p.status === 'ocr' ? p.ocr : undefined
    if (t.state === 'starting') t.state = 'running'
  }

  function applyTask(e: TaskEvent): void {
    const t = task.value
    if (!t || t.taskId !== e.taskId) {
      if (t && !t.taskId) early.set(e.taskId, { ...early.get(e.taskId), task: e })
      return
    }
    t.state = e.state
    t.message = e.message
    t.batchId = e.batchId
    if (e.state === 'running') return
    void finished(t)
  }

  async function finished(t: ImportTask): Promise<void> {
    await loadBatches()
    if (t.state === 'done' && t.batchId !== undefined) {
      ui.toast(`已导入并检查完毕：${t.path}`, 'ok')
      ui.go({ name: 'batch', batchId: t.batchId })
    } else if (t.state === 'cancelled') {
      ui.toast('已取消导入；已读入的文件保留在列表中。', 'info')
      if (t.batchId !== undefined) ui.go({ name: 'batch', batchId: t.batchId })
    } else if (t.state === 'failed') {
      ui.toast(`导入失败：${t.message ?? '未知原因'}`, 'error')
    }
    window.setTimeout(() => {
      if (task.value === t) task.value = null
    }, 700)
  }

  client.on('progress', applyProgress)
  client.on('task', applyTask)

  async function loadBatches(): Promise<void> {
    batches.value = await client.api.listBatches()
  }

  async function openFolder(path: string): Promise<void> {
    const p = path.trim()
    if (!p) throw new Error('请先填写文件夹路径')
    if (busy.value) throw new Error('正在导入另一个文件夹，请等它完成或取消')
    task.value = { taskId: '', path: p, done: 0, total: 0, file: '', state: 'starting' }
    let taskId: string
    try {
      await client.eventsReady()
      taskId = (await client.api.openFolder(p)).taskId
    } catch (e) {
      task.value = null
      throw e
    }
    const t = task.value
    t.taskId = taskId
    const seen = early.get(taskId)
    early.clear()
    if (seen?.progress) applyProgress(seen.progress)
    if (seen?.task) applyTask(seen.task)
  }

  async function cancel(): Promise<void> {
    if (task.value?.taskId) await client.api.cancelTask(task.value.taskId)
  }

  async function openBatch(batchId: number): Promise<BatchDetail> {
    loading.value = true
    try {
      const b = await client.api.getBatch(batchId)
      current.value = b
      if (!order.value.length || !b.reports.some((r) => order.value.includes(r.id))) order.value = b.reports.map((r) => r.id)
      return b
    } finally {
      loading.value = false
    }
  }

  /** Reload the batch after decisions so that counts stay right; silent on failure. */
  async function refresh(): Promise<void> {
    if (!current.value) return
    try {
      current.value = await client.api.getBatch(current.value.batch.id)
    } catch {
      // keep the previous counts
    }
  }

  async function rerun(): Promise<void> {
    if (!current.value) return
    current.value = await client.api.rerunChecks(current.value.batch.id)
  }

  function setDetail(b: BatchDetail): void {
    current.value = b
  }

  return { batches, current, loading, task, busy, order, loadBatches, openFolder, cancel, openBatch, refresh, rerun, setDetail }
})
