// Document rules (domain.md §8.1) on the five seeds (§9 expectations) and on planted variants.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOCUMENT_RULES } from '../../src-main/engine/checks/rules/_document.ts'
import type { BatchSettings, Outcome } from '../../src-main/engine/checks/types.ts'
import { ctxFromText, ruleHarness, runRule, SEED_IDS } from '../helpers/check.ts'
import { FIXTURES } from '../helpers/seeds.ts'

const BATCH: BatchSettings = { year: 2023 }
const SEEDS = SEED_IDS
const { rule, seed, onSeed, edit } = ruleHarness(DOCUMENT_RULES, '_document.ts', BATCH)
const planted = (name: string): string => readFileSync(join(FIXTURES, 'planted', name), 'utf8')

// domain.md §9: expected outcome of every document rule on each seed (batch year 2023).
const EXPECTED: Record<string, Record<(typeof SEEDS)[number], Outcome>> = {
  'DOC-FORMAT-DETECT': { '000': 'PASS', '001': 'PASS', '002': 'PASS', '003': 'PASS', '004': 'FAIL' },
  'DOC-FORMAT-YEAR': { '000': 'PASS', '001': 'PASS', '002': 'PASS', '003': 'PASS', '004': 'PASS' },
  'DOC-TITLE': { '000': 'PASS', '001': 'PASS', '002': 'PASS', '003': 'PASS', '004': 'PASS' },
  'DOC-TITLE-AGENCY': { '000': 'FAIL', '001': 'PASS', '002': 'PASS', '003': 'FAIL', '004': 'PASS' },
  'DOC-YEAR-CONSISTENT': { '000': 'PASS', '001': 'PASS', '002': 'PASS', '003': 'PASS', '004': 'PASS' },
  'DOC-TARGET-YEAR': { '000': 'PASS', '001': 'FAIL', '002': 'PASS', '003': 'PASS', '004': 'FAIL' },
  'DOC-STAT-PERIOD': { '000': 'FAIL', '001': 'PASS', '002': 'PASS', '003': 'PASS', '004': 'FAIL' },
  'DOC-DEADLINE': { '000': 'UNVERIFIABLE', '001': 'UNVERIFIABLE', '002': 'UNVERIFIABLE', '003': 'UNVERIFIABLE', '004': 'PASS' },
  'DOC-DECLARED-PARTS': { '000': 'N/A', '001': 'N/A', '002': 'PASS', '003': 'N/A', '004': 'N/A' },
  'DOC-CITATION': { '000': 'PASS', '001': 'PASS', '002': 'PASS', '003': 'PASS', '004': 'FAIL' },
  'DOC-TRAD': { '000': 'PASS', '001': 'PASS', '002': 'PASS', '003': 'PASS', '004': 'FAIL' },
  'DOC-WRONG-ENTITY': { '000': 'PASS', '001': 'PASS', '002': 'PASS', '003': 'PASS', '004': 'PASS' }
}
const SEVERITY: Record<string, string> = {
  'DOC-FORMAT-DETECT': 'info',
  'DOC-TITLE-AGENCY': 'info',
  'DOC-TARGET-YEAR': 'warning',
  'DOC-STAT-PERIOD': 'info',
  'DOC-CITATION': 'info',
  'DOC-TRAD': 'info'
}

describe('document rules: the family', () => {
  it('lists every catalog rule of §8.1 once, with Chinese title and source, never error on [R]', () => {
    expect(DOCUMENT_RULES.map((r) => r.id)).toEqual(Object.keys(EXPECTED))
    for (const r of DOCUMENT_RULES) {
      expect(r.family).toBe('document')
      expect(r.title).toMatch(/[\u4e00-\u9fa5]/)
      expect(r.source).toMatch(/[\u4e00-\u9fa5]/)
      if (r.confidence === 'R') expect(r.severity).not.toBe('error')
    }
  })

  it('meets the §9 expectations on the five seeds, with no error-level finding', () => {
    for (const id of Object.keys(EXPECTED)) {
      for (const p of SEEDS) {
        const r = onSeed(id, p)
        expect(r.outcome, `${id} on seed ${p}`).toBe(EXPECTED[id]![p])
        for (const f of r.findings) {
          expect(f.severity, `${id} on ${p}: ${f.message}`).not.toBe('error')
          expect(f.rule).toBe(id)
          expect(f.message).toMatch(/[\u4e00-\u9fa5]/)
          expect(f.loc).not.toMatch(/\d{3,}/)
          expect(f.evidence.length).toBeGreaterThan(0)
          if (f.outcome === 'FAIL') expect(f.severity).toBe(SEVERITY[id])
        }
      }
    }
  })

  it('gives stable findings when a report is re-checked', () => {
    for (const p of SEEDS) {
      const again = rule('DOC-TITLE-AGENCY').check(ctxFromText(seed(p), BATCH))
      expect(again.findings.map((f) => f.loc)).toEqual(onSeed('DOC-TITLE-AGENCY', p).findings.map((f) => f.loc))
    }
  })

  it('points text evidence at the original text', () => {
    for (const p of SEEDS) {
      const text = seed(p)
      for (const id of Object.keys(EXPECTED)) {
        for (const f of onSeed(id, p).findings) {
          for (const e of f.evidence) if (e.kind === 'text') expect(text.slice(e.start, e.end)).toBe(e.text)
        }
      }
    }
  })
})

