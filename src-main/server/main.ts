// Browser mode entry: opens the database, serves the built renderer on 127.0.0.1 with a random token,
// imports the sample folder on first start so a newcomer sees real reports at once.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openDb } from '../engine/db/open.ts'
import { defaultDbPath } from '../engine/paths.ts'
import { sharedPool } from '../engine/ocr/pool.ts'
import { startBrowserServer } from './http.ts'
import { openInBrowser } from './opener.ts'
import { ReviewService } from './service.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, open: { type: 'boolean' }, renderer: { type: 'string' }, 'no-sample': { type: 'boolean' } } })
  const rendererDir = values.renderer ?? join(ROOT, 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`找不到界面文件：${rendererDir}。请先运行 npm run build。`)
    process.exit(1)
  }
  const dbPath = values.db ?? defaultDbPath()
  let opened
  try {
    opened = openDb(dbPath)
  } catch (e) {
    // A database that cannot be opened (locked, full disk, read-only…): one Chinese line, nothing changed.
    console.error(`无法启动：${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  }
  const { db, notices } = opened
  for (const n of notices) console.log(n)
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
  const sampleFolder = join(ROOT, 'resources', 'sample')
  const service = new ReviewService(db, { mode: 'browser', sampleFolder, version })
  if (!values['no-sample'] && (await service.listBatches()).length === 0 && existsSync(sampleFolder)) {
    const { taskId } = await service.openFolder(sampleFolder)
    await new Promise<void>((r) => {
      const off = service.onEvent((e, p) => {
        if (e === 'task' && 'state' in p && p.taskId === taskId && p.state !== 'running') {
          off()
          r()
        }
      })
    })
    console.log(`已导入示例文件夹：${sampleFolder}`)
  }
  const srv = await startBrowserServer(service, rendererDir, values.port ? Number(values.port) : 0)
  console.log(`年报审核（浏览器模式）已启动：${srv.url}`)
  console.log(`数据库：${dbPath}`)
  console.log('按 Ctrl+C 退出。')
  // the opener's command line is readable by every local user: a one-time code, not the token
  if (values.open) openInBrowser(srv.openUrl())
  const stop = (): void => {
    void Promise.all([srv.close(), sharedPool().terminate({ close: true })]).then(() => {
      db.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

// A failure to start (database, data folder, port) is told in Chinese, without a stack trace.
main().catch((e: unknown) => {
  console.error(`年报审核无法启动：${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
