// Killing the process at random points during import, check and review leaves a database that
// opens, passes integrity_check and holds every decision confirmed to the reviewer.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src-main/engine/db/open.ts'
import { ROOT, SEEDS, SEED_DIR } from '../helpers/seeds.ts'
import { copyInto, tempDir } from '../helpers/tmp.ts'

const RUNS = Number(process.env.KILL_RUNS ?? 8)
const cleanups: (() => void)[] = []
afterAll(() => {
  while (cleanups.length) cleanups.pop()?.()
})

/** Kills the child `afterMs` after it has loaded, or once it has acknowledged `afterAcks` decisions. */
function runAndKill(dbFile: string, folder: string, afterMs: number, afterAcks = Infinity): Promise<{ acks: Map<number, number>; phase: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'test', 'stress', 'killChild.ts'), dbFile, folder], { stdio: ['ignore', 'pipe', 'ignore'] })
    const acks = new Map<number, number>()
    let phase = 'loading'
    let buf = ''
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString()
      let nl: number
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl)
        buf = buf.slice(nl + 1)
        const m = /^ACK (\d+) (\d+)$/.exec(line)
        if (m) {
          acks.set(Number(m[1]), Number(m[2]))
          phase = 'reviewing'
          if (acks.size >= afterAcks) child.kill('SIGKILL')
        } else if (line === 'STARTED') {
          phase = 'importing'
          timer = setTimeout(() => child.kill('SIGKILL'), afterMs)
        }
        else if (line.startsWith('IMPORTED')) phase = 'checking'
        else if (line === 'CHECKED') phase = 'reviewing'
      }
    })
    let timer: ReturnType<typeof setTimeout> | undefined
    // A child that never gets going is stopped too.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('exit', () => {
      clearTimeout(timer)
      clearTimeout(guard)
      resolve({ acks, phase })
    })
  })
}

describe('SIGKILL at random points', () => {
  it(`keeps the database sound and every acknowledged decision (${RUNS} kills)`, async () => {
    const t = tempDir('xxgk-kill-')
    cleanups.push(t.cleanup)
    const folder = join(t.dir, 'in')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(folder)
    for (let i = 0; i < 4; i++) copyInto(folder, SEEDS.map((s) => [join(SEED_DIR, s), `${i}-${s}`]))
    const dbFile = join(t.dir, 'review.db')
    const phases: Record<string, number> = {}
    let lost = 0
    let checked = 0
    for (let run = 0; run < RUNS; run++) {
      const delay = (run * 173) % 900
      // Every other run changes the files, so the kill also lands inside imports of new versions.
      if (run % 2 === 1) {
        const { appendFileSync, readdirSync } = await import('node:fs')
        for (const f of readdirSync(folder)) appendFileSync(join(folder, f), `\n${run}`)
      }
      // The last run is killed in the middle of reviewing, so acknowledged decisions are always checked.
      const { acks, phase } = await runAndKill(dbFile, folder, run === RUNS - 1 ? 60_000 : delay, run === RUNS - 1 ? 25 : Infinity)
      phases[phase] = (phases[phase] ?? 0) + 1
      const { db } = openDb(dbFile)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      for (const [id, seq] of acks) {
        const row = db.prepare('SELECT comment FROM findings WHERE id = ?').get(id) as { comment: string | null } | undefined
        const stored = row?.comment?.startsWith('seq:') ? Number(row.comment.slice(4)) : -1
        checked++
        if (stored < seq) lost++
      }
      db.close()
    }
    console.log(`强制终止 ${RUNS} 次：各阶段 ${JSON.stringify(phases)}，核对已确认决定 ${checked} 条，丢失 ${lost} 条`)
    expect(lost).toBe(0)
    expect(checked).toBeGreaterThan(0)
  }, 240_000)
})
