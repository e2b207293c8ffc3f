// Sections found where they stand: on their own line, after markdown marks, inside one paragraph, in
// traditional characters; in order; never taken from a sentence or sub-heading that merely names them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readText } from '../../src-main/engine/ingest/readers/text.ts'
import { parseReport } from '../../src-main/engine/parse/index.ts'
import type { ParsedReport } from '../../src-main/engine/model.ts'
import { readMeta } from '../../src-main/engine/parse/meta.ts'
import { foldText } from '../../src-main/engine/parse/normalize.ts'
import { findSections } from '../../src-main/engine/parse/sections.ts'
import { template } from '../../src-main/engine/template.ts'
import { ROOT, SEEDS, SEED_DIR } from '../helpers/seeds.ts'

const IDS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6']
const TITLES = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '行政复议', '问题', '其他需要报告的事项']

function parse(text: string): ParsedReport {
  return parseReport(readText(new TextEncoder().encode(text)))
}

function expected(seed: string): { year: number; township: string } {
  return JSON.parse(readFileSync(join(ROOT, 'test', 'expected', seed.replace(/\.txt$/, '.json')), 'utf8'))
}

/** Every section found, in order, and each title span really holds the section's words. */
function expectSixInOrder(r: ParsedReport, what: string): void {
  let last = -1
  IDS.forEach((id, k) => {
    const s = r.sections.find((x) => x.id === id)
    expect(s?.found, `${what} ${id}`).toBe(true)
    const span = s!.titleSpan!
    expect(span.start, `${what} ${id} order`).toBeGreaterThan(last)
    last = span.start
    const written = r.norm.slice(span.start, span.end).replace(/\s+/g, '')
    expect(written.includes(TITLES[k]!.slice(0, 4)), `${what} ${id}: ${written}`).toBe(true)
  })
}

const variants: Record<string, (t: string) => string> = {
  // a web copy flattened into one paragraph: headings inline, table cells glued
  'one paragraph': (t) => t.split('\n').map((l) => l.trim()).filter(Boolean).join('').replace(/\t/g, ''),
  'markdown ##': (t) => t.replace(/^([一二三四五六]、)/gm, '## $1').replace(/^总体情况$/m, '## 总体情况'),
  'bold **': (t) => t.replace(/^([一二三四五六]、.*)$/gm, '**$1**'),
  // full-width ordinal punctuation and spaces inside the heading
  'full-width': (t) => t.replace(/^([一二三四五六])、/gm, '$1．').replace(/^一．总体情况/m, '一． 总 体 情 况')
}

describe('six sections in every layout of every seed', () => {
  for (const seed of SEEDS) {
    const text = readFileSync(join(SEED_DIR, seed), 'utf8')
    const exp = expected(seed)
    for (const [name, make] of Object.entries(variants)) {
      it(`${seed.slice(0, 3)} ${name}`, () => {
        const r = parse(make(text))
        expectSixInOrder(r, `${seed} ${name}`)
        expect(r.year).toBe(exp.year)
        expect(r.body?.township).toBe(exp.township)
        expect(r.problems?.filter((p) => p.code === 'section-unplaced') ?? []).toEqual([])
      })
    }
  }

  it('inline headings keep offsets into the original traditional text', () => {
    const seed = SEEDS.find((s) => s.startsWith('004'))!
    const one = variants['one paragraph']!(readFileSync(join(SEED_DIR, seed), 'utf8'))
    const r = parse(one)
    const s5 = r.sections.find((s) => s.id === 'S5')!
    // the original keeps its traditional characters; only matching is folded
    expect(one.slice(s5.titleSpan!.start, s5.titleSpan!.end)).toBe('五、存在的問題及改進措施')
    expect(s5.titleMatch).toBe('variant')
  })
})

describe('a title cut short inside one paragraph', () => {
  it('seed 004’s truncated 四 (…行政訴訟情) glued to its table is still section 四, marked truncated', () => {
    const seed = SEEDS.find((s) => s.startsWith('004'))!
    const one = variants['one paragraph']!(readFileSync(join(SEED_DIR, seed), 'utf8')).replace(/\|/g, '')
    const r = parse(one)
    const s4 = r.sections.find((s) => s.id === 'S4')!
    expect(s4.found).toBe(true)
    expect(s4.titleMatch).toBe('truncated')
    expect(one.slice(s4.titleSpan!.start, s4.titleSpan!.end)).toBe('四、政府信息公開行政復議、行政訴訟情')
    expect(r.problems?.some((p) => p.code === 'section-unplaced') ?? false).toBe(false)
  })

  it('a 五 heading that goes on in other words (…及明年工作计划) inside one paragraph still starts section 五, as reworded', () => {
    const seed = readFileSync(join(SEED_DIR, SEEDS.find((s) => s.startsWith('000'))!), 'utf8')
    const heading = seed.match(/^五、[^\n]*$/m)![0]
    const text = variants['one paragraph']!(seed.replace(heading, '五、存在的主要问题及明年工作计划'))
    const r = parse(text)
    expectSixInOrder(r, 'reworded 五')
    const s5 = r.sections.find((s) => s.id === 'S5')!
    expect(s5.titleMatch).toBe('reworded')
    // The written title stops where the glued body starts (a digit, a mark or a non-Chinese character).
    expect(text.slice(s5.titleSpan!.start, s5.titleSpan!.end)).toBe('五、存在的主要问题及明年工作计划')
    expect(r.problems?.some((p) => p.code === 'section-unplaced') ?? false).toBe(false)
    // Without its ordinal the same words are running text: not a heading.
    const noOrd = parse(variants['one paragraph']!(seed.replace(heading, '存在的主要问题及明年工作计划')))
    expect(noOrd.sections.find((s) => s.id === 'S5')!.found).toBe(false)
  })
})

