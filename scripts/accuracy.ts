// `npm run accuracy [-- --json <file>] [-- --update-baseline] [-- --layout <id>] [-- --verbose]` (verbose: each
// report's missing and unexpected findings, silent cells, and uncertain cells with the text around them)
// Runs the real engine over the labelled corpus in test/accuracy/ (see scripts/make-accuracy.ts) and prints,
// per layout and per format, cells right / wrong but uncertain / wrong and certain (silent); per report, the
// expected findings found and missing and the unexpected error- and warning-level ones ('parse' counted apart);
// per rule, findings raised / expected / unexpected; and the planted-error grid (layout × plant).
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { baselineOf, BASELINE_FILE, formatBaseline, layoutFigures } from './accuracy/baseline.ts'
import { ACC_DIR } from './accuracy/corpus.ts'
import { measure, type CellTally, type Figures, type ReportFigures } from './accuracy/measure.ts'
import { PLANTS } from './accuracy/plant.ts'

const { values: opt } = parseArgs({
  options: { json: { type: 'string' }, 'update-baseline': { type: 'boolean' }, layout: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } }
})

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : '-')
const pad = (s: string | number, n: number): string => String(s).padEnd(n)
const lpad = (s: string | number, n: number): string => String(s).padStart(n)

function sum(rs: ReportFigures[]): CellTally & { reports: number; unexpectedErrors: number; unexpectedWarnings: number; missing: number; parse: number; meta: number } {
  const t = { reports: rs.length, total: 0, right: 0, uncertain: 0, silent: 0, unexpectedErrors: 0, unexpectedWarnings: 0, missing: 0, parse: 0, meta: 0 }
  for (const r of rs) {
    t.total += r.cells.total
    t.right += r.cells.right
    t.uncertain += r.cells.uncertain
    t.silent += r.cells.silent
    t.unexpectedErrors += r.unexpectedErrors.length
    t.unexpectedWarnings += r.unexpectedWarnings.length
    t.missing += r.missing.length
    t.parse += r.parseFindings
    if (!r.meta.body || !r.meta.township || !r.meta.year || !r.meta.format) t.meta++
  }
  return t
}

function table(title: string, by: (r: ReportFigures) => string, fig: Figures): void {
  const keys = [...new Set(fig.reports.map(by))].sort()
  console.log(`\n== ${title}  (正确 = certain and right; 存疑 = marked uncertain/missing; 静默错 = wrong but certain; 缺发现 = expected findings missing; 误错误/误警告 = unexpected error/warning findings; 解析 = parse findings; 元数据错 = reports whose body/township/year/format is wrong)`)
  console.log(`${pad('', 20)}${lpad('报告', 5)}${lpad('格子', 7)}${lpad('正确', 7)}${lpad('存疑', 7)}${lpad('静默错', 7)}${lpad('正确%', 8)}${lpad('正确或存疑%', 10)}${lpad('缺发现', 7)}${lpad('误错误', 7)}${lpad('误警告', 7)}${lpad('解析', 6)}${lpad('元数据错', 6)}`)
  const row = (k: string, rs: ReportFigures[]): void => {
    const t = sum(rs)
    console.log(
      `${pad(k, 20)}${lpad(t.reports, 5)}${lpad(t.total, 7)}${lpad(t.right, 7)}${lpad(t.uncertain, 7)}${lpad(t.silent, 7)}${lpad(pct(t.right, t.total), 8)}${lpad(pct(t.right + t.uncertain, t.total), 10)}${lpad(t.missing, 7)}${lpad(t.unexpectedErrors, 7)}${lpad(t.unexpectedWarnings, 7)}${lpad(t.parse, 6)}${lpad(t.meta, 8)}`
    )
  }
  for (const k of keys) row(k, fig.reports.filter((r) => by(r) === k))
  row('ALL', fig.reports)
}

function perReport(fig: Figures): void {
  console.log('\n== per report (found/expected findings; unexpected error- and warning-level; silent cells)')
  for (const r of [...fig.reports].sort((a, b) => (a.layout + a.report).localeCompare(b.layout + b.report))) {
    const meta = Object.entries(r.meta).filter(([, ok]) => !ok).map(([k]) => k)
    console.log(
      `${pad(r.layout, 20)}${pad(r.report.slice(0, 16), 17)} cells ${r.cells.right}/${r.cells.total} silent ${r.cells.silent}  findings ${r.found.length}/${r.found.length + r.missing.length}` +
        `  unexp E${r.unexpectedErrors.length} W${r.unexpectedWarnings.length}  parse ${r.parseFindings}${meta.length ? `  meta wrong: ${meta.join(',')}` : ''}${r.error ? `  ERROR ${r.error}` : ''}`
    )
    if (opt.verbose) {
      if (r.missing.length) console.log(`    missing: ${r.missing.join(', ')}`)
      for (const m of r.unexpectedErrors) console.log(`    E ${m}`)
      for (const m of r.unexpectedWarnings) console.log(`    W ${m}`)
      if (r.silentCells.length) console.log(`    silent: ${r.silentCells.join('; ')}`)
      for (const u of r.uncertainCells) console.log(`    uncertain: ${u}`)
      for (const m of r.withoutEvidence) console.log(`    no evidence: ${m}`)
    }
  }
}

