// The `wide-*` layouts: complete held-out real reports (test/accuracy/holdout-full) rendered through the block
// layouts the seeds and real PDFs get (flat.ts, docx.ts, doc.ts's markdown), from their own prose and their
// tables rebuilt on their template's grid (wideDoc.ts). Expected records and findings are the holdout-full ones;
// each report is checked alone (scripts/accuracy/corpus.ts isHeldOutLayout), as they come from different bodies.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { markdown, type Doc } from './doc.ts'
import { cellLines, csv, excelTsv, filledTsv, plantDoc, wordText } from './flat.ts'
import { PLANT_EDIT, PLANTS, type PlantId } from './plant.ts'
import { docxOf, splitT3, wrappedLabels } from './docx.ts'
import { loadExpected } from './corpus.ts'
import { tablesFor, wideDoc } from './wideDoc.ts'

/**
 * The reports rendered: both templates; 2021/2022 reports in the 2019 tables (pthtp2021, pthtp2022); 2025 ones
 * in seven parts (ptjsp2025) and with the fee as a part of its own (ptspp2025); the zone government (pingtan*), a
 * county government (shuyang2025, a markdown source), departments (ptgaj, ptczj, ptjtj, ptgwh); real arithmetic
 * errors (pingtan2020, ptgaj2021, pthtp2021, pthtp2022) and a 落款 dated before the year (ptspp2019).
 */
export const WIDE_REPORTS = [
  'pingtan2019',
  'pingtan2020',
  'pingtan2025',
  'pthtp2021',
  'pthtp2022',
  'ptjsp2025',
  'ptspp2025',
  'ptspp2019',
  'ptgaj2021',
  'ptczj2020',
  'ptgwh2020',
  'ptjtj2022',
  'shuyang2025',
  // Added later and measured once as they came (0 silent cells): the other complete reports whose expected record
  // leaves no cell uncertain (kewei2024's text gives the generator too few part headings to rebuild).
  'pingtan2021',
  'pingtan2022',
  'pingtan2023',
  'pingtan2024',
  'ptczj2021',
  'ptczj2022',
  'ptczj2023',
  'ptczj2024',
  'ptczj2025',
  'ptgaj2019',
  'ptgaj2024',
  'pthzs2021',
  'ptjjf2022',
  'ptjsp2024',
  'ptjtj2020',
  'ptspp2021',
]
/**
 * 表二 rows a report gives with its digits run together, whose split the expected record leaves uncertain: written
 * as published, one cell over the row's value columns (a row wholly uncertain and not listed here is left out).
 */
const GLUED: Record<string, Record<string, string>> = { pthtp2021: { 'A20_9.central_procurement': '328291965元' } }
/** Reports also written in traditional characters. */
const WIDE_TRAD = ['pthtp2021', 'ptspp2025']

/**
 * Reports planted into in every wide layout (scripts/accuracy/plant.ts, made in the blocks as for the seeds): a
 * 2019-template zone report, a 2022 report in the 2019 tables, a 2025 report in seven parts (其他需说明事项 is 七),
 * one with the fee as a part (and its traditional copies), two departments under the 2021 template, a county
 * government. A plant whose precondition the report's own prose lacks is skipped, with why; any other plant that
 * finds nothing to change throws.
 */
const WIDE_PLANTED: Record<string, Partial<Record<PlantId, string>>> = {
  pingtan2019: { 'narrative-count': 'its prose gives no count of applications received (表三 alone has it)' },
  // A 2022 report in the 2019 tables that counts applications in 条 (共受理政务信息公开的申请4条).
  pthtp2022: {},
  ptjsp2025: {},
  ptjtj2022: {},
  // A department whose 表三 does not balance as published (T3-BALANCE already raised on the unchanged copy).
  ptgaj2021: { 'period-year': 'its prose gives no statistics period (统计期限)' },
  // The fee as a part of its own, and written in traditional characters too.
  ptspp2025: { 'no-section-6': 'its six parts have no 其他需要报告的事项 (五 is 信息处理费收取情况, 六 存在的主要问题和改进情况)' },
  shuyang2025: {}
}

export const isWideLayout = (layout: string): boolean => /^(?:trad-)?wide-/.test(layout)

type Emit = (layout: string, report: string, ext: string, data: string | Uint8Array, plant?: PlantId) => void
type Render = (d: Doc) => string | Promise<Uint8Array>

/** The block layouts of one report, by layout id: extension and rendering. */
function renders(s2t: (s: string) => string, trad: boolean): [string, string, Render][] {
  const out: [string, string, Render][] = [
    ['wide-cell-lines', 'txt', cellLines],
    ['wide-excel-tsv', 'txt', excelTsv],
    ['wide-excel-filled', 'txt', filledTsv],
    ['wide-excel-split-t3', 'txt', (d) => excelTsv(splitT3(d))],
    ['wide-csv-txt', 'txt', csv],
    ['wide-word-text-spaces', 'txt', (d) => wordText(d, false)],
    ['wide-word-text-fullwidth', 'txt', (d) => wordText(d, true)],
    ['wide-word-text-tabs-wrapped', 'txt', (d) => wordText(wrappedLabels(d), false, '\t')],
    ['wide-markdown', 'txt', markdown],
    ['wide-docx', 'docx', docxOf],
    ['wide-docx-wrapped', 'docx', (d) => docxOf(wrappedLabels(d))]
  ]
  if (trad) out.push(['trad-wide-excel-tsv', 'txt', (d) => s2t(excelTsv(d))], ['trad-wide-word-text-fullwidth', 'txt', (d) => s2t(wordText(d, true))])
  return out
}

export async function wideLayouts(root: string, emit: Emit, s2t: (s: string) => string): Promise<void> {
  for (const r of WIDE_REPORTS) {
    const e = loadExpected(r)
    const d: Doc = wideDoc(readFileSync(join(root, 'test', 'accuracy', 'holdout-full', `${r}.txt`), 'utf8'), tablesFor(root, e, GLUED[r]), e)
    const skip = WIDE_PLANTED[r]
    for (const [layout, ext, render] of renders(s2t, WIDE_TRAD.includes(r))) {
      emit(layout, r, ext, await render(d))
      if (!skip) continue
      for (const p of PLANTS.filter((x) => !(x in skip))) {
        // An emptied cell is a pipe-table plant: made in the markdown text, as for the seeds' markdown.
        if (p === 'blank-pipe-cell') {
          if (layout === 'wide-markdown') emit(layout, r, ext, PLANT_EDIT[p](markdown(d)), p)
          continue
        }
        emit(layout, r, ext, await render(plantDoc(d, p)), p)
      }
    }
  }
}
