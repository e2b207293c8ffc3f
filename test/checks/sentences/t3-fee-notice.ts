// T3-FEE-NOTICE. Each case is the whole of section 六 of seed 002; `cells` set 表三（六）2 (逾期未缴费).
import type { SentenceCase } from './types.ts'

const UNPAID = (n: number): Record<string, number> => ({ 'T3.r6_2_fee_unpaid.natural_person': n, 'T3.r6_2_fee_unpaid.total': n })

export const CASES: SentenceCase[] = [
  { s: '无。', fire: false, why: 'no unpaid-fee case in 表三' },
  { s: '无。', fire: true, cells: UNPAID(2), why: '表三 says notices were sent, 六 says nothing' },
  { s: '全年收取政府信息公开信息处理费 3940 元。', fire: true, cells: UNPAID(6), why: 'szfgs2024: the amount collected, not the notices sent' },
  { s: '本年度共发出收费通知6件，收取信息处理费3940元。', fire: false, cells: UNPAID(6) },
  { s: '本年度共发出收费通\n知6件，收取信息处理费3940元。', fire: false, cells: UNPAID(6), why: 'a PDF wraps 收费通 / 知' },
  { s: '本年度发出收费\n通知书两份。', fire: false, cells: UNPAID(2), why: 'Chinese numeral, wrapped' },
  { s: '本年度发出收费通知书两份。', fire: true, cells: UNPAID(3), why: 'fewer notices than unpaid cases' },
  { s: '本年度未发出收费通知。', fire: true, cells: UNPAID(1), why: 'contradicts 表三' },
  { s: '对逾期未缴费的申请，依法发出收费通知。', fire: true, cells: UNPAID(2), why: 'mentions notices without a count' }
]