describe('an ordinal written without its 、 inside one paragraph', () => {
  const seed = readFileSync(join(SEED_DIR, SEEDS.find((s) => s.startsWith('000'))!), 'utf8')
  it('…。一总体情况2020年… after a sentence is section 一, as a title without its ordinal mark', () => {
    const one = variants['one paragraph']!(seed)
    const at = one.indexOf('一、总体情况')
    const before = one.slice(0, at).replace(/[。\s]*$/, '。')
    const text = before + '一总体情况' + one.slice(at + '一、总体情况'.length)
    const r = parse(text)
    expectSixInOrder(r, 'no 、')
    const s1 = r.sections.find((s) => s.id === 'S1')!
    expect(text.slice(s1.titleSpan!.start, s1.titleSpan!.end)).toBe('一总体情况')
    expect(s1.titleMatch).toBe('no-ordinal')
  })
  it('统一总体情况 inside a sentence is no heading', () => {
    const one = variants['one paragraph']!(seed)
    const at = one.indexOf('一、总体情况')
    const text = one.slice(0, at) + '我们统一总体情况' + one.slice(at + '一、总体情况'.length)
    expect(parse(text).sections.find((s) => s.id === 'S1')!.found).toBe(false)
  })
})

describe('false headings', () => {
  const seed000 = readFileSync(join(SEED_DIR, SEEDS.find((s) => s.startsWith('000'))!), 'utf8')

  it('a sub-heading （二）主动公开政府信息情况 inside section 一 does not start section 二', () => {
    const t = seed000.replace('(二) 规范建设，提高政务公开质量。', '（二）主动公开政府信息情况')
    expect(t).not.toBe(seed000)
    const r = parse(t)
    const s2 = r.sections.find((s) => s.id === 'S2')!
    expect(r.norm.slice(s2.titleSpan!.start, s2.titleSpan!.end)).toBe('二、主动公开政府信息情况')
    expect(s2.titleSpan!.start).toBe(t.indexOf('二、主动公开政府信息情况'))
  })

  it('a preface listing the six titles does not take their place, in lines or in one paragraph', () => {
    const toc = '本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。\n'
    const at = seed000.indexOf('一、总体情况')
    const t = seed000.slice(0, at) + toc + seed000.slice(at)
    for (const text of [t, variants['one paragraph']!(t)]) {
      const r = parse(text)
      expectSixInOrder(r, 'toc')
      const s1 = r.sections.find((s) => s.id === 'S1')!
      expect(s1.titleSpan!.start).toBeGreaterThan(text.indexOf('本报告包括') + toc.length - 2)
    }
  })

  it('running text that names a section is not its heading when the heading exists', () => {
    const t = seed000.replace('我镇认真贯彻落实区委', '主动公开政府信息情况良好。收到和处理政府信息公开申请情况见下。我镇认真贯彻落实区委')
    const r = parse(t)
    expect(r.sections.find((s) => s.id === 'S2')!.titleSpan!.start).toBe(t.indexOf('二、主动公开政府信息情况'))
    expect(r.sections.find((s) => s.id === 'S3')!.titleSpan!.start).toBe(t.indexOf('三、收到和处理政府信息公开申请情况'))
  })

  it('a sentence starting with a title is not a heading when section 一 is missing', () => {
    const a = seed000.indexOf('一、总体情况')
    const b = seed000.indexOf('二、主动公开政府信息情况')
    const t = seed000.slice(0, a) + '本镇工作有序开展。总体情况良好，群众满意。\n' + seed000.slice(b)
    for (const text of [t, variants['one paragraph']!(t)]) {
      const r = parse(text)
      expect(r.sections.find((s) => s.id === 'S1')!.found).toBe(false)
      expect(r.sections.find((s) => s.id === 'S2')!.found).toBe(true)
    }
  })

  it('十二、 or 第二、 are not section ordinals', () => {
    const t = seed000.replace('我镇认真贯彻落实区委', '十二、主动公开政府信息情况。我镇认真贯彻落实区委')
    const r = parse(variants['one paragraph']!(t))
    const s2 = r.sections.find((s) => s.id === 'S2')!
    expect(r.norm.slice(s2.titleSpan!.start - 1, s2.titleSpan!.start)).not.toBe('十')
  })

  it('a deleted section is not found anywhere else', () => {
    const cut = seed000.slice(0, seed000.indexOf('六、其他需要报告的事项'))
    for (const text of [cut, variants['one paragraph']!(cut)]) {
      const r = parse(text)
      expect(r.sections.find((s) => s.id === 'S6')!.found).toBe(false)
      expect(r.sections.filter((s) => s.found)).toHaveLength(5)
    }
  })
})

describe('linear time', () => {
  // Adversarial text: a candidate heading every few characters. Quadrupling the text must not cost
  // sixteen times as much (quadratic); linear scanning stays near four.
  it('heading and metadata scanning grow linearly with the text', () => {
    const unit = '一、总体情况二、主动公开政府信息情况三、收到和处理政府信息公开申请情况四、五、六、其他需要报告的事项。总体情况'
    const cost = (chars: number): number => {
      const read = readText(new TextEncoder().encode(unit.repeat(Math.ceil(chars / unit.length))))
      const norm = foldText(read.text)
      const t0 = performance.now()
      const sections = findSections(read.lines, norm, template('2021').sections, read.text.length)
      readMeta(read.lines, read.text, sections[0]?.titleSpan?.start)
      return performance.now() - t0
    }
    cost(50_000) // warm-up
    const small = Math.min(cost(250_000), cost(250_000))
    const big = cost(1_000_000)
    expect(big / small).toBeLessThan(9)
  })
})
