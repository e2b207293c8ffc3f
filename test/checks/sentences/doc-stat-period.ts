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
  { s: '本报告中所列数据的统计期限从2023年1月1日至12月31止。', fire: false, why: 'holdout xiliu2023: 日 left out after 31' },
  { s: '报告中所列数据统计期限为2025111231日。', fire: false, why: 'holdout xingguo2025: the web page lost 年/月/日至, the period is still named' },
  { s: '本报告中所列数据的统计期限自20201月1日起至202012月31日止。', fire: false, why: 'holdout tuanjie2020: 年 lost after the years' },
  { s: '本年度报告中所列数据统计期限从2019年1月1日到12月31日止。', fire: false, why: 'holdout shanghai-bgt2019' },
  { s: '报告采用数据为2024年1月1日至2024年12月31日。', fire: false, why: 'holdout yongji2024' },
  { s: '信息数据统计期限为:2023年1月1日-2023年12月31日,全文电子化达100%。', fire: false, why: 'holdout zhaohua2023: a dash for 至' },
  { s: '本年度报告中所列数据的统计周期 为 2024 年 1 月 1 日至 12 月 31 日。', fire: false, why: 'holdout kewei2024: PDF-to-markdown spaces' },
  { s: '所列数据截止日期为20251231日,电子版可在门户网站下载。', fire: true, why: 'holdout jinchang2025: an end date only (garbled)' },
  { s: '截止2020年底,我乡政府信息公开工作运转正常。', fire: true, why: 'holdout dalong2020: 截止…年底 is not the period' },
  { s: '本报告电子版可在政府网站下载。', fire: true },
  { s: '本报告数据截至2023年12月31日。', fire: true, why: 'an end date only' }
]
