import type { TableId } from '../../model.ts'
import { detachedSlice, differentTownships, sameReport, MAX_LISTED, reportEvidence, reportName, reportNames, PerReport } from '../lib/batch.ts'
import { containment, grams, simText } from '../lib/similarity.ts'
import { TABLE_NAME, tableSignature } from '../lib/tables.ts'
import type { BatchReport, BatchRule, Evidence } from '../types.ts'

/**
 * Tables are compared within one report year: a folder that mixes years would otherwise set one township's
 * table of 2021 beside another's of 2025 (平潭: two area offices, four years apart, each with one request).
 */
function grid(r: BatchReport, t: TableId): string | null {
  const sig = r.prep ? r.prep.sigs[t] ?? null : tableSignature(r.report, t)
  return sig && `${r.year ?? '?'}:${r.format}:${sig}`
}

/** Two files of one report whose township could not be read (a scan and its text file) share their wording. */
function sameWording(a: BatchReport, b: BatchReport): boolean {
  if (a.township && b.township) return false
  const ga = grams(simText(a.report.norm))
  const gb = grams(simText(b.report.norm))
  return Math.min(containment(ga, gb), containment(gb, ga)) >= 0.85
}

// Observation: two townships with exactly the same non-zero table 二 or 三 of one year — possible copying of data.
const rule: BatchRule = {
  id: 'XDOC-IDENTICAL-TABLE',
  family: 'cross',
  severity: 'info',
  title: '不同乡镇的表二或表三数据完全相同（非全零）',
  source: '提示项：数据照搬的迹象（怀化市关于年报“内容雷同”的通报要求）',
  confidence: '-',
  checkBatch(ctx) {
    const out = new PerReport()
    for (const t of ['T2', 'T3'] as TableId[]) {
      const groups = new Map<string, BatchReport[]>()
      for (const r of ctx.reports) {
        const g = grid(r, t)
        if (!g) continue
        const l = groups.get(g)
        if (l) l.push(r)
        else groups.set(g, [r])
      }
      for (const rs of groups.values()) {
        // The members of a group list the same first few others: their evidence is made once, not per
        // finding (a table shared by a thousand files quoted the same five tables a thousand times).
        const made = new Map<number, Evidence>()
        const listed = (y: BatchReport): Evidence => {
          let e = made.get(y.reportId)
          if (!e) {
            const s = y.report.tables[t].span
            e = reportEvidence(y, `${reportName(y)}的${TABLE_NAME[t]}`, s ? { start: s.start, end: s.end } : undefined)
            made.set(y.reportId, e)
          }
          return e
        }
        for (const x of rs) {
          const others = rs.filter((y) => differentTownships(x, y) && y.sha256 !== x.sha256 && !sameReport(x, y) && !sameWording(x, y))
          if (!others.length) continue
          const tab = x.report.tables[t]
          const evidence: Evidence[] = []
          if (tab.span) evidence.push({ kind: 'text', start: tab.span.start, end: tab.span.end, text: detachedSlice(x.text, tab.span.start, tab.span.end) })
          for (const y of others.slice(0, MAX_LISTED)) evidence.push(listed(y))
          out.add(x.reportId, {
            rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: t, evidence,
            message: `本报告${TABLE_NAME[t]}的数据与${reportNames(others)}完全相同（非全零），请核实是否照搬。`
          })
        }
      }
    }
    return { perReport: out.map, outcome: out.anyFail() ? 'FAIL' : 'PASS' }
  }
}

export default rule
