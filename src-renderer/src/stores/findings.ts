// Findings of the report under review: grouping by rule family, the severity filter, the selected
// finding and keyboard stepping, the reviewer's decisions and comments, undo and hand-added findings.
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Decision, EvidenceDto, FindingDto, Severity } from '../../../src-main/shared/api.ts'
import { FAMILY_NAMES, FAMILY_ORDER, SEVERITY_RANK } from '../domain/labels.ts'
import { useClient } from './client.ts'
import { useFolderStore } from './folder.ts'
import { useReportStore } from './report.ts'
import { useUiStore } from './ui.ts'

export interface FindingGroup {
  family: string
  name: string
  findings: FindingDto[]
}

/** A place the reviewer picked for a new finding: a text selection or a parsed cell. */
export interface Picked {
  evidence: EvidenceDto
  label: string
}

function familyIndex(f: string): number {
  const i = (FAMILY_ORDER as readonly string[]).indexOf(f)
  return i < 0 ? FAMILY_ORDER.length : i
}

export function sortFindings(list: FindingDto[]): FindingDto[] {
  return [...list].sort(
    (a, b) =>
      familyIndex(a.family) - familyIndex(b.family) ||
      (a.state === b.state ? 0 : a.state === 'open' ? -1 : 1) ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      a.id - b.id
  )
}

export const useFindingsStore = defineStore('findings', () => {
  const client = useClient()
  const report = useReportStore()
  const folder = useFolderStore()
  const ui = useUiStore()

  const selectedId = ref<number | null>(null)
  const severity = ref<Severity | 'all'>('all')
  /** Increments on every selection so that the panes scroll even when the same finding is chosen again. */
  const focusTick = ref(0)
  const picked = ref<Picked | null>(null)

  const all = computed<FindingDto[]>(() => report.detail?.findings ?? [])
  const visible = computed(() => sortFindings(all.value.filter((f) => severity.value === 'all' || f.severity === severity.value)))
  const groups = computed<FindingGroup[]>(() => {
    const out: FindingGroup[] = []
    for (const f of visible.value) {
      let g = out[out.length - 1]
      if (!g || g.family !== f.family) {
        g = { family: f.family, name: FAMILY_NAMES[f.family] ?? f.family, findings: [] }
        out.push(g)
      }
      g.findings.push(f)
    }
    return out
  })
  const selected = computed(() => all.value.find((f) => f.id === selectedId.value) ?? null)
  const counts = computed(() => {
    const open = all.value.filter((f) => f.state === 'open')
    const live = open.filter((f) => f.decision !== 'dismissed')
    return {
      error: live.filter((f) => f.severity === 'error').length,
      warning: live.filter((f) => f.severity === 'warning').length,
      info: live.filter((f) => f.severity === 'info').length,
      parse: open.filter((f) => f.severity === 'parse').length,
      confirmed: open.filter((f) => f.decision === 'confirmed').length,
      dismissed: open.filter((f) => f.decision === 'dismissed').length,
      undecided: open.filter((f) => f.decision === null).length,
      resolved: all.value.length - open.length,
      total: all.value.length
    }
  })

  // a new report (or version) starts with its first finding selected
  watch(
    () => report.detail && `${report.detail.id}:${report.detail.versionId}`,
    () => {
      picked.value = null
      if (!all.value.some((f) => f.id === selectedId.value)) selectedId.value = visible.value[0]?.id ?? null
    }
  )

  function select(id: number | null): void {
    selectedId.value = id
    focusTick.value++
  }

  function step(dir: 1 | -1): void {
    const list = visible.value
    if (!list.length) return
    const i = list.findIndex((f) => f.id === selectedId.value)
    const j = i < 0 ? (dir > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, i + dir))
    select(list[j]?.id ?? null)
  }

  function replace(f: FindingDto): void {
    const d = report.detail
    if (!d) return
    const i = d.findings.findIndex((x) => x.id === f.id)
    if (i >= 0) d.findings.splice(i, 1, f)
    else d.findings.push(f)
  }

  async function decide(id: number, decision: Decision | null, comment?: string | null): Promise<void> {
    const f = all.value.find((x) => x.id === id)
    if (!f) return
    const next = await client.api.decide(id, decision, comment === undefined ? f.comment : comment)
    replace(next)
    void folder.refresh()
  }

  /** C / D: set the decision, or clear it when the finding already has it. */
  async function toggle(decision: Decision, id = selectedId.value): Promise<void> {
    if (id === null) return
    const f = all.value.find((x) => x.id === id)
    if (!f) return
    if (f.state === 'resolved') {
      ui.toast('这条发现已在新版本中消除，无需再决定。')
      return
    }
    await decide(id, f.decision === decision ? null : decision)
  }

  async function saveComment(id: number, text: string): Promise<void> {
    const f = all.value.find((x) => x.id === id)
    if (!f) return
    const t = text.trim()
    if ((f.comment ?? '') === t) return
    await decide(id, f.decision, t || null)
  }

  async function undo(): Promise<void> {
    const r = await client.api.undo(report.detail?.id)
    if (!r.undone) {
      ui.toast('没有可以撤销的操作。')
      return
    }
    await report.reload()
    void folder.refresh()
    ui.toast(`已撤销：${r.undone}`, 'ok')
  }

  async function add(input: { severity: Severity; message: string; comment: string }): Promise<FindingDto | null> {
    const d = report.detail
    if (!d || !picked.value) return null
    const f = await client.api.addFinding(d.id, {
      severity: input.severity,
      message: input.message,
      comment: input.comment.trim() || undefined,
      evidence: [picked.value.evidence]
    })
    replace(f)
    picked.value = null
    select(f.id)
    void folder.refresh()
    return f
  }

  return { selectedId, severity, focusTick, picked, all, visible, groups, selected, counts, select, step, decide, toggle, saveComment, undo, add }
})
