// Findings of the report under review: grouping by rule family, the severity filter, the selected
// finding and keyboard stepping, the reviewer's decisions and comments, undo and hand-added findings.
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Decision, EvidenceDto, FindingDto, PageBox, Severity } from '../../../src-main/shared/api.ts'
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

const DRAFTS_KEY = 'xxgk-comment-drafts'

/** Unsaved comment boxes survive a closed tab or a crash of the page: kept in localStorage until saved. */
function loadDrafts(): Record<number, string> {
  try {
    const o = JSON.parse(window.localStorage.getItem(DRAFTS_KEY) ?? '{}') as Record<string, unknown>
    const out: Record<number, string> = {}
    for (const [k, v] of Object.entries(o)) if (typeof v === 'string' && Number.isInteger(Number(k))) out[Number(k)] = v
    return out
  } catch {
    return {}
  }
}

function saveDrafts(d: Record<number, string>): void {
  try {
    window.localStorage.setItem(DRAFTS_KEY, JSON.stringify(d))
  } catch {
    // storage full or disabled: the server copy is saved on the next action anyway
  }
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
  /** Which evidence item of the selected finding the panes show (N / P step through them). */
  const evIndex = ref(0)
  /** Words found by the folder's search and opened: the PDF original scrolls to them and marks them. */
  const searchHit = ref<{ reportId: number; start: number; end: number; boxes: PageBox[] } | null>(null)
  /** What is in each comment box, saved or not: every decision sends it, so a click never drops a note. */
  const drafts = ref<Record<number, string>>(loadDrafts())
  /** One request at a time per finding, in the order the reviewer acted. */
  const chains = new Map<number, Promise<unknown>>()

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
      undecided: open.filter((f) => f.decision === null && f.severity !== 'parse').length,
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
      // a note left unsaved when the page was closed is saved when its report is open again
      for (const f of all.value) if (drafts.value[f.id] !== undefined && f.state === 'open') void flush(f.id).catch(() => undefined)
    }
  )
  window.addEventListener('beforeunload', () => void flushAll().catch(() => undefined))

  function select(id: number | null): void {
    const prev = selectedId.value
    if (prev !== null && prev !== id) void flush(prev)
    selectedId.value = id
    evIndex.value = 0
    searchHit.value = null
    focusTick.value++
  }

  /** Evidence items that have a place to show (notes have none). */
  const placedEvidence = computed(() => (selected.value?.evidence ?? []).filter((e) => e.kind !== 'note'))

  /**
   * What each pane scrolls to. On selection: the first cell for the parsed pane and the first
   * evidence with a place in the original for the left pane; when stepping: the item stepped to.
   */
  const focusEvidence = computed(() => {
    const list = placedEvidence.value
    if (!list.length) return { parsed: undefined, original: undefined }
    if (evIndex.value > 0 || list.length === 1) {
      const e = list[Math.min(evIndex.value, list.length - 1)]
      return { parsed: e, original: e }
    }
    return {
      parsed: list.find((e) => e.kind === 'cell') ?? list[0],
      original: list.find((e) => e.kind === 'text' || (e.kind === 'cell' && e.span) || (e.kind === 'report' && e.start !== undefined)) ?? list[0]
    }
  })

  function stepEvidence(dir: 1 | -1): void {
    const n = placedEvidence.value.length
    if (n < 2) return
    evIndex.value = (evIndex.value + dir + n) % n
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

  /** The comment as the reviewer last left it: the box when it differs from the saved one. */
  function commentOf(f: FindingDto): string | null {
    const d = drafts.value[f.id]
    if (d === undefined) return f.comment
    return d.trim() || null
  }

  function setDraft(id: number, text: string): void {
    drafts.value[id] = text
    saveDrafts(drafts.value)
  }

  /** Runs the finding's requests one after another, each reading the state the previous one left. */
  function queue<T>(id: number, job: () => Promise<T>): Promise<T> {
    const prev = chains.get(id) ?? Promise.resolve()
    const next = prev.catch(() => undefined).then(job)
    chains.set(id, next)
    void next.finally(() => {
      if (chains.get(id) === next) chains.delete(id)
    }).catch(() => undefined)
    return next
  }

  /**
   * Sends a decision with the comment box as it stands. A new comment is saved first in a request of
   * its own, so that Ctrl+Z of the decision leaves the note in place.
   */
  async function decide(id: number, decision: Decision | null | 'keep' | { toggle: Decision }, comment?: string | null): Promise<void> {
    await queue(id, async () => {
      let f = all.value.find((x) => x.id === id)
      if (!f) return
      const text = comment === undefined ? commentOf(f) : comment
      const sent = drafts.value[id]
      const want = decision === 'keep' ? f.decision : typeof decision === 'object' && decision ? (f.decision === decision.toggle ? null : decision.toggle) : decision
      if (text !== f.comment) {
        f = await client.api.decide(id, f.decision, text)
        replace(f)
      }
      if (want !== f.decision) replace(await client.api.decide(id, want, f.comment))
      // the box is saved unless the reviewer typed on while the request was under way
      if (sent !== undefined && drafts.value[id] === sent && (sent.trim() || null) === f.comment) {
        delete drafts.value[id]
        saveDrafts(drafts.value)
      }
      void folder.refresh()
    })
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
    if (f.severity === 'parse') {
      ui.toast('解析存疑是本软件未能读准原文，不是乡镇的问题，无需确认或排除；请对照原文核对。')
      return
    }
    // the current decision is read when the request runs, after any save queued before it
    await decide(id, { toggle: decision })
  }

  async function saveComment(id: number, text: string): Promise<void> {
    setDraft(id, text)
    await flush(id)
  }

  /** Saves the box of a finding when it differs from what is stored. */
  async function flush(id: number): Promise<void> {
    const f = all.value.find((x) => x.id === id)
    const d = drafts.value[id]
    if (!f || d === undefined) return
    if ((f.comment ?? '') === d.trim() && !chains.has(id)) {
      delete drafts.value[id]
      saveDrafts(drafts.value)
      return
    }
    await decide(id, 'keep')
  }

  async function flushAll(): Promise<void> {
    await Promise.all(Object.keys(drafts.value).map((k) => flush(Number(k))))
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

  return { evIndex, searchHit, placedEvidence, focusEvidence, stepEvidence, selectedId, severity, focusTick, picked, drafts, all, visible, groups, selected, counts, select, step, decide, toggle, setDraft, saveComment, flush, flushAll, undo, add }
})