describe('DOC-FORMAT-DETECT / DOC-FORMAT-YEAR', () => {
  it('reports seed 004 as 2019 trial format with its markers, and a 2020 report in that format passes the year check', () => {
    const f = onSeed('DOC-FORMAT-DETECT', '004').findings
    expect(f).toHaveLength(1)
    expect(f[0]!.message).toContain('2019年试行格式')
    expect(f[0]!.message).toContain('采购项目数量')
    expect(f[0]!.evidence.some((e) => e.kind === 'text' && e.text.includes('對外公開總數量'))).toBe(true)
    expect(onSeed('DOC-FORMAT-YEAR', '004').note).toContain('2020')
  })

  it('flags a 2022 report written in the 2019 trial format as an error', () => {
    const r = runRule(rule('DOC-FORMAT-YEAR'), edit('004', '2020年政府信息公開工作年度報告', '2022年政府信息公開工作年度報告'))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]).toMatchObject({ severity: 'error', loc: 'format' })
    expect(r.findings[0]!.message).toContain('2022年度年报应使用2021年格式')
  })

  it('flags mixed templates as a warning (and DOC-FORMAT-DETECT says so)', () => {
    const t = edit('000', '现行有效件数', '对外公开总数量')
    const y = runRule(rule('DOC-FORMAT-YEAR'), t)
    expect(y.outcome).toBe('FAIL')
    expect(y.findings[0]!.severity).toBe('warning')
    expect(y.findings[0]!.message).toContain('混用模板')
    const d = runRule(rule('DOC-FORMAT-DETECT'), t)
    expect(d.findings[0]!.message).toContain('混用模板')
  })
})

describe('DOC-TITLE', () => {
  it('accepts the title of seed 002 split over two lines', () => {
    expect(onSeed('DOC-TITLE', '002').outcome).toBe('PASS')
  })

  it('fires when the title does not name the annual report', () => {
    const r = runRule(rule('DOC-TITLE'), edit('000', '2023 年政府信息公开工作年度报告', '2023 年政务公开工作年度报告'))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]).toMatchObject({ severity: 'warning', loc: 'title' })
    expect(r.findings[0]!.message).toContain('政府信息公开工作年度报告')
  })

  it('fires when the page carries the covering letter’s title (关于报送…的函), which still names body and year', () => {
    const text = edit('000', '郾城区裴城镇 2023 年政府信息公开工作年度报告', '郾城区裴城镇人民政府关于报送2023年度政府信息公开工作年度报告的函')
    const r = runRule(rule('DOC-TITLE'), text)
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]!.message).toContain('报送或印发年报的文件')
    expect(ctxFromText(text, BATCH).report.body?.township).toBe('裴城镇')
    // 关于 before the year in the report's own title is no covering letter.
    const own = runRule(rule('DOC-TITLE'), edit('000', '郾城区裴城镇 2023 年政府信息公开工作年度报告', '郾城区裴城镇人民政府关于2023年度政府信息公开工作的年度报告'))
    expect(own.findings.some((f) => f.message.includes('报送或印发'))).toBe(false)
  })
})

describe('DOC-TITLE-AGENCY', () => {
  it('names the short agency of seeds 000 and 003', () => {
    expect(onSeed('DOC-TITLE-AGENCY', '000').findings[0]!.message).toContain('郾城区裴城镇')
    expect(onSeed('DOC-TITLE-AGENCY', '003').findings[0]!.message).toContain('原州区头营镇')
  })

  it('passes once the title carries 人民政府', () => {
    expect(runRule(rule('DOC-TITLE-AGENCY'), edit('000', '郾城区裴城镇 2023', '郾城区裴城镇人民政府 2023')).outcome).toBe('PASS')
  })
})

