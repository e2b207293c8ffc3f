// What a batch check reads of a version's text and parsed report, loaded when a rule asks and kept for
// the last few versions only. A check of 10,000 reports held every text, folded text and parsed report
// at once (issue 17: ~190 MB of heap, growing with the batch); the rules mostly read one report at a time
// or a pair, so a small cache serves them and memory no longer grows with the folder.
import type { Db } from '../db/open.ts'
import { jsonText } from '../db/packed.ts'
import { versionColumnReaders } from '../db/versionsRepo.ts'
import type { ParsedReport } from '../model.ts'
import { foldText } from '../parse/normalize.ts'
import { applySettlements, type SettlementRow } from '../settle/settlement.ts'

interface Entry {
  text?: string
  norm?: string
  full?: ParsedReport
  /** The report as the rules see it (checks/prep.ts lazyReport), built from its outline. */
  report?: ParsedReport
}

/**
 * Versions kept: a rule reads one report at a time, or a pair (this year's and last year's). Kept longer,
 * the texts outlived the young generation and a pass over 10,000 reports left ~150 MB of old garbage.
 */
const KEEP = 2

export class VersionCache {
  private readonly entries = new Map<number, Entry>()
  private readonly columns

  constructor(db: Db) {
    this.columns = versionColumnReaders(db)
  }

  private entry(versionId: number): Entry {
    let e = this.entries.get(versionId)
    if (e) {
      // Most recently used last: a Map keeps insertion order, so the first key is the one to drop.
      this.entries.delete(versionId)
      this.entries.set(versionId, e)
      return e
    }
    e = {}
    this.entries.set(versionId, e)
    if (this.entries.size > KEEP) this.entries.delete(this.entries.keys().next().value as number)
    return e
  }

  text(versionId: number): string {
    const e = this.entry(versionId)
    return (e.text ??= this.columns.text(versionId))
  }

  norm(versionId: number): string {
    const e = this.entry(versionId)
    return (e.norm ??= foldText((e.text ??= this.columns.text(versionId))))
  }

  /** The parsed report with the reviewer's settled cells applied. */
  full(versionId: number, settlements: SettlementRow[] | undefined): ParsedReport {
    const e = this.entry(versionId)
    if (e.full) return e.full
    const parsed = JSON.parse(jsonText(this.columns.parsed(versionId)) as string) as Omit<ParsedReport, 'norm'>
    return (e.full = { ...applySettlements(parsed, settlements), norm: this.norm(versionId) })
  }

  /** The report as the rules see it, made by `make` when it is not in the cache. */
  report(versionId: number, make: () => ParsedReport): ParsedReport {
    const e = this.entry(versionId)
    return (e.report ??= make())
  }
}
