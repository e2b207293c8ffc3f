// DOC-STAT-PERIOD: the text added to the preface of seed 000 (which has no statistics period).
import type { SentenceCase } from './types.ts'

export const CASES: SentenceCase[] = [
  { s: '本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。', fire: false, why: 'issue 13, inline' },
  { s: '本报告中所列数据的统计期限自2023年1月1日起至2023年\n12月31日止。', fire: false, why: 'a PDF line break' },
  { s: '本报告中所列数据的统\n计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。', fire: false, why: 'a PDF line break inside 统计' },
  { s: '报告中所列数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。', fire: false, why: 'hzq2023' },
  { s: '报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。', fire: false, why: 'szfgs2024' },
  { s: '本年度报告中使用数据统计期限为2023年1月1日至12月31日。', fire: false },
  { s: '本报告统计数据从2023年1月1日到2023年12月31日。', fire: false },
  { s: '本报告电子版可在政府网站下载。', fire: true },
  { s: '本报告数据截至2023年12月31日。', fire: true, why: 'an end date only' }
]
