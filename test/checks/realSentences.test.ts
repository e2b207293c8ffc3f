// The held-out real reports (test/accuracy/holdout*/, never used to build the rules) as a corpus of real
// sentences: every count the text rules read from them is listed here by hand, checked against the
// sentence it comes from. A new reading (or a lost one) in these reports must be looked at and listed.
import { readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ACC_DIR } from '../../scripts/accuracy/corpus.ts'
import { makeContext } from '../../src-main/engine/checks/context.ts'
import { extract } from '../../src-main/engine/checks/lib/statements.ts'
import { prepareChecks } from '../../src-main/engine/checks/prep.ts'
import { checkBatch } from '../../src-main/engine/checks/run.ts'
import { t2Topics } from '../../src-main/engine/checks/rules/TXT-T2-COUNT.ts'
import { T3_TOPICS } from '../../src-main/engine/checks/rules/TXT-T3-COUNT.ts'
import { T4_TOPICS } from '../../src-main/engine/checks/rules/TXT-T4-COUNT.ts'
import type { BatchReport, ReportCtx } from '../../src-main/engine/checks/types.ts'
import { readDocument } from '../../src-main/engine/ingest/read.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'

interface Real {
  file: string
  ctx: ReportCtx
  batch: BatchReport
}

const reports: Real[] = []

beforeAll(async () => {
  let id = 0
  for (const dir of ['holdout', 'holdout-full']) {
    for (const f of readdirSync(join(ACC_DIR, dir)).sort()) {
      const ext = extname(f).toLowerCase()
      if (ext !== '.txt' && ext !== '.html') continue
      const read = await readDocument(ext, readFileSync(join(ACC_DIR, dir, f)))
      const parsed = parseReport(read)
      const ctx = makeContext(parsed, read.text, { year: parsed.year })
      id++
      const batch: BatchReport = {
        reportId: id, versionId: id, file: f, township: parsed.body?.township, year: parsed.year, body: parsed.body?.name,
        format: ctx.format, sha256: String(id), report: parsed, text: read.text, prep: prepareChecks(parsed, read.text)
      }
      reports.push({ file: f, ctx, batch })
    }
  }
}, 60_000)

