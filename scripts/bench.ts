// `npm run bench`: generates a large mixed folder (≥ 1,000 reports) from the seeds and fixtures,
// imports and checks it with the real engine, and prints throughput and peak memory.
// Figures are printed, never asserted: they depend on the machine.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import JSZip from 'jszip'
import { REPORT_RULES } from '../src-main/engine/checks/registry.ts'
import { runChecks } from '../src-main/engine/checks/store.ts'
import { openDb } from '../src-main/engine/db/open.ts'
import { importFolder } from '../src-main/engine/ingest/importFolder.ts'

const REPORT_RULE_COUNT = REPORT_RULES.length
const ROOT = join(import.meta.dirname, '..')
const N = Number(process.env.BENCH_N ?? 1000)
const dir = join(tmpdir(), `xxgk-bench-${process.pid}`)
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })

const seeds = readdirSync(join(ROOT, 'resources', 'sample')).filter((f) => f.endsWith('.txt')).sort()
const texts = seeds.map((s) => readFileSync(join(ROOT, 'resources', 'sample', s), 'utf8'))
const fx = join(ROOT, 'test', 'fixtures', 'seeds')
const docx = readdirSync(fx).filter((f) => f.endsWith('.docx')).map((f) => readFileSync(join(fx, f)))
const pdfs = readdirSync(fx).filter((f) => f.endsWith('.pdf')).map((f) => readFileSync(join(fx, f)))
const html = readdirSync(fx).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(fx, f), 'utf8'))
const NAMES = ['裴城镇', '官前乡', '平安镇', '头营镇', '王官集镇']
const towns = (i: number): string => `${'东西南北中'[i % 5]}${'山河湖林田'[Math.floor(i / 5) % 5]}${'甲乙丙丁戊己庚辛'[Math.floor(i / 25) % 8]}${i}镇`

function rename(t: string, k: number, i: number): string {
  return t.split(NAMES[k] as string).join(towns(i))
}

let pdfCount = 0
const genStart = performance.now()
const counts: Record<string, number> = { txt: 0, html: 0, docx: 0, pdf: 0 }
for (let i = 0; i < N; i++) {
  const k = i % 5
  const slot = i % 20
  if (slot < 12) {
    writeFileSync(join(dir, `${i}.txt`), rename(texts[k] as string, k, i))
    counts.txt!++
  } else if (slot < 15) {
    writeFileSync(join(dir, `${i}.html`), rename(html[k] as string, k, i))
    counts.html!++
  } else if (slot < 18) {
    const zip = await JSZip.loadAsync(docx[k] as Buffer)
    const xml = await zip.file('word/document.xml')!.async('string')
    zip.file('word/document.xml', rename(xml, k, i))
    writeFileSync(join(dir, `${i}.docx`), await zip.generateAsync({ type: 'nodebuffer' }))
    counts.docx!++
  } else {
    writeFileSync(join(dir, `${i}.pdf`), pdfs[(pdfCount++) % pdfs.length] as Buffer)
    counts.pdf!++
  }
}
const genMs = performance.now() - genStart

const dbFile = join(dir, '..', `xxgk-bench-${process.pid}.db`)
const { db } = openDb(dbFile)
const perKind: Record<string, { ms: number; n: number }> = {}
let last = performance.now()
const cpu0 = process.cpuUsage()
const t0 = performance.now()
const res = await importFolder(db, dir, {
  onProgress: (p) => {
    const now = performance.now()
    const kind = p.file.slice(p.file.lastIndexOf('.') + 1)
    const e = (perKind[kind] ??= { ms: 0, n: 0 })
    e.ms += now - last
    e.n++
    last = now
  }
})
const importMs = performance.now() - t0
const importCpu = process.cpuUsage(cpu0)
const importPeakMb = process.resourceUsage().maxRSS / 1024
const c0 = performance.now()
const cpu1 = process.cpuUsage()
runChecks(db, res.batchId)
const checkMs = performance.now() - c0
const checkCpu = process.cpuUsage(cpu1)
// The same check again with the per-version results thrown away: every rule runs on this thread,
// as after an app update that changes the rules.
db.exec('DELETE FROM version_checks')
const c1 = performance.now()
runChecks(db, res.batchId)
const coldMs = performance.now() - c1
const pages = (db.prepare("SELECT COALESCE(SUM(json_array_length(pages)), 0) AS n FROM versions WHERE kind = 'pdf'").get() as { n: number }).n
const errors = res.outcomes.filter((o) => o.status === 'error')
db.close()
rmSync(dir, { recursive: true, force: true })
// BENCH_KEEP=1 keeps the database for profiling the checks on their own.
if (process.env.BENCH_KEEP) console.log(`数据库保留在 ${dbFile}`)
else for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true })

const rate = (n: number, ms: number): string => (ms > 0 ? (n / (ms / 1000)).toFixed(1) : '-')
const textWord = ['txt', 'html', 'docx'].reduce((a, k) => ({ n: a.n + (perKind[k]?.n ?? 0), ms: a.ms + (perKind[k]?.ms ?? 0) }), { n: 0, ms: 0 })
console.log(`生成 ${N} 份年报（txt ${counts.txt}, html ${counts.html}, docx ${counts.docx}, pdf ${counts.pdf}）用时 ${(genMs / 1000).toFixed(1)} 秒`)
console.log(`导入+解析：${N} 份，${(importMs / 1000).toFixed(1)} 秒，${rate(N, importMs)} 份/秒；错误 ${errors.length}`)
for (const [k, v] of Object.entries(perKind)) console.log(`  ${k.padEnd(5)} ${String(v.n).padStart(5)} 份  ${rate(v.n, v.ms).padStart(7)} 份/秒  平均 ${(v.ms / v.n).toFixed(1)} 毫秒`)
console.log(`  文本/Word 合计：${rate(textWord.n, textWord.ms)} 份/秒（目标 200）`)
console.log(`  PDF：${pages} 页，${rate(pages, perKind.pdf?.ms ?? 0)} 页/秒（目标 40）`)
console.log(`检查（导入后整批检查：跨文件规则、依赖批次设置的规则、写入发现；只依赖单份报告的规则已在导入时由读取线程完成并计入导入时间）：${(checkMs / 1000).toFixed(2)} 秒，占导入时间的 ${((checkMs / importMs) * 100).toFixed(1)}%`)
console.log(`  完全重新检查（丢弃导入时的单份结果，全部 ${REPORT_RULE_COUNT} 条单份规则在主线程重跑）：${(coldMs / 1000).toFixed(2)} 秒，占导入时间的 ${((coldMs / importMs) * 100).toFixed(1)}%`)
console.log(`峰值内存（RSS，含读取工作线程）：导入+解析阶段 ${importPeakMb.toFixed(0)} MB（目标 < 500 MB）；加上检查 1000 份（整批载入内存做跨文件比对）${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
const cpuS = (u: NodeJS.CpuUsage): string => ((u.user + u.system) / 1e6).toFixed(1)
console.log(`CPU 时间（所有线程）：导入+解析 ${cpuS(importCpu)} 秒，检查 ${cpuS(checkCpu)} 秒`)
for (const e of errors.slice(0, 5)) console.log(`  错误：${e.file}：${e.error}`)
