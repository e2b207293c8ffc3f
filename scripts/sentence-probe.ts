// Try the count readers and the text rules on sentences of your own: each line of stdin is put into seed 002's
// section 一 (表三 新收 1, 上年结转 0, 总计 1, 结转 0; 表四 all 0) and what the readers read from it, what they
// only noted, and the TXT-* findings whose evidence falls in it are printed. For finding traps before they reach
// a report; a sentence worth keeping goes to test/checks/sentences/*.ts.
// Run: printf '全年收到低保申请35件。\n' | ./node_modules/.bin/node scripts/sentence-probe.ts
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { extract } from '../src-main/engine/checks/lib/statements.ts'
import { REPORT_RULES } from '../src-main/engine/checks/registry.ts'
import { t2Topics } from '../src-main/engine/checks/rules/TXT-T2-COUNT.ts'
import { T3_TOPICS } from '../src-main/engine/checks/rules/TXT-T3-COUNT.ts'
import { T4_TOPICS } from '../src-main/engine/checks/rules/TXT-T4-COUNT.ts'
import { ctxFromText } from '../test/helpers/check.ts'
import { ROOT } from './accuracy/corpus.ts'

const base = readFileSync(join(ROOT, 'resources', 'sample', '002_3439ace2b5349fdf.txt'), 'utf8')
const at = base.indexOf('二、主动公开政府信息情况')
const rules = REPORT_RULES.filter((r) => r.id.startsWith('TXT-'))
for (const s of readFileSync(0, 'utf8').split('\n').filter((l) => l.trim())) {
  const ctx = ctxFromText(`${base.slice(0, at)}\n${s}\n\n${base.slice(at)}`, { year: 2023 })
  const from = ctx.text.indexOf(s)
  const to = from + s.length
  const inside = (x: { start: number; end: number }): boolean => x.start >= from && x.end <= to
  const ex = extract(ctx, [...T3_TOPICS, ...T4_TOPICS, ...t2Topics('2021')])
  const read = ex.stmts.filter(inside).map((x) => `${x.topic}=${x.value}`)
  const noted = [...ex.unclear, ...ex.otherYears].filter(inside).map((x) => x.why)
  const fired = rules.flatMap((r) =>
    r.check(ctx).findings.filter((f) => f.evidence.some((e) => e.kind === 'text' && e.start < to && e.end > from)).map((f) => `${r.id}: ${f.message}`)
  )
  console.log(s)
  console.log(`  read: ${read.join(' ') || '-'}${noted.length ? `  noted: ${noted.join('；')}` : ''}`)
  for (const f of fired) console.log(`  ${f}`)
}
