// SEC6-FEE. Each case is the whole of section 六 of seed 002 (2021 format, year 2023); `\n` is a line
// break as a PDF or a web copy writes it.
import type { SentenceCase } from './types.ts'

export const CASES: SentenceCase[] = [
  { s: '无。', fire: true, why: 'seed 002: nothing about the fee' },
  { s: '本年度未收取信息处理费。', fire: false },
  { s: '全年收取政府信息公开信息处理费 3940 元。', fire: false, why: 'szfgs2024' },
  { s: '2024 年，市政府严格落实《政府信息公开信息处理费管理\n办法》，全年收取政府信息公开信息处理费 3940 元。', fire: false, why: 'szfgs2024 as its PDF wraps it' },
  {
    s: '（一）依申请公开收费情况。按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办\n法〉的通知》（国办函〔2020〕109 号）规定，2023 年未收到政府信息公开申请，未收取信息处\n理费。',
    fire: false,
    why: 'seed 003 as an office PDF wraps it: 未收取信息处 / 理费'
  },
  { s: '本机关共发出收费通知2件，\n合计金额200元，实际收取200元。', fire: false, why: 'count and amount over a line break' },
  { s: '本年度未发生信息处理费收\n取情况。', fire: false, why: 'negation with the word wrapped' },
  { s: '严格落实《政府信息公开信息处理费管理办法》，规范收费行为。', fire: true, why: 'cites the rules, says nothing about what was charged' },
  { s: '依申请公开收费情况：按规定\n执行。', fire: true, why: 'wrapped, still no count, amount or 未收取' },
  { s: '（一）政务公开工作要点落实情况。\n严格落实年度工作要点。', fire: true, why: 'no fee statement at all' }
]
