// Strings of a batch check written to a temporary file and read back when a rule asks: what each report
// would otherwise hold for the whole check (its outline's JSON, the cross rules' findings waiting for the
// report's turn) grew the check's memory with the batch (issue 17). One write, then reads of the page cache.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Bytes gathered before one write to the file. */
const CHUNK = 256 * 1024

export interface TextRef {
  /** Byte offset in the spill file. */
  at: number
  /** UTF-8 byte length. */
  n: number
}

export class TextSpill {
  private dir: string | null = null
  private fd = -1
  private size = 0

  /** The file is made on the first write: a check with nothing to spill makes none. */
  private open(): number {
    if (this.fd < 0) {
      this.dir = mkdtempSync(join(tmpdir(), 'xxgk-spill-'))
      this.fd = openSync(join(this.dir, 'spill.bin'), 'w+')
    }
    return this.fd
  }

  /** Bytes written but not yet in the file: one write a chunk, not one a string (a system call each cost ~0.1 ms under load). */
  private pending = Buffer.allocUnsafe(CHUNK)
  private held = 0

  write(s: string): TextRef {
    const n = Buffer.byteLength(s, 'utf8')
    const ref = { at: this.size + this.held, n }
    if (this.held + n > this.pending.length) this.flush()
    if (n > this.pending.length) {
      const bytes = Buffer.from(s, 'utf8')
      this.put(bytes)
    } else this.held += this.pending.write(s, this.held, 'utf8')
    return ref
  }

  private put(bytes: Uint8Array): void {
    const fd = this.open()
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, this.size + done)
    this.size += bytes.length
  }

  private flush(): void {
    if (this.held === 0) return
    this.put(this.pending.subarray(0, this.held))
    this.held = 0
  }

  read(ref: TextRef): string {
    // Still in the chunk being filled.
    if (ref.at >= this.size) return this.pending.toString('utf8', ref.at - this.size, ref.at - this.size + ref.n)
    const bytes = Buffer.allocUnsafe(ref.n)
    for (let done = 0; done < ref.n; ) {
      const got = readSync(this.fd, bytes, done, ref.n - done, ref.at + done)
      if (got === 0) throw new Error('spill file cut short')
      done += got
    }
    return bytes.toString('utf8')
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd)
    if (this.dir) rmSync(this.dir, { recursive: true, force: true })
    this.fd = -1
    this.dir = null
  }
}
