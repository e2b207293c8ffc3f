// Export buttons' action: run the export, then in browser mode hand the file over as a download,
// in the desktop app say where it was written.
import { ref } from 'vue'
import type { FeedbackExport } from '../../../../src-main/shared/api.ts'
import { letterIssues } from '../../domain/letters.ts'
import { useClient } from '../../stores/client.ts'
import { useFolderStore } from '../../stores/folder.ts'
import { useUiStore } from '../../stores/ui.ts'

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p
}

export function useExports() {
  const client = useClient()
  const ui = useUiStore()
  const folder = useFolderStore()
  const busy = ref<string | null>(null)

  function offer(files: string[]): void {
    for (const f of files) {
      const url = client.downloadUrl(f)
      if (!url) continue
      const a = document.createElement('a')
      a.href = url
      a.download = baseName(f)
      a.rel = 'noopener'
      document.body.appendChild(a)
      a.click()
      a.remove()
    }
  }

  async function run(what: string, job: () => Promise<string[]>): Promise<string[] | undefined> {
    busy.value = what
    try {
      const files = await ui.guard(job(), `${what}失败`)
      if (!files) return undefined
      if (!files.length) {
        ui.toast(`${what}：没有需要导出的内容。`)
        return files
      }
      const urls = files.map((f) => ({ file: baseName(f), href: client.downloadUrl(f) }))
      const first = urls[0]
      if (first?.href) {
        const links = urls.map((u) => ({ href: u.href as string, text: u.file, file: u.file }))
        if (files.length === 1) {
          offer(files)
          ui.toast(`${what}：已生成 ${first.file}，正在下载。`, 'ok', { links }, 8000)
        } else {
          // several files: the browser would ask before downloading many at once, so let the reviewer choose
          ui.toast(`${what}：已生成 ${files.length} 个文件。`, 'ok', { links, action: { text: '全部下载', run: () => offer(files) } }, 20000)
        }
      } else {
        const where = files.length === 1 ? (files[0] as string) : (files[0] as string).replace(/[\\/][^\\/]*$/, '')
        ui.toast(`${what}：已保存到 ${where}`, 'ok', {}, 10000)
      }
      return files
    } finally {
      busy.value = null
    }
  }

  /** Tells the reviewer which letters can only be drafts (or none) before writing them. */
  async function confirmLetters(batchId: number, reportId?: number): Promise<boolean> {
    const rows = folder.current?.batch.id === batchId ? folder.current.reports : (await client.api.getBatch(batchId)).reports
    const issues = letterIssues(rows.filter((r) => reportId === undefined || r.id === reportId))
    if (!issues.length) return true
    const drafts = issues.filter((i) => i.kind === 'draft')
    const none = issues.filter((i) => i.kind === 'none')
    const text = [
      drafts.length ? `${drafts.length} 份年报审核尚未完成，只能导出标注“草稿”的整改意见（列出待决定的发现，不能发出）。` : '',
      none.length ? `${none.length} 份年报的报送单位未识别，不生成整改意见。` : ''
    ].join('')
    return ui.ask({
      title: '审核尚未完成',
      text,
      lines: issues.map((i) => `${i.name}：${i.kind === 'none' ? '不生成' : '草稿'}（${i.why}）`),
      ok: drafts.length ? '仍然导出（含草稿）' : '导出其余的'
    })
  }

  async function feedback(batchId: number, reportId?: number): Promise<void> {
    if (!(await confirmLetters(batchId, reportId))) return
    const what = reportId === undefined ? '导出全部整改意见' : '导出整改意见'
    let res: FeedbackExport | undefined
    await run(what, async () => {
      res = await client.api.exportFeedback(batchId, reportId)
      // the batch goes as one .zip; the letters stay in the folder beside it
      return res.zip ? [res.zip] : res.files
    })
    if (res && (res.drafts.length || res.skipped.length)) {
      ui.toast(
        `共 ${res.files.length} 份整改意见${res.drafts.length ? `，其中 ${res.drafts.length} 份为草稿（审核未完成）` : ''}${res.skipped.length ? `；${res.skipped.length} 份未生成：${res.skipped.map((s) => s.name).join('、')}（报送单位未识别）` : ''}。`,
        'info',
        {},
        12000
      )
    }
  }

  return {
    busy,
    summary: (batchId: number) => run('导出汇总表', async () => [(await client.api.exportSummary(batchId)).file]),
    feedback
  }
}
