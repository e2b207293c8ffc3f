// Paragraph 5-grams of a whole batch written to a temporary file and read back one report at a time.
// XDOC-PEER-COPY reads every report's grams three times (counting, filtering, comparing); held in
// memory they were about 9 KB a report (90 MB at 10,000), growing with the batch. On disk they cost
// one write and two sequential reads of the page cache, and the rule's memory no longer grows with them.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SpillRef {
  /** Byte offset in the spill file. */
  at: number
  /** Number of grams. */
  n: number
}

export class GramSpill {
  private readonly dir: string
  private readonly fd: number
  private size = 0

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'xxgk-grams-'))
    this.fd = openSync(join(this.dir, 'grams.bin'), 'w+')
  }

  write(grams: Float64Array): SpillRef {
    const ref = { at: this.size, n: grams.length }
    const bytes = new Uint8Array(grams.buffer, grams.byteOffset, grams.byteLength)
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, this.size + done)
    this.size += bytes.length
    return ref
  }

  read(ref: SpillRef): Float64Array {
    const out = new Float64Array(ref.n)
    const bytes = new Uint8Array(out.buffer)
    for (let done = 0; done < bytes.length; ) {
      const got = readSync(this.fd, bytes, done, bytes.length - done, ref.at + done)
      if (got === 0) throw new Error('gram spill file cut short')
      done += got
    }
    return out
  }

  close(): void {
    closeSync(this.fd)
    rmSync(this.dir, { recursive: true, force: true })
  }
}
