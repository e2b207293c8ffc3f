// End-to-end: the reviewer's day in browser mode (headless Chromium, real engine, temporary
// database): notes typed into a finding survive every order of clicks and keys, letters for
// undecided reports are refused, a cancelled import stays visible, missing townships, parse
// problems apart, resubmissions marked for a new look.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, SAMPLE, startUi, type UiEnv } from './env.ts'

function poll<T>(fn: () => Promise<T> | T, timeout = 15_000) {
  return expect.poll(fn, { timeout, interval: 50 })
}

let env: UiEnv
let batchId = 0

beforeAll(async () => {
  env = await startUi()
  const { page } = env
  await page.goto(env.srv.url)
  await page.fill('[data-test=folder-path]', SAMPLE)
  await page.click('[data-test=open-folder]')
  await page.locator('[data-test=report-row]').nth(4).waitFor({ timeout: 60_000 })
  batchId = (await env.service.listBatches())[0]!.id
}, 240_000)

afterAll(async () => {
  await env?.close()
})

/** Opens the report of a township and returns the ids of its open error/warning findings in list order. */
async function openReport(township: string): Promise<number[]> {
  const { page, service } = env
  const r = (await service.getBatch(batchId)).reports.find((x) => x.township === township)!
  await page.goto(`${env.srv.url.replace(/\?.*$/, '')}#/report/${r.id}`)
  await poll(() => page.locator('[data-test=report-title]').textContent()).toBe(township)
  const ids = await page.locator('[data-test=finding]').evaluateAll((els) => els.map((e) => Number((e as unknown as { getAttribute(n: string): string }).getAttribute('data-finding'))))
  const d = await service.getReport(r.id)
  return ids.filter((id) => d.findings.some((f) => f.id === id && f.state === 'open' && (f.severity === 'error' || f.severity === 'warning')))
}

async function savedComment(id: number): Promise<{ comment: string | null; decision: string | null }> {
  const row = env.db.prepare('SELECT comment, decision FROM findings WHERE id = ?').get(id) as { comment: string | null; decision: string | null }
  return row
}

describe('a note typed into a finding is never lost', () => {
  it('type a note, click 确认 at once: after reload the note and the decision are both there', async () => {
    const { page } = env
    const [a] = await openReport('头营镇')
    await page.locator(`[data-finding="${a}"]`).click()
    await page.locator(`[data-finding="${a}"] [data-test=comment]`).fill('请核实表四行政复议数据')
    await page.locator(`[data-finding="${a}"] [data-test=confirm]`).click()
    await poll(() => savedComment(a!)).toEqual({ comment: '请核实表四行政复议数据', decision: 'confirmed' })
    await page.reload()
    await poll(() => page.locator(`[data-finding="${a}"] [data-test=decision]`).textContent()).toBe('已确认')
    await page.locator(`[data-finding="${a}"]`).click()
    expect(await page.locator(`[data-finding="${a}"] [data-test=comment]`).inputValue()).toBe('请核实表四行政复议数据')
    await env.shot('wf-01-note-confirmed')
  })

  it('type a note, click 排除 at once: the note stays', async () => {
    const { page } = env
    const [, b] = await openReport('头营镇')
    await page.locator(`[data-finding="${b}"]`).click()
    await page.locator(`[data-finding="${b}"] [data-test=comment]`).fill('表述可以接受，不作整改')
    await page.locator(`[data-finding="${b}"] [data-test=dismiss]`).click()
    await poll(() => savedComment(b!)).toEqual({ comment: '表述可以接受，不作整改', decision: 'dismissed' })
    await page.reload()
    await page.locator(`[data-finding="${b}"]`).click()
    expect(await page.locator(`[data-finding="${b}"] [data-test=comment]`).inputValue()).toBe('表述可以接受，不作整改')
  })

  it('type a note, leave the box, J then C: the note stays on its finding, the next one is confirmed', async () => {
    const { page } = env
    const ids = await openReport('平安镇')
    const [a, b] = ids
    await page.locator(`[data-finding="${a}"]`).click()
    await page.locator(`[data-finding="${a}"] [data-test=comment]`).fill('第一条的备注')
    await page.locator(`[data-finding="${a}"] .title`).click()
    await page.keyboard.press('j')
    await page.keyboard.press('c')
    await poll(() => savedComment(a!)).toEqual({ comment: '第一条的备注', decision: null })
    await poll(() => savedComment(b!)).toMatchObject({ decision: 'confirmed' })
    // and C pressed on the finding itself right after typing keeps the note with the decision
    await page.keyboard.press('k')
    await page.locator(`[data-finding="${a}"] [data-test=comment]`).fill('第一条的备注，已补充')
    await page.locator(`[data-finding="${a}"] .title`).click()
    await page.keyboard.press('c')
    await poll(() => savedComment(a!)).toEqual({ comment: '第一条的备注，已补充', decision: 'confirmed' })
    await page.reload()
    await page.locator(`[data-finding="${a}"]`).click()
    expect(await page.locator(`[data-finding="${a}"] [data-test=comment]`).inputValue()).toBe('第一条的备注，已补充')
    // Ctrl+Z undoes the decision, not the note
    await page.locator(`[data-finding="${a}"] .title`).click()
    await page.keyboard.press('Control+z')
    await poll(() => savedComment(a!)).toEqual({ comment: '第一条的备注，已补充', decision: null })
  })
})

