// End-to-end in Chromium: 人工核定 of a cell the reader could not read. The report is seed 002 with its
// 表三 （七）总计 row glued into one run of digits that two splits explain, so the row is uncertain and
// 本年新收+上年结转=办理结果总计+结转下年度 is UNVERIFIABLE. From that finding the reviewer presses S, sees
// the cell marked in the original and its two splits offered, types the value the original shows and
// the township's real error appears with both numbers; Ctrl+Z brings the reading back.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiEvents } from '../../src-main/shared/api.ts'
import { gluedReport } from '../helpers/settleFixture.ts'
import { startUi, type UiEnv } from './env.ts'

interface Rect {
  top: number
  bottom: number
  left: number
  right: number
}
interface El {
  getBoundingClientRect(): Rect
}

function poll<T>(fn: () => Promise<T> | T, timeout = 20_000) {
  return expect.poll(fn, { timeout, interval: 50 })
}

let env: UiEnv
let reportId = 0
let findingId = 0
const CELL = 'T3|r7_total|natural_person'

beforeAll(async () => {
  env = await startUi()
  const folder = join(env.dir, 'reports')
  mkdirSync(folder)
  writeFileSync(join(folder, '平安镇2023年报.txt'), gluedReport())
  const done = new Promise<ApiEvents['task']>((resolve) => {
    const off = env.service.onEvent((e, p) => {
      if (e === 'task' && (p as ApiEvents['task']).state !== 'running') {
        off()
        resolve(p as ApiEvents['task'])
      }
    })
  })
  await env.service.openFolder(folder)
  const t = await done
  reportId = (await env.service.getBatch(t.batchId as number)).reports[0]!.id
  findingId = (await env.service.getReport(reportId)).findings.find((f) => f.key === 'T3-BALANCE@T3.natural_person')!.id
}, 240_000)

afterAll(async () => {
  await env?.close()
})

async function inView(pane: string, el: string): Promise<boolean> {
  return env.page.evaluate(
    ([p, e]) => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): El | null } }).document
      const a = d.querySelector(p as string)?.getBoundingClientRect()
      const b = d.querySelector(e as string)?.getBoundingClientRect()
      return !!a && !!b && b.bottom > a.top && b.top < a.bottom && b.right > a.left && b.left < a.right
    },
    [pane, el]
  )
}

