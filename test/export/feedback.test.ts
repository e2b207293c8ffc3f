// The per-township 整改意见 (.docx), unzipped and read back as text after a real import of the seed folder.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ruleById } from '../../src-main/engine/checks/registry.ts'
import { runChecks } from '../../src-main/engine/checks/store.ts'
import { openDb, type Db } from '../../src-main/engine/db/open.ts'
import { exportFeedbackDocx, exportLetters, feedbackFileName, fullBodyName, sourceText } from '../../src-main/engine/export/feedbackDocx.ts'
import { importFolder } from '../../src-main/engine/ingest/importFolder.ts'
import { SEED_DIR } from '../helpers/seeds.ts'

let dir: string
let db: Db
let batchId: number
const rid: Record<string, number> = {}
let autoConfirmed: { rule: string; message: string } | undefined
let autoDismissed: { message: string } | undefined

const CONFIRMED = '测试确认的问题：第五部分未写明上年问题的整改情况。'
const COMMENT = '测试审核意见：请逐条写明整改措施。'
const DISMISSED = '测试排除的问题：此条不应出现在整改意见中。'
const PENDING = '测试待定的问题：尚未决定，不应出现。'

function addFinding(reportId: number, key: string, severity: string, message: string, decision: string | null, comment: string | null, evidence: unknown[] = []): void {
  db.prepare(
    `INSERT INTO findings (report_id, key, rule, severity, outcome, message, evidence, state, manual, decision, comment)
     VALUES (?, ?, 'MANUAL', ?, 'FAIL', ?, ?, 'open', 1, ?, ?)`
  ).run(reportId, key, severity, message, JSON.stringify({ items: evidence, sides: null }), decision, comment)
}

function setSettings(s: object): void {
  db.prepare('UPDATE batches SET settings = ? WHERE id = ?').run(JSON.stringify(s), batchId)
}

/** The visible text of a .docx: every w:t of word/document.xml, in order. */
async function docText(file: string): Promise<{ text: string; xml: string; styles: string }> {
  const zip = await JSZip.loadAsync(readFileSync(file))
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? ''
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
  return { text, xml, styles }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-docx-'))
  db = openDb(join(dir, 'review.db')).db
  batchId = (await importFolder(db, SEED_DIR)).batchId
  runChecks(db, batchId)
  for (const r of db.prepare('SELECT id, township FROM reports WHERE batch_id = ?').all(batchId) as { id: number; township: string }[]) rid[r.township] = r.id
  const auto = db.prepare("SELECT id, rule, message FROM findings WHERE report_id = ? AND manual = 0 AND state = 'open' ORDER BY id").all(rid['平安镇']) as {
    id: number
    rule: string
    message: string
  }[]
  // Confirm the first automatic finding the rules gave, dismiss another one with a different message.
  const first = auto[0]
  if (first) {
    db.prepare("UPDATE findings SET decision = 'confirmed' WHERE id = ?").run(first.id)
    autoConfirmed = first
    const other = auto.find((f) => f.message !== first.message)
    if (other) {
      db.prepare("UPDATE findings SET decision = 'dismissed' WHERE id = ?").run(other.id)
      autoDismissed = other
    }
  }
  addFinding(rid['平安镇'] as number, 'MANUAL@1', 'warning', CONFIRMED, 'confirmed', COMMENT, [
    { kind: 'cell', table: 'T3', row: 'r4_1_not_held', col: 'total', value: 1, raw: '1', status: 'ok' },
    { kind: 'cell', table: 'T3', row: 'carried_forward', col: 'total', value: null, raw: '/', status: 'blank' }
  ])
  addFinding(rid['平安镇'] as number, 'MANUAL@2', 'error', DISMISSED, 'dismissed', '不计')
  addFinding(rid['平安镇'] as number, 'MANUAL@3', 'error', PENDING, null, null)
  db.prepare("UPDATE reports SET review_status = '需整改' WHERE id = ?").run(rid['平安镇'])
  setSettings({ replyDeadline: '2024-03-15', office: '云阳县人民政府办公室', reviewer: '李四' })
})

