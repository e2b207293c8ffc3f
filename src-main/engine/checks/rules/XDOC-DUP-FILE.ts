import { fileStem, MAX_LISTED, reportEvidence, reportName, PerReport } from '../lib/batch.ts'
import { containment, grams, simText } from '../lib/similarity.ts'
import { wordingKey } from '../lib/wordingKey.ts'
import type { BatchReport, BatchRule } from '../types.ts'

/** Share of each text's 5-grams found in the other that makes two files one report. */
const NEAR = 0.85

/**
 * The wording of a report without whitespace, as a digest: grouping by the text itself held every
 * report's text at once (tens of MB in a province); equal digests are equal texts. Made with the
 * version's check work when it was stored (prep.ts); work stored before has none, and is hashed here.
 */
const key = (r: BatchReport): string => r.prep?.textKey ?? wordingKey(r.report.norm)

/** A gram in more reports than this is not used to find near copies (its list is dropped). */
const POSTING_CAP = 64

/**
 * The reports that can be near copies of an unsure one, without comparing it with the whole folder.
 * y passes only if it holds more than NEAR of x's grams, so it must hold at least one of any
 * (1 − NEAR)·|x| + 1 of them: the reports listed under x's rarest grams are all the candidates (exact,
 * nothing missed). Lists are kept for the unsure reports' grams only and dropped past POSTING_CAP; an
 * unsure report whose wording is in more reports than that (a folder of copies) is compared with all.
 * Grams are kept for the unsure reports and the candidates only, not for the whole folder.
 */
function nearCandidates(reports: BatchReport[], unsure: BatchReport[]): { candidates: (x: BatchReport) => BatchReport[]; gramsOf: (r: BatchReport) => Set<number> } {
  const cache = new Map<number, Set<number>>()
  const gramsOf = (r: BatchReport): Set<number> => {
    let g = cache.get(r.reportId)
    if (!g) cache.set(r.reportId, (g = grams(simText(r.report.norm))))
    return g
  }
  const postings = new Map<number, number[] | null>()
  for (const x of unsure) for (const g of gramsOf(x)) postings.set(g, [])
  reports.forEach((y, i) => {
    // Unsure reports' grams are cached already; the others' are made, used and dropped.
    const gy = cache.get(y.reportId) ?? grams(simText(y.report.norm))
    for (const g of gy) {
      const l = postings.get(g)
      if (!l) continue
      if (l.length >= POSTING_CAP) postings.set(g, null)
      else l.push(i)
    }
  })
  const candidates = (x: BatchReport): BatchReport[] => {
    const gx = [...gramsOf(x)]
    const need = Math.floor((1 - NEAR) * gx.length) + 2
    const rare = gx.filter((g) => postings.get(g)).sort((a, b) => (postings.get(a)?.length ?? 0) - (postings.get(b)?.length ?? 0))
    if (!gx.length) return []
    if (rare.length < need) return reports
    const idx = new Set<number>()
    for (const g of rare.slice(0, need)) for (const i of postings.get(g) ?? []) idx.add(i)
    // In folder order, as a comparison with every report would meet them.
    return [...idx].sort((a, b) => a - b).map((i) => reports[i] as BatchReport)
  }
  return { candidates, gramsOf }
}

// The folder should hold one report per township and year; the same file twice, the same text in two
// files, or two reports of one township for one year need the reviewer to pick the valid one.
const rule: BatchRule = {
  id: 'XDOC-DUP-FILE',
  family: 'cross',
  severity: 'warning',
  title: '重复提交（同一乡镇同一年度多份，或文件/文字完全相同）',
  source: '批次审核逻辑：每个乡镇每年度一份年报',
  confidence: '-',
  checkBatch(ctx) {
    const out = new PerReport()
    // Grouping instead of comparing every pair keeps a folder of a thousand reports linear.
    const groups: { why: (r: BatchReport) => string; key: (r: BatchReport) => string | null; loc: string }[] = [
      { loc: 'dup.file', key: (r) => (r.sha256 ? `sha:${r.sha256}` : null), why: () => '文件内容完全相同（哈希一致）' },
      { loc: 'dup.text', key: (r) => `text:${key(r)}`, why: () => '文字内容完全相同' },
      { loc: 'dup.year', key: (r) => (r.township && r.year ? `ty:${r.township}|${r.year}` : null), why: (r) => `同一乡镇（${r.township}）同一年度（${r.year}年）有多份年报` },
      { loc: 'dup.stem', key: (r) => (fileStem(r.file) ? `stem:${fileStem(r.file)}|${r.year ?? ''}` : null), why: () => '文件名相同、格式不同（如扫描件与文字版）' }
    ]
    const flagged = new Map<number, Set<number>>()
    for (const g of groups) {
      const by = new Map<string, BatchReport[]>()
      for (const r of ctx.reports) {
        const k = g.key(r)
        if (!k) continue
        // Appended in place: copying the list at each member made a group of thousands of copies quadratic.
        const l = by.get(k)
        if (l) l.push(r)
        else by.set(k, [r])
      }
      for (const members of by.values()) {
        if (members.length < 2) continue
        for (const x of members) {
          // A pair already reported for a stronger reason (same file) is not reported again.
          const seen = flagged.get(x.reportId) ?? new Set<number>()
          const others = members.filter((y) => y !== x && !seen.has(y.reportId))
          if (!others.length) continue
          for (const y of others) seen.add(y.reportId)
          flagged.set(x.reportId, seen)
          const shown = others.slice(0, MAX_LISTED)
          out.add(x.reportId, {
            rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: g.loc,
            evidence: shown.map((y) => reportEvidence(y, `重复的另一份：${y.file}`)),
            message: `本报告与${shown.map((y) => `“${y.file}”（${reportName(y)}）`).join('、')}${others.length > MAX_LISTED ? `等 ${others.length} 份` : ''}重复：${g.why(x)}，请确认以哪一份为准。`
          })
        }
      }
    }
    // A scan whose township or year could not be read: compare its wording with the reports of the same
    // year (or unknown year). Only such reports are compared, and only with the reports that can pass.
    const unsure = ctx.reports.filter((r) => !r.township || !r.year)
    if (unsure.length) {
      const near = nearCandidates(ctx.reports, unsure)
      for (const x of unsure) {
        const seen = flagged.get(x.reportId) ?? new Set<number>()
        for (const y of near.candidates(x)) {
          if (y === x || seen.has(y.reportId) || (x.year && y.year && x.year !== y.year)) continue
          if (Math.min(containment(near.gramsOf(x), near.gramsOf(y)), containment(near.gramsOf(y), near.gramsOf(x))) < NEAR) continue
          seen.add(y.reportId)
          flagged.set(x.reportId, seen)
          const ys = flagged.get(y.reportId) ?? new Set<number>()
          ys.add(x.reportId)
          flagged.set(y.reportId, ys)
          for (const [a, b] of [[x, y], [y, x]] as const)
            out.add(a.reportId, {
              rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `dup.near.${b.reportId}`,
              evidence: [reportEvidence(b, `重复的另一份：${b.file}`)],
              message: `本报告与“${b.file}”（${reportName(b)}）文字内容基本相同（如同一年报的扫描件与文字版），请确认以哪一份为准。`
            })
        }
      }
    }
    return { perReport: out.map, outcome: out.anyFail() ? 'FAIL' : 'PASS' }
  }
}

export default rule