describe('人工核定 in the review screen (browser mode)', () => {
  it('settles the uncertain cell from its finding with the keyboard; the error appears with both numbers; Ctrl+Z undoes it', async () => {
    const { page, service, db } = env
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${env.srv.url}#/report/${reportId}`)
    await page.locator('[data-test=table-T3]').waitFor()
    const finding = page.locator(`[data-finding="${findingId}"]`)
    const cell = page.locator(`[data-test=parsed-pane] [data-cell="${CELL}"]`)
    await poll(() => finding.textContent()).toContain('无法核对')
    expect(await cell.getAttribute('class')).toMatch(/st-uncertain/)

    await finding.click()
    await poll(() => finding.getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('s')
    const panel = page.locator('[data-test=settle-panel]')
    await poll(() => panel.getAttribute('data-cell')).toBe(CELL)
    expect(await panel.textContent()).toContain('110000011')
    // the two splits that keep the row total are offered
    const choices = await panel.locator('[data-test=settle-choice]').allTextContents()
    expect(choices.map((c) => c.replace(/Alt\+\d/, '').replace(/\s+/g, ''))).toEqual(expect.arrayContaining(['1|10|0|0|0|0|11', '11|0|0|0|0|0|11']))
    expect(choices).toHaveLength(2)
    // the cell's place in the original is marked and scrolled into view
    const mark = '[data-test=original-pane] [data-fids~="-1"]'
    await poll(() => page.locator(mark).count()).toBeGreaterThan(0)
    expect(await page.locator(mark).first().textContent()).toContain('110000011')
    await poll(() => inView('[data-test=original-text]', mark)).toBe(true)
    await poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('data-test'))).toBe('settle-input')
    await env.shot('e2e-settle-01-open')

    // the original shows 11 in 自然人: type it, Enter
    await page.keyboard.type('11')
    await page.keyboard.press('Enter')
    await poll(() => cell.getAttribute('data-settled')).toBe('corrected')
    expect((await cell.textContent())?.replace(/\s+/g, '')).toBe('11核')
    expect(await cell.getAttribute('title')).toContain('人工核定：11')
    expect(await cell.getAttribute('title')).toContain('110000011')
    await poll(() => finding.textContent()).toContain('办理结果总计（11）')
    expect(await finding.textContent()).toContain('本年新收（1）')
    expect(await finding.getAttribute('class')).toMatch(/\berror\b/)
    await poll(() => panel.count()).toBe(0)
    const f = (await service.getReport(reportId)).findings.find((x) => x.id === findingId)!
    expect(f).toMatchObject({ outcome: 'FAIL', severity: 'error' })
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit WHERE action = 'settle' AND undone = 0").get()).toEqual({ n: 1 })
    await env.shot('e2e-settle-02-settled')

    await page.keyboard.press('Control+z')
    await poll(() => finding.textContent()).toContain('无法核对')
    await poll(() => cell.getAttribute('data-settled')).toBeNull()
    expect(await cell.getAttribute('class')).toMatch(/st-uncertain/)
    expect((await service.getReport(reportId)).findings.find((x) => x.id === findingId)?.outcome).toBe('UNVERIFIABLE')
    expect(db.prepare("SELECT COUNT(*) AS n FROM settlements WHERE active = 1").get()).toEqual({ n: 0 })
    expect(errors).toEqual([])
  })

  it('steps through a finding\'s uncertain cells one by one: Alt+N skips, Enter settles and moves on, Esc closes', async () => {
    const { page, service } = env
    const rowTotal = (await service.getReport(reportId)).findings.find((f) => f.key === 'T3-ROW-TOTAL@T3.r7_total.total')!
    expect(rowTotal.evidence.filter((e) => e.kind === 'cell' && e.status === 'uncertain')).toHaveLength(7)
    await page.locator(`[data-finding="${rowTotal.id}"]`).click()
    await page.keyboard.press('s')
    const panel = page.locator('[data-test=settle-panel]')
    await poll(() => panel.getAttribute('data-cell')).toBe('T3|r7_total|natural_person')
    expect(await panel.textContent()).toContain('第 1 / 7 格')
    await page.keyboard.press('Alt+n')
    await poll(() => panel.getAttribute('data-cell')).toBe('T3|r7_total|commercial_enterprise')
    await page.keyboard.type('10')
    await page.keyboard.press('Enter')
    await poll(() => page.locator('[data-test=parsed-pane] [data-cell="T3|r7_total|commercial_enterprise"]').getAttribute('data-settled')).toBe('corrected')
    // on to the next cell still to settle
    await poll(() => panel.getAttribute('data-cell')).toBe('T3|r7_total|research_institution')
    expect(await panel.textContent()).toContain('第 3 / 7 格')
    await page.keyboard.press('Escape')
    await poll(() => panel.count()).toBe(0)
    await page.keyboard.press('Control+z')
    await poll(() => page.locator('[data-test=parsed-pane] [data-cell="T3|r7_total|commercial_enterprise"]').getAttribute('data-settled')).toBeNull()
  })

  it('a double-clicked cell settles the whole glued row by one of its splits', async () => {
    const { page } = env
    const t = page.locator(`[data-test=parsed-pane] [data-cell="T3|r7_total|total"]`)
    const before = await t.boundingBox()
    await t.dblclick()
    // choosing the cell's finding by the click does not move the table under the pointer
    expect(Math.abs((await t.boundingBox())!.y - before!.y)).toBeLessThan(4)
    const panel = page.locator('[data-test=settle-panel]')
    await poll(() => panel.getAttribute('data-cell')).toBe('T3|r7_total|total')
    const choice = panel.locator('[data-test=settle-choice]', { hasText: '1 | 10 |' })
    await choice.click()
    await poll(() => page.locator('[data-test=parsed-pane] [data-settled]').count()).toBe(7)
    const total = page.locator('[data-test=parsed-pane] [data-cell="T3|r7_total|commercial_enterprise"]')
    expect((await total.textContent())?.replace(/\s+/g, '')).toBe('10核')
    await poll(() => page.locator('[data-test=findings-list]').textContent()).toContain('办理结果总计（10）')
  })
})
