// Scans of held-out real reports, made at bench time (not committed): reports the OCR was never tuned on, printed
// as a county office prints them and scanned as scripts/ocr/realScans.ts scans the real WPS PDFs.
//
// Each report of test/accuracy/holdout-full (complete real reports from elsewhere, with hand-read expected records)
// becomes blocks: its title and 落款 (body and year as published), prose taken from its own text (sections 一, 五
// and 六), and its three tables rebuilt from the expected record on the grid of a seed of the same template (the
// 2019 template's 表二 has amounts and signed 本年增/减 columns; the 2021 one does not). Chromium prints the blocks
// (A4, or A5 with the tables' header rows repeated on every page), traditional ones after an OpenCC conversion, and
// the print is rasterised at 150/200/300 dpi with rotation, noise, JPEG and a red seal (realScans.ts's scanPdf).
// Deterministic: the same pages on every run (the print is rasterised, the noise seeded). Chromium is needed to make them.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as OpenCC from 'opencc-js'
import { chromium } from 'playwright-core'
import type { ExpectedReport } from '../accuracy/corpus.ts'
import { cloneDoc, docFromFixtureHtml, type Block, type Doc } from '../accuracy/doc.ts'
import { PAGED_FOOTER, pagedHtml } from '../accuracy/paged.ts'
import { tablesOf, tableWithValues, valuesInOrder } from '../accuracy/realDoc.ts'
import { registerScanFonts, scanPdf, type ScanSpec } from './realScans.ts'

/** Part of the folder name the scans are kept in: bump when the scans change. */
export const HOLDOUT_SCANS_VERSION = 1

interface HoldoutSpec extends ScanSpec {
  /** A5 pages with header rows repeated (a long 表三 cut by page breaks) instead of A4. */
  small: boolean
  /** The title on one line (`2024年上海市科委政府信息公开工作年度报告`) rather than body over report name. */
  oneLineTitle: boolean
}

/** Both templates, simplified and traditional, 150/200/300 dpi, grey and colour, seals, A4 and A5. */
export const HOLDOUT_SCANS: HoldoutSpec[] = [
  { name: 'kewei2024.r200', report: 'kewei2024', dpi: 200, rotate: 0.6, colour: false, seal: false, traditional: false, quality: 60, small: false, oneLineTitle: true },
  { name: 'shoffice2025.tra300', report: 'shoffice2025', dpi: 300, rotate: -0.3, colour: false, seal: false, traditional: true, quality: 55, small: false, oneLineTitle: false },
  { name: 'pthzs2021.seal150', report: 'pthzs2021', dpi: 150, rotate: 0, colour: true, seal: true, traditional: false, quality: 60, small: true, oneLineTitle: true, footer: 0.09 },
  { name: 'ptjtj2020.g150', report: 'ptjtj2020', dpi: 150, rotate: -0.4, colour: false, seal: false, traditional: false, quality: 55, small: false, oneLineTitle: false },
  { name: 'pingtan2019.tra200', report: 'pingtan2019', dpi: 200, rotate: 0.4, colour: false, seal: false, traditional: true, quality: 60, small: false, oneLineTitle: true },
  { name: 'syfgj2023.c200', report: 'syfgj2023', dpi: 200, rotate: -0.8, colour: true, seal: true, traditional: false, quality: 60, small: true, oneLineTitle: false, footer: 0.09 }
]

/**
 * A second set, kept apart from the first (the OCR was tuned on HOLDOUT_SCANS): 平潭 片区管理局 reports added after
 * that tuning, measured first as they came. Both templates, a 2022 report in the 2019 tables, traditional and
 * simplified, 150/200/300 dpi, skew, seals, grey and colour, A5.
 */
