// Regenerates the accuracy corpus under test/accuracy/ (issue 12 §4, issue 13 "planted errors on every layout").
//
//   node scripts/make-accuracy.ts            (Node 22+; `npm run accuracy:make` uses the project's Node 24)
//   node scripts/make-accuracy.ts --wide-only   (only the wide-* layouts, scripts/accuracy/wide.ts: no browser)
//
// Inputs (all in the repository): test/fixtures/seeds/*.html (the seeds with real tables, from
// scripts/make-fixtures.py), resources/sample/*.txt (the seeds as given), test/accuracy/real/*.pdf (copies of
// ../shared/real-pdf, never edited). Needs Chromium (playwright-core drives the system browser; CHROME_PATH
// overrides) and poppler-utils (`pdftotext`). Tests and `npm run accuracy` need neither: every generated file
// is committed.
//
// Outputs:
//   test/accuracy/files/<layout>/<report>.<ext>            one rendering of a report per layout
//   test/accuracy/planted/<layout>/<report>.<plant>.<ext>  one planted error per copy (scripts/accuracy/plant.ts)
//   test/accuracy/corpus.json                               the manifest read by scripts/accuracy.ts
// Files that exist elsewhere in the repository (seed texts, .docx/.doc/.pdf/.html fixtures) are listed by
// reference, not copied. Expected cell values and findings are written by hand: test/expected/*.json (seeds),
// test/accuracy/expected/*.json (real PDFs), test/accuracy/findings.json.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import * as OpenCC from 'opencc-js'
import { chromium } from 'playwright-core'
import { cloneDoc, docFromFixtureHtml, markdown, markdownFromLayout, narrowHtml, webParaHtml, webParaHtmlOf, webParaTxt, type Doc } from './accuracy/doc.ts'
import { PLANT_EDIT, PLANTS, type PlantId } from './accuracy/plant.ts'
import { cellLines, csv, excelTsv, filledTsv, plantDoc, wordText } from './accuracy/flat.ts'
import { PAGED_FOOTER, pagedHtml } from './accuracy/paged.ts'
import { docFromRaw } from './accuracy/realDoc.ts'
import { blankColumn, docxOf, splitT3, t4Rows, wrappedLabels } from './accuracy/docx.ts'
import { loadExpected } from './accuracy/corpus.ts'
import { isWideLayout, wideLayouts } from './accuracy/wide.ts'
import type { CorpusEntry } from './accuracy/corpus.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const ACC = join(ROOT, 'test', 'accuracy')
const SEEDS = ['000_b657cdc2b6fa0bce', '001_3cdfaf53304c8eaa', '002_3439ace2b5349fdf', '003_ba49bbb087adff7b', '004_f4dd133f55a6f46e']
const REAL = ['hzq2023_working', 'hzq2024_working', 'szfgs2024']
/**
 * The reports planted into. The first of each list gets every plant in every layout (a plant that finds nothing
 * to change is an error); the others get the plants that apply to them, and no stored planted PDF (size).
 */
const PLANT_SEEDS = ['002_3439ace2b5349fdf', '003_ba49bbb087adff7b']
const PLANT_REALS = ['szfgs2024', 'hzq2023_working']
const PLANT_SEED = PLANT_SEEDS[0] as string
const primary = (report: string): boolean => report === PLANT_SEEDS[0] || report === PLANT_REALS[0]
const planted = (report: string): boolean => PLANT_SEEDS.includes(report) || PLANT_REALS.includes(report)

/** The planted text, or null when a secondary report has nothing for this plant to change. */
function tryPlant(report: string, p: PlantId, apply: () => string): string | null {
  try {
    return apply()
  } catch (e) {
    if (primary(report)) throw e
    return null
  }
}
/** Seeds whose traditional-character copies are made (004 is already written in traditional characters). */
const TRAD_SEEDS = SEEDS.filter((s) => !s.startsWith('004'))

const s2t = OpenCC.Converter({ from: 'cn', to: 'tw' })
const entries: CorpusEntry[] = []
const rel = (p: string): string => relative(ROOT, p).split('\\').join('/')

