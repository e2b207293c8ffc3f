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
  {
    s: '对涉及公众生产生活和群众关心的公安政务信息，严格按照政府信息公开目录和保密要求，逐条审查、科学界定，凡属应当公开的信息，均依法及时向社会公开。全年累计公开公安政府信息184条。重要信息增加法制部门审核环节，并经区局分管领导审查批准后公布。',
    fire: false, why: 'holdout-full ptgaj2021 (holdout5): 依法及时向社会公开 is active disclosure, 审核…批准后公布 the review'
  },
  { s: '凡属应当公开的信息，均及时上网。重要信息经审核后发布。', fire: true, why: '上网 alone is no 主动公开' },
  { s: '（一）主动公开情况。全年公开信息120条。\n（三）政府信息管理情况。及时清理规范性文件。', fire: false, why: 'sub-headings' },
  { s: '全年主动公开政府信息120条。', fire: true, why: 'nothing about managing information' },
  { s: '严格信息发布审核，规范政府信息管理。', fire: true, why: 'nothing about active disclosure' },
  { s: '做好信息公开审查工作。将公开信息逐一上网发布。', fire: true, why: 'seed 000: 审查 of 政务公开 and 上网发布 are neither aspect' },
  { s: '审核工作有序开展。及时发布各类信息。', fire: true, why: '审核 and 发布 apart, no 主动公开' },
  {
    s: '(一)主动公开方面。2023年,我镇认真贯彻落实《中华人民共和国政府信息公开条例》以及省、州、市关于政府信息公开工作的决策部署,依法做好政府信息公开工作,切实保障人民群众的合法权益。\n(二)政府性公开平台建设方面。加强建设政务新媒体高质量平台建设,充分发挥政务新媒体传播速度快、受众面广、互动性强等优势,严格按照三审三校制度,及时发布工作动态、法规政策、政策解读等信息。',
    fire: false, why: 'holdout wanchao2023: 三审三校 is the review before release'
  },
  { s: '2022年,松木塘镇人民政府认真贯彻落实《中华人民共和国政府信息公开条例》和各级政府信息公开工作要求,严格按照信息公开流程和信息公开保密审核制度,全面完成了各项信息公开任务。(一)主动公开情况。2022年,主动公开政府信息32条。', fire: false, why: 'holdout songmutang2022' },
  { s: '新九镇认真贯彻落实《中华人民共和国政府信息公开条例》上一年度积极主动公开政府信息,信息公开主要聚焦在日常工作动态,森林草原防灭火、疫情防控等重要工作、环保工作等方面53条。', fire: true, why: 'holdout xinjiu2021: active disclosure only' }
]