export const HOLDOUT_SCANS_2: HoldoutSpec[] = [
  { name: 'pthtp2022.tra300', report: 'pthtp2022', dpi: 300, rotate: 0.5, colour: false, seal: false, traditional: true, quality: 55, small: false, oneLineTitle: false },
  { name: 'ptjjp2023.seal150', report: 'ptjjp2023', dpi: 150, rotate: -0.6, colour: true, seal: true, traditional: false, quality: 60, small: true, oneLineTitle: true, footer: 0.09 },
  { name: 'ptjsp2020.g150', report: 'ptjsp2020', dpi: 150, rotate: 0.3, colour: false, seal: false, traditional: false, quality: 55, small: false, oneLineTitle: true },
  { name: 'ptspp2021.tra200', report: 'ptspp2021', dpi: 200, rotate: -0.4, colour: true, seal: true, traditional: true, quality: 60, small: false, oneLineTitle: false },
  { name: 'ptjsp2024.a5g200', report: 'ptjsp2024', dpi: 200, rotate: 0.7, colour: false, seal: false, traditional: false, quality: 60, small: true, oneLineTitle: false, footer: 0.09 }
]

/**
 * A third set, made after the OCR was tuned on the first two and measured once as it came: reports no OCR work
 * has looked at (a county government, the zone's government, two departments, an area office; both templates).
 */
export const HOLDOUT_SCANS_3: HoldoutSpec[] = [
  { name: 'ptspp2019.seal200', report: 'ptspp2019', dpi: 200, rotate: 0.5, colour: true, seal: true, traditional: false, quality: 60, small: false, oneLineTitle: true },
  { name: 'ptgaj2019.tra200', report: 'ptgaj2019', dpi: 200, rotate: -0.5, colour: false, seal: false, traditional: true, quality: 55, small: false, oneLineTitle: false },
  { name: 'ptczj2022.g150', report: 'ptczj2022', dpi: 150, rotate: 0.8, colour: false, seal: false, traditional: false, quality: 50, small: false, oneLineTitle: false },
  { name: 'shuyang2025.a5c200', report: 'shuyang2025', dpi: 200, rotate: -0.7, colour: true, seal: true, traditional: false, quality: 60, small: true, oneLineTitle: true, footer: 0.09 },
  { name: 'pingtan2022.r300', report: 'pingtan2022', dpi: 300, rotate: 1.0, colour: false, seal: false, traditional: false, quality: 60, small: false, oneLineTitle: true }
]

/** Seeds whose tables give each template's grid (004 is the 2019 template, in traditional characters). */
const SHAPE: Record<string, string> = { '2021': '002_3439ace2b5349fdf', '2019': '004_f4dd133f55a6f46e' }

const toTra = OpenCC.Converter({ from: 'cn', to: 'tw' })
const toSim = OpenCC.Converter({ from: 'tw', to: 'cn' })

/** Make every scan of `specs` in `outDir` (expected records copied beside them as <name>.expected.json). */
export async function makeHoldoutScans(root: string, outDir: string, specs = HOLDOUT_SCANS): Promise<string[]> {
  const dir = join(root, 'test', 'accuracy', 'holdout-full')
  mkdirSync(outDir, { recursive: true })
  const todo = specs.filter((s) => !existsSync(join(outDir, `${s.name}.scan.pdf`)))
  for (const s of specs) copyFileSync(join(dir, 'expected', `${s.report}.json`), join(outDir, `${s.name}.expected.json`))
  if (todo.length) {
    registerScanFonts()
    const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
    try {
      const page = await browser.newPage()
      for (const s of todo) {
        const e = JSON.parse(readFileSync(join(dir, 'expected', `${s.report}.json`), 'utf8')) as ExpectedReport
        let d = holdoutDoc(root, s, e, sourceText(dir, s.report))
        if (s.traditional) d = convert(d, toTra)
        await page.setContent(pagedHtml(d), { waitUntil: 'load' })
        const size = s.small ? { width: '148mm', height: '210mm' } : { width: '210mm', height: '297mm' }
        const printed = await page.pdf({ ...size, margin: { top: '15mm', bottom: '18mm', left: '15mm', right: '15mm' }, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: PAGED_FOOTER })
        writeFileSync(join(outDir, `${s.name}.scan.pdf`), await scanPdf(new Uint8Array(printed), s))
      }
    } finally {
      await browser.close()
    }
  }
  return specs.map((s) => join(outDir, `${s.name}.scan.pdf`))
}

