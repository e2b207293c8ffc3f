// End-to-end: the reviewer's day in browser mode (headless Chromium, real engine, temporary
// database): notes typed into a finding survive every order of clicks and keys, letters for
// undecided reports are refused, a cancelled import stays visible, missing townships, parse
// problems apart, resubmissions marked for a new look.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SAMPLE, startUi, type UiEnv } from './env.ts'

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
