// Browser mode: the same renderer and the same ReviewApi over HTTP, on 127.0.0.1 only,
// every API request carrying the random token. Static files are the built renderer.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { isApiMethod } from '../shared/api.ts'
import type { ReviewService } from './service.ts'
import { ApiArgError, callApi } from './validate.ts'

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm'
}

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export interface BrowserServer {
  server: Server
  port: number
  token: string
  /** The address with the token, printed in the reviewer's own console (never passed to another program). */
  url: string
  /**
   * An address for opening the browser through another program (whose command line every local user
   * can read): it carries a one-time code, which the page exchanges once for the token.
   */
  openUrl(): string
  close(): Promise<void>
}

export interface BrowserServerOptions {
  /** How long a one-time code stays valid (default 5 minutes: a browser may be slow to start). */
  codeTtlMs?: number
}

/** The one-time codes of openUrl: each is accepted once, within its time. */
class OneTimeCodes {
  private readonly codes = new Map<string, number>()
  private readonly ttlMs: number
  constructor(ttlMs: number) {
    this.ttlMs = ttlMs
  }
  issue(): string {
    const now = Date.now()
    for (const [c, until] of this.codes) if (until < now) this.codes.delete(c)
    // a handful at most: one per browser opened
    while (this.codes.size >= 8) this.codes.delete(this.codes.keys().next().value as string)
    const code = randomBytes(24).toString('hex')
    this.codes.set(code, now + this.ttlMs)
    return code
  }
  /** True once for a code that was issued and has not expired; the code is gone afterwards. */
  redeem(code: unknown): boolean {
    if (typeof code !== 'string' || code.length > 100) return false
    let hit: string | null = null
    for (const c of this.codes.keys()) if (sameToken(code, c)) hit = c
    if (!hit) return false
    const until = this.codes.get(hit) as number
    this.codes.delete(hit)
    return until >= Date.now()
  }
}

function sameToken(a: string | undefined | null, token: string): boolean {
  if (!a) return false
  const x = Buffer.from(a)
  const y = Buffer.from(token)
  return x.length === y.length && timingSafeEqual(x, y)
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(JSON.stringify(body))
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': data.length, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
  res.end(data)
}

class BodyTooLarge extends Error {
  constructor(limit: number) {
    super(`请求内容过大（超过 ${Math.round(limit / 1024 / 1024)} MB）`)
  }
}

async function readBody(req: IncomingMessage, limit = 2 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const c of req) {
    size += (c as Buffer).length
    // The rest of an oversized body is read and dropped (up to a bound), so the client gets the
    // reason instead of a reset connection.
    if (size > 32 * limit) throw new BodyTooLarge(limit)
    if (size <= limit) chunks.push(c as Buffer)
  }
  if (size > limit) throw new BodyTooLarge(limit)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startBrowserServer(service: ReviewService, rendererDir: string, port = 0, opts: BrowserServerOptions = {}): Promise<BrowserServer> {
  const token = randomBytes(24).toString('hex')
  const codes = new OneTimeCodes(opts.codeTtlMs ?? 5 * 60_000)
  const root = realpathSync(rendererDir)
  let actualPort = port
  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: e instanceof Error ? e.message : String(e) })
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Refuse requests addressed to any other host name (DNS rebinding).
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${actualPort}` && host !== `localhost:${actualPort}`) {
      send(res, 403, { ok: false, error: '拒绝：只接受本机访问' })
      return
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    const path = url.pathname
    if (path === '/api/exchange' && req.method === 'POST') {
      // The page opened with ?code= trades it for the token, once; the code is useless afterwards.
      let code: unknown
      try {
        code = (JSON.parse(await readBody(req, 4096)) as { code?: unknown } | null)?.code
      } catch {
        code = null
      }
      if (!codes.redeem(code)) {
        send(res, 401, { ok: false, error: '此链接已经用过或已过期：请使用启动程序时命令行窗口中显示的网址打开。' })
        return
      }
      send(res, 200, { ok: true, result: { token } })
      return
    }
    if (path.startsWith('/api/')) {
      const given = (req.headers['x-token'] as string | undefined) ?? url.searchParams.get('token')
      if (!sameToken(given, token)) {
        send(res, 401, { ok: false, error: '拒绝：缺少或错误的访问令牌' })
        return
      }
      if (path.startsWith('/api/call/') && req.method === 'POST') {
        const method = decodeURIComponent(path.slice('/api/call/'.length))
        if (!isApiMethod(method)) {
          send(res, 404, { ok: false, error: `未知的接口：${method}` })
          return
        }
        let args: unknown
        try {
          args = JSON.parse((await readBody(req)) || '[]')
        } catch (e) {
          if (e instanceof BodyTooLarge) send(res, 413, { ok: false, error: e.message })
          else send(res, 400, { ok: false, error: '请求内容不是有效的 JSON' })
          return
        }
        try {
          const result = await callApi(service, method, args)
          send(res, 200, { ok: true, result: result ?? null })
        } catch (e) {
          send(res, e instanceof ApiArgError ? 400 : 200, { ok: false, error: e instanceof Error ? e.message : String(e) })
        }
        return
      }
      if (path === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
        res.write(': ok\n\n')
        const off = service.onEvent((event, payload) => res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`))
        const ping = setInterval(() => res.write(': ping\n\n'), 15000)
        req.on('close', () => {
          clearInterval(ping)
          off()
        })
        return
      }
      const orig = /^\/api\/original\/(\d+)$/.exec(path)
      if (orig && req.method === 'GET') {
        const buf = service.original(Number(orig[1]))
        if (!buf) {
          send(res, 404, { ok: false, error: '没有原件' })
          return
        }
        res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': buf.length, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
        res.end(buf)
        return
      }
      if (path === '/api/download' && req.method === 'GET') {
        const file = url.searchParams.get('file') ?? ''
        const exportsRoot = service.exportsRoot()
        let real = ''
        try {
          real = realpathSync(file)
        } catch {
          // fall through to 404
        }
        if (!real || !real.startsWith(exportsRoot + sep) || !statSync(real).isFile()) {
          send(res, 404, { ok: false, error: '只能下载导出文件夹中的文件' })
          return
        }
        const name = real.slice(real.lastIndexOf(sep) + 1)
        res.writeHead(200, {
          'Content-Type': 'application/octet-stream',
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
          'X-Content-Type-Options': 'nosniff'
        })
        createReadStream(real).pipe(res)
        return
      }
      send(res, 404, { ok: false, error: '未知的请求' })
      return
    }
    // Static renderer files.
    const rel = normalize(decodeURIComponent(path === '/' ? '/index.html' : path)).replace(/^([/\\])+/, '')
    const file = join(root, rel)
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('未找到')
      return
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache'
    })
    createReadStream(file).pipe(res)
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolveListen())
  })
  const addr = server.address()
  actualPort = typeof addr === 'object' && addr ? addr.port : port
  return {
    server,
    port: actualPort,
    token,
    url: `http://127.0.0.1:${actualPort}/?token=${token}`,
    openUrl: () => `http://127.0.0.1:${actualPort}/?code=${codes.issue()}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}