describe('DOC-YEAR-CONSISTENT', () => {
  it('fires on the planted year mismatch (title 2022, period and body 2023) as an error', () => {
    const r = runRule(rule('DOC-YEAR-CONSISTENT'), planted('year-mismatch.txt'))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings.every((f) => f.severity === 'error')).toBe(true)
    const period = r.findings.find((f) => f.loc === 'year.period')
    expect(period?.message).toContain('2023')
    expect(period?.message).toContain('2022')
  })

  // holdout xiliu2023 writes its period without 日 after 31: still a period, and its year is still checked.
  it.each([
    ['本报告中所列数据的统计期限从2023年1月1日至12月31止。', false],
    ['本报告中所列数据的统计期限从2022年1月1日至12月31止。', true],
    ['截至2022年12月31日，累计公开信息1200条。', false]
  ] as const)('period sentence %s in a 2023 report → fires: %s', (sentence, fires) => {
    const t = edit('002', '本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', sentence)
    const r = runRule(rule('DOC-YEAR-CONSISTENT'), t)
    expect(r.findings.some((f) => f.loc === 'year.period')).toBe(fires)
  })

  // holdout-full ptjjf2022: a 2022 report that follows the notice about the 2021 reports, cited by its title.
  it.each([
    ['关于做好2022年政府信息公开工作年度报告有关工作的通知', false],
    ['关于做好2023年政府信息公开工作年度报告有关工作的通知》。现发布《平安镇2022年政府信息公开工作年度报告', true]
  ] as const)('preface naming %s in a 2023 report → fires: %s', (words, fires) => {
    const t = edit('002', '关于做好2023年政府信息公开工作年度报告有关工作的通知', words)
    const r = runRule(rule('DOC-YEAR-CONSISTENT'), t)
    expect(r.findings.some((f) => f.loc === 'year.name')).toBe(fires)
  })

  it('fires when the 落款 date is not in the following year', () => {
    const r = runRule(rule('DOC-YEAR-CONSISTENT'), edit('004', '2021年1月25日', '2020年12月25日'))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings.map((f) => f.loc)).toEqual(['year.signDate'])
  })
})

describe('DOC-TARGET-YEAR', () => {
  it('fires for the 2021 and 2020 reports in a 2023 batch', () => {
    expect(onSeed('DOC-TARGET-YEAR', '001').findings[0]!.message).toContain('2021年度')
    expect(onSeed('DOC-TARGET-YEAR', '004').findings[0]!.message).toContain('2020年度')
  })

  it('does not apply without a batch year', () => {
    expect(runRule(rule('DOC-TARGET-YEAR'), seed('001')).outcome).toBe('N/A')
  })
})

describe('DOC-STAT-PERIOD', () => {
  it('finds the period in 六（四） of seed 001 and in the preface of 003', () => {
    expect(onSeed('DOC-STAT-PERIOD', '001').note).toContain('2021年1月1日')
    expect(onSeed('DOC-STAT-PERIOD', '003').note).toContain('12月31日')
  })

  it('fires when the period sentence is removed', () => {
    const r = runRule(rule('DOC-STAT-PERIOD'), edit('002', '本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', ''))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]!.severity).toBe('info')
  })
})

describe('DOC-DEADLINE', () => {
  it('passes seed 004 (2021-01-25) with deadline 2021-01-31 and is UNVERIFIABLE without a 落款 date', () => {
    expect(runRule(rule('DOC-DEADLINE'), seed('004'), { deadline: '2021-01-31' }).outcome).toBe('PASS')
    const r = runRule(rule('DOC-DEADLINE'), seed('000'), { year: 2023, deadline: '2024-01-31' })
    expect(r.outcome).toBe('UNVERIFIABLE')
    expect(r.findings[0]).toMatchObject({ outcome: 'UNVERIFIABLE', loc: 'signDate' })
  })

  it('fires as an error when the 落款 date is after the deadline', () => {
    const r = runRule(rule('DOC-DEADLINE'), seed('004'), { deadline: '2021-01-20' })
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]).toMatchObject({ severity: 'error', outcome: 'FAIL' })
    expect(r.findings[0]!.message).toContain('2021-01-25')
    const late = runRule(rule('DOC-DEADLINE'), edit('004', '2021年1月25日', '2021年3月5日'))
    expect(late.outcome).toBe('FAIL')
  })
})

