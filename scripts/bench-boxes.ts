// What keeping text boxes costs (issue 16/18): per PDF, the runs the reader placed, the bytes stored in
// version_boxes and the time to pack them; then the same for the whole store, as bytes per report beside
// the version's other columns. Text PDFs are read directly; scans are read from the OCR cache when one is
// given (OCR itself takes minutes). Figures are printed, never asserted.
//   node scripts/bench-boxes.ts [more.pdf ...]
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { packJson } from '../src-main/engine/db/packed.ts'
import { readPdf } from '../src-main/engine/ingest/readers/pdf.ts'
import { packParsed } from '../src-main/engine/ingest/packParsed.ts'
import { parseReport } from '../src-main/engine/parse/index.ts'
import { lineBoxesOf, packLineBoxes } from '../src-main/engine/text/lineBoxes.ts'

const ROOT = join(import.meta.dirname, '..')
const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds')
const files = [...readdirSync(SEEDS).filter((f) => f.endsWith('.pdf')).map((f) => join(SEEDS, f)), ...process.argv.slice(2)]

let sumBoxes = 0
let sumOther = 0
for (const f of files) {
  const read = await readPdf(new Uint8Array(readFileSync(f)))
  const runs = lineBoxesOf(read)
  const t0 = performance.now()
  let packed = packLineBoxes(runs)
  for (let i = 0; i < 49; i++) packed = packLineBoxes(runs)
  const ms = (performance.now() - t0) / 50
  const parsed = parseReport(read)
  // the version's other stored bytes: text, packed parse result (the original file is stored apart)
  const other = Buffer.byteLength(read.text) + packParsed(parsed).length
  sumBoxes += packed.length
  sumOther += other
  console.log(
    `${f.split('/').pop()}: ${read.pages?.length ?? 0} pages, ${runs.length} runs, boxes ${packed.length} B ` +
      `(${(packed.length / runs.length).toFixed(1)} B/run; as deflated JSON ${packJson(runs).length} B), pack ${ms.toFixed(2)} ms; text + parsed ${other} B`
  )
}
console.log(`mean per report: boxes ${Math.round(sumBoxes / files.length)} B beside ${Math.round(sumOther / files.length)} B of text and parsed report (+${((100 * sumBoxes) / sumOther).toFixed(1)} %)`)
