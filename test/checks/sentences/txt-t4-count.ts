// TXT-T4-COUNT. Base: seed 002 (表四 all 0) unless `cells` says otherwise.
import type { SentenceCase } from './types.ts'

const R = (n: number): Record<string, number> => ({ 'T4.review_total': n })
const L = (direct: number, after = 0): Record<string, number> => ({ 'T4.lit_direct_total': direct, 'T4.lit_after_review_total': after })

export const CASES: SentenceCase[] = [
  { s: '本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。', fire: false, said: [['review', 0], ['lit', 0]] },
  { s: '全年未发生政府信息公开行政复议和行政诉讼案件。', fire: false, said: [['review', 0], ['lit', 0]] },
  { s: '本年度行政复议、行政诉讼均为0件。', fire: false, said: [['review', 0], ['lit', 0]] },
  { s: '行政复议和行政诉讼均未发生。', fire: false, said: [['review', 0], ['lit', 0]] },
  { s: '本年度被申请行政复议1件，行政诉讼0件。', fire: true, said: [['review', 1], ['lit', 0]] },
  { s: '全年发生政府信息公开行政复议案件2起。', fire: true, said: [['review', 2]] },
  { s: '因政府信息公开被提起行政诉讼1件。', fire: true, said: [['lit', 1]] },
  { s: '行政复议、行政诉讼各1件。', fire: true, said: [['review', 1], ['lit', 1]] },
  { s: '有1件涉及政府信息公开工作的行政复议，该行政复议件未被复议审查机关纠错。', fire: false, said: [['review', 1]], cells: R(1), why: 'issue 13: 未被…纠错 is not 未被复议' },
  { s: '有1件涉及政府信息公开工作的行政复议，该行政复议件未被复议审查机关纠错。', fire: true, said: [['review', 1]], why: 'the same sentence against a table with 0' },
  { s: '政府信息公开行政复议 351件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件。', fire: false, said: [['review', 351]], cells: R(351), why: 'szfgs2024: the parts are not the total' },
  { s: '政府信息公开行政诉讼 46 件，其中结果维持 25件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。', fire: false, said: [['lit', 46]], cells: L(40, 6), why: 'szfgs2024: lit total = direct + after review' },
  { s: '全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。', fire: false, said: [], why: 'issue 13: the negation is about 纠错/败诉' },
  { s: '未经复议直接起诉', fire: false, said: [], why: 'a table header cell' },
  { s: '未经复议直接起诉1件。', fire: false, said: [], why: 'a part of the litigation total' },
  { s: '行政复议结果维持1件。', fire: false, said: [], why: 'a part (outcome)' },
  { s: '被复议机关纠错1件。', fire: false, said: [], why: 'a part (outcome)' },
  { s: '有效降低行政复议、行政诉讼发生率和纠错率。', fire: false, said: [], why: 'hzq2024: a plan' },
  { s: '2022年发生行政复议2件。', fire: false, said: [], why: 'another year' },
  { s: '较上年减少行政诉讼1件。', fire: false, said: [], why: 'a comparison' },
  { s: '申请人未提起行政复议。', fire: false, said: [['review', 0]] },
  { s: '本年度没有因政府信息公开引发的行政诉讼。', fire: false, said: [['lit', 0]] },
  { s: '2023年我镇未收到行政复议申请，也未被提起行政诉讼。', fire: false, said: [['review', 0], ['lit', 0]] },
  { s: '收到行政复议决定书后，我镇认真整改。', fire: false, said: [] },
  { s: '四、政府信息公开行政复议、行政诉讼情况', fire: false, said: [], why: 'a section title' },
  { s: '行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉', fire: false, said: [], why: 'header cells on their own lines' },
  { s: '本年度发生行政复议案件3件，均维持原答复。', fire: true, said: [['review', 3]] },
  { s: '全年共有2件政府信息公开行政诉讼案件。', fire: true, said: [['lit', 2]] },
  { s: '本年度我镇政府信息公开工作未发生行政复议及行政诉讼。', fire: false, said: [['review', 0], ['lit', 0]] },
  { s: '本年度我镇被申请行政复议0件，被提起行政诉讼0件。', fire: false, said: [['review', 0], ['lit', 0]] },
  { s: '行政复议、行政诉讼情况：无。', fire: false, said: [], why: 'ambiguous: not read as a count' },
  { s: '本年度我镇被申请行政复议0件，被提起行政诉讼2件。', fire: true, said: [['review', 0], ['lit', 2]] },
  // Real sentences of the held-out reports (test/accuracy/holdout*/), as printed.
  {
    year: 2019, s: '信息公开类行政复议7件,诉讼9件,均获维持,继续保持了省级政府零败诉的记录,维护了市政府依法行政、公开透明的良好形象。',
    fire: false, said: [['review', 7], ['lit', 9]], cells: { ...R(7), ...L(9) }, why: 'holdout shanghai-bgt2019: 零败诉 is an outcome, not a count'
  },
  {
    year: 2019, s: '信息公开类行政复议7件,诉讼9件,均获维持,继续保持了省级政府零败诉的记录,维护了市政府依法行政、公开透明的良好形象。',
    fire: true, said: [['review', 7], ['lit', 9]], why: 'the same against a table of zeros'
  },
  { year: 2020, s: '2020年,全乡未发生因政府信息公开申请提起的行政复议和行政诉讼案件。', fire: false, said: [['review', 0], ['lit', 0]], why: 'holdout tuanjie2020' },
  { year: 2021, s: '乡没有因政府信息公开申请行政复议、提起行政诉讼的情况。', fire: false, said: [['review', 0], ['lit', 0]], why: 'holdout yanan2021' },
  { year: 2021, s: '信息公开类行政复议1起,正在办理中。', fire: true, said: [['review', 1]], why: 'holdout yingbinlu2021 against a table of zeros' },
  { year: 2021, s: '信息公开类行政复议1起,正在办理中。', fire: false, said: [['review', 1]], cells: R(1), why: 'holdout yingbinlu2021' },
  {
    year: 2022, s: '2022年我镇全年共收到依申请公开0件,公开0件,不予公开0件,因政府信息依申请公开引起行政复议0件,行政诉讼0件',
    fire: false, said: [['review', 0], ['lit', 0]], why: 'holdout songmutang2022'
  },
  {
    year: 2025, s: '依法做好相关行政复议、行政诉讼案件的应诉工作,全县共办理相关案件 74 件,有力维护了群众合法权益与政府公信力。',
    fire: false, said: [], why: 'holdout shuyang2025: appeal cases of every kind (相关案件), not the information-disclosure ones of 表四'
  },
  // Traps of the kinds the held-out reports show, worded as reports word them.
  { s: '组织行政诉讼应诉培训2次。', fire: false, said: [], why: '诉讼 qualifies a training: 2 counts trainings' },
  { s: '参加行政复议工作会议3次。', fire: false, said: [], why: 'meetings' },
  { s: '组织学习《行政复议法》2次。', fire: false, said: [], why: 'a law studied' },
  { s: '全年开展行政复议、行政诉讼相关业务培训2次，参训人员30人次。', fire: false, said: [], why: 'trainings on both' },
  { s: '2023年共收到行政复议决定书1件。', fire: false, said: [], why: 'a decision received, not an appeal counted' },
  { s: '全年收到行政复议申请2件，均为非政府信息公开类。', fire: false, said: [], why: 'the sentence says they are not about information' },
  { s: '开展3次行政诉讼应诉培训。', fire: false, said: [], why: 'the number counts trainings, the last noun of its phrase' },
  { s: '组织2次行政复议专题学习。', fire: false, said: [], why: 'study sessions' },
  { s: '全年共有1起行政复议，目前已审结。', fire: true, said: [['review', 1]], why: 'the appeal ends its phrase' },
  { s: '行政诉讼数为0件，行政复议案件共计1件。', fire: true, said: [['lit', 0], ['review', 1]], why: 'counting words between the subject and its number' },
  { s: '2023年全镇共办理行政复议案件3件，其中涉及政府信息公开1件。', fire: false, said: [], why: 'all appeals of the township; 其中 narrows to information' },
  { s: '2023年，因政府信息公开申请行政复议3件，其中涉及依申请公开2件。', fire: true, said: [['review', 3]], why: 'the total is already of information appeals' },
  { s: '截至2023年底，我镇累计发生政府信息公开行政复议3件。', fire: false, said: [], why: 'a cumulative figure over several years (截至…累计)' },
  { s: '全年办理行政复议、行政诉讼案件共计15件，均不涉及政府信息公开。', fire: false, said: [], why: 'appeals of other kinds, negated for disclosure' },
  { s: '本年度行政复议、行政诉讼0件。', fire: false, said: [['review', 0], ['lit', 0]], why: 'a total of 0 over the list is 0 for each' },
  { s: '本年度发生政府信息公开行政复议、行政诉讼共2件。', fire: false, said: [], why: 'a total over the list: not a count of either' },
  // A PDF line break inside a word (行政复 / 议): holdout kewei2024 as printed.
  {
    year: 2024, s: '2024 年市科委有 1 件涉及政府信息公开工作的行政复\n议，该行政复议件未被复议审查机关纠错。',
    fire: false, said: [['review', 1]], cells: R(1), why: 'holdout kewei2024: 未被…纠错 is about the outcome'
  },
  { year: 2024, s: '2024 年市科委有 1 件涉及政府信息公开工作的行政复\n议，该行政复议件未被复议审查机关纠错。', fire: true, said: [['review', 1]], why: 'the same against a table of zeros' }
]
