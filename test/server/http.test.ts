// The browser mode listens on loopback only, refuses requests without its token or for another
// host name, serves only the renderer's files, and downloads only from the exports folder.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserServer, type BrowserServer } from '../../src-main/server/http.ts'
import { openerCommand } from '../../src-main/server/opener.ts'
import { ReviewService } from '../../src-main/server/service.ts'
import { SEED_DIR } from '../helpers/seeds.ts'
import { tempDb, tempDir } from '../helpers/tmp.ts'

let srv: BrowserServer
let service: ReviewService
let rendererDir = ''
const cleanups: (() => void)[] = []

beforeAll(async () => {
  const d = tempDb()
  const r = tempDir()
  const ex = tempDir()
  cleanups.push(d.cleanup, r.cleanup, ex.cleanup)
  writeFileSync(join(r.dir, 'index.html'), '<!doctype html><title>年报审核</title>')
  mkdirSync(join(r.dir, 'assets'))
  writeFileSync(join(r.dir, 'assets', 'a.mjs'), 'export {}')
  service = new ReviewService(d.db, { mode: 'browser', sampleFolder: SEED_DIR, version: 'test', exportsDir: ex.dir })
  rendererDir = r.dir
  srv = await startBrowserServer(service, r.dir)
})
afterAll(async () => {
  await srv.close()
  while (cleanups.length) cleanups.pop()?.()
})

function call(path: string, opts: { method?: string; body?: string; headers?: Record<string, string>; server?: BrowserServer } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const port = (opts.server ?? srv).port
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only', () => {
    const a = srv.server.address()
    expect(typeof a === 'object' && a?.address).toBe('127.0.0.1')
  })

  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await call('/api/call/listBatches', { method: 'POST', body: '[]' })).status).toBe(401)
    expect((await call('/api/call/listBatches', { method: 'POST', body: '[]', headers: { 'X-Token': 'x'.repeat(48) } })).status).toBe(401)
    const ok = await call('/api/call/listBatches', { method: 'POST', body: '[]', headers: { 'X-Token': srv.token } })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toEqual({ ok: true, result: [] })
  })

  it('refuses another host name (DNS rebinding) and unknown methods', async () => {
    expect((await call('/api/call/listBatches', { method: 'POST', body: '[]', headers: { 'X-Token': srv.token, Host: 'evil.example:80' } })).status).toBe(403)
    expect((await call('/api/call/constructor', { method: 'POST', body: '[]', headers: { 'X-Token': srv.token } })).status).toBe(404)
    expect((await call('/api/call/original', { method: 'POST', body: '[1]', headers: { 'X-Token': srv.token } })).status).toBe(404)
  })

  it('serves the renderer with a strict CSP and the right MIME type, and nothing outside it', async () => {
    const index = await call('/')
    expect(index.status).toBe(200)
    expect(String(index.headers['content-security-policy'])).toContain("script-src 'self'")
    expect(String((await call('/assets/a.mjs')).headers['content-type'])).toContain('text/javascript')
    expect((await call('/../../etc/passwd')).status).toBe(404)
    expect((await call('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404)
  })

  it('downloads only files inside the exports folder', async () => {
    const r = await call(`/api/download?token=${srv.token}&file=${encodeURIComponent('/etc/passwd')}`)
    expect(r.status).toBe(404)
  })

  it('calls a body over 2 MB too large, not invalid JSON', async () => {
    const big = JSON.stringify(['x'.repeat(3 * 1024 * 1024)])
    const r = await call('/api/call/listBatches', { method: 'POST', body: big, headers: { 'X-Token': srv.token } })
    expect(r.status).toBe(413)
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: '请求内容过大（超过 2 MB）' })
    const bad = await call('/api/call/listBatches', { method: 'POST', body: '[1,', headers: { 'X-Token': srv.token } })
    expect(JSON.parse(bad.body).error).toBe('请求内容不是有效的 JSON')
  })

  it('imports a folder through the API and refuses a path that is not a folder', async () => {
    const bad = await call('/api/call/openFolder', { method: 'POST', body: JSON.stringify(['/definitely/not/here']), headers: { 'X-Token': srv.token } })
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: expect.stringContaining('不存在') })
    const done = new Promise<number | undefined>((resolve) => {
      const off = service.onEvent((e, p) => {
        if (e === 'task' && 'state' in p && p.state !== 'running') {
          off()
          resolve(p.batchId)
        }
      })
    })
    const ok = await call('/api/call/openFolder', { method: 'POST', body: JSON.stringify([SEED_DIR]), headers: { 'X-Token': srv.token } })
    expect(JSON.parse(ok.body).ok).toBe(true)
    const batchId = await done
    const detail = JSON.parse((await call('/api/call/getBatch', { method: 'POST', body: JSON.stringify([batchId]), headers: { 'X-Token': srv.token } })).body)
    expect(detail.result.reports).toHaveLength(5)
    expect(service.isInsideOpenedFolder(join(SEED_DIR, '000_b657cdc2b6fa0bce.txt'))).toBe(true)
    expect(service.isInsideOpenedFolder('/etc/passwd')).toBe(false)
  })

  it('refuses bad arguments with 400 before the engine runs, and creates nothing on disk', async () => {
    const r = await call('/api/call/exportSummary', { method: 'POST', body: JSON.stringify(['../../../../x']), headers: { 'X-Token': srv.token } })
    expect(r.status).toBe(400)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: expect.stringContaining('参数无效') })
    expect(readdirSync(service.exportsRoot())).toEqual([])
    const s = await call('/api/call/saveSettings', { method: 'POST', body: JSON.stringify([1, { deadline: '2024-13-45' }]), headers: { 'X-Token': srv.token } })
    expect(s.status).toBe(400)
    const a = await call('/api/call/addFinding', { method: 'POST', body: JSON.stringify([1, { severity: 'warning', message: 'x', evidence: 'notarray' }]), headers: { 'X-Token': srv.token } })
    expect(a.status).toBe(400)
  })
})