/** What each statement says, read by hand from the sentence: [file, topic, value, the words it stands on]. */
const READ: [string, string, number, string][] = [
  ['cqsdj2022.txt', 'new_received', 0, '未收到依申请'],
  ['dazhai2022.txt', 'new_received', 0, '未接到政府信息依申请'],
  ['dizhang2024.txt', 'new_received', 1, '收到依申请公开来信1件'],
  ['qianjinjie2024.txt', 'new_received', 0, '未接到书面方式申请'],
  ['qianjinjie2024.txt', 'review', 0, '未发生因政府信息公开申请行政复议'],
  ['qianjinjie2024.txt', 'lit', 0, '未发生因政府信息公开申请行政复议、提起行政诉讼'],
  ['shanghai-bgt2019.html', 'new_received', 859, '受理政府信息公开申请859件'],
  ['shanghai-bgt2019.html', 'carried_over', 18, '上年度结转申请18件'],
  ['shanghai-bgt2019.html', 'review', 7, '行政复议7件'],
  ['shanghai-bgt2019.html', 'lit', 9, '诉讼9件'],
  ['songmutang2022.txt', 'new_received', 0, '收到依申请公开0件'],
  ['songmutang2022.txt', 'review', 0, '行政复议0件'],
  ['songmutang2022.txt', 'lit', 0, '行政诉讼0件'],
  ['tuanjie2020.txt', 'new_received', 0, '未接到提出公开政府信息的申请'],
  ['tuanjie2020.txt', 'review', 0, '未发生因政府信息公开申请提起的行政复议'],
  ['tuanjie2020.txt', 'lit', 0, '未发生因政府信息公开申请提起的行政复议和行政诉讼案件'],
  ['tuofenglu2020.txt', 'new_received', 0, '未接到提出公开政府信息的申请'],
  ['tuofenglu2020.txt', 'review', 0, '未发生因政府信息公开申请提起的行政复议'],
  ['tuofenglu2020.txt', 'lit', 0, '未发生因政府信息公开申请提起的行政复议和行政诉讼案件'],
  ['xiliu2023.txt', 'new_received', 0, '受理依申请公开0件'],
  ['xinzheng2023.txt', 'new_received', 0, '未收到依申请'],
  ['yanan2021.txt', 'new_received', 0, '没有收到政府信息公开申请'],
  ['yanan2021.txt', 'review', 0, '没有因政府信息公开申请行政复议'],
  ['yanan2021.txt', 'lit', 0, '没有因政府信息公开申请行政复议、提起行政诉讼'],
  ['yingbinlu2021.txt', 'review', 1, '行政复议1起'],
  ['yongji2024.txt', 'new_received', 0, '受理依申请公开政府信息0件'],
  ['zhongcang2025.txt', 'review', 0, '行政复议0次'],
  ['zhongcang2025.txt', 'lit', 0, '行政诉讼0次'],
  ['kewei2024.txt', 'review', 1, '1 件涉及政府信息公开工作的行政复议'],
  ['kewei2024.txt', 'lit', 0, '行政诉讼数为0 件'],
  ['kewei2024.txt', 'new_received', 34, '收到政府信息公开申请 34 件'],
  ['kewei2024.txt', 'carried_over', 2, '上年结转政府信息公开申请 2 件'],
  ['pingtan2020.txt', 'new_received', 21, '受理政府信息公开申请21件'],
  ['pingtan2021.txt', 'new_received', 70, '收到70件'],
  ['pingtan2021.txt', 'r7_total', 69, '办结69件'],
  ['pingtan2021.txt', 'carried_forward', 1, '1件结转下年度继续办理'],
  ['pingtan2022.txt', 'in_force', 698, '现行有效行政规范性文件698件'],
  ['pingtan2022.txt', 'issued', 88, '制发的规范性文件88件'],
  ['pingtan2022.txt', 'new_received', 75, '收到政府信息公开申请75件'],
  ['pingtan2022.txt', 'lit', 1, '行政诉讼案件1件'],
  ['pingtan2022.txt', 'review', 2, '行政复议案件2件'],
  ['pingtan2023.txt', 'in_force', 393, '现行有效行政规范性文件393件'],
  ['pingtan2023.txt', 'issued', 77, '制发的规范性文件77件'],
  ['pingtan2023.txt', 'r7_total', 81, '办结依申请公开81件'],
  ['pingtan2023.txt', 'review', 2, '行政复议案件2件'],
  ['pingtan2023.txt', 'lit', 7, '行政诉讼案件7件'],
  ['pingtan2024.txt', 'issued', 62, '制发行政规范性文件62件'],
  ['pingtan2024p.html', 'issued', 62, '制发行政规范性文件62件'],
  ['pingtan2025.txt', 'new_received', 154, '收到政府信息公开申请154件'],
  ['pingtan2025.txt', 'r7_total', 148, '办结148件'],
  ['pingtan2025.txt', 'review', 36, '行政复议36起'],
  ['pingtan2025.txt', 'lit', 9, '行政诉讼9起'],
  ['ptczj2023.txt', 'new_received', 0, '未收到政府信息公开申请'],
  ['ptgaj2019.txt', 'new_received', 0, '未收到公民提出的公开政府信息申请'],
  ['ptgaj2024.txt', 'review', 0, '没有因政府信息公开针对区公安局申请行政复议'],
  ['ptgaj2024.txt', 'lit', 0, '没有因政府信息公开针对区公安局申请行政复议或行政诉讼'],
  ['pthzs2021.txt', 'review', 0, '未收到因政府信息公开提出的行政复议'],
  ['pthzs2021.txt', 'lit', 0, '未收到因政府信息公开提出的行政复议、行政诉讼'],
  ['ptjjf2022.txt', 'review', 0, '未有政府信息公开行政复议'],
  ['ptjjf2022.txt', 'lit', 0, '未有政府信息公开行政复议及行政诉讼'],
  ['ptjtj2022.txt', 'new_received', 11, '收到政府信息公开申请11件'],
  ['ptjtj2025.txt', 'r7_total', 21, '办结政府信息公开申请21件'],
  ['shoffice2025.txt', 'new_received', 1295, '受理政府信息公开申请 1295 件'],
  ['shoffice2025.txt', 'r7_total', 1191, '办结 1191 件'],
  ['shoffice2025.txt', 'carried_over', 189, '上年结转 189 件'],
  ['shuyang2025.txt', 'new_received', 749, '受理政府信息公开申请 749 件'],
  ['shuyang2025.txt', 'carried_forward', 31, '结转下一年 31 件'],
  ['syfgj2023.html', 'new_received', 26, '收到依申请信息公开26件']
]

describe('held-out real reports as a sentence corpus', () => {
  it('reads exactly the counts listed by hand, each from its own words', () => {
    expect(reports.length).toBeGreaterThan(30)
    const got: [string, string, number, string][] = []
    for (const r of reports) {
      const topics = [...T3_TOPICS, ...T4_TOPICS, ...t2Topics(r.ctx.format)]
      for (const s of extract(r.ctx, topics).stmts) {
        // The words as printed, a PDF line break inside a word taken out.
        got.push([r.file, s.topic, s.value, r.ctx.text.slice(s.start, s.end).replace(/\s*\n\s*/g, '').replace(/\s+/g, ' ')])
      }
    }
    expect(got).toEqual(READ)
  })

  it('names no other township: the held-out bodies (different counties) as one folder, all on the roster', () => {
    const batch = reports.map((r) => r.batch)
    const roster = batch.flatMap((b) => (b.township ? [b.township] : []))
    expect(roster.length).toBeGreaterThan(15)
    const res = checkBatch(batch, { roster, year: 2023 })
    const named = batch.flatMap((b) => (res.get(b.reportId)?.findings ?? []).filter((f) => f.rule === 'XDOC-OTHER-NAME').map((f) => `${b.file}: ${f.message}`))
    expect(named).toEqual([])
  })
})