/** The report's stored text with markup, pipes and markdown marks taken out (prose only is used from it). */
function sourceText(dir: string, report: string): string {
  const file = existsSync(join(dir, `${report}.txt`)) ? join(dir, `${report}.txt`) : join(dir, `${report}.html`)
  return readFileSync(file, 'utf8')
    .replace(/<(script|style)[^>]*>[^<]*<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/[|#*]/g, ' ')
    .replace(/[ \t\u3000]+/g, ' ')
}

/** Up to `max` characters of whole sentences of the section that starts with `head`, up to `next` (or the end). */
function prose(text: string, head: string, next: string | null, max: number): string[] {
  const at = text.indexOf(head)
  if (at < 0) return []
  const from = at + head.length
  const end = next ? text.indexOf(next, from) : -1
  const body = text.slice(from, end < 0 ? from + max * 2 : end).replace(/\s+/g, '')
  const paras: string[] = []
  let cur = ''
  let total = 0
  for (const sentence of body.split(/(?<=。)/)) {
    // a heading of its own (总体情况, 存在的主要问题…) or a sentence made of table cells is not prose
    if (/\d{6,}|数据\d/.test(sentence) || sentence.length < 4) continue
    if (total + sentence.length > max) break
    cur += sentence
    total += sentence.length
    if (cur.length > 150) {
      paras.push(cur)
      cur = ''
    }
  }
  if (cur) paras.push(cur)
  return paras
}

const HEADS_2021 = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']

function holdoutDoc(root: string, s: HoldoutSpec, e: ExpectedReport, text: string): Doc {
  const fmt = e.format ?? '2021'
  const seed = SHAPE[fmt] as string
  const shape = convert(docFromFixtureHtml(readFileSync(join(root, 'test', 'fixtures', 'seeds', `${seed}.html`), 'utf8')), toSim)
  const tables = tablesOf(shape)
  const body = e.body ?? e.township ?? ''
  const blocks: Block[] = []
  if (s.oneLineTitle) blocks.push({ kind: 'p', cls: 'title', text: `${e.year}年${body}政府信息公开工作年度报告` })
  else blocks.push({ kind: 'p', cls: 'title', text: body }, { kind: 'p', cls: 'title', text: `${e.year}年政府信息公开工作年度报告` })
  const para = (t: string): void => void blocks.push({ kind: 'p', cls: '', text: t })
  HEADS_2021.forEach((h, i) => {
    blocks.push({ kind: 'p', cls: 'h', text: h })
    const cls = ['', 't2', 't3', 't4'][i]
    if (cls) blocks.push(filled(tables.get(cls) as Extract<Block, { kind: 'table' }>, valuesInOrder(e, cls)))
    else if (i === 0) prose(text, '总体情况', '二、', 420).forEach(para)
    else if (i === 4) prose(text, '五、', '六、', 240).forEach(para)
    else prose(text, '六、', null, 160).forEach(para)
  })
  const sign = e.signDate ? e.signDate.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日') : `${e.year + 1}年1月20日`
  blocks.push({ kind: 'p', cls: 'sign', text: body }, { kind: 'p', cls: 'sign', text: sign })
  return { blocks }
}

/**
 * The seed's table refilled with the report's values. The 2019 template's 表二 has cells that are empty in every
 * report (the third column of 收费 and 采购): they stay empty rather than take a value.
 */
function filled(t: Extract<Block, { kind: 'table' }>, values: (number | null)[]): Extract<Block, { kind: 'table' }> {
  const KEEP = '\u0000'
  const marked = cloneDoc({ blocks: [t] }).blocks[0] as Extract<Block, { kind: 'table' }>
  if (t.cls === 't2') for (const r of marked.rows) for (const c of r) if (c.text === '') c.text = KEEP
  const out = tableWithValues(marked, values)
  for (const r of out.rows) for (const c of r) if (c.text === KEEP) c.text = ''
  return out
}

function convert(d: Doc, f: (s: string) => string): Doc {
  const out = cloneDoc(d)
  for (const b of out.blocks) {
    if (b.kind === 'p') b.text = f(b.text)
    else for (const r of b.rows) for (const c of r) c.text = f(c.text)
  }
  return out
}
