// A 落款 date read from a scan in a year no slip of the pen gives (a seal over its digits: 2074 for a 2023
// report) is a reading without confidence: the findings that quote it are parse problems, not the township's.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkReport } from '../../src-main/engine/checks/run.ts'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import type { ReadResult } from '../../src-main/engine/model.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { SEED_DIR, SEEDS } from '../helpers/seeds.ts'

const s003 = readFileSync(join(SEED_DIR, SEEDS.find((s) => s.startsWith('003'))!), 'utf8')
const body = s003.slice(s003.indexOf('一、总体情况')).trimEnd().replace(/[^\n]*\n[^\n]*$/, '')
/** The report as OCR gives it: every cell read with a confidence OCR was sure of. */
function scanned(signDate: string): ReadResult {
  const read = readText(new TextEncoder().encode(`某某镇人民政府\n2023年政府信息公开工作年度报告\n${body}\n某某镇人民政府\n${signDate}\n`))
  for (const l of read.lines) for (const c of l.cells) c.conf = 95
  return read
}
const deadline = (read: ReadResult) => checkReport(parseReport(read), read.text).findings.filter((f) => f.rule === 'DOC-DEADLINE' && f.outcome === 'FAIL')

describe('a scanned 落款 date far from the report year', () => {
  it('2074 for a 2023 report: the late-publication finding is a parse problem', () => {
    const f = deadline(scanned('2074年1月20日'))
    expect(f).toHaveLength(1)
    expect(f[0]!.severity).toBe('parse')
  })
  it('2024-03-01 for a 2023 report stays the township\'s finding', () => {
    const f = deadline(scanned('2024年3月1日'))
    expect(f).toHaveLength(1)
    expect(f[0]!.severity).not.toBe('parse')
  })
})