function write(path: string, data: string | Uint8Array): string {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, data)
  return rel(path)
}

function add(e: CorpusEntry): void {
  if (!existsSync(join(ROOT, e.file))) throw new Error(`missing ${e.file}`)
  entries.push(e)
}

/** A text layout: the file, plus (for the planted report) one copy per applicable plant. */
function textLayout(layout: string, report: string, ext: string, text: string, plants: PlantId[] = PLANTS.filter((p) => p !== 'blank-pipe-cell')): void {
  add({ layout, report, file: write(join(ACC, 'files', layout, `${report}.${ext}`), text) })
  if (!planted(report)) return
  for (const p of plants) {
    const out = tryPlant(report, p, () => PLANT_EDIT[p](text))
    if (out !== null) add({ layout, report, plant: p, file: write(join(ACC, 'planted', layout, `${report}.${p}.${ext}`), out) })
  }
}

/** Reports whose paged PDF is stored (size): the 2019 seed with blank cells, a real report with many-digit values. */
const PAGED_PDFS = ['004_f4dd133f55a6f46e', 'szfgs2024']

/** Plants made in the blocks (flat.ts), so a rendering that rewrites digits or cells still carries them. */
const DOC_PLANTS: PlantId[] = ['t3-row-total', 'no-section-6', 'narrative-count', 'period-year']

/** A layout rendered from blocks: the file, plus one copy per plant for the planted reports. */
function docLayout(layout: string, report: string, ext: string, d: Doc, render: (d: Doc) => string): void {
  add({ layout, report, file: write(join(ACC, 'files', layout, `${report}.${ext}`), render(d)) })
  if (!planted(report)) return
  for (const p of DOC_PLANTS) {
    const out = tryPlant(report, p, () => render(plantDoc(d, p)))
    if (out !== null) add({ layout, report, plant: p, file: write(join(ACC, 'planted', layout, `${report}.${p}.${ext}`), out) })
  }
}

/**
 * The layouts rendered from a report's blocks (seeds: their fixture HTML; real reports: prose of the PDF and
 * tables from the expected record, realDoc.ts): copies from a web page, Excel and Word/WPS into plain text.
 */
function flatLayouts(report: string, d: Doc, trad: boolean): void {
  docLayout('cell-lines', report, 'txt', d, cellLines)
  docLayout('excel-tsv', report, 'txt', d, excelTsv)
  docLayout('excel-filled', report, 'txt', d, filledTsv)
  docLayout('excel-split-t3', report, 'txt', d, (x) => excelTsv(splitT3(x)))
  docLayout('csv-txt', report, 'txt', d, csv)
  docLayout('word-text-spaces', report, 'txt', d, (x) => wordText(x, false))
  docLayout('word-text-fullwidth', report, 'txt', d, (x) => wordText(x, true))
  // Labels broken over lines inside their cells: the row's line breaks there (Word 表格转换成文本 with tabs).
  docLayout('word-text-tabs-wrapped', report, 'txt', d, (x) => wordText(wrappedLabels(x), false, '\t'))
  // 表四 as three rows of five, copied from Excel.
  if (d.blocks.some((b) => b.kind === 'table' && b.cls === 't4')) docLayout('excel-tsv-t4-rows', report, 'txt', d, (x) => excelTsv(t4Rows(x)))
  if (!trad) return
  docLayout('trad-excel-tsv', report, 'txt', d, (x) => s2t(excelTsv(x)))
  docLayout('trad-word-text-fullwidth', report, 'txt', d, (x) => s2t(wordText(x, true)))
}

/** A Word layout rendered from blocks (docx.ts), plants made in the blocks as for the text layouts. */
async function docxLayout(layout: string, report: string, d: Doc, variant: (d: Doc) => Doc): Promise<void> {
  add({ layout, report, file: write(join(ACC, 'files', layout, `${report}.docx`), await docxOf(variant(d))) })
  if (!primary(report)) return
  for (const p of DOC_PLANTS) add({ layout, report, plant: p, file: write(join(ACC, 'planted', layout, `${report}.${p}.docx`), await docxOf(variant(plantDoc(d, p)))) })
}