afterAll(() => {
  db?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('整改意见 for one report', () => {
  it('names the township, the report, the confirmed findings and the deadline', async () => {
    const file = join(dir, 'one', '平安镇.docx')
    await exportFeedbackDocx(db, rid['平安镇'] as number, file)
    const { text } = await docText(file)
    expect(text).toContain('关于平安镇2023年政府信息公开工作年度报告的整改意见')
    expect(text).toContain('云阳县平安镇人民政府：')
    expect(text).toContain('002_3439ace2b5349fdf.txt')
    expect(text).toContain('第 1 版')
    expect(text).toContain(CONFIRMED)
    expect(text).toContain(COMMENT)
    expect(text).not.toContain(DISMISSED)
    // a pending finding is listed as pending in the draft, never among the problems to correct
    expect(text).toContain('（草稿）关于平安镇')
    expect(text).toMatch(/待决定 \d+：[^待]*测试待定的问题/)
    expect(text.slice(text.indexOf('、需要整改的问题'))).not.toContain(PENDING)
    // where the problem is, by the template's labels, quoting the values
    expect(text).toContain('表三“（四）无法提供·1.本机关不掌握相关政府信息”行“总计”列')
    expect(text).toContain('空白（填写为“/”）')
    expect(text).toContain('请于2024年3月15日前完成整改')
    expect(text).toContain('云阳县人民政府办公室')
    expect(text).toContain('联系人：李四')
    expect(text).toMatch(/（一）.*（二）/)
    if (autoConfirmed) {
      expect(text).toContain(autoConfirmed.message)
      const rule = ruleById(autoConfirmed.rule)
      if (rule) {
        expect(text).toContain(rule.title)
        expect(text).toContain(sourceText(rule.source))
      }
      expect(text).toContain('发现需要整改的问题 2 项')
    } else {
      expect(text).toContain('发现需要整改的问题 1 项')
    }
    if (autoDismissed) expect(text).not.toContain(autoDismissed.message)
  })

  it('is an A4 page with 仿宋 as the East Asian body font', async () => {
    const file = join(dir, 'one', '平安镇.docx')
    const { xml, styles } = await docText(file)
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(styles).toMatch(/w:eastAsia="仿宋"/)
    expect(styles).toMatch(/w:eastAsia="宋体"/)
  })

  it('a report nobody has reviewed gets a draft that lists what is pending and never says 无需整改', async () => {
    const file = join(dir, 'one', '头营镇-草稿.docx')
    await exportFeedbackDocx(db, rid['头营镇'] as number, file)
    const { text } = await docText(file)
    const pending = db.prepare("SELECT message FROM findings WHERE report_id = ? AND state = 'open' AND decision IS NULL AND severity IN ('error', 'warning')").all(rid['头营镇']) as { message: string }[]
    expect(pending.length).toBeGreaterThan(0)
    expect(text).toContain('（草稿）关于头营镇2023年政府信息公开工作')
    expect(text).toContain(`草稿：审核尚未完成，本意见不能发出（尚有 ${pending.length} 条发现未确认或排除；审核状态仍为“待审核”）`)
    for (const p of pending) expect(text).toContain(p.message)
    expect(text).not.toContain('无需整改')
    expect(text).toContain('原州区头营镇人民政府：')
  })

  it('says no rectification is needed only once every finding is decided and the status is 已通过, with the default office', async () => {
    setSettings({})
    const undo = db.prepare("SELECT id FROM findings WHERE report_id = ? AND state = 'open' AND decision IS NULL").all(rid['头营镇']) as { id: number }[]
    db.prepare("UPDATE findings SET decision = 'dismissed' WHERE report_id = ? AND state = 'open' AND decision IS NULL").run(rid['头营镇'])
    db.prepare("UPDATE reports SET review_status = '已通过' WHERE id = ?").run(rid['头营镇'])
    try {
      const file = join(dir, 'one', '头营镇.docx')
      await exportFeedbackDocx(db, rid['头营镇'] as number, file)
      const { text } = await docText(file)
      expect(text).toContain('关于头营镇2023年政府信息公开工作年度报告的整改意见')
      expect(text).not.toContain('草稿')
      expect(text).toContain('未发现需要整改的问题，无需整改')
      expect(text).not.toContain('需要整改的问题（')
      expect(text).not.toContain('整改时限')
      expect(text).toContain('县政务公开办公室')
    } finally {
      for (const u of undo) db.prepare('UPDATE findings SET decision = NULL WHERE id = ?').run(u.id)
      db.prepare("UPDATE reports SET review_status = '待审核' WHERE id = ?").run(rid['头营镇'])
      setSettings({ replyDeadline: '2024-03-15', office: '云阳县人民政府办公室', reviewer: '李四' })
    }
  })

  it('takes the 审核单位 and the reviewer of the application when the batch names none', async () => {
    setSettings({})
    db.prepare("INSERT INTO settings (key, value) VALUES ('office', '原州区人民政府办公室'), ('reviewer', '王五')").run()
    try {
      const file = join(dir, 'one', '平安镇-全局.docx')
      await exportFeedbackDocx(db, rid['平安镇'] as number, file)
      const { text } = await docText(file)
      expect(text).toContain('原州区人民政府办公室')
      expect(text).toContain('联系人：王五')
    } finally {
      db.prepare("DELETE FROM settings WHERE key IN ('office', 'reviewer')").run()
      setSettings({ replyDeadline: '2024-03-15', office: '云阳县人民政府办公室', reviewer: '李四' })
    }
  })

  it('without a reply deadline setting, gives 15 days from today', async () => {
    setSettings({})
    try {
      const file = join(dir, 'one', '平安镇-默认.docx')
      await exportFeedbackDocx(db, rid['平安镇'] as number, file, new Date(2024, 1, 20))
      const { text } = await docText(file)
      expect(text).toContain('请于2024年3月6日前完成整改')
      expect(text).toContain('县政务公开办公室')
      expect(text).toContain('2024年2月20日')
    } finally {
      setSettings({ replyDeadline: '2024-03-15', office: '云阳县人民政府办公室', reviewer: '李四' })
    }
  })
})

describe('整改意见 for the batch', () => {
  it('writes one file per report, named <乡镇>-<年度>年报整改意见.docx, drafts marked （草稿）', async () => {
    const folder = join(dir, 'all')
    const files = (await exportLetters(db, batchId, folder)).letters.map((l) => l.file)
    // only 平安镇 has a status set (需整改) — and a pending finding, so it is a draft as well
    expect(files.map((f) => basename(f)).sort()).toEqual(
      ['官前乡-2021年报整改意见（草稿）.docx', '裴城镇-2023年报整改意见（草稿）.docx', '平安镇-2023年报整改意见（草稿）.docx', '头营镇-2023年报整改意见（草稿）.docx', '王官集镇-2020年报整改意见（草稿）.docx'].sort()
    )
    for (const f of files) {
      expect(existsSync(f)).toBe(true)
      expect((await docText(f)).text).not.toContain('无需整改')
    }
    const wang = await docText(files.find((f) => f.includes('王官集镇')) as string)
    expect(wang.text).toContain('关于王官集镇2020年政府信息公开工作年度报告的整改意见')
    expect(wang.text).not.toContain(CONFIRMED)
    expect((await docText(files.find((f) => f.includes('平安镇')) as string)).text).toContain(CONFIRMED)
  })

  it('a decided report gets its final letter beside the drafts', async () => {
    db.prepare("UPDATE findings SET decision = 'dismissed' WHERE report_id = ? AND state = 'open' AND decision IS NULL").run(rid['平安镇'])
    try {
      const { letters } = await exportLetters(db, batchId, join(dir, 'all2'))
      const ping = letters.find((l) => l.reportId === rid['平安镇'])!
      expect(ping).toMatchObject({ draft: false, reasons: [] })
      expect(basename(ping.file)).toBe('平安镇-2023年报整改意见.docx')
      expect(letters.filter((l) => l.draft)).toHaveLength(4)
    } finally {
      db.prepare("UPDATE findings SET decision = NULL WHERE report_id = ? AND key = 'MANUAL@3'").run(rid['平安镇'])
    }
  })

  it('names the addressee in full', () => {
    expect(fullBodyName('原州区头营镇')).toBe('原州区头营镇人民政府')
    expect(fullBodyName('云阳县平安镇人民政府')).toBe('云阳县平安镇人民政府')
    expect(fullBodyName('某区城关街道')).toBe('某区城关街道办事处')
  })

  it('sanitizes file names', () => {
    expect(feedbackFileName({ township: '平安/镇:*?', year: 2023, file: null })).toBe('平安_镇___-2023年报整改意见.docx')
    expect(feedbackFileName({ township: null, year: null, file: 'sub/坏文件.pdf' })).toBe('坏文件-年度不明年报整改意见.docx')
  })
})
