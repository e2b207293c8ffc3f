// The report under review: its detail (text, parsed tables, findings) for one version, the version
// list, the review status and the comparison between versions.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ReportDetail, ReviewStatus, VersionDiff } from '../../../src-main/shared/api.ts'
import { useClient } from './client.ts'
import { useFolderStore } from './folder.ts'

export const useReportStore = defineStore('report', () => {
  const client = useClient()
  const folder = useFolderStore()
  const detail = ref<ReportDetail | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const diff = ref<VersionDiff | null>(null)
  let seq = 0

  const isCurrentVersion = computed(() => !!detail.value && detail.value.versions.some((v) => v.id === detail.value?.versionId && v.current))

  async function open(reportId: number, versionId?: number): Promise<ReportDetail | null> {
    const my = ++seq
    loading.value = true
    error.value = null
    try {
      const d = await client.api.getReport(reportId, versionId)
      if (my !== seq) return null
      detail.value = d
      diff.value = null
      if (!folder.current || folder.current.batch.id !== d.batchId) await folder.openBatch(d.batchId)
      return d
    } catch (e) {
      if (my === seq) error.value = e instanceof Error ? e.message : String(e)
      return null
    } finally {
      if (my === seq) loading.value = false
    }
  }

  async function reload(): Promise<void> {
    if (detail.value) {
      const d = await client.api.getReport(detail.value.id, isCurrentVersion.value ? undefined : detail.value.versionId)
      detail.value = d
    }
  }

  async function setReviewStatus(status: ReviewStatus): Promise<void> {
    if (!detail.value) return
    await client.api.setReviewStatus(detail.value.id, status)
    detail.value.reviewStatus = status
    await folder.refresh()
  }

  async function loadDiff(from: number, to: number): Promise<void> {
    if (!detail.value) return
    diff.value = await client.api.diffVersions(detail.value.id, from, to)
  }

  /** The next report in the overview's order, or null at the end. */
  function neighbour(step: 1 | -1): number | null {
    if (!detail.value) return null
    const ids = folder.order.length ? folder.order : (folder.current?.reports.map((r) => r.id) ?? [])
    const i = ids.indexOf(detail.value.id)
    const j = i + step
    return i >= 0 && j >= 0 && j < ids.length ? (ids[j] ?? null) : null
  }

  function clear(): void {
    seq++
    detail.value = null
    diff.value = null
    error.value = null
  }

  return { detail, loading, error, diff, isCurrentVersion, open, reload, setReviewStatus, loadDiff, neighbour, clear }
})