describe('letters state only what the reviewer decided', () => {
  it('导出全部整改意见 warns first, then gives one .zip whose letters are drafts and never say 无需整改', async () => {
    const { page } = env
    await page.goto(`${env.srv.url.replace(/\?.*$/, '')}#/batch/${batchId}`)
    await page.locator('[data-test=report-row]').nth(4).waitFor()
    await page.click('[data-test=export-feedback-all]')
    const ask = page.locator('[data-test=ask]')
    await ask.waitFor()
    expect(await ask.textContent()).toContain('审核尚未完成')
    const lines = await page.locator('[data-test=ask-line]').allTextContents()
    expect(lines.length).toBe(5)
    expect(lines.find((l) => l.startsWith('头营镇'))).toMatch(/头营镇：草稿（\d+ 条发现待定，审核状态为“待审核”）/)
    await env.shot('wf-02-export-ask')
    // 取消 writes nothing
    await page.click('[data-test=ask-cancel]')
    await poll(() => ask.count()).toBe(0)
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-test=export-feedback-all]').then(() => page.click('[data-test=ask-ok]'))])
    expect(dl.suggestedFilename()).toMatch(/^整改意见-\d{4}-\d{2}-\d{2}\.zip$/)
    const path = await dl.path()
    const zip = await JSZip.loadAsync(readFileSync(path))
    const names = Object.keys(zip.files)
    expect(names).toHaveLength(5)
    for (const n of names) {
      expect(n).toMatch(/（草稿）\.docx$/)
      const xml = (await JSZip.loadAsync(await zip.file(n)!.async('nodebuffer'))).file('word/document.xml')!
      const text = await xml.async('string')
      expect(text).not.toContain('无需整改')
      expect(text).toContain('草稿：审核尚未完成')
    }
    await dl.delete()
  })
})

describe('a cancelled import stays visible', () => {
  it('shows 导入已取消：N 个文件未读入 with 继续导入, also after a reload, until the import is finished', async () => {
    const { page } = env
    const folder = join(env.dir, 'many')
    mkdirSync(folder, { recursive: true })
    const seeds = readdirSync(SAMPLE).filter((f) => f.endsWith('.txt'))
    for (let i = 0; i < 40; i++) copyFileSync(join(SAMPLE, seeds[i % seeds.length]!), join(folder, `${String(i).padStart(2, '0')}-${seeds[i % seeds.length]}`))
    await page.click('.brand')
    await page.fill('[data-test=folder-path]', folder)
    await page.click('[data-test=open-folder]')
    await poll(() => page.locator('[data-test=progress-count]').textContent().catch(() => '')).toMatch(/^[1-9]\d* \/ 40$/)
    await page.click('[data-test=cancel-import]')
    const banner = page.locator('[data-test=import-cancelled]')
    await banner.waitFor({ timeout: 30_000 })
    const text = (await banner.textContent()) ?? ''
    const n = Number(/导入已取消：(\d+) 个文件未读入/.exec(text)?.[1])
    expect(n).toBeGreaterThan(0)
    expect(n).toBeLessThan(40)
    expect(await page.locator('[data-test=file-events]').textContent()).not.toContain('所有文件都已读入')
    await env.shot('wf-03-import-cancelled')
    await page.reload()
    await banner.waitFor()
    expect(await banner.textContent()).toContain(`导入已取消：${n} 个文件未读入`)
    await page.click('[data-test=resume-import]')
    await poll(() => banner.count(), 60_000).toBe(0)
    await poll(() => page.locator('[data-test=file-events]').textContent(), 60_000).toContain('所有文件都已读入')
    // every file of the folder is read once: the first run's and the resumed run's together
    const b = (await env.service.listBatches()).find((x) => x.root.endsWith('many'))!
    expect((env.db.prepare('SELECT COUNT(*) AS n FROM versions v JOIN files f ON f.id = v.file_id WHERE f.batch_id = ?').get(b.id) as { n: number }).n).toBe(40)
  }, 120_000)
})

