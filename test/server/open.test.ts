// `npm start` in browser mode with --open: the program that opens the browser (xdg-open here, a
// stand-in that records its command line) never receives the token, only a one-time code that the
// server accepts once.
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/tmp.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const t = tempDir()
afterAll(() => t.cleanup())

function waitFor<T>(fn: () => T | null, ms: number): Promise<T> {
  const until = Date.now() + ms
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      const v = fn()
      if (v !== null) resolve(v)
      else if (Date.now() > until) reject(new Error('timed out'))
      else setTimeout(tick, 50)
    }
    tick()
  })
}

describe('browser mode --open', () => {
  it.skipIf(process.platform === 'win32')('gives the opener a one-time code, never the token', async () => {
    const bin = join(t.dir, 'bin')
    const argvFile = join(t.dir, 'opener-argv.txt')
    const renderer = join(t.dir, 'renderer')
    for (const d of [bin, renderer]) mkdirSync(d, { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>年报审核</title>')
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$0" "$@" > '${argvFile}'\n`)
    chmodSync(join(bin, 'xdg-open'), 0o755)
    const child = spawn(process.execPath, [join(ROOT, 'src-main', 'server', 'main.ts'), '--db', join(t.dir, 'review.db'), '--renderer', renderer, '--no-sample', '--open'], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    try {
      const url = await waitFor(() => /已启动：(http:\/\/127\.0\.0\.1:\d+\/\?token=([0-9a-f]+))/.exec(out), 30_000)
      const token = url[2]!
      // the stand-in's file exists before printf has written the URL into it: wait for the URL
      const argv = await waitFor(() => {
        const s = existsSync(argvFile) ? readFileSync(argvFile, 'utf8') : ''
        return /https?:\/\//.test(s) && s.endsWith('\n') ? s : null
      }, 30_000)
      expect(argv).not.toContain(token)
      const opened = /(http:\/\/127\.0\.0\.1:\d+\/\?code=[0-9a-f]+)/.exec(argv)?.[1]
      expect(opened, argv).toBeDefined()
      const base = new URL(opened!).origin
      const code = new URL(opened!).searchParams.get('code')
      const trade = async (): Promise<Response> => fetch(`${base}/api/exchange`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) })
      const first = await trade()
      expect(first.status).toBe(200)
      expect(((await first.json()) as { result: { token: string } }).result.token).toBe(token)
      expect((await trade()).status).toBe(401)
    } finally {
      child.kill('SIGTERM')
    }
  })
})
