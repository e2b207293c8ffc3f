// The browser mode listens on loopback only, refuses requests without its token or for another
// host name, serves only the renderer's files, and downloads only from the exports folder.
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserServer, type BrowserServer } from '../../src-main/server/http.ts'
import { ReviewService } from '../../src-main/server/service.ts'
import { SEED_DIR } from '../helpers/seeds.ts'
import { tempDb, tempDir } from '../helpers/tmp.ts'

let srv: BrowserServer
let service: ReviewService
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
  srv = await startBrowserServer(service, r.dir)
})
afterAll(async () => {
  await srv.close()
  while (cleanups.length) cleanups.pop()?.()
})

function call(path: string, opts: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: srv.port, path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${srv.port}`, ...opts.headers } }, (res) => {
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
})
