// Export buttons' action: run the export, then in browser mode hand the file over as a download,
// in the desktop app say where it was written.
import { ref } from 'vue'
import { useClient } from '../../stores/client.ts'
import { useUiStore } from '../../stores/ui.ts'

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p
}

export function useExports() {
  const client = useClient()
  const ui = useUiStore()
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

  return {
    busy,
    summary: (batchId: number) => run('导出汇总表', async () => [(await client.api.exportSummary(batchId)).file]),
    feedback: (batchId: number, reportId?: number) => run(reportId === undefined ? '导出全部整改意见' : '导出整改意见', async () => (await client.api.exportFeedback(batchId, reportId)).files)
  }
}
