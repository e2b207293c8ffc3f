// Text boxes for a PDF version read before they were kept (migration 9). The original bytes are stored
// with every PDF version, so its text layer is read again and the runs kept, on the condition that the
// reading gives the very text stored: the evidence offsets point into that text, and runs of another
// reading would box other words. A scan is not recognised again (minutes of OCR on opening a report):
// it keeps the text-layer fallback until it is re-read as a new version. A version that cannot get boxes
// is marked so (an empty row), and is not read again at each opening or re-import.
import type { Db } from '../db/open.ts'
import { boxlessPdfVersion } from '../db/versionsRepo.ts'
import { markNoVersionBoxes, saveVersionBoxes } from '../text/boxesRepo.ts'
import { packedLineBoxes } from '../text/lineBoxes.ts'
import { readPdf } from './readers/pdf.ts'

export type BackfillOutcome =
  /** Boxes worked out and stored. */
  | 'saved'
  /** Nothing to do: not a PDF, no original kept, or boxes already stored. */
  | 'none'
  /** Scanned pages: their text came from OCR, not read again here. */
  | 'scan'
  /** The text layer read now is not the text stored (another reader version): offsets would not match. */
  | 'changed'
  /** The original could not be read again. */
  | 'failed'

/** Reads the version's stored original again and stores its text boxes when the text is the same. */
export async function backfillVersionBoxes(db: Db, versionId: number): Promise<BackfillOutcome> {
  const v = boxlessPdfVersion(db, versionId)
  if (!v) return 'none'
  const outcome = await reread(v.original, v.text)
  if (typeof outcome === 'string') markNoVersionBoxes(db, versionId)
  else saveVersionBoxes(db, versionId, outcome)
  return typeof outcome === 'string' ? outcome : 'saved'
}

async function reread(original: Buffer, text: string): Promise<Buffer | Exclude<BackfillOutcome, 'saved'>> {
  let read
  try {
    read = await readPdf(original)
  } catch {
    return 'failed'
  }
  if (read.needsOcr || read.pages?.some((p) => p.scanned)) return 'scan'
  if (read.text !== text) return 'changed'
  return packedLineBoxes(read) ?? 'none'
}
