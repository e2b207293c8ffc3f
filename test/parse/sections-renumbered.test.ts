// Parts renumbered, split or retitled in real 2025 reports of the held-out corpus (a crawler's one-paragraph
// text: headings glued to their bodies), and the seed texts where such readings must not take a real heading's place.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOCUMENT_RULES } from '../../src-main/engine/checks/rules/_document.ts'
import { SECTION_RULES } from '../../src-main/engine/checks/rules/_section.ts'
import type { ParsedReport } from '../../src-main/engine/model.ts'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import { ACC_DIR } from '../../scripts/accuracy/corpus.ts'
import { ruleHarness, runRule } from '../helpers/check.ts'
import { SEEDS, SEED_DIR } from '../helpers/seeds.ts'

const held = (f: string): string => readFileSync(join(ACC_DIR, 'holdout-full', f), 'utf8')
const parse = (text: string): ParsedReport => parseReport(readText(new TextEncoder().encode(text)))
const title = (r: ParsedReport, id: string): string | undefined => {
  const s = r.sections.find((x) => x.id === id)
  return s?.found ? r.norm.slice(s.titleSpan!.start, s.titleSpan!.end) : undefined
}
const onePara = (t: string): string => t.split('\n').map((l) => l.trim()).filter(Boolean).join('').replace(/\t/g, '')
const seed000 = readFileSync(join(SEED_DIR, SEEDS.find((s) => s.startsWith('000'))!), 'utf8')
const sec = ruleHarness(SECTION_RULES, '_section.ts')
const doc = ruleHarness(DOCUMENT_RULES, '_document.ts')

describe('a template title under another ordinal', () => {
  it('苏平 2025: 六、存在的主要问题和改进情况 after a new 五 is section 五, reworded; no 六 is read', () => {
    const r = parse(held('ptspp2025.txt'))
    expect(title(r, 'S5')).toBe('六、存在的主要问题和改进情况')
    expect(r.sections.find((s) => s.id === 'S5')!.titleMatch).toBe('reworded')
    expect(title(r, 'S6')).toBeUndefined()
    const f = runRule(sec.rule('SEC-PRESENT'), held('ptspp2025.txt')).findings
    expect(f.map((x) => [x.loc, x.severity])).toEqual([['S6', 'error']])
  })

  it('does not take the place of the real heading: 三、存在的主要问题及改进情况 inside section 一', () => {
    const text = onePara(seed000.replace('(二) 规范建设，提高政务公开质量。', '三、存在的主要问题及改进情况'))
    expect(text).not.toBe(onePara(seed000))
    expect(title(parse(text), 'S5')).toBe(title(parse(onePara(seed000)), 'S5'))
  })
})

describe('retitled parts read by their keywords', () => {
  it('君山 2025: 五、当前存在的突出问题 and 七、其他需说明事项 are sections 五 and 六', () => {
    const r = parse(held('ptjsp2025.txt'))
    expect(title(r, 'S5')).toBe('五、当前存在的突出问题')
    expect(title(r, 'S6')).toBe('七、其他需说明事项')
  })

  it('君山 2025: 一、年度工作核心成效 in the overview’s place is a warning quoting it, not a missing part', () => {
    const f = runRule(sec.rule('SEC-PRESENT'), held('ptjsp2025.txt')).findings
    expect(f.map((x) => [x.loc, x.severity])).toEqual([['S1', 'warning']])
    expect(f[0]!.message).toContain('“一、年度工作核心成效”')
  })

  it('海坛 2025: 六、其他需报告的事项 glued to its text is section 六', () => {
    expect(title(parse(held('pthtp2025.txt')), 'S6')).toBe('六、其他需报告的事项')
  })

  it('五、 without 问题 close after it, or 其他 without 事项, is no heading', () => {
    const five = onePara(seed000).replace(/五、存在的主要问题及改进情况/, '五、工作中的不足之处和下一步打算')
    expect(title(parse(five), 'S5')).toBeUndefined()
    const six = onePara(seed000).replace(/六、其他需要报告的事项/, '六、其他情况')
    expect(title(parse(six), 'S6')).toBeUndefined()
  })
})

describe('a title whose last word is rewritten', () => {
  it('金井 2023: 五、存在的主要问题及改进措施2023年… is reworded (措施 for 情况), not cut short', () => {
    const r = parse(held('ptjjp2023.txt'))
    expect(title(r, 'S5')).toBe('五、存在的主要问题及改进措施')
    expect(r.sections.find((s) => s.id === 'S5')!.titleMatch).toBe('reworded')
    const msg = runRule(sec.rule('SEC-TITLE'), held('ptjjp2023.txt')).findings.map((x) => x.message).join('')
    expect(msg).not.toContain('不完整')
  })
})

describe('DOC-DECLARED-PARTS and a part the template lacks', () => {
  it('金井 2025: the preface names 信息处理费收取情况 among six parts and the text has it as 五: no finding', () => {
    expect(runRule(doc.rule('DOC-DECLARED-PARTS'), held('ptjjp2025.txt')).outcome).toBe('PASS')
  })

  it('still fires when the preface lists five of six parts', () => {
    const r = runRule(doc.rule('DOC-DECLARED-PARTS'), doc.edit('002', '政府信息公开行政复议和行政诉讼情况、', ''))
    expect(r.findings[0]!.message).toContain('只列出了5个部分')
  })
})