describe('opening the browser without the token on a command line', () => {
  const exchange = (code: unknown, server = srv) => call('/api/exchange', { method: 'POST', body: JSON.stringify({ code }), server })

  it('the address given to the opener carries a one-time code, never the token', () => {
    const a = srv.openUrl()
    const b = srv.openUrl()
    expect(a).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${srv.port}/\\?code=[0-9a-f]{48}$`))
    expect(a).not.toBe(b)
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { cmd, args } = openerCommand(a, platform)
      expect([cmd, ...args].join(' ')).not.toContain(srv.token)
      expect(args).toEqual([a])
    }
  })

  it('a code is exchanged once for the token, which then opens the API; a second use is refused', async () => {
    const code = new URL(srv.openUrl()).searchParams.get('code')!
    // the page itself loads with the code in its address (a static file, no secret in it)
    const page = await call(`/?code=${code}`)
    expect(page.status).toBe(200)
    expect(page.body).not.toContain(srv.token)
    const first = await exchange(code)
    expect(first.status).toBe(200)
    const token = JSON.parse(first.body).result.token as string
    expect(token).toBe(srv.token)
    expect((await call('/api/call/listBatches', { method: 'POST', body: '[]', headers: { 'X-Token': token } })).status).toBe(200)
    const again = await exchange(code)
    expect(again.status).toBe(401)
    expect(JSON.parse(again.body)).toMatchObject({ ok: false, error: expect.stringContaining('已经用过或已过期') })
  })

  it('refuses made-up, malformed and expired codes', async () => {
    expect((await exchange('0'.repeat(48))).status).toBe(401)
    expect((await exchange(12345)).status).toBe(401)
    expect((await exchange(null)).status).toBe(401)
    expect((await call('/api/exchange', { method: 'POST', body: 'not json' })).status).toBe(401)
    expect((await call('/api/exchange', { method: 'POST', body: JSON.stringify({ code: 'x'.repeat(5000) }) })).status).toBe(401)
    const short = await startBrowserServer(service, rendererDir, 0, { codeTtlMs: 30 })
    try {
      const code = new URL(short.openUrl()).searchParams.get('code')!
      await new Promise((r) => setTimeout(r, 80))
      expect((await exchange(code, short)).status).toBe(401)
      const fresh = new URL(short.openUrl()).searchParams.get('code')!
      expect((await exchange(fresh, short)).status).toBe(200)
    } finally {
      await short.close()
    }
  })

  it('a code from one server does not open another', async () => {
    const other = await startBrowserServer(service, rendererDir)
    try {
      const code = new URL(srv.openUrl()).searchParams.get('code')!
      expect((await exchange(code, other)).status).toBe(401)
      expect((await exchange(code)).status).toBe(200)
    } finally {
      await other.close()
    }
  })
})
