// Hostile report text must cost seconds, not minutes: every pattern applied to report text runs in
// linear time (issue 14, point 5). Each text below is a real report plus one line built to make a
// backtracking pattern rescan the rest of the line from every position. The bound is generous: it is a
// hang detector (the quadratic patterns took 25–85 s per rule on the first two texts), not a benchmark.
// It is on CPU time, which a loaded machine hardly inflates (wall time would make it flaky there).
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { makeContext } from '../../src-main/engine/checks/context.ts'
import { CROSS_RULES, REPORT_RULES } from '../../src-main/engine/checks/registry.ts'
import type { BatchReport } from '../../src-main/engine/checks/types.ts'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport, tableFormat } from '../../src-main/engine/parse/index.ts'
import { seedText } from '../helpers/check.ts'

const LIMIT_MS = 5000
const N = 100_000

/** Name → the hostile line (each a few hundred thousand characters). */
const HOSTILE: Record<string, () => string> = {
  'statistics word then digits (the similarity stall of issue 14)': () => '统计数据1'.repeat(N),
  'a run of Chinese numerals': () => '一'.repeat(3 * N),
  'a run of digits': () => '1'.repeat(3 * N),
  'digits then a counting word at the end': () => '1'.repeat(3 * N) + '件',
  'numerals separated by spaces': () => '一 '.repeat(N) + '件',
  'the subject word repeated': () => '申请'.repeat(N),
  'verb and subject repeated without a number': () => '收到政府信息公开申请'.repeat(N / 4),
  'negations repeated': () => '未'.repeat(3 * N),
  'negation with subjects and outcome words': () => '未发生行政复议纠错'.repeat(N / 4),
  'appeal words repeated': () => '行政复议、行政诉讼'.repeat(N / 4),
  'counts with units': () => '1件、'.repeat(N),
  'a breakdown that never ends': () => '共1件，其中' + '1件，'.repeat(N),
  'many 其中': () => '其中1件'.repeat(N),
  '由 repeated (stock sentence pattern)': () => '本报告由'.repeat(N / 2),
  'citation lead words repeated': () => '根据政府信息公开条例'.repeat(N / 4),
  'dates without a period': () => '2023年1月1日'.repeat(N / 4),
  'fee words repeated': () => '信息处理费'.repeat(N / 2),
  'asterisks before a heading marker (nested quantifier)': () => '*'.repeat(3 * N) + 'x',
  'markdown dashes and spaces': () => '- '.repeat(N) + 'x',
  'whitespace after a number': () => '收到申请1' + ' '.repeat(3 * N) + 'x',
  'pipes (a table row that never ends)': () => '|'.repeat(3 * N),
  'one long sentence of mixed words': () => '收到申请一件行政复议结转下一年'.repeat(N / 8)
}

/** Milliseconds of CPU time of this process since `from` (a process.cpuUsage() reading). */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from)
  return (d.user + d.system) / 1000
}

let id = 1
function batchReport(text: string, file: string): BatchReport {
  const read = readText(Buffer.from(text, 'utf8'))
  const report = parseReport(read)
  const n = id++
  const r: BatchReport = { reportId: n, versionId: n, file, format: tableFormat(report), report, text: read.text, sha256: createHash('sha256').update(text).digest('hex') }
  if (report.body?.township) r.township = report.body.township
  if (report.year) r.year = report.year
  return r
}

describe('hostile report text finishes in seconds', () => {
  const base = seedText('002')
  it.each(Object.keys(HOSTILE))('%s', (name) => {
    const line = HOSTILE[name]!()
    const text = base.replace('（二）依申请公开情况。', `（二）依申请公开情况。\n${line}\n`)
    let t = process.cpuUsage()
    const hostile = batchReport(text, 'hostile.txt')
    expect(cpuMs(t), 'parse').toBeLessThan(LIMIT_MS)
    const ctx = makeContext(hostile.report, hostile.text, { year: 2023 })
    for (const rule of REPORT_RULES) {
      t = process.cpuUsage()
      rule.check(ctx)
      expect(cpuMs(t), rule.id).toBeLessThan(LIMIT_MS)
    }
    const reports = [hostile, batchReport(base, 'base.txt'), batchReport(seedText('003'), '003.txt')]
    for (const rule of CROSS_RULES) {
      t = process.cpuUsage()
      rule.checkBatch({ reports, settings: { year: 2023 } })
      expect(cpuMs(t), rule.id).toBeLessThan(LIMIT_MS)
    }
  })
})
