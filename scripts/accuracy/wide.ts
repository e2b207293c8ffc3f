// The `wide-*` layouts: complete held-out real reports (test/accuracy/holdout-full) rendered through the block
// layouts the seeds and real PDFs get (flat.ts, docx.ts, doc.ts's markdown), from their own prose and their
// tables rebuilt on their template's grid (wideDoc.ts). Expected records and findings are the holdout-full ones;
// each report is checked alone (scripts/accuracy/corpus.ts isHeldOutLayout), as they come from different bodies.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { markdown, type Doc } from './doc.ts'
import { cellLines, csv, excelTsv, filledTsv, wordText } from './flat.ts'
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
]
/**
 * 表二 rows a report gives with its digits run together, whose split the expected record leaves uncertain: written
 * as published, one cell over the row's value columns (a row wholly uncertain and not listed here is left out).
 */
const GLUED: Record<string, Record<string, string>> = { pthtp2021: { 'A20_9.central_procurement': '328291965元' } }
/** Reports also written in traditional characters. */
const WIDE_TRAD = ['pthtp2021', 'ptspp2025']

export const isWideLayout = (layout: string): boolean => /^(?:trad-)?wide-/.test(layout)

type Emit = (layout: string, report: string, ext: string, data: string | Uint8Array) => void

export async function wideLayouts(root: string, emit: Emit, s2t: (s: string) => string): Promise<void> {
  for (const r of WIDE_REPORTS) {
    const e = loadExpected(r)
    const d: Doc = wideDoc(readFileSync(join(root, 'test', 'accuracy', 'holdout-full', `${r}.txt`), 'utf8'), tablesFor(root, e, GLUED[r]), e)
    emit('wide-cell-lines', r, 'txt', cellLines(d))
    emit('wide-excel-tsv', r, 'txt', excelTsv(d))
    emit('wide-excel-filled', r, 'txt', filledTsv(d))
    emit('wide-excel-split-t3', r, 'txt', excelTsv(splitT3(d)))
    emit('wide-csv-txt', r, 'txt', csv(d))
    emit('wide-word-text-spaces', r, 'txt', wordText(d, false))
    emit('wide-word-text-fullwidth', r, 'txt', wordText(d, true))
    emit('wide-word-text-tabs-wrapped', r, 'txt', wordText(wrappedLabels(d), false, '\t'))
    emit('wide-markdown', r, 'txt', markdown(d))
    emit('wide-docx', r, 'docx', await docxOf(d))
    emit('wide-docx-wrapped', r, 'docx', await docxOf(wrappedLabels(d)))
    if (!WIDE_TRAD.includes(r)) continue
    emit('trad-wide-excel-tsv', r, 'txt', s2t(excelTsv(d)))
    emit('trad-wide-word-text-fullwidth', r, 'txt', s2t(wordText(d, true)))
  }
}
