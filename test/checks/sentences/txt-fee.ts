// TXT-FEE. Base: seed 002 (表三（六）2 = 0; 新收 1) unless `cells` says otherwise.
import type { SentenceCase } from './types.ts'

export const CASES: SentenceCase[] = [
  { s: '本年度未收取信息处理费。', fire: false },
  { s: '全年收取政府信息公开信息处理费 0 元。', fire: false, why: 'hzq2023' },
  { s: '本年度未收取信息处理费。', fire: false, cells: { 'T3.r6_2_fee_unpaid.total': 1 }, why: 'an unpaid notice collects nothing: no contradiction (the unreported notice is T3-FEE-NOTICE’s)' },
  { s: '2025年，无收取信息处理费情况。', fire: false, cells: { 'T3.r6_2_fee_unpaid.total': 2 }, year: 2025, why: 'holdout pingtan2025 (helper holdout3): 2 unpaid notices, nothing collected' },
  { s: '本年度未产生信息处理费。', fire: true, cells: { 'T3.r6_2_fee_unpaid.total': 1 }, why: 'a notice is a fee charged' },
  { s: '本机关不收取信息处理费。', fire: true, cells: { 'T3.r6_2_fee_unpaid.total': 1 }, why: 'says no fee is charged, the table counts a notice' },
  { s: '本年度未发出收费通知，未收取信息处理费。', fire: true, cells: { 'T3.r6_2_fee_unpaid.total': 2 } },
  { s: '全年收取信息处理费200元。', fire: true, cells: { 'T3.new_received.total': 0, 'T3.carried_over.total': 0 }, why: 'fees without any application' },
  { s: '全年收取政府信息公开信息处理费 3940 元。', fire: false, why: 'szfgs2024, with applications' },
  { s: '未收取信息处理费，但收取信息处理费100元。', fire: true, why: 'contradiction' },
  { s: '严格落实《政府信息公开信息处理费管理办法》。', fire: false },
  { s: '信息处理费按件计收、按量计收标准执行。', fire: false },
  // Real sentences of the held-out reports (test/accuracy/holdout*/), as printed.
  { s: '全县行政机关在办理2025年度信息公开申请中收取信息处理费共计380元，其中民政局1件，收取380元。', fire: false, why: 'holdout shuyang2025' },
  { s: '全县行政机关在办理2025年度信息公开申请中收取信息处理费共计380元，其中民政局1件，收取380元。', fire: false, cells: { 'T3.r6_2_fee_unpaid.total': 7 }, why: 'holdout shuyang2025 with its 表三 (7 unpaid notices): fees charged, no contradiction' },
  { s: '2020年,团结乡未收取任何政府信息公开费用。', fire: false, why: 'holdout tuanjie2020' },
  { s: '2024 年，市科委未发生政府信息公开收费事项。', fire: false, why: 'holdout kewei2024' },
  { s: '2025 年度本机关未收取信息公开处理费。', fire: false, why: 'holdout shoffice2025' }
]