describe('DOC-DECLARED-PARTS', () => {
  it('fires when the preface claims six parts but lists five', () => {
    const r = runRule(rule('DOC-DECLARED-PARTS'), edit('002', '政府信息公开行政复议和行政诉讼情况、', ''))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]!.message).toContain('只列出了5个部分')
  })

  it('fires when the declared number differs from the sections found', () => {
    const r = runRule(rule('DOC-DECLARED-PARTS'), edit('002', '其他需要报告的事项六部分组成', '其他需要报告的事项七部分组成'))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]!.message).toContain('7部分')
  })

  // 君山片区 2025: the preface names six parts, the text numbers seven (one of them not in the template).
  const numbered = (t: string): string => t.replace('\n总体情况\n', '\n一、总体情况\n')
  it('counts the parts the text numbers in order, a part outside the template included', () => {
    const text = numbered(edit('002', '\n六、其他需要报告的事项', '\n六、下一步工作打算\n继续做好政务公开工作。\n七、其他需要报告的事项'))
    const r = runRule(rule('DOC-DECLARED-PARTS'), text)
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]!.message).toContain('正文按序号写有7个部分')
  })

  // A 2019-template preface names part 四 otherwise than its heading; the headings written as markdown ('## 四、…').
  it('does not count a part of the template as an extra part when its heading is written as markdown', () => {
    const worded = edit('002', '政府信息公开行政复议和行政诉讼情况', '因政府信息公开申请行政复议、提起行政诉讼的情况')
    expect(runRule(rule('DOC-DECLARED-PARTS'), worded).outcome).toBe('PASS')
    const md = worded.replace(/\n([一二三四五六]、)/g, '\n## $1')
    expect(md).toContain('## 四、政府信息公开行政复议')
    expect(runRule(rule('DOC-DECLARED-PARTS'), md).outcome).toBe('PASS')
    // A part of its own the preface names still counts, under a markdown heading too.
    const own = md.replace('六部分组成', '信息处理费收取情况等七部分组成').replace('\n## 六、其他需要报告的事项', '\n## 六、信息处理费收取情况\n无。\n## 七、其他需要报告的事项')
    expect(runRule(rule('DOC-DECLARED-PARTS'), own).outcome).toBe('PASS')
  })

  it('does not count a list inside a part, nor a retitled part as missing', () => {
    const list = numbered(edit('002', '\n六、其他需要报告的事项\n', '\n六、其他需要报告的事项\n一、加强学习。\n二、完善制度。\n'))
    expect(runRule(rule('DOC-DECLARED-PARTS'), list).outcome).toBe('PASS')
    const retitled = edit('002', '\n总体情况\n', '\n一、年度工作核心成效\n')
    expect(runRule(rule('DOC-DECLARED-PARTS'), retitled).outcome).toBe('PASS')
  })
})

describe('DOC-CITATION', () => {
  it('flags 《政務公開條例》 in seed 004', () => {
    const f = onSeed('DOC-CITATION', '004').findings
    expect(f).toHaveLength(1)
    expect(f[0]!.message).toContain('政務公開條例')
  })

  it('flags a wrong issuing prefix on the format notice number', () => {
    const r = runRule(rule('DOC-CITATION'), edit('003', '国办公开办函〔2021〕30号', '国办发〔2021〕30号'))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]!.message).toContain('国办公开办函〔2021〕30号')
  })
})

describe('DOC-TRAD', () => {
  it('notes the traditional characters of seed 004 only', () => {
    expect(onSeed('DOC-TRAD', '004').findings[0]!.message).toMatch(/繁体字/)
    expect(onSeed('DOC-TRAD', '002').outcome).toBe('PASS')
  })
})

describe('DOC-WRONG-ENTITY', () => {
  it('fires when the title names a department', () => {
    const r = runRule(rule('DOC-WRONG-ENTITY'), edit('003', '原州区头营镇 2023年政府', '原州区农业农村局 2023年政府'))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]).toMatchObject({ severity: 'warning', loc: 'title.entity' })
    expect(r.findings[0]!.message).toContain('农业农村局')
  })

  it('holds a unit the roster names as one of the county\'s townships, and only that one', () => {
    const text = edit('003', '原州区头营镇 2023年政府', '平潭综合实验区海坛片区管理局 2023年政府')
    expect(runRule(rule('DOC-WRONG-ENTITY'), text).outcome).toBe('FAIL')
    for (const roster of [['海坛片区管理局', '金井片区管理局'], ['海坛片区'], ['平潭综合实验区海坛片区管理局']]) {
      expect(runRule(rule('DOC-WRONG-ENTITY'), text, { roster }).findings.filter((f) => f.loc === 'title.entity'), roster.join()).toEqual([])
    }
    // Another unit on the roster, or a two-character name, does not cover it.
    for (const roster of [['金井片区管理局', '头营镇'], ['片区']]) {
      expect(runRule(rule('DOC-WRONG-ENTITY'), text, { roster }).findings.some((f) => f.loc === 'title.entity'), roster.join()).toBe(true)
    }
    const dept = edit('003', '原州区头营镇 2023年政府', '原州区农业农村局 2023年政府')
    expect(runRule(rule('DOC-WRONG-ENTITY'), dept, { roster: ['头营镇', '开城镇'] }).outcome).toBe('FAIL')
  })

  it('fires when title and 落款 name different townships', () => {
    const r = runRule(rule('DOC-WRONG-ENTITY'), edit('004', '宿城區王官集鎮人民政府\n2021年1月25日', '宿城區陳集鎮人民政府\n2021年1月25日'))
    expect(r.outcome).toBe('FAIL')
    expect(r.findings[0]!.loc).toBe('sign.mismatch')
  })
})
