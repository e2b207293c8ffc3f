// The service side of cell settlement (人工核定): checks the request, writes the settlement rows and
// the audit row in one transaction, then re-runs the checks of the batch so that every rule reading
// the cell (the report's own and the cross-document ones) sees the settled value at once. The re-check
// runs in the check worker, as every other batch check does, and the call resolves once it is stored.
import { runChecksOffThread } from '../engine/checks/offThread.ts'
import type { Db } from '../engine/db/open.ts'
import { unpackJson } from '../engine/db/packed.ts'
import { currentReading } from '../engine/db/versionsRepo.ts'
import type { ParsedReport, TableId } from '../engine/model.ts'
import type { Audit } from '../engine/review/audit.ts'
import { cellChoices } from '../engine/review/choices.ts'
import { activeSettlements, applySettlements, settleCells, validSettleValue, withdrawSettlements, type CellRef, type SettleInput } from '../engine/settle/settlement.ts'
import type { CellDto } from '../shared/api.ts'

const TABLES = new Set(['T2', 'T3', 'T4'])
const MAX_CELLS = 200


interface Current {
  batchId: number
  versionId: number
  text: string
  parsed: Omit<ParsedReport, 'norm'>
}

function current(db: Db, reportId: number): Current {
  if (!Number.isInteger(reportId)) throw new Error('无效的年报编号')
  const r = currentReading(db, reportId)
  if (!r) throw new Error('没有这份年报')
  if (!r.parsed) throw new Error('这份年报未能解析，没有可核定的单元格')
  return { batchId: r.batchId, versionId: r.versionId, text: r.text, parsed: unpackJson<Omit<ParsedReport, 'norm'>>(r.parsed) as Omit<ParsedReport, 'norm'> }
}

function cellRefs(cells: unknown): CellRef[] {
  if (!Array.isArray(cells) || cells.length === 0) throw new Error('请指定要核定的单元格')
  if (cells.length > MAX_CELLS) throw new Error(`一次最多核定 ${MAX_CELLS} 个单元格`)
  return cells.map((c) => {
    const x = c as Partial<CellRef>
    if (!x || typeof x.table !== 'string' || !TABLES.has(x.table) || typeof x.row !== 'string' || typeof x.col !== 'string' || x.row.length > 100 || x.col.length > 100)
      throw new Error('无效的单元格')
    return { table: x.table as TableId, row: x.row, col: x.col }
  })
}

function cellLabel(c: CellRef): string {
  return `${c.table}|${c.row}|${c.col}`
}

export async function settle(db: Db, reviewer: string, audit: Audit, reportId: number, cells: unknown): Promise<{ settled: number }> {
  const refs = cellRefs(cells)
  const input: SettleInput[] = refs.map((r, i) => {
    const v = (cells as { value?: unknown }[])[i]?.value
    if (!validSettleValue(v)) throw new Error('核定值应为不小于 0 的数字，或留空表示原件该格为空白')
    return { ...r, value: v }
  })
  const cur = current(db, reportId)
  for (const c of refs)
    if (!cur.parsed.tables[c.table]?.cells.some((x) => x.row === c.row && x.col === c.col)) throw new Error(`模板中没有这个单元格：${cellLabel(c)}`)
  const at = new Date().toISOString()
  db.transaction(() => {
    const r = settleCells(db, { reportId, versionId: cur.versionId, text: cur.text, parsed: cur.parsed, cells: input, by: reviewer, at })
    const read = new Map(cur.parsed.tables.T2.cells.concat(cur.parsed.tables.T3.cells, cur.parsed.tables.T4.cells).map((c) => [cellLabel(c), c]))
    audit(
      'settle',
      reportId,
      null,
      { replaced: r.replaced, cells: input.map((c) => ({ cell: cellLabel(c), read: read.get(cellLabel(c))?.value ?? null, raw: read.get(cellLabel(c))?.raw ?? '', status: read.get(cellLabel(c))?.status ?? 'missing' })) },
      { ids: r.ids, versionId: cur.versionId, cells: input.map((c) => ({ cell: cellLabel(c), value: c.value })) }
    )
  })()
  await runChecksOffThread(db, cur.batchId)
  return { settled: input.length }
}

export async function unsettle(db: Db, audit: Audit, reportId: number, cells: unknown): Promise<{ withdrawn: number }> {
  const refs = cellRefs(cells)
  const cur = current(db, reportId)
  let ids: number[] = []
  db.transaction(() => {
    ids = withdrawSettlements(db, cur.versionId, refs)
    if (ids.length) audit('unsettle', reportId, null, { ids, cells: refs.map(cellLabel) }, { versionId: cur.versionId })
  })()
  if (ids.length) await runChecksOffThread(db, cur.batchId)
  return { withdrawn: ids.length }
}

/** The cells of a version as the review screen shows them: settled values applied, choices offered. */
export function reviewCells(db: Db, versionId: number, parsed: Omit<ParsedReport, 'norm'>): CellDto[] {
  const applied = applySettlements(parsed, activeSettlements(db, versionId))
  const choices = cellChoices(applied)
  return Object.values(applied.tables).flatMap((t) =>
    t.cells.map((c) => {
      const ch = choices.get(cellLabel(c))
      const { choices: _given, ...rest } = c as typeof c & { choices?: number[] }
      void _given
      return ch ? { ...rest, choices: ch.choices, choiceGroup: ch.group } : rest
    })
  )
}
