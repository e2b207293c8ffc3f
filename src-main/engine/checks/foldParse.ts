// A table the reader found but could not read to its end (a web copy cut inside 表三, a row it could not
// find) leaves cells 'missing', and every check that reads one of them turns into a parse finding of
// its own: one per column and per row, 14 to 19 findings for one cause. Those findings are folded here
// into one parse finding per table (the reader's own problem with the table when it has one) that names
// the rows and columns not found and the checks that could not be made. A table where every cell was
// found (glued digits only: 'uncertain' cells, settled one by one from each check's own finding) keeps
// its findings and their keys, and so does a table with a single such finding. Settling the missing
// cells makes the checks run again: what is still missing stays folded.
import type { CellValue, ParsedReport, TableId } from '../model.ts'
import { tableFormat } from '../parse/index.ts'
import { colName, rowName, TABLE_NAME } from './lib/tables.ts'
import { PARSE_RULE } from './parseProblems.ts'
import { ruleById } from './registry.ts'
import type { Evidence, Finding } from './types.ts'

type CellEvidence = Extract<Evidence, { kind: 'cell' }>
const unread = (e: Evidence): e is CellEvidence => e.kind === 'cell' && (e.status === 'missing' || e.status === 'uncertain')

/** The table whose cells a rule's parse finding could not read, when they are all in one table. */
function unreadTable(f: Finding): TableId | null {
  if (f.severity !== 'parse' || f.rule === PARSE_RULE || f.evidence.some((e) => e.kind === 'report')) return null
  const cells = f.evidence.filter(unread)
  const t = cells[0]?.table
  return t && cells.every((c) => c.table === t) ? t : null
}

const hasMissing = (f: Finding): boolean => f.evidence.some((e) => e.kind === 'cell' && e.status === 'missing')

/** Up to `max` names, then how many more. */
function list(names: string[], max: number): string {
  return names.length > max ? `${names.slice(0, max).join('、')}等 ${names.length} 项` : names.join('、')
}

function folded(report: ParsedReport, table: TableId, group: Finding[], problem: Finding | undefined): Finding {
  const fmt = tableFormat(report)
  const evidence: Evidence[] = []
  const seen = new Set<string>()
  for (const f of problem ? [problem, ...group] : group)
    for (const e of f.evidence) {
      const k = e.kind === 'cell' ? `c|${e.row}|${e.col}` : e.kind === 'text' ? `t|${e.start}|${e.end}` : ''
      if (!k || seen.has(k) || (e.kind === 'cell' && !unread(e))) continue
      seen.add(k)
      evidence.push(e)
    }
  const cells = evidence.filter(unread)
  const order = new Map((report.tables[table]?.cells ?? []).map((c, i) => [`${c.row}|${c.col}`, i]))
  cells.sort((a, b) => (order.get(`${a.row}|${a.col}`) ?? 0) - (order.get(`${b.row}|${b.col}`) ?? 0))
  const rows = [...new Set(cells.filter((c) => c.status === 'missing').map((c) => c.row))]
  const cols = [...new Set(cells.filter((c) => c.status === 'missing').map((c) => colName(fmt, c as Pick<CellValue, 'table' | 'row' | 'col'>)))]
  const unsure = cells.filter((c) => c.status === 'uncertain').length
  const missing = cells.length - unsure
  const checks = new Map<string, number>()
  for (const f of group) checks.set(f.rule, (checks.get(f.rule) ?? 0) + 1)
  const what = `因此以下核对无法进行：${[...checks].map(([id, n]) => `${ruleById(id)?.title ?? id}（${n} 处）`).join('；')}。请对照原文核对，可双击格子人工核定。`
  const notFound = `${missing} 个格子未能在原文中找到（原文可能在表中中断，或本软件未能对应行名），涉及 ${rows.length} 行：${list(rows.map((r) => rowName(fmt, table, r)), 6)}；${cols.length} 列：${list(cols, 8)}`
  // The reader's own problem with the table says what it could not place; the rest is added to it.
  const message = problem
    ? `${problem.message.replace(/。$/, '')}；此外有 ${notFound}。${what}`
    : `解析存疑：${TABLE_NAME[table]}有 ${notFound}${unsure ? `；另有 ${unsure} 个格子数值存疑` : ''}。${what}`
  return { ...(problem ?? { rule: PARSE_RULE, severity: 'parse', outcome: 'UNVERIFIABLE', loc: `cells-missing:${table}` }), evidence, message }
}

/**
 * The report's findings with, for each table where cells were not found, the rules' parse findings on
 * that table folded into the reader's problem with the table (or one new parse finding).
 */
export function foldMissingCells(report: ParsedReport, findings: Finding[]): Finding[] {
  const groups = new Map<TableId, Finding[]>()
  for (const f of findings) {
    const t = unreadTable(f)
    if (t) groups.set(t, [...(groups.get(t) ?? []), f])
  }
  const fold = new Map([...groups].filter(([, g]) => g.length > 1 && g.some(hasMissing)))
  if (!fold.size) return findings
  const problemOf = (t: TableId): Finding | undefined =>
    findings.find((f) => f.rule === PARSE_RULE && (f.loc === `table-unplaced:${t}` || f.loc === `cells-unplaced:${t}`))
  const out: Finding[] = []
  const done = new Set<TableId>()
  for (const f of findings) {
    const t = f.rule === PARSE_RULE ? ([...fold.keys()].find((id) => problemOf(id) === f) ?? null) : unreadTable(f)
    const g = t ? fold.get(t) : undefined
    if (!t || !g) out.push(f)
    else if (!done.has(t)) {
      done.add(t)
      out.push(folded(report, t, g, problemOf(t)))
    }
  }
  return out
}
