import { differentTownships, sameReport, MAX_LISTED, ownText, reportEvidence, reportName, reportNames, PerReport } from '../lib/batch.ts'
import { GramSpill } from '../lib/gramSpill.ts'
import { GramTable } from '../lib/gramTable.ts'
import { paragraphs } from '../lib/similarity.ts'
import type { BatchReport, BatchRule, Evidence } from '../types.ts'

/** Paragraphs shorter than this (own wording after normalisation) are not compared. */
const MIN_CHARS = 50
const THRESHOLD = 0.8
/** A 5-gram used by more than this share of the batch's townships (and by more than 3) is common wording. */
const COMMON_SHARE = 0.1
/**
 * ... and a 5-gram used by more townships than this is common wording whatever the batch size: in a
 * province of thousands of townships, 10 % would be hundreds, and every paragraph would walk posting
 * lists that many long. Wording shared by more than ten townships is county or city wording, not one
 * township copying another; with the cap a paragraph's work no longer grows with the batch. Batches
 * up to 100 townships are unchanged.
 */
const COMMON_MAX = 10
/** Paragraphs with fewer distinctive 5-grams than this are not compared. */
const MIN_GRAMS = 20
/** Share of both reports' paragraphs found in the other that makes them one report twice. */
const NEAR_DUP = 0.6

const SECTION_NAME: Record<string, string> = { head: '标题及前言', S1: '第一部分', S2: '第二部分', S3: '第三部分', S4: '第四部分', S5: '第五部分', S6: '第六部分' }

/** A paragraph where a match names it: its place in the report and its number in its section. */
interface Paragraph {
  start: number
  end: number
  section: string
  no: number
}

/** Integers kept per paragraph: start, end, number, length of its own wording, section, grams. */
const F = 6

/**
 * A report's paragraphs as this rule keeps them for the whole batch: a few integers each, their 5-grams
 * (sorted arrays, one paragraph after the other) in the spill file (lib/gramSpill.ts), and the grams not
 * used by many townships in one array. A Set per paragraph cost about 50 bytes a gram (60 MB for 1,000
 * reports); an object and an array per paragraph still made ~90 MB at 10,000; the wording is not kept.
 */
interface Rep {
  r: BatchReport
  paras: Int32Array
  /** Spill offset of the first paragraph's grams. */
  at: number
  /** The paragraphs' own grams one after the other; paragraph k's are own[ownAt[k]..ownAt[k+1]). */
  own: Float64Array
  ownAt: Int32Array
}

const count = (x: Rep): number => x.paras.length / F
const field = (x: Rep, k: number, f: number): number => x.paras[k * F + f] as number