describe('the overview', () => {
  it('shows the townships of the roster without a report (缺报) and counts them in the header', async () => {
    const { page } = env
    await page.goto(`${env.srv.url.replace(/\?.*$/, '')}#/batch/${batchId}`)
    await page.locator('[data-test=report-row]').nth(4).waitFor()
    await page.fill('[data-test=set-roster]', '头营镇\n云阳县平安镇人民政府\n裴城镇\n官前乡\n王官集镇\n彭堡镇\n张易镇')
    await page.click('[data-test=save-settings]')
    // 官前乡 (2021) and 王官集镇 (2020) sent reports of other years: missing for 2023 as well
    await poll(() => page.locator('[data-test=missing-name]').allTextContents()).toEqual(['官前乡', '王官集镇', '彭堡镇', '张易镇'])
    expect(await page.locator('[data-test=header-missing]').textContent()).toMatch(/缺报\s*4/)
    // the format column speaks Chinese
    const formats = await page.locator('[data-test=report-row] td:nth-child(3)').allTextContents()
    expect(formats.every((f) => ['2021 格式', '2019 试行格式', '新旧格式混用', '未识别'].includes(f.trim()))).toBe(true)
    await env.shot('wf-04-missing')
  })

  it('keeps parse problems in their own group, out of the error and warning counts and of the letter', async () => {
    const { page, service, db } = env
    const r = (await service.getBatch(batchId)).reports.find((x) => x.township === '裴城镇')!
    const before = { errors: r.errors, warnings: r.warnings }
    const d = await service.getReport(r.id)
    const span = d.cells.find((c) => c.table === 'T3' && c.span)!.span!
    // what the checks write for a ParsedReport.problem (parseProblems.ts)
    db.prepare(
      `INSERT INTO findings (report_id, key, rule, severity, outcome, message, evidence, first_version_id, last_version_id, state)
       VALUES (?, 'PARSE@table-unplaced:T3', 'PARSE', 'parse', 'UNVERIFIABLE', '解析存疑：表三的数值无法对应到格子', ?, ?, ?, 'open')`
    ).run(r.id, JSON.stringify({ items: [{ kind: 'text', start: span.start, end: span.end, text: d.text.slice(span.start, span.end), page: 2 }], sides: null }), d.versionId, d.versionId)
    await page.goto(`${env.srv.url.replace(/\?.*$/, '')}#/batch/${batchId}`)
    const row = page.locator(`[data-test=report-row][data-report="${r.id}"]`)
    await poll(() => row.locator('[data-test=row-parse]').textContent()).toBe('+1?')
    expect(Number(await row.locator('td.n-error').evaluate((e) => (e as unknown as { firstChild: { textContent: string } }).firstChild.textContent))).toBe(before.errors)
    expect(await page.locator('[data-test=header-parse]').textContent()).toMatch(/1\s*解析存疑/)
    await row.click()
    const group = page.locator('h4[data-group=parse]')
    await group.waitFor()
    expect(await group.textContent()).toContain('解析存疑')
    const f = page.locator('[data-test=finding][data-rule=PARSE]')
    await f.click()
    expect(await f.locator('[data-test=parse-places]').textContent()).toContain('第 2 页')
    expect(await f.locator('[data-test=confirm]').count()).toBe(0)
    expect(await page.locator('[data-test=sev-error]').textContent()).toContain(String(before.errors))
    await env.shot('wf-05-parse-group')
    const { files } = await service.exportFeedback(batchId, r.id)
    const xml = await (await JSZip.loadAsync(readFileSync(files[0]!))).file('word/document.xml')!.async('string')
    expect(xml).not.toContain('表三的数值无法对应到格子')
  })

  it('marks a report set to 需整改 that received a new version 新版本待复核, until the reviewer looks again', async () => {
    const { page, service } = env
    const folder = join(env.dir, 'resubmit')
    mkdirSync(folder, { recursive: true })
    const file = join(folder, '平安镇.txt')
    const seed = readdirSync(SAMPLE).find((f) => readFileSync(join(SAMPLE, f), 'utf8').includes('平安镇'))!
    copyFileSync(join(SAMPLE, seed), file)
    await page.click('.brand')
    await page.fill('[data-test=folder-path]', folder)
    await page.click('[data-test=open-folder]')
    await poll(() => page.locator('[data-test=report-row]').count(), 30_000).toBe(1)
    await page.locator('[data-test=report-row]').click()
    await page.selectOption('[data-test=review-status]', '需整改')
    await page.click('[data-test=crumb-batch]')
    await poll(() => page.locator('[data-test=report-row] .rs').textContent()).toBe('需整改')
    expect(await page.locator('[data-test=new-version]').count()).toBe(0)
    // the township sends a corrected file
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n（修改稿）\n`)
    await page.click('text=重新导入')
    await poll(() => page.locator('[data-test=new-version]').count(), 30_000).toBe(1)
    expect(await page.locator('[data-test=report-row] .ver').textContent()).toBe('v2')
    await env.shot('wf-06-new-version')
    await page.locator('[data-test=report-row]').click()
    const tag = page.locator('[data-test=header-new-version]')
    await tag.waitFor()
    await tag.click()
    await poll(() => tag.count()).toBe(0)
    const b = await service.getBatch((await service.listBatches()).find((x) => x.root.endsWith('resubmit'))!.id)
    expect(b.reports[0]).toMatchObject({ reviewStatus: '需整改', newVersion: false, versions: 2 })
  })
})

describe('the reviewer and the unit, the audit trail, search and help', () => {
  it('asks once for the 审核单位 and the reviewer; letters are signed with them', async () => {
    const { page, service } = env
    await page.goto(`${env.srv.url.replace(/\?.*$/, '')}#/batch/${batchId}`)
    const form = page.locator('[data-test=profile]')
    await form.waitFor()
    await page.fill('[data-test=profile-office]', '原州区人民政府办公室')
    await page.fill('[data-test=profile-reviewer]', '马审核')
    await page.click('[data-test=profile-save]')
    await poll(() => form.count()).toBe(0)
    expect(await service.appInfo()).toMatchObject({ office: '原州区人民政府办公室', reviewer: '马审核', profileSet: true })
    await page.reload()
    await page.locator('[data-test=report-row]').first().waitFor()
    expect(await form.count()).toBe(0)
    // editable from the top bar
    await page.click('[data-test=edit-profile]')
    await form.waitFor()
    expect(await page.locator('[data-test=profile-office]').inputValue()).toBe('原州区人民政府办公室')
    await env.shot('wf-07-profile-edit')
    await page.click('[data-test=profile] button[type=button]')
    const r = (await service.getBatch(batchId)).reports.find((x) => x.township === '头营镇')!
    const { files } = await service.exportFeedback(batchId, r.id)
    const xml = await (await JSZip.loadAsync(readFileSync(files[0]!))).file('word/document.xml')!.async('string')
    expect(xml).toContain('原州区人民政府办公室')
    expect(xml).toContain('原州区头营镇人民政府：')
  })

  it('shows the audit trail, finds words in findings and report text, and has a help page', async () => {
    const { page } = env
    await page.goto(`${env.srv.url.replace(/\?.*$/, '')}#/batch/${batchId}`)
    await page.locator('[data-test=report-row]').first().waitFor()
    await page.fill('[data-test=search-input]', '行政复议')
    await page.click('[data-test=search-go]')
    await poll(() => page.locator('[data-test=search-hit]').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-test=search-hit]').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('行政复议')]))
    await env.shot('wf-08-search')
    await page.click('[data-test=open-audit]')
    await page.locator('[data-test=audit-table]').waitFor()
    const rows = await page.locator('[data-test=audit-row]').allTextContents()
    expect(rows.some((t) => t.includes('备注“请核实表四行政复议数据”'))).toBe(true)
    await env.shot('wf-09-audit')
    await page.click('[data-test=open-help]')
    await page.locator('[data-test=help]').waitFor()
    expect(await page.locator('[data-test=help]').textContent()).toContain('整改意见只写审核人的决定')
    await env.shot('wf-10-help')
  })
})

