// The command line itself (review.ts loads it once the compile cache is on): import, check, exports.
// Exit codes: 0 the folder was processed (even with findings), 1 fatal error, 2 usage error.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ALL_RULES, NOT_IMPLEMENTED } from '../engine/checks/registry.ts'
import { batchSettings, saveBatchSettings } from '../engine/checks/store.ts'
import { runChecksOffThread } from '../engine/checks/offThread.ts'
import { openDb } from '../engine/db/open.ts'
import { importFolder, type FileStatus } from '../engine/ingest/importFolder.ts'
import { defaultDbPath } from '../engine/paths.ts'
import { openFindingCounts, reportsJson } from '../engine/reportJson.ts'
import { readRoster } from '../engine/roster.ts'
import { sharedPool } from '../engine/ocr/pool.ts'
import { runExports } from '../engine/export/cliExports.ts'

const USAGE = `用法：npm run review -- <文件夹> [选项]
  --json <文件>        把解析结果和检查发现写成 JSON
  --db <文件>          数据库文件（默认：${defaultDbPath()}）
  --year <年份>        本批年报的年度（默认：文件夹中最多的年度）
  --deadline <日期>    公开截止日期，如 2024-01-31（默认：次年 1 月 31 日）
  --roster <文件>      乡镇名单（.txt 每行一个，或 .xlsx 第一列）
  --xlsx <文件>        导出全县合规汇总表（.xlsx）
  --feedback <文件夹>  为每个乡镇导出整改意见（.docx）
  --rules              列出检查规则目录
  -h, --help           显示本帮助`

const STATUS: Record<FileStatus | 'ocr', string> = { ok: '已导入', unchanged: '未变化', error: '错误', 'needs-ocr': '需OCR', skipped: '跳过', ocr: 'OCR识别' }

function usage(msg?: string): never {
  if (msg) console.error(`参数错误：${msg}\n`)
  console.error(USAGE)
  process.exit(2)
}

async function main(): Promise<number> {
  let args
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'string' },
        db: { type: 'string' },
        year: { type: 'string' },
        deadline: { type: 'string' },
        roster: { type: 'string' },
        xlsx: { type: 'string' },
        feedback: { type: 'string' },
        rules: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (e) {
    usage(e instanceof Error ? e.message : String(e))
  }
  const { values: opt, positionals } = args
  if (opt.help) {
    console.log(USAGE)
    return 0
  }
  if (opt.rules) {
    for (const r of ALL_RULES) console.log(`${r.id.padEnd(22)} ${r.severity.padEnd(8)} ${r.title}\n${''.padEnd(31)}依据：${r.source}`)
    for (const [id, why] of Object.entries(NOT_IMPLEMENTED)) console.log(`${id.padEnd(22)} 未实现   ${why}`)
    return 0
  }
  if (positionals.length !== 1) usage(positionals.length ? '只能指定一个文件夹' : '缺少文件夹')
  const folder = resolve(positionals[0] as string)
  if (!existsSync(folder) || !statSync(folder).isDirectory()) usage(`不是文件夹：${folder}`)
  if (opt.year && !/^(19|20)\d{2}$/.test(opt.year)) usage('--year 应为四位年份')
  if (opt.deadline && !/^\d{4}-\d{2}-\d{2}$/.test(opt.deadline)) usage('--deadline 应为 YYYY-MM-DD')

  const dbPath = resolve(opt.db ?? defaultDbPath())
  const { db, notices } = openDb(dbPath)
  for (const n of notices) console.error(n)
  try {
    const started = Date.now()
    const res = await importFolder(db, folder, {
      onProgress: (p) => console.log(`[${p.done}/${p.total}] ${STATUS[p.status]}${p.ocr ? ` 第 ${p.ocr.page}/${p.ocr.pages} 页` : ''}  ${p.file}`)
    })
    const settings = batchSettings(db, res.batchId)
    if (opt.year) settings.year = Number(opt.year)
    if (opt.deadline) settings.deadline = opt.deadline
    if (opt.roster) settings.roster = await readRoster(resolve(opt.roster))
    saveBatchSettings(db, res.batchId, settings)
    // In the check worker, as the app runs it: its young generation is kept small (checks/offThread.ts).
    await runChecksOffThread(db, res.batchId)
    // The JSON is built only when asked for: the summary line counts in SQL what it would hold.
    const json = opt.json ? reportsJson(db, res.outcomes) : null
    const count = (s: string): number => res.outcomes.filter((o) => o.status === s).length
    const bySeverity = openFindingCounts(db, res.outcomes)
    const sev = (s: string): number => bySeverity[s] ?? 0
    console.log(
      `完成：${res.outcomes.length} 个文件，导入 ${count('ok')}，未变化 ${count('unchanged')}，错误 ${count('error')}，需OCR ${count('needs-ocr')}，跳过 ${count('skipped')}；` +
        `发现 错误 ${sev('error')} / 警告 ${sev('warning')} / 提示 ${sev('info')}；用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`
    )
    console.log(`数据库：${dbPath}`)
    for (const o of res.outcomes) if (o.status === 'error') console.log(`  错误：${o.file}：${o.error}`)
    if (json && opt.json) {
      mkdirSync(dirname(resolve(opt.json)), { recursive: true })
      writeFileSync(resolve(opt.json), JSON.stringify(json, null, 2))
      console.log(`JSON：${resolve(opt.json)}`)
    }
    if (opt.xlsx || opt.feedback) await runExports(db, res.batchId, { xlsx: opt.xlsx && resolve(opt.xlsx), feedback: opt.feedback && resolve(opt.feedback) })
    return 0
  } finally {
    db.close()
    await sharedPool().terminate({ close: true })
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`出错：${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  }
)
