// `npm run bench`: the benchmarks, each in its own process so that peak memory is its own.
//   1. import + parse + checks of 1,000 generated reports (scripts/bench.ts)
//   2. opening a report in the review window, in headless Chromium (scripts/bench-ui.ts)
//   3. OCR of the scanned fixtures: seconds per page, peak memory, cell accuracy (scripts/bench-ocr.ts)
//   4. one folder imported through the UI and through the CLI (scripts/bench-import-ui-cli.ts)
//   5. scale: 1,000 / 5,000 (BENCH_SCALE=1000,5000,10000,10000r for the full run) distinct text reports,
//      each size on a fresh database: wall, CPU per report, peak memory, bytes per report, re-import,
//      ratio to the read+hash+decode floor (scripts/bench-scale.ts)
//   6. the OCR recognisers side by side on traditional/simplified scans (scripts/bench-ocr.ts --compare)
//   7. CPU per text report stage by stage on one thread, little inflated by other load (scripts/bench-stages.ts)
//   8. OCR of scans made from the three real reports: 150/200 dpi, rotated, a red seal, traditional
//      (scripts/bench-ocr.ts --real)
// Figures are printed, never asserted. BENCH_ONLY=import|ui|ocr|ui-cli|scale|ocr-engines|stages|ocr-real runs one of them.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureBrowser } from './browser.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.env.BENCH_ONLY
const parts = [
  ['import', '导入、解析与检查', 'bench.ts'],
  ['ui', '审核界面打开速度', 'bench-ui.ts'],
  ['ocr', '扫描件 OCR', 'bench-ocr.ts'],
  ['ui-cli', '同一文件夹：界面导入与命令行导入', 'bench-import-ui-cli.ts'],
  ['scale', '规模：数千份文本年报', 'bench-scale.ts'],
  ['ocr-engines', '扫描件识别引擎对比（繁体/简体、150/200/300 dpi、歪斜、红章）', 'bench-ocr.ts', '--compare'],
  ['stages', '文本年报各环节 CPU（单线程）', 'bench-stages.ts'],
  ['ocr-real', '真实年报的扫描件 OCR（150/200 dpi、歪斜、红章、繁体）', 'bench-ocr.ts', '--real']
]
let failed = false
for (const [id, title, file, ...args] of parts) {
  if (only && only !== id) continue
  if (id === 'ui' || id === 'ui-cli') {
    const b = ensureBrowser()
    if (b) process.env.CHROME_PATH = b
  }
  console.log(`\n=== ${title}（scripts/${file}）===`)
  const r = spawnSync(process.execPath, [join(here, file), ...args], { stdio: 'inherit', env: process.env })
  if (r.status !== 0) failed = true
}
process.exit(failed ? 1 : 0)
