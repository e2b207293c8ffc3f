// Versions imported before text boxes were kept (no version_boxes row) get them when the report is next
// opened or its folder re-imported, from the original bytes stored with the version; when the text layer
// read now is not the text stored, or the PDF is a scan, or no original is kept, the version stays
// without boxes (the UI marks the words in the pdf.js text layer instead).
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../../src-main/engine/db/open.ts'
import { packStoredText, storedText } from '../../src-main/engine/db/packed.ts'
import { backfillVersionBoxes } from '../../src-main/engine/ingest/backfillBoxes.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { loadVersionBoxes } from '../../src-main/engine/text/boxesRepo.ts'
import { ReviewService } from '../../src-main/server/service.ts'
import { FIXTURES } from '../helpers/seeds.ts'
import { copyInto, tempDb, tempDir } from '../helpers/tmp.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

const WORDS = '本年新收政府信息公开申请数量'

async function setup(): Promise<{ db: Db; folder: string; service: ReviewService; reportId: number; versionId: number; stored: Buffer }> {
  const d = tempDb()
  const t = tempDir()
  cleanups.push(d.cleanup, t.cleanup)
  const folder = join(t.dir, 'in')
  mkdirSync(folder)
  copyInto(folder, [[join(FIXTURES, 'seeds', '003_ba49bbb087adff7b.pdf'), '003.pdf']])
  const { batchId } = await importFolder(d.db, folder, { ocr: false })
  const service = new ReviewService(d.db, { mode: 'browser', sampleFolder: folder, version: 'test', exportsDir: join(t.dir, 'exports') })
  const reportId = (await service.getBatch(batchId)).reports[0]!.id
  const versionId = (d.db.prepare('SELECT current_version_id AS v FROM reports WHERE id = ?').get(reportId) as { v: number }).v
  const stored = (d.db.prepare('SELECT boxes FROM version_boxes WHERE version_id = ?').get(versionId) as { boxes: Buffer }).boxes
  // as a version imported before migration 9 stands: no row of boxes
  d.db.prepare('DELETE FROM version_boxes').run()
  return { db: d.db, folder, service, reportId, versionId, stored }
}

function boxesRow(db: Db, versionId: number): Buffer | undefined {
  return (db.prepare('SELECT boxes FROM version_boxes WHERE version_id = ?').get(versionId) as { boxes: Buffer } | undefined)?.boxes
}

describe('text boxes for versions imported before they were kept', () => {
  it('opening the report reads the stored original again: the same runs as at import, and its text evidence is boxed', async () => {
    const { db, service, reportId, versionId, stored } = await setup()
    const text = storedText((db.prepare('SELECT text FROM versions WHERE id = ?').get(versionId) as { text: Buffer }).text)
    const start = text.indexOf(WORDS)
    expect(start).toBeGreaterThan(0)
    // a finding added while the version has no boxes: its evidence has none
    const f = await service.addFinding(reportId, { severity: 'warning', message: '核对申请数量', evidence: [{ kind: 'text', start, end: start + WORDS.length, text: WORDS }] })
    expect(f.evidence[0]).not.toHaveProperty('boxes')
    const d = await service.getReport(reportId)
    expect(boxesRow(db, versionId)?.equals(stored)).toBe(true)
    const e = d.findings.find((x) => x.id === f.id)!.evidence[0]!
    expect(e.kind === 'text' && e.boxes?.[0]?.page).toBe(2)
  })

  it('re-importing the unchanged folder stores them too', async () => {
    const { db, folder, versionId, stored } = await setup()
    const r = await importFolder(db, folder, { ocr: false })
    expect(r.outcomes.map((o) => o.status)).toEqual(['unchanged'])
    expect(boxesRow(db, versionId)?.equals(stored)).toBe(true)
  })

  it('a text layer that reads differently now, a scan, or no original kept: no boxes, the fallback stays, and the original is not read again', async () => {
    const { db, service, reportId, versionId } = await setup()
    const forget = (): void => void db.prepare('DELETE FROM version_boxes WHERE version_id = ?').run(versionId)
    // the reader of the time made another text: offsets of its evidence would not fit the runs read now
    const row = db.prepare('SELECT text, original, pages FROM versions WHERE id = ?').get(versionId) as { text: Buffer; original: Buffer; pages: string }
    db.prepare('UPDATE versions SET text = ? WHERE id = ?').run(packStoredText(`${storedText(row.text)}\n附件`), versionId)
    expect(await backfillVersionBoxes(db, versionId)).toBe('changed')
    expect(loadVersionBoxes(db, versionId)).toBeNull()
    // marked as tried: the next opening or re-import does not read the original again
    expect(await backfillVersionBoxes(db, versionId)).toBe('none')
    db.prepare('UPDATE versions SET text = ? WHERE id = ?').run(row.text, versionId)
    expect(await backfillVersionBoxes(db, versionId)).toBe('none')
    forget()
    // a PDF with a scanned page: its text came from OCR, not recognised again on opening
    const mixed = readFileSync(join(FIXTURES, 'scans', '003_ba49bbb087adff7b.mixed.pdf'))
    db.prepare('UPDATE versions SET original = ? WHERE id = ?').run(mixed, versionId)
    expect(await backfillVersionBoxes(db, versionId)).toBe('scan')
    forget()
    // ... and when the stored pages say so, the original is not even read
    db.prepare('UPDATE versions SET original = ?, pages = ? WHERE id = ?').run(row.original, JSON.stringify([{ width: 595, height: 842, scanned: true }]), versionId)
    expect(await backfillVersionBoxes(db, versionId)).toBe('none')
    db.prepare('UPDATE versions SET pages = ? WHERE id = ?').run(row.pages, versionId)
    // no original kept
    db.prepare('UPDATE versions SET original = NULL WHERE id = ?').run(versionId)
    expect(await backfillVersionBoxes(db, versionId)).toBe('none')
    const d = await service.getReport(reportId)
    expect(d.findings.flatMap((f) => f.evidence).some((e) => e.kind === 'text' && e.boxes)).toBe(false)
    expect(boxesRow(db, versionId)).toBeUndefined()
    // with the original back, the next opening in a new session finds them
    db.prepare('UPDATE versions SET original = ? WHERE id = ?').run(row.original, versionId)
    expect(await backfillVersionBoxes(db, versionId)).toBe('saved')
    expect(await backfillVersionBoxes(db, versionId)).toBe('none')
    expect(loadVersionBoxes(db, versionId)!.length).toBeGreaterThan(200)
  })
})
