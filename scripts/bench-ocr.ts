// OCR benchmark: every scanned fixture in test/fixtures/scans through readPdfWithOcr + parseReport, compared cell by
// cell with its ground truth (test/expected/<seed>.json, or <name>.expected.json next to the scan).
//
//   ./node_modules/.bin/node scripts/bench-ocr.ts [--engine E] [--dpi 300] [--pool 2] [--dir folder] [-v] [name-filter]
//   ./node_modules/.bin/node scripts/bench-ocr.ts --compare [--engines a,b,c]   recognisers side by side
//   ./node_modules/.bin/node scripts/bench-ocr.ts --real [name-filter]   scans of the three real reports
//   ./node_modules/.bin/node scripts/bench-ocr.ts --holdout [name-filter]   scans of six held-out real reports
//                     (test/accuracy/holdout-full printed by Chromium and scanned: scripts/ocr/holdoutScans.ts)
//   ./node_modules/.bin/node scripts/bench-ocr.ts --holdout2 [name-filter]   five more, of reports added after the
//                     OCR was tuned on the six (HOLDOUT_SCANS_2)
//   ./node_modules/.bin/node scripts/bench-ocr.ts --holdout3 [name-filter]   five more, made after the tuning on
//                     both sets (HOLDOUT_SCANS_3)
//   ... --cache DIR   keep each file's OCR result in DIR (keyed by OCR_VERSION): reruns only parse, for work on
//                     the reading of OCR output; the s/page figures are then not OCR times
//
// --real first makes image-only scans of the real WPS PDFs of test/accuracy/real (scripts/ocr/realScans.ts:
// 150 dpi grey, 200 dpi rotated, 150 dpi colour with a red seal over text, the text converted to traditional
// at 200 dpi) in the system temp folder (several MB, not committed), then reads them like any --dir.
//
// Engines: chi_sim+chi_tra (tesseract, the app's), chi_sim (tesseract, simplified only), paddle (PP-OCRv4 on
// onnxruntime-node; its packages are development dependencies, for this comparison only).
// --compare runs each engine in its own process (peak memory its own) over test/fixtures/scans/bench and
// test/fixtures/scans/tra: traditional and simplified, 150/200/300 dpi, rotated, a red seal over the 落款.
// Prints seconds per OCR'd page, peak RSS, and per file: cells right (certain and correct), right but flagged,
// wrong but flagged, wrong and certain (must be 0), and whether the issuing body and the year were read.
// No cache is used unless --cache is given; nothing else is written.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { tmpdir } from 'node:os'
import { HOLDOUT_SCANS, HOLDOUT_SCANS_2, HOLDOUT_SCANS_3, HOLDOUT_SCANS_VERSION, makeHoldoutScans } from './ocr/holdoutScans.ts'
import { makeRealScans, REAL_SCANS_VERSION } from './ocr/realScans.ts'
import { compareTables, type ExpectedTables } from '../src-main/engine/ocr/accuracy.ts'
import { OcrCache } from '../src-main/engine/ocr/cache.ts'
import { readPdfWithOcr } from '../src-main/engine/ocr/ocrPdf.ts'
import { PaddleRecognizer } from '../src-main/engine/ocr/paddle.ts'
import { OcrPool, type Recognizer } from '../src-main/engine/ocr/pool.ts'
import { parseReport } from '../src-main/engine/parse/index.ts'

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..')