describe('evidence of a finding', () => {
  it('the parsed pane goes to the cell even when the first evidence is text; N steps through every item', async () => {
    const { page, service } = env
    const batch = await service.getBatch(batchId)
    let target: { reportId: number; id: number; cell: string; n: number } | null = null
    for (const r of batch.reports) {
      const d = await service.getReport(r.id)
      const f = d.findings.find((x) => x.state === 'open' && x.evidence[0]?.kind === 'text' && x.evidence.some((e) => e.kind === 'cell'))
      const c = f?.evidence.find((e) => e.kind === 'cell')
      if (f && c?.kind === 'cell' && d.cells.some((x) => x.table === c.table && x.row === c.row && x.col === c.col)) {
        target = { reportId: r.id, id: f.id, cell: `${c.table}|${c.row}|${c.col}`, n: f.evidence.filter((e) => e.kind !== 'note').length }
        break
      }
    }
    expect(target, 'a finding citing text first and then a cell').not.toBeNull()
    const t = target!
    await page.goto(`${env.srv.url.replace(/\?.*$/, '')}#/report/${t.reportId}`)
    await page.locator(`[data-finding="${t.id}"]`).waitFor()
    await page.locator('[data-test=parsed-pane]').evaluate((el) => {
      ;(el as unknown as { scrollTop: number }).scrollTop = 0
    })
    await page.locator(`[data-finding="${t.id}"] .title`).click()
    const inView = (): Promise<boolean> =>
      page.evaluate((cell) => {
        const d = (globalThis as unknown as { document: { querySelector(s: string): { getBoundingClientRect(): { top: number; bottom: number } } | null } }).document
        const pane = d.querySelector('[data-test=parsed-pane]')!.getBoundingClientRect()
        const el = d.querySelector(`[data-test=parsed-pane] [data-cell="${cell}"]`)
        if (!el) return false
        const b = el.getBoundingClientRect()
        return b.bottom > pane.top && b.top < pane.bottom
      }, t.cell)
    await poll(inView).toBe(true)
    expect(await page.locator('[data-test=evidence-pos]').textContent()).toBe(`证据 1/${t.n}`)
    await page.keyboard.press('n')
    await poll(() => page.locator('[data-test=evidence-pos]').textContent()).toBe(`证据 2/${t.n}`)
    await env.shot('wf-11-evidence-step')
    for (let i = 2; i <= t.n; i++) await page.keyboard.press('n')
    await poll(() => page.locator('[data-test=evidence-pos]').textContent()).toBe(`证据 1/${t.n}`)
  })
})

