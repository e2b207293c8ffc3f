// Application facts (mode, sample folder, reviewer) and the batch settings form.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { BatchDetail, BatchSettingsDto, ReviewApi } from '../../../src-main/shared/api.ts'
import { useClient } from './client.ts'

export type AppInfo = Awaited<ReturnType<ReviewApi['appInfo']>>

export interface SettingsForm {
  year: string
  deadline: string
  roster: string
  reviewer: string
  replyDeadline: string
  office: string
}

export function formFrom(b: BatchDetail | null, reviewer: string): SettingsForm {
  const s = b?.settings ?? {}
  return {
    year: s.year ? String(s.year) : '',
    deadline: s.deadline ?? '',
    roster: (s.roster ?? []).join('\n'),
    reviewer,
    replyDeadline: s.replyDeadline ?? '',
    office: s.office ?? ''
  }
}

/** Form → DTO; throws a reviewer-readable message when a field is malformed. */
export function dtoFrom(f: SettingsForm): BatchSettingsDto {
  const out: BatchSettingsDto = {}
  const y = f.year.trim()
  if (y) {
    if (!/^\d{4}$/.test(y)) throw new Error('年度应为四位数字，例如 2023')
    out.year = Number(y)
  }
  for (const [k, name] of [
    ['deadline', '公开截止日期'],
    ['replyDeadline', '整改回复期限']
  ] as const) {
    const d = f[k].trim()
    if (!d) continue
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`${name}应写成 YYYY-MM-DD，例如 2024-01-31`)
    out[k] = d
  }
  if (f.office.trim()) out.office = f.office.trim()
  out.roster = f.roster
    .split(/[\n,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean)
  const r = f.reviewer.trim()
  if (r) out.reviewer = r
  return out
}

export const useSettingsStore = defineStore('settings', () => {
  const client = useClient()
  const info = ref<AppInfo | null>(null)
  const reviewer = computed(() => info.value?.reviewer ?? '')
  const desktop = computed(() => client.transport === 'ipc')

  async function loadInfo(): Promise<AppInfo> {
    info.value = await client.api.appInfo()
    return info.value
  }

  async function saveProfile(p: { reviewer: string; office: string }): Promise<AppInfo> {
    info.value = await client.api.saveProfile(p)
    return info.value
  }

  async function save(batchId: number, form: SettingsForm): Promise<BatchDetail> {
    const dto = dtoFrom(form)
    const detail = await client.api.saveSettings(batchId, dto)
    if (info.value && dto.reviewer) info.value = { ...info.value, reviewer: dto.reviewer }
    return detail
  }

  return { info, reviewer, desktop, loadInfo, save, saveProfile }
})
