// SEC1-ASPECTS. Each case is the whole body of section 一 of seed 002. FILLER covers 依申请公开, 平台 and
// 监督保障, so a case fires only on what it says (or fails to say) about 主动公开 and 政府信息管理.
import type { SentenceCase } from './types.ts'

export const FILLER = '依申请公开工作依法办理。政府网站平台运行平稳。强化监督保障，纳入年度考核。'

export const CASES: SentenceCase[] = [
  {
    s: '综合办公室按要求主动公示了驻地迁移信息；综合办公室（财务科）按要求主动公示了中仓街道办事处2024年度部门决算和2025年度预算情况说明。信息经层层审核后进行公开发布。',
    fire: false,
    why: 'holdout zhongcang2025: 主动公示, 层层审核'
  },
  { s: '设立登录、审核、发布三个账号，主动发布政策文件30条。', fire: false, why: '审核、发布 accounts; 主动发布' },
  { s: '落实保密审查制度，主动公开政府信息50条。', fire: false },
  { s: '（一）主动公开情况。全年公开信息120条。\n（三）政府信息管理情况。及时清理规范性文件。', fire: false, why: 'sub-headings' },
  { s: '全年主动公开政府信息120条。', fire: true, why: 'nothing about managing information' },
  { s: '严格信息发布审核，规范政府信息管理。', fire: true, why: 'nothing about active disclosure' },
  { s: '做好信息公开审查工作。将公开信息逐一上网发布。', fire: true, why: 'seed 000: 审查 of 政务公开 and 上网发布 are neither aspect' },
  { s: '审核工作有序开展。及时发布各类信息。', fire: true, why: '审核 and 发布 apart, no 主动公开' }
]