function perRule(fig: Figures): void {
  const rules = new Map<string, { raised: number; expected: number; foundExpected: number; unexpected: number }>()
  const get = (id: string) => rules.get(id) ?? (rules.set(id, { raised: 0, expected: 0, foundExpected: 0, unexpected: 0 }), rules.get(id)!)
  for (const r of fig.reports) {
    for (const [id, n] of Object.entries(r.raised)) get(id).raised += n
    for (const s of r.found) {
      const t = get(s.split('/')[0] as string)
      t.expected++
      t.foundExpected++
    }
    for (const s of r.missing) get(s.split('/')[0] as string).expected++
    for (const m of [...r.unexpectedErrors, ...r.unexpectedWarnings]) get(m.split(':')[0] as string).unexpected++
  }
  console.log('\n== per rule (raised = findings raised; expected = expected findings, found of them; unexpected = error/warning findings not expected)')
  console.log(`${pad('rule', 22)}${lpad('raised', 8)}${lpad('expected', 10)}${lpad('found', 7)}${lpad('unexpected', 12)}`)
  for (const [id, v] of [...rules].sort(([a], [b]) => a.localeCompare(b))) console.log(`${pad(id, 22)}${lpad(v.raised, 8)}${lpad(v.expected, 10)}${lpad(v.foundExpected, 7)}${lpad(v.unexpected, 12)}`)
}

function plantGrid(fig: Figures): void {
  console.log('\n== planted errors (found = the expected rule raises a finding the unchanged copy does not have)')
  const layouts = [...new Set(fig.plants.map((p) => `${p.layout}|${p.report}`))].sort()
  console.log(`${pad('layout', 20)}${pad('report', 17)}${PLANTS.map((p) => lpad(p, 17)).join('')}`)
  for (const l of layouts) {
    const [layout, report] = l.split('|') as [string, string]
    const cells = PLANTS.map((p) => {
      const f = fig.plants.find((x) => x.layout === layout && x.report === report && x.plant === p)
      return lpad(f ? (f.error ? 'error' : f.found ? 'found' : 'NOT found') : '', 17)
    })
    console.log(`${pad(layout, 20)}${pad(report.slice(0, 16), 17)}${cells.join('')}`)
  }
  const found = fig.plants.filter((p) => p.found).length
  console.log(`planted found: ${found}/${fig.plants.length} (${pct(found, fig.plants.length)})`)
}

const fig = await measure(opt.layout ? { filter: (e) => e.layout === opt.layout } : {})
table('per layout', (r) => r.layout, fig)
table('per format', (r) => r.format, fig)
perReport(fig)
perRule(fig)
plantGrid(fig)
const all = sum(fig.reports)
const plantsFound = fig.plants.filter((p) => p.found).length
const summary =
  `cells right ${pct(all.right, all.total)}, right or uncertain ${pct(all.right + all.uncertain, all.total)}, silent ${all.silent}; ` +
  `unexpected errors ${all.unexpectedErrors}, warnings ${all.unexpectedWarnings}; expected findings missing ${all.missing}; planted found ${plantsFound}/${fig.plants.length}; ` +
  `without evidence ${fig.reports.reduce((n, r) => n + r.withoutEvidence.length, 0)}`
console.log(`\n${fig.reports.length} files, ${fig.plants.length} planted copies, ${fig.seconds.toFixed(1)} s`)
console.log(`SUMMARY: ${summary}`)
if (opt.json) {
  writeFileSync(resolve(opt.json), JSON.stringify({ summary, layouts: layoutFigures(fig), ...fig }, null, 1))
  console.log(`JSON: ${resolve(opt.json)}`)
}
if (opt['update-baseline']) {
  if (opt.layout) throw new Error('--update-baseline needs the whole corpus (no --layout)')
  writeFileSync(join(ACC_DIR, BASELINE_FILE), formatBaseline(baselineOf(fig)))
  console.log(`baseline written: test/accuracy/${BASELINE_FILE}`)
}
