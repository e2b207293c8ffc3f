// OCR results kept on disk by file content (sha256), so importing the same scan again does not OCR it again.
// One JSON file per key; written to a temporary name and renamed, so a crash never leaves half a result.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { ReadResult } from '../model.ts'
import { dataDir } from '../paths.ts'

export function fileSha256(buf: Uint8Array): string {
  return createHash('sha256').update(buf).digest('hex')
}

export function defaultCacheDir(): string {
  return path.join(dataDir(), 'ocr-cache')
}

export class OcrCache {
  readonly dir: string
  hits = 0
  misses = 0
  /** Tag mixed into every key (engine and pipeline version): a new OCR version does not reuse old results. */
  private readonly tag: string

  constructor(dir: string = defaultCacheDir(), tag = '') {
    this.dir = dir
    this.tag = tag
  }

  private file(key: string): string {
    const h = createHash('sha256').update(`${this.tag}\0${key}`).digest('hex').slice(0, 24)
    // the file sha leads the key: keep it visible in the name for housekeeping (delete by file)
    const lead = /^[0-9a-f]{64}/.exec(key)?.[0] ?? 'x'
    return path.join(this.dir, `${lead.slice(0, 16)}-${h}.json`)
  }

  get(key: string): ReadResult | undefined {
    try {
      const stored = JSON.parse(readFileSync(this.file(key), 'utf8')) as { key: string; tag: string; result: ReadResult }
      if (stored.key !== key || stored.tag !== this.tag) {
        this.misses++
        return undefined
      }
      this.hits++
      return stored.result
    } catch {
      this.misses++
      return undefined
    }
  }

  set(key: string, result: ReadResult): void {
    try {
      mkdirSync(this.dir, { recursive: true })
      const f = this.file(key)
      const tmp = `${f}.${process.pid}.tmp`
      writeFileSync(tmp, JSON.stringify({ key, tag: this.tag, result }))
      renameSync(tmp, f)
    } catch {
      // a cache that cannot be written only costs time
    }
  }

  clear(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}