/** Grams two sorted arrays share. */
function overlap(a: Float64Array, b: Float64Array): number {
  let hit = 0
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number
    const y = b[j] as number
    if (x === y) {
      hit++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return hit
}

interface Match {
  other: BatchReport
  para: Paragraph
  otherPara: Paragraph
  score: number
}

function paragraphAt(x: Rep, k: number, sections: string[]): Paragraph {
  return { start: field(x, k, 0), end: field(x, k, 1), no: field(x, k, 2), section: sections[field(x, k, 4)] as string }
}

// 怀化市 notice: 内容雷同 is sanctioned (条例第四十七条). A paragraph of one township's report that
// occurs (≥ 80 % of its distinctive 5-grams) in another township's report of the same batch was copied.
const rule: BatchRule = {
  id: 'XDOC-PEER-COPY',
  family: 'cross',
  severity: 'warning',
  title: '段落与其他乡镇年报雷同',
  source: '《政府信息公开条例》第四十七条；怀化市关于年报“内容雷同、敷衍塞责”的通报要求',
  confidence: 'T',
  checkBatch(ctx) {
    const out = new PerReport()
    if (ctx.reports.length < 2) return { perReport: out.map, outcome: 'N/A', note: '批次中只有一份年报' }
    const spill = new GramSpill()
    try {
      return compare(ctx.reports, spill, out)
    } finally {
      spill.close()
    }
  }
}

/** The grams of each of a report's paragraphs, read at once (they were written one after the other). */
function gramsOf(spill: GramSpill, x: Rep): Float64Array[] {
  let n = 0
  for (let k = 0; k < count(x); k++) n += field(x, k, 5)
  const all = spill.read({ at: x.at, n })
  const out: Float64Array[] = []
  for (let k = 0, from = 0; k < count(x); from += field(x, k, 5), k++) out.push(all.subarray(from, from + field(x, k, 5)))
  return out
}

function compare(reports: BatchReport[], spill: GramSpill, out: PerReport): ReturnType<BatchRule['checkBatch']> {
  const none = new Float64Array(0)
  const reps: Rep[] = reports.map((r) => ({ r, paras: new Int32Array(0), at: 0, own: none, ownAt: new Int32Array(1) }))
  const sections: string[] = []
  const sectionNo = new Map<string, number>()
  const found = new Map<number, Map<string, Match[]>>()
  const record = (r: BatchReport, m: Match): void => {
    const key = `${m.para.section}.p${m.para.no}`
    let byPara = found.get(r.reportId)
    if (!byPara) found.set(r.reportId, (byPara = new Map()))
    const l = byPara.get(key) ?? []
    if (!l.some((x) => x.other.reportId === m.other.reportId)) l.push(m)
    byPara.set(key, l)
  }
  // Wording shared by many townships of the batch is common wording (county-prescribed or stock
  // phrases), not copying from one peer; it is left out, which also keeps the comparison linear.
  // Towns per gram are counted with the reports grouped by township: a gram is counted once per town.
  const town = (r: BatchReport): string => r.township ?? `file:${r.file}`
  const byTown = new Map<string, number>()
  for (const x of reps) if (!byTown.has(town(x.r))) byTown.set(town(x.r), byTown.size)
  const townOf = reps.map((x) => byTown.get(town(x.r)) as number)
  const order = reps.map((x, i) => i).sort((a, b) => (townOf[a] as number) - (townOf[b] as number))
  // One map entry per gram: towns using it × 2^20 + the last town counted (towns < 2^20). With the
  // reports in town order, a gram met again in the same town (another paragraph, another year) is
  // recognised by the last town alone, without a set of grams per report.
  // The first pass makes each report's paragraphs (reading its text once), counts their grams and
  // writes them to the spill file; the text is not kept.
  const usage = new GramTable()
  for (const i of order) {
    const t = townOf[i] as number
    const x = reps[i] as Rep
    const ps = paragraphs(x.r.report)
    x.paras = new Int32Array(ps.length * F)
    const sorted = ps.map((q, k) => {
      const grams = Float64Array.from(q.grams).sort()
      let sec = sectionNo.get(q.section)
      if (sec === undefined) sectionNo.set(q.section, (sec = sections.push(q.section) - 1))
      x.paras.set([q.start, q.end, q.no, q.sim.length, sec, grams.length], k * F)
      for (const g of grams) {
        const u = usage.get(g)
        if (u < 0) usage.set(g, 0x100000 + t)
        else if (u % 0x100000 !== t) usage.set(g, (Math.floor(u / 0x100000) + 1) * 0x100000 + t)
      }
      return grams
    })
    // The report's grams in one write: a write per paragraph was a third of this pass (issue 17).
    const all = new Float64Array(sorted.reduce((n, g) => n + g.length, 0))
    sorted.reduce((at, g) => (all.set(g, at), at + g.length), 0)
    x.at = spill.write(all).at
  }
  const commonAt = Math.min(COMMON_MAX, Math.max(3, Math.ceil(byTown.size * COMMON_SHARE)))
  const distinctive = (g: number): boolean => Math.floor(Math.max(usage.get(g), 0) / 0x100000) <= commonAt
  for (const x of reps) {
    const own = gramsOf(spill, x).map((g) => g.filter(distinctive))
    x.ownAt = new Int32Array(own.length + 1)
    own.forEach((o, k) => (x.ownAt[k + 1] = (x.ownAt[k] as number) + o.length))
    x.own = new Float64Array(x.ownAt[own.length] as number)
    own.forEach((o, k) => x.own.set(o, x.ownAt[k] as number))
  }
  // Counted once: only the index and the paragraphs' own grams are needed from here on.
  usage.clear()
  // Gram -> number of its list of reports in `lists`.
  const index = new GramTable()
  const lists: number[][] = []
  reps.forEach((x, i) => {
    for (const g of x.own) {
      const at = index.get(g)
      // Reports are added in order, so a repeat inside one report is the list's last entry.
      if (at < 0) index.set(g, lists.push([i]) - 1)
      else {
        const l = lists[at] as number[]
        if (l[l.length - 1] !== i) l.push(i)
      }
    }
  })
  const reportsWith = (g: number): number[] => {
    const at = index.get(g)
    return at < 0 ? [] : (lists[at] as number[])
  }
  reps.forEach((x, xi) => {
    let xg: Float64Array[] | null = null
    for (let k = 0; k < count(x); k++) {
      if (field(x, k, 3) < MIN_CHARS) continue
      const own = x.own.subarray(x.ownAt[k], x.ownAt[k + 1])
      if (own.length < MIN_GRAMS) continue
      const hits = new Map<number, number>()
      // Reports of the same township (other years, duplicates) are not peers: skipped before counting.
      const xt = townOf[xi]
      for (const g of own) for (const yi of reportsWith(g)) if (townOf[yi] !== xt) hits.set(yi, (hits.get(yi) ?? 0) + 1)
      for (const [yi, n] of hits) {
        const score = n / own.length
        if (score < THRESHOLD) continue
        const y = reps[yi] as Rep
        if (!differentTownships(x.r, y.r) || x.r.sha256 === y.r.sha256 || sameReport(x.r, y.r)) continue
        let best = 0
        let bestHit = -1
        xg ??= gramsOf(spill, x)
        const pg = xg[k] as Float64Array
        const yg = gramsOf(spill, y)
        for (let q = 0; q < yg.length; q++) {
          const h = overlap(pg, yg[q] as Float64Array)
          if (h > bestHit) {
            best = q
            bestHit = h
          }
        }
        const p = paragraphAt(x, k, sections)
        const other = paragraphAt(y, best, sections)
        record(x.r, { other: y.r, para: p, otherPara: other, score })
        // The other report holds the same text: flag its paragraph too.
        record(y.r, { other: x.r, para: other, otherPara: p, score })
      }
    }
  })
  // Two files that share most of their paragraphs are one report twice (a scan and its text file whose
  // township could not be read): XDOC-DUP-FILE's case, not copying between townships.
  const comparable = new Map(
    reps.map((x) => {
      let n = 0
      for (let k = 0; k < count(x); k++) if (field(x, k, 3) >= MIN_CHARS) n++
      return [x.r.reportId, n]
    })
  )
  const shared = new Map<string, number>()
  for (const [id, byPara] of found)
    for (const ms of byPara.values()) for (const m of ms) shared.set(`${id}|${m.other.reportId}`, (shared.get(`${id}|${m.other.reportId}`) ?? 0) + 1)
  const duplicate = (a: number, b: number): boolean =>
    (shared.get(`${a}|${b}`) ?? 0) >= NEAR_DUP * (comparable.get(a) ?? 0) && (shared.get(`${b}|${a}`) ?? 0) >= NEAR_DUP * (comparable.get(b) ?? 0)
  for (const [id, byPara] of found) {
    for (const [key, ms] of byPara) {
      const keep = ms.filter((m) => !duplicate(id, m.other.reportId))
      if (keep.length) byPara.set(key, keep)
      else byPara.delete(key)
    }
  }
  for (const x of reps) {
    const byPara = found.get(x.r.reportId)
    if (!byPara) continue
    for (const [key, ms] of byPara) {
      const p = (ms[0] as Match).para
      const evidence: Evidence[] = [ownText(x.r, p.start, p.end, '本段')]
      for (const m of ms.slice(0, MAX_LISTED))
        evidence.push(reportEvidence(m.other, `${reportName(m.other)}中的相应段落；5字片段重合率 ${Math.round(m.score * 100)}%`, { start: m.otherPara.start, end: m.otherPara.end }))
      const top = Math.round(Math.max(...ms.map((m) => m.score)) * 100)
      out.add(x.r.reportId, {
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: key, evidence,
        message: `${SECTION_NAME[p.section] ?? p.section}第${p.no}段与${reportNames(ms.map((m) => m.other))}的段落高度雷同（5字片段重合率 ${top}%），疑似照搬其他乡镇年报，请核实并结合本乡镇实际撰写。`
      })
    }
  }
  return { perReport: out.map, outcome: out.anyFail() ? 'FAIL' : 'PASS' }
}

export default rule
