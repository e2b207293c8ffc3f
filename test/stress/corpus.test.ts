// At least 1,000 bad files: each gets a clear per-file error or parses; nothing crashes or hangs,
// and the good files among them are imported.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { tempDb, tempDir } from '../helpers/tmp.ts'
import { makeCorpus } from './corpus.ts'

const cleanups: (() => void)[] = []
afterAll(() => {
  while (cleanups.length) cleanups.pop()?.()
})

describe('hostile and broken input corpus', () => {
  it('imports ≥1,000 bad files without a crash or a hang, each with an outcome and a Chinese reason', async () => {
    const t = tempDir('xxgk-corpus-')
    const d = tempDb()
    cleanups.push(t.cleanup, d.cleanup)
    const written = await makeCorpus(join(t.dir, 'in'), Number(process.env.CORPUS_N ?? 1000))
    expect(written).toBeGreaterThanOrEqual(1000)
    const started = Date.now()
    const r = await importFolder(d.db, join(t.dir, 'in'), { limits: { timeoutMs: 20_000, maxHeapMb: 512 } })
    const seconds = (Date.now() - started) / 1000
    const by = (s: string) => r.outcomes.filter((o) => o.status === s)
    console.log(`坏文件语料：${r.outcomes.length} 个条目，错误 ${by('error').length}，跳过 ${by('skipped').length}，导入 ${by('ok').length}，需OCR ${by('needs-ocr').length}，用时 ${seconds.toFixed(1)} 秒`)
    expect(r.cancelled).toBe(false)
    expect(r.outcomes.length).toBeGreaterThanOrEqual(written)
    for (const o of by('error')) expect(o.error).toMatch(/[\u4e00-\u9fff]/)
    // None of these files is slow to read: a time-out here means the reader pool lost a reply.
    expect(by('error').filter((o) => o.error?.includes('读取超时'))).toEqual([])
    const named = Object.fromEntries(r.outcomes.map((o) => [o.file, o]))
    expect(named['zip-bomb.docx']).toMatchObject({ status: 'error' })
    expect(named['3000-pages.pdf']).toMatchObject({ status: 'error', error: expect.stringContaining('页') })
    expect(named['名称 带空格&符号#（全角）【】.txt']?.status).toBe('ok')
    expect(named['no-extension']?.status).toBe('skipped')
    expect(named['loop/back-to-root']?.status ?? 'skipped').toBe('skipped')
    // Nothing from a submission can run: stored display HTML has no script, handler or remote load.
    const html = (d.db.prepare('SELECT html FROM versions WHERE html IS NOT NULL').all() as { html: string }[]).map((x) => x.html).join('\n')
    expect(html).not.toMatch(/<script|onerror|onload|javascript:|<iframe|src="http/i)
    expect(d.db.pragma('integrity_check', { simple: true })).toBe('ok')
  }, 300_000)
})