const args = process.argv.slice(2)
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name)
  if (i < 0) return undefined
  const v = args[i + 1]
  args.splice(i, 2)
  return v
}
const ENGINES = ['chi_sim+chi_tra', 'chi_sim', 'paddle']
if (args.includes('--compare')) {
  args.splice(args.indexOf('--compare'), 1)
  const engines = (opt('--engines') ?? ENGINES.join(',')).split(',')
  const rest = args
  console.log(`recognisers side by side on test/fixtures/scans/bench + tra: ${engines.join(', ')}`)
  let failed = false
  for (const e of engines) {
    for (const dir of ['tra', 'bench']) {
      console.log(`\n--- ${e}: scans/${dir} ---`)
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--engine', e, '--dir', join(ROOT, 'test', 'fixtures', 'scans', dir), ...rest], { stdio: 'inherit' })
      if (r.status !== 0) failed = true
    }
  }
  process.exit(failed ? 1 : 0)
}
const holdoutFlag = args.find((a) => a === '--holdout' || a === '--holdout2' || a === '--holdout3')
if (holdoutFlag) {
  args.splice(args.indexOf(holdoutFlag), 1)
  const set = holdoutFlag.slice('--holdout'.length)
  const dir = join(tmpdir(), `xxgk-holdout${set}-scans-${HOLDOUT_SCANS_VERSION}`)
  const t0 = performance.now()
  const made = await makeHoldoutScans(ROOT, dir, set === '3' ? HOLDOUT_SCANS_3 : set === '2' ? HOLDOUT_SCANS_2 : HOLDOUT_SCANS)
  console.log(`scans of held-out real reports in ${dir} (${made.length} files, made or found in ${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--dir', dir, ...args], { stdio: 'inherit' })
  process.exit(r.status ?? 1)
}
if (args.includes('--real')) {
  args.splice(args.indexOf('--real'), 1)
  const dir = join(tmpdir(), `xxgk-real-scans-${REAL_SCANS_VERSION}`)
  const t0 = performance.now()
  const made = await makeRealScans(join(ROOT, 'test', 'accuracy', 'real'), join(ROOT, 'test', 'accuracy', 'expected'), dir)
  console.log(`scans of the real reports in ${dir} (${made.length} files, made or found in ${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--dir', dir, ...args], { stdio: 'inherit' })
  process.exit(r.status ?? 1)
}
const dpi = Number(opt('--dpi') ?? 300)
// another folder of scans: <name>.scan.pdf with <name>.expected.json (test/expected shape) beside it
const SCANS = opt('--dir') ?? join(ROOT, 'test', 'fixtures', 'scans')
const poolSize = opt('--pool')
const engine = opt('--engine') ?? 'chi_sim+chi_tra'
if (!ENGINES.includes(engine)) throw new Error(`unknown engine ${engine} (${ENGINES.join(', ')})`)
const cacheDir = opt('--cache')
const cache = cacheDir ? new OcrCache(cacheDir, 'bench') : null
const verbose = args.includes('-v')
const filter = args.find((a) => !a.startsWith('-')) ?? ''

interface Expected {
  tables: ExpectedTables
  year?: number
  township?: string
}
function expectedFor(file: string): Expected | null {
  const own = join(SCANS, file.replace(/\.(scan|mixed)\.pdf$/, '.expected.json'))
  if (existsSync(own)) return JSON.parse(readFileSync(own, 'utf8')) as Expected
  // <seed>.<variant>.scan.pdf: the seed's ground truth
  const seed = file.split('.')[0] as string
  const p = join(ROOT, 'test', 'expected', `${seed}.json`)
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as Expected) : null
}

// how long the calling thread is blocked at a time (rendering, image work): what an Electron main process feels
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()
let peakRss = 0
const sample = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 200)
sample.unref()

const pool: Recognizer =
  engine === 'paddle' ? new PaddleRecognizer() : new OcrPool({ ...(poolSize ? { size: Number(poolSize) } : {}), langs: engine === 'chi_sim' ? 'chi_sim' : 'chi_sim+chi_tra' })
const files = readdirSync(SCANS)
  .filter((f) => /\.(scan|mixed)\.pdf$/.test(f) && f.includes(filter))
  .sort()
console.log(`OCR benchmark: ${engine} (${pool.tag}), ${files.length} files, ${dpi} dpi, ${pool.size} page(s) at once, node ${process.version}`)
console.log('file                                     pages  s/page   cells  right  right?  wrong?  WRONG  right%  body year')
const totals = { pages: 0, secs: 0, cells: 0, right: 0, rightU: 0, wrongU: 0, wrongC: 0, docs: 0, docsOk: 0 }
for (const f of files) {
  const buf = new Uint8Array(readFileSync(join(SCANS, f)))
  const t0 = performance.now()
  let pages = 0
  let line: string
  try {
    // text-layer pages from the text layer, scanned pages by OCR (a .scan.pdf has only scanned pages)
    // no time limit here: under load a page can take minutes, and the figures are what is measured
    const read = await readPdfWithOcr(buf, { dpi, pool, maxOcrMs: 3_600_000, cache, onPage: (_d, n) => (pages = n) })
    const secs = (performance.now() - t0) / 1000
    totals.pages += pages
    totals.secs += secs
    const e = expectedFor(f)
    line = `${f.padEnd(40)} ${String(pages).padStart(5)} ${(secs / pages).toFixed(2).padStart(7)}`
    if (e) {
      const parsed = parseReport(read)
      const a = compareTables(parsed, e.tables)
      totals.cells += a.cells
      totals.right += a.right
      totals.rightU += a.rightUncertain
      totals.wrongU += a.wrongUncertain
      totals.wrongC += a.wrongCertain
      line += ` ${String(a.cells).padStart(7)} ${String(a.right).padStart(6)} ${String(a.rightUncertain).padStart(7)} ${String(a.wrongUncertain).padStart(7)} ${String(a.wrongCertain).padStart(6)} ${((100 * a.right) / a.cells).toFixed(1).padStart(7)}`
      const bodyOk = e.township ? parsed.body?.township === e.township : undefined
      const yearOk = e.year ? parsed.year === e.year : undefined
      line += `  ${bodyOk === undefined ? '-' : bodyOk ? 'ok' : 'NO'}`.padEnd(6) + ` ${yearOk === undefined ? '-' : yearOk ? 'ok' : 'NO'}`
      if (bodyOk === false || yearOk === false) line += `  (read: ${parsed.body?.name ?? '未识别'} / ${parsed.year ?? '—'})`
      totals.docs++
      if (bodyOk !== false && yearOk !== false) totals.docsOk++
      if (a.wrongCertain > 0) line += `\n    WRONG AND CERTAIN: ${a.wrongCertainCells.join('\n    ')}`
      if (verbose && a.uncertainCells.length) line += `\n    flagged: ${a.uncertainCells.join('\n    flagged: ')}`
    } else line += '   (no ground truth)'
    if (read.warnings.length && verbose) line += `\n    warnings: ${read.warnings.join(' | ')}`
  } catch (e) {
    const secs = (performance.now() - t0) / 1000
    line = `${f.padEnd(40)} ${String(pages || '-').padStart(5)} ${pages ? (secs / pages).toFixed(2).padStart(7) : '      -'}   ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`
  }
  console.log(line)
  // the first file includes loading pdf.js and starting the workers (about 1.5 s of module compilation)
  if (f === files[0]) loopDelay.reset()
}
if (pool instanceof PaddleRecognizer) {
  const st = pool.stats
  console.log(`paddle: ${st.dets} detections ${(st.detMs / 1000).toFixed(1)} s, ${st.recs} line recognitions ${(st.recMs / 1000).toFixed(1)} s`)
}
await pool.terminate()
clearInterval(sample)
peakRss = Math.max(peakRss, process.memoryUsage().rss)
const maxRss = process.resourceUsage().maxRSS * 1024
console.log(
  `total: ${totals.pages} pages in ${totals.secs.toFixed(1)} s = ${(totals.secs / Math.max(1, totals.pages)).toFixed(2)} s/page; ` +
    `cells ${totals.cells}: right ${totals.right} (${((100 * totals.right) / Math.max(1, totals.cells)).toFixed(1)} %), ` +
    `right but flagged ${totals.rightU}, wrong but flagged ${totals.wrongU}, wrong and certain ${totals.wrongC}; body and year right on ${totals.docsOk}/${totals.docs}`
)
loopDelay.disable()
console.log(`calling thread blocked at most ${(loopDelay.max / 1e6).toFixed(0)} ms at a time after the first file (p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms)`)
console.log(`peak RSS: ${(Math.max(peakRss, maxRss) / 1048576).toFixed(0)} MB (main process incl. worker threads; sampled ${(peakRss / 1048576).toFixed(0)} MB, maxRSS ${(maxRss / 1048576).toFixed(0)} MB)`)
