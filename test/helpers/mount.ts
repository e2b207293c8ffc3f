// Small tmpfs mounts for tests that need a full or a read-only disk. Needs root (CI runs as root);
// returns null where mounting is not possible.
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Mount {
  dir: string
  readOnly(): void
  unmount(): void
}

export function mountTmpfs(dir: string, sizeKb: number): Mount | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null
  mkdirSync(dir, { recursive: true })
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir])
  if (r.status !== 0) return null
  return {
    dir,
    readOnly: () => {
      const x = spawnSync('mount', ['-o', 'remount,ro', dir])
      if (x.status !== 0) throw new Error(`remount ro failed: ${x.stderr}`)
    },
    unmount: () => {
      spawnSync('umount', ['-l', dir])
    }
  }
}

export const CAN_MOUNT = ((): boolean => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  const probe = join(tmpdir(), `xxgk-mount-probe-${process.pid}`)
  const m = mountTmpfs(probe, 64)
  m?.unmount()
  return m !== null
})()