/** Word documents whose tables are arranged otherwise than the seeds' (docx.ts). */
async function docxLayouts(report: string, d: Doc, trad: boolean): Promise<void> {
  await docxLayout('docx-wrapped', report, d, wrappedLabels)
  await docxLayout('docx-blank-col', report, d, blankColumn)
  await docxLayout('docx-split-t3', report, d, splitT3)
  if (d.blocks.some((b) => b.kind === 'table' && b.cls === 't4')) await docxLayout('docx-t4-rows', report, d, t4Rows)
  if (trad) await docxLayout('trad-docx-wrapped', report, d, (x) => tradDoc(wrappedLabels(x)))
}

/** The blocks in traditional characters. */
function tradDoc(d: Doc): Doc {
  const out = cloneDoc(d)
  for (const b of out.blocks) {
    if (b.kind === 'p') b.text = s2t(b.text)
    else for (const r of b.rows) for (const c of r) c.text = s2t(c.text)
  }
  return out
}

function pdftotext(pdf: string, mode: '-layout' | '-raw'): string {
  return execFileSync('pdftotext', [mode, '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
}

/** Section 六 removed from the blocks (heading and its paragraphs; the 落款 stays). */
function docWithout6(d: Doc): Doc {
  const out = cloneDoc(d)
  const at = out.blocks.findIndex((b) => b.kind === 'p' && b.cls === 'h' && /^六/.test(b.text))
  if (at < 0) throw new Error('no heading 六')
  let end = at + 1
  while (end < out.blocks.length && !(out.blocks[end]?.kind === 'p' && (out.blocks[end] as { cls: string }).cls === 'sign')) end++
  out.blocks.splice(at, end - at)
  return out
}

/** Chromium stamps the print time into the PDF: a fixed date of the same length keeps regenerated files identical. */
function fixedDates(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1').replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, '/$1 (D:20250101000000')
  return Buffer.from(text, 'latin1')
}

/** JSZip stamps the current time on every entry unless told otherwise. */
const ZIP_DATE = new Date('2025-01-01T00:00:00Z')

function plantHtmlTable(html: string, p: PlantId): string {
  if (p !== 'no-section-6') return PLANT_EDIT[p](html)
  const at = html.indexOf('<p class="h">六')
  const end = html.indexOf('</body>')
  if (at < 0 || end < at) throw new Error('html: no heading 六')
  return html.slice(0, at) + html.slice(end)
}

/** Plants into word/document.xml, touching only the text of <w:t> elements. */
async function plantDocx(bytes: Uint8Array, p: PlantId): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes)
  const xml = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string')
  let out: string
  if (p === 't3-row-total') {
    const at = xml.search(/予以公开<\/w:t>/)
    const re = /<w:t(?: [^>]*)?>(\d+)<\/w:t>/g
    re.lastIndex = at
    let m: RegExpExecArray | null = null
    for (let n = 0; n < 7; n++) m = re.exec(xml)
    if (at < 0 || !m) throw new Error('docx: no 予以公开 row')
    const num = m[1] as string
    const pos = m.index + m[0].indexOf(`>${num}<`) + 1
    out = xml.slice(0, pos) + String(Number(num) + 1) + xml.slice(pos + num.length)
  } else if (p === 'no-section-6') {
    const h = xml.search(/六、其他需要报告的事项/)
    const start = xml.lastIndexOf('<w:p>', h) >= 0 ? Math.max(xml.lastIndexOf('<w:p>', h), xml.lastIndexOf('<w:p ', h)) : -1
    const end = xml.indexOf('<w:sectPr', h)
    if (h < 0 || start < 0 || end < 0) throw new Error('docx: no heading 六')
    out = xml.slice(0, start) + xml.slice(end)
  } else {
    // Word splits text into runs: edit the text of the <w:t> elements joined, then write each changed
    // character back where it stands (the text plants keep the length of what they change).
    const at: number[] = []
    let plain = ''
    for (const m of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)) {
      const base = (m.index as number) + m[0].indexOf('>') + 1
      for (let i = 0; i < (m[1] as string).length; i++) at.push(base + i)
      plain += m[1]
    }
    const edited = PLANT_EDIT[p](plain)
    if (edited.length !== plain.length) throw new Error(`docx: ${p} changes the text length`)
    const chars = [...xml]
    if (chars.length !== xml.length) throw new Error('docx: astral characters')
    for (let i = 0; i < plain.length; i++) if (edited[i] !== plain[i]) chars[at[i] as number] = edited[i] as string
    out = chars.join('')
  }
  zip.file('word/document.xml', out, { date: ZIP_DATE })
  zip.forEach((_, f) => void (f.date = ZIP_DATE))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** The complete held-out reports through the block layouts (scripts/accuracy/wide.ts): text only, no browser. */
async function wide(): Promise<void> {
  await wideLayouts(
    ROOT,
    (layout, report, ext, data, plant) =>
      add({ layout, report, plant, file: write(join(ACC, plant ? 'planted' : 'files', layout, `${report}${plant ? `.${plant}` : ''}.${ext}`), data) }),
    s2t
  )
}

/** `--wide-only`: rewrites the wide-* layouts and keeps every other entry of the manifest as it is (no Chromium, no pdftotext). */
async function wideOnly(): Promise<void> {
  const kept = (JSON.parse(readFileSync(join(ACC, 'corpus.json'), 'utf8')) as { entries: CorpusEntry[] }).entries.filter((e) => !isWideLayout(e.layout))
  for (const e of kept) add(e)
  for (const dir of ['files', 'planted']) {
    const at = join(ACC, dir)
    for (const l of existsSync(at) ? readdirSync(at).filter(isWideLayout) : []) rmSync(join(at, l), { recursive: true, force: true })
  }
  await wide()
  finish()
}

async function main(): Promise<void> {
  if (process.argv.includes('--wide-only')) return wideOnly()
  rmSync(join(ACC, 'files'), { recursive: true, force: true })
  rmSync(join(ACC, 'planted'), { recursive: true, force: true })

  // By reference: the seeds as given and the Word/PDF/HTML renderings already committed as fixtures.
  for (const s of SEEDS) {
    add({ layout: 'original', report: s, file: `resources/sample/${s}.txt` })
    add({ layout: 'word-docx', report: s, file: `test/fixtures/seeds/${s}.docx` })
    add({ layout: 'word-doc', report: s, file: `test/fixtures/seeds/${s}.doc` })
    add({ layout: 'pdf-office', report: s, file: `test/fixtures/seeds/${s}.pdf` })
    add({ layout: 'html-table', report: s, file: `test/fixtures/seeds/${s}.html` })
    if (existsSync(join(ROOT, `test/fixtures/chrome/${s}.chrome.pdf`))) add({ layout: 'pdf-chrome', report: s, file: `test/fixtures/chrome/${s}.chrome.pdf` })
  }
  for (const s of PLANT_SEEDS) {
    const text = readFileSync(join(ROOT, 'resources', 'sample', `${s}.txt`), 'utf8')
    for (const p of PLANTS.filter((x) => x !== 'blank-pipe-cell')) {
      const out = tryPlant(s, p, () => PLANT_EDIT[p](text))
      if (out !== null) add({ layout: 'original', report: s, plant: p, file: write(join(ACC, 'planted', 'original', `${s}.${p}.txt`), out) })
    }
  }
  for (const r of REAL) add({ layout: 'original', report: r, file: `test/accuracy/real/${r}.pdf` })
  // Plants into the Word and HTML renderings with real tables (the .doc and office PDFs need LibreOffice: none).
  const fixtureHtml = readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', `${PLANT_SEED}.html`), 'utf8')
  const docxBytes = readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', `${PLANT_SEED}.docx`))
  for (const p of PLANTS.filter((x) => x !== 'blank-pipe-cell')) {
    add({ layout: 'html-table', report: PLANT_SEED, plant: p, file: write(join(ACC, 'planted', 'html-table', `${PLANT_SEED}.${p}.html`), plantHtmlTable(fixtureHtml, p)) })
    add({ layout: 'word-docx', report: PLANT_SEED, plant: p, file: write(join(ACC, 'planted', 'word-docx', `${PLANT_SEED}.${p}.docx`), await plantDocx(docxBytes, p)) })
  }

  // Generated from the seeds' blocks.
  const docs = new Map(SEEDS.map((s) => [s, docFromFixtureHtml(readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', `${s}.html`), 'utf8'))]))
  for (const [s, d] of docs) {
    textLayout('web-para-txt', s, 'txt', webParaTxt(d))
    textLayout('web-para-html', s, 'html', webParaHtml(d))
    textLayout('markdown', s, 'txt', markdown(d), PLANTS)
    if (TRAD_SEEDS.includes(s)) {
      textLayout('trad-web-para-txt', s, 'txt', s2t(webParaTxt(d)))
      textLayout('trad-markdown', s, 'txt', s2t(markdown(d)), PLANTS)
    }
  }

  // The real reports as blocks: prose from the PDF, tables rebuilt from the expected record on a 2021 seed's grid.
  const shape = docs.get(PLANT_SEED) as Doc
  const realDocs = new Map(REAL.map((r) => [r, docFromRaw(pdftotext(join(ACC, 'real', `${r}.pdf`), '-raw'), shape, loadExpected(r))]))
  for (const [s, d] of docs) flatLayouts(s, d, TRAD_SEEDS.includes(s))
  for (const [r, d] of realDocs) flatLayouts(r, d, true)
  for (const [s, d] of docs) await docxLayouts(s, d, TRAD_SEEDS.includes(s))
  for (const [r, d] of realDocs) await docxLayouts(r, d, true)
  await wide()

  // Printed by Chromium at narrow widths, then extracted by pdftotext; plants go into the page before printing.
  if (process.argv.includes('--no-pdf')) return finish()
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
  const tmp = mkdtempSync(join(tmpdir(), 'acc-'))
  try {
    const page = await browser.newPage()
    const print = async (d: Doc, edit?: (html: string) => string): Promise<Uint8Array> => {
      const html = narrowHtml(d)
      await page.setContent(edit ? edit(html) : html, { waitUntil: 'load' })
      return page.pdf({ width: '170mm', height: '250mm', margin: { top: '10mm', bottom: '15mm', left: '10mm', right: '10mm' }, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: '<div style="font-size:9pt;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>' })
    }
    const pdfLayouts = async (report: string, printed: Uint8Array, plant?: PlantId): Promise<void> => {
      const dir = plant ? 'planted' : 'files'
      const name = plant ? `${report}.${plant}` : report
      const bytes = fixedDates(printed)
      if (!plant || primary(report)) add({ layout: 'pdf-narrow', report, plant, file: write(join(ACC, dir, 'pdf-narrow', `${name}.pdf`), bytes) })
      const tmpPdf = join(tmp, `${name}.pdf`)
      writeFileSync(tmpPdf, bytes)
      add({ layout: 'pdftotext-layout', report, plant, file: write(join(ACC, dir, 'pdftotext-layout', `${name}.txt`), pdftotext(tmpPdf, '-layout')) })
      add({ layout: 'pdftotext-raw', report, plant, file: write(join(ACC, dir, 'pdftotext-raw', `${name}.txt`), pdftotext(tmpPdf, '-raw')) })
    }
    for (const [s, d] of docs) {
      await pdfLayouts(s, await print(d))
      if (!planted(s)) continue
      for (const p of PLANTS.filter((x) => x !== 'blank-pipe-cell')) {
        const html = tryPlant(s, p, () => PLANT_EDIT[p](narrowHtml(d)))
        if (html === null) continue
        await pdfLayouts(s, p === 'no-section-6' ? await print(docWithout6(d)) : await print(d, PLANT_EDIT[p]), p)
      }
    }
    // Small pages, header rows repeated on every page, 第 N 页 共 M 页 footers: seeds and real reports alike.
    const printPaged = async (d: Doc): Promise<Uint8Array> => {
      await page.setContent(pagedHtml(d), { waitUntil: 'load' })
      return fixedDates(await page.pdf({ width: '148mm', height: '210mm', margin: { top: '12mm', bottom: '16mm', left: '12mm', right: '12mm' }, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: PAGED_FOOTER }))
    }
    for (const [r, d] of [...docs, ...realDocs]) {
      const variants: [PlantId | undefined, Doc][] = [[undefined, d]]
      if (primary(r)) for (const p of DOC_PLANTS) variants.push([p, plantDoc(d, p)])
      for (const [p, v] of variants) {
        const bytes = await printPaged(v)
        const dir = p ? 'planted' : 'files'
        const name = p ? `${r}.${p}` : r
        // The PDFs themselves (half a megabyte each, fonts embedded) only for a few reports; their text for all.
        if (!p && PAGED_PDFS.includes(r)) add({ layout: 'pdf-paged', report: r, file: write(join(ACC, dir, 'pdf-paged', `${name}.pdf`), bytes) })
        const tmpPdf = join(tmp, `paged-${name}.pdf`)
        writeFileSync(tmpPdf, bytes)
        add({ layout: 'pdftotext-paged', report: r, plant: p, file: write(join(ACC, dir, 'pdftotext-paged', `${name}.txt`), pdftotext(tmpPdf, '-layout')) })
        add({ layout: 'pdftotext-paged-raw', report: r, plant: p, file: write(join(ACC, dir, 'pdftotext-paged-raw', `${name}.txt`), pdftotext(tmpPdf, '-raw')) })
      }
      // The same print in traditional characters (text only: the PDF is the size of the others).
      if (r.startsWith('004')) continue
      const tradPdf = join(tmp, `paged-trad-${r}.pdf`)
      writeFileSync(tradPdf, await printPaged(tradDoc(d)))
      add({ layout: 'trad-pdftotext-paged', report: r, file: write(join(ACC, 'files', 'trad-pdftotext-paged', `${r}.txt`), pdftotext(tradPdf, '-layout')) })
    }
  } finally {
    await browser.close()
    rmSync(tmp, { recursive: true, force: true })
  }

  // The real PDFs: pdftotext of the originals (page footers such as -3- stand inside the tables), and a web
  // copy glued from the raw extraction (whitespace gone, so table digits run together).
  for (const r of REAL) {
    const pdf = join(ACC, 'real', `${r}.pdf`)
    textLayout('pdftotext-layout', r, 'txt', pdftotext(pdf, '-layout'))
    textLayout('pdftotext-raw', r, 'txt', pdftotext(pdf, '-raw'))
    const raw = pdftotext(pdf, '-raw').replace(/^- \d+ -$/gm, '')
    const lines = raw.split('\n').map((l) => l.trim()).filter(Boolean)
    const title = lines.slice(0, 2).join('').replace(/\s+/g, '')
    const body = lines.join('').replace(/\s+/g, '')
    const glued = ['标题:' + title, '来源:区人民政府办公室', '发布时间:2025-01-20 09:30', '当前位置：首页 > 政务公开 > 政府信息公开年报 > 正文', '', body, ''].join('\n')
    textLayout('web-para-txt', r, 'txt', glued)
    textLayout('web-para-html', r, 'html', webParaHtmlOf(title, body))
    textLayout('trad-web-para-txt', r, 'txt', s2t(glued))
    const md = markdownFromLayout(pdftotext(pdf, '-layout'))
    textLayout('markdown', r, 'txt', md, PLANTS)
    textLayout('trad-markdown', r, 'txt', s2t(md), PLANTS)
  }
  finish()
}

function finish(): void {
  entries.sort((a, b) => (a.layout + a.report + (a.plant ?? '')).localeCompare(b.layout + b.report + (b.plant ?? '')))
  writeFileSync(join(ACC, 'corpus.json'), JSON.stringify({ note: 'Generated by scripts/make-accuracy.ts; do not edit.', entries }, null, 1) + '\n')
  console.log(`${entries.length} entries, ${entries.filter((e) => e.plant).length} planted`)
}

await main()