describe('a manual finding from the rendered PDF', () => {
  it('selecting words on a PDF page enables 添加发现; the finding cites the words, placed in the text', async () => {
    const { page, service } = env
    const folder = join(env.dir, 'pdf')
    mkdirSync(folder, { recursive: true })
    copyFileSync(join(ROOT, 'test', 'fixtures', 'seeds', '003_ba49bbb087adff7b.pdf'), join(folder, '003.pdf'))
    await page.click('.brand')
    await page.fill('[data-test=folder-path]', folder)
    await page.click('[data-test=open-folder]')
    await poll(() => page.locator('[data-test=report-row]').count(), 30_000).toBe(1)
    await page.locator('[data-test=report-row]').click()
    const first = page.locator('[data-test=pdf-pages] .page[data-page="1"]')
    await poll(() => first.getAttribute('data-rendered'), 30_000).toBe('1')
    const span = first.locator('.textLayer span', { hasText: '总体情况' }).first()
    await span.waitFor()
    expect(await page.locator('[data-test=add-finding]').isDisabled()).toBe(true)
    // select the span's words as a mouse drag would, then release the mouse
    await span.evaluate((el) => {
      const g = globalThis as unknown as { document: { createRange(): { selectNodeContents(n: unknown): void } }; getSelection(): { removeAllRanges(): void; addRange(r: unknown): void } }
      const r = g.document.createRange()
      r.selectNodeContents(el)
      const s = g.getSelection()
      s.removeAllRanges()
      s.addRange(r)
    })
    await span.dispatchEvent('mouseup', { bubbles: true })
    await poll(() => page.locator('[data-test=add-finding]').isDisabled()).toBe(false)
    await page.click('[data-test=add-finding]')
    await page.fill('[data-test=add-message]', '总体情况部分过于简略')
    await env.shot('wf-12-pdf-add-finding')
    await page.click('[data-test=add-save]')
    await poll(() => page.locator('[data-test=finding][data-rule=MANUAL]').count()).toBe(1)
    const b = (await service.listBatches()).find((x) => x.root.endsWith('/pdf'))!
    const d = await service.getReport((await service.getBatch(b.id)).reports[0]!.id)
    const f = d.findings.find((x) => x.manual)!
    const e = f.evidence[0]!
    expect(e.kind).toBe('text')
    if (e.kind !== 'text') return
    expect(e.page).toBe(1)
    expect(e.end).toBeGreaterThan(e.start)
    expect(d.text.slice(e.start, e.end).replace(/\s+/g, '')).toContain('总体情况')
  })
})
