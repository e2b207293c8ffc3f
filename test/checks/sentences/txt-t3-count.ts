// TXT-T3-COUNT. Base: seed 002 (表三 新收 1, 上年结转 0, 办结总计 1, 结转下年 0) unless `cells` says otherwise.
import type { SentenceCase } from './types.ts'

const C = (n: number, extra: Record<string, number> = {}): Record<string, number> => ({ 'T3.new_received.total': n, ...extra })

export const CASES: SentenceCase[] = [
  // Explicit statements that agree.
  { s: '2023年收到政府信息公开申请1件。', fire: false, said: [['new_received', 1]], why: 'seed 002' },
  { s: '本年度共收到政府信息公开申请一件。', fire: false, said: [['new_received', 1]] },
  { s: '全年共受理政府信息公开申请1件，已按时答复。', fire: false, said: [['new_received', 1]] },
  { body: '淮安市洪泽区人民政府', s: '2023 年全区受理政府信息公开申请 21 件，均在法定期限答复。', fire: false, said: [['new_received', 21]], cells: C(21), why: 'hzq2023 (pdftotext)' },
  { s: '2023 年全区受理政府信息公开申请 21 件，均在法定期限答复。', fire: false, said: [], cells: C(1), why: 'the same in a township report: the whole district\'s count, not the township\'s' },
  { year: 2024, body: '淮安市洪泽区人民政府', s: '2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。', fire: false, said: [['new_received', 17]], cells: C(17), why: 'hzq2024' },
  { s: '本年新收政府信息公开申请1件，上年结转0件。', fire: false, said: [['new_received', 1], ['carried_over', 0]] },
  { s: '我镇共收到3件政府信息公开申请。', fire: false, said: [['new_received', 3]], cells: C(3) },
  { s: '依申请公开方面，全年共受理749件，其中自然人741件，法人或其他组织8件；共办理718件，结转下一年31件。', fire: false, said: [['new_received', 749], ['carried_forward', 31]], cells: C(749, { 'T3.carried_forward.total': 31 }), why: 'issue 13 TXT-SUM trap, counts agree' },
  { s: '结转至下年度继续办理0件。', fire: false, said: [['carried_forward', 0]] },
  { s: '无上年结转申请。', fire: false, said: [['carried_over', 0]] },
  // Explicit statements that disagree: fire.
  { s: '本年度共收到政府信息公开申请3件。', fire: true, said: [['new_received', 3]] },
  { s: '全年受理政府信息公开申请十二件。', fire: true, said: [['new_received', 12]] },
  { s: '本年度共收到政府信息公开申请两件，均已按期答复。', fire: true, said: [['new_received', 2]] },
  { s: '2023年，我镇共接到群众提出的政府信息公开申请5件。', fire: true, said: [['new_received', 5]] },
  { s: '本年度新收政府信息公开申请数量为4件。', fire: true, said: [['new_received', 4]] },
  { s: '本年度未收到政府信息公开申请。', fire: true, said: [['new_received', 0]], why: 'a true nil statement against a table with 1' },
  { s: '2023年我镇没有收到政府信息公开申请。', fire: true, said: [['new_received', 0]] },
  { s: '全年共收到政府信息公开申请2件，结转下一年度办理1件。', fire: true, said: [['new_received', 2], ['carried_forward', 1]] },
  { s: '上年结转政府信息公开申请2件。', fire: true, said: [['carried_over', 2]] },
  { s: '另有1件结转下年度继续办理。', fire: true, said: [['carried_forward', 1]] },
  { year: 2024, body: '苏州市人民政府', s: '2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。', fire: true, said: [['new_received', 3119], ['carried_over', 34], ['r7_total', 3050], ['carried_forward', 103]], cells: C(3119, { 'T3.r7_total.total': 3050, 'T3.carried_forward.total': 103 }), why: 'szfgs2024: 上年结转 34 against a table with 0; 答复 3050 = 总计; 顺延到下年度 103 = 结转下年度' },
  { s: '全年收到网民留言12条，回复12条。', fire: false, said: [], why: '回复 of messages: no application in the sentence' },
  // Whose count: a township's table holds only its own applications.
  { s: '全县全年共受理政府信息公开申请749件。', fire: false, said: [], cells: C(1), why: 'the whole county\'s count in a township report' },
  { s: '我镇通过县政府门户网站收到政府信息公开申请2件。', fire: false, said: [['new_received', 2]], cells: C(2), why: '县政府门户网站 is a channel, not another body' },
  { s: '我镇通过县政府门户网站收到政府信息公开申请2件。', fire: true, said: [['new_received', 2]], why: 'the same against a table with 1' },
  { s: '根据《云阳县人民政府关于做好政务公开工作的通知》要求，我镇收到政府信息公开申请2件。', fire: true, said: [['new_received', 2]], why: 'a document title names no subject' },
  { body: '云阳县财政局2023年政府信息公开工作年度报告', s: '全县各级行政机关共受理政府信息公开申请100件。', fire: false, said: [], cells: C(3), why: 'a department report: the whole county\'s count' },
  { body: '云阳县财政局2023年政府信息公开工作年度报告', s: '本局共受理政府信息公开申请3件。', fire: false, said: [['new_received', 3]], cells: C(3), why: 'a department\'s own count' },
  // Other kinds of request: a government's services, hotlines and benefits are no information applications.
  { s: '便民服务中心全年受理办事申请1200件。', fire: false, said: [], why: '办事申请 at a service centre' },
  { s: '全年共收到低保申请35件，均已按规定办理。', fire: false, said: [], why: '低保申请: another kind of application' },
  { s: '2023年共受理行政许可申请56件。', fire: false, said: [], why: '行政许可申请' },
  { s: '2023年，便民服务中心共受理群众办事申请560件，办结560件。', fire: false, said: [], why: 'neither count is of information applications' },
  { s: '全年办结群众诉求20件，办结率100%。', fire: false, said: [], why: '诉求 are petitions' },
  { s: '12345热线工单已办结56件。', fire: false, said: [], why: 'hotline tickets' },
  { s: '全年受理各类政务服务事项3000件，办结2980件。', fire: false, said: [], why: 'services, no application in the sentence' },
  { s: '全年共受理各类申请20件，其中政府信息公开申请2件。', fire: false, said: [], cells: C(2), why: 'a total of all kinds that 其中 narrows to information applications' },
  { s: '全年收到群众提交的申请3件，均已按期答复。', fire: true, said: [['new_received', 3]], why: 'who applied and how (群众提交的) name no other kind' },
  { s: '通过12345热线等渠道收到政府信息公开申请3件。', fire: true, said: [['new_received', 3]], why: 'information applications named: the channel does not matter' },
  { s: '上年结转的整改问题3个已全部整改到位。', fire: false, said: [], why: '上年结转 qualifies problems to rectify' },
  { s: '全部办结整改事项5个。', fire: false, said: [], why: '办结 of rectification items' },
  { s: '对上年结转的3件申请已全部办结。', fire: true, said: [['carried_over', 3]], why: 'the number before its subject: 3 applications carried over' },
  { s: '收到公开招聘报名申请30件。', fire: false, said: [], why: '公开 of 公开招聘 names no information application' },
  { s: '受理户籍信息变更申请12件。', fire: false, said: [], why: '信息 of 信息变更' },
  { s: '收到依申请公开事项3件。', fire: true, said: [['new_received', 3]] },
  // Days and other periods: a duration counts days, a count over another period is not the year's.
  { s: '收到政府信息公开申请1件，在20个工作日内予以答复。', fire: false, said: [['new_received', 1]], why: '20个工作日 is the time limit, not 20 answered' },
  { s: '收到政府信息公开申请1件，于5个工作日内办结。', fire: false, said: [['new_received', 1]] },
  { s: '近三年共收到政府信息公开申请10件。', fire: false, said: [], why: 'three years together' },
  { s: '平均每月收到政府信息公开申请2件。', fire: false, said: [], why: 'a monthly average' },
  { s: '上半年收到政府信息公开申请1件。', fire: false, said: [], why: 'half a year' },
  // Traps: must not fire.
  { s: '2023年共收到政府信息公开申请10件（其中自然人申请8件，法人或其他组织申请2件），均已按期答复。', fire: false, said: [['new_received', 10]], cells: C(10), why: 'a bracketed breakdown by applicant: parts, not the count' },
  { s: '全年共收到政府信息公开申请5件(其中网络申请3件、信函申请2件)。', fire: false, said: [['new_received', 5]], cells: C(5), why: 'a bracketed breakdown by channel (ASCII brackets)' },
  { s: '全年共受理政府信息公开申请5件（其中上年结转1件），均已办结。', fire: false, said: [['new_received', 5], ['carried_over', 1]], cells: C(4, { 'T3.carried_over.total': 1, 'T3.r7_total.total': 5 }), why: 'a total stated as 新收 4 + 上年结转 1' },
  { s: '全年办结政府信息公开申请6件（其中予以公开4件，不予公开2件）。', fire: false, said: [['r7_total', 6]], cells: C(1, { 'T3.r7_total.total': 6 }), why: 'outcomes in a bracket are parts of 办结' },
  { s: '2023年，我镇无收取信息处理费情况，共收到政府信息公开申请1件。', fire: false, said: [['new_received', 1]], why: '无收取信息处理费 is about the fee, not a count of 0' },
  { body: '上海市人民政府办公厅', s: '市政府共受理政府信息公开申请1295件，全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。', fire: false, said: [['new_received', 1295]], cells: C(1295), why: 'issue 13: 未发生…纠错 is not 0 applications' },
  { s: '全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。', fire: false, said: [], why: 'issue 13 negation trap' },
  { s: '未发生因政府信息公开申请引发的行政复议、行政诉讼案件。', fire: false, said: [], why: 'about appeals, not applications' },
  { s: '办理依申请公开4件。', fire: false, said: [], why: '办理 does not say received, answered or carried' },
  { s: '依申请公开栏目发布信息3条。', fire: false, said: [], why: 'published items' },
  { s: '2022年收到政府信息公开申请5件。', fire: false, said: [], why: 'another year' },
  { s: '与去年相比，收到申请数量增加2件。', fire: false, said: [], why: 'a comparison' },
  { s: '其中自然人申请1件。', fire: false, said: [], why: 'a part' },
  { s: '申请人对答复结果均无异议。', fire: false, said: [] },
  { s: '受理群众咨询5件，均当场答复。', fire: false, said: [], why: 'enquiries, not applications' },
  { s: '健全依申请公开受理、审核、答复等工作流程，确保申请件件有回音。', fire: false, said: [] },
  { s: '无正当理由大量反复申请', fire: false, said: [], why: 'a table label' },
  { s: '本年度未发生被申请行政复议的情况。', fire: false, said: [], why: '被申请行政复议 is about reviews' },
  { s: '全年共发布信息200条，其中依申请公开事项办理结果1条。', fire: false, said: [] },
  { s: '对收到的申请，我镇均在法定期限内予以答复，答复率100%。', fire: false, said: [] },
  { s: '下一步，我镇将认真做好政府信息公开申请的受理和答复工作。', fire: false, said: [] },
  { s: '全年收到政府信息公开申请1件，比上年减少2件。', fire: false, said: [['new_received', 1]], why: 'the comparison number is not read' },
  { s: '2023年收到政府信息公开\n申请1件，已按时答复。', fire: false, said: [['new_received', 1]], why: 'a PDF line break inside the sentence' },
  { s: '2023年收到政府信息公开\n申请6件，已按时答复。', fire: true, said: [['new_received', 6]], why: 'a PDF line break inside the sentence' },
  { s: '本年度我镇共受理依申请公开事项3件。', fire: true, said: [['new_received', 3]] },
  { s: '2023年度，共收到各类政府信息公开申请6件，均已按期办结。', fire: true, said: [['new_received', 6]] },
  { s: '全年新收政府信息公开申请3件，上年结转1件，办结4件。', fire: true, said: [['new_received', 3], ['carried_over', 1], ['r7_total', 4]] },
  { s: '全年共收到政府信息公开申请1件，已全部办结。', fire: false, said: [['new_received', 1]] },
  { s: '申请人通过信函方式提交申请1件。', fire: false, said: [], why: '提交 by the applicant: not said which row' },
  { s: '本年度收到的1件申请已于法定期限内答复。', fire: false, said: [['new_received', 1]] },
  { s: '网上申请渠道畅通，全年收到群众留言20条。', fire: false, said: [], why: 'messages, not applications' },
  { s: '共受理政府信息公开申请1件，其中自然人1件。', fire: false, said: [['new_received', 1]] },
  { s: '本年度办结政府信息公开申请3件。', fire: true, said: [['r7_total', 3]] },
  { year: 2024, body: '平潭综合实验区财政金融局', s: '2024年我局共收到政府网站上政府信息公开申请件2件，办结依申请2件，其中公开答复1件，无法提供1件 。', fire: false, said: [['new_received', 2], ['r7_total', 2]], cells: C(2, { 'T3.r7_total.total': 2 }), why: 'holdout-full ptczj2024 (holdout5): 办结依申请 (without 公开) counts the answered requests' },
  { year: 2020, body: '平潭综合实验区苏平片区管理局', s: '从严把控依申请公开答复工作，今年我局共受理办结2件依申请公开信息，并依法依规完成答复。', fire: false, said: [['new_received', 2], ['r7_total', 2]], cells: C(2, { 'T3.r7_total.total': 2 }), why: 'holdout-full ptspp2020 (holdout6): 受理办结, one verb for two stages of the same 2 requests' },
  { s: '今年我局共受理办结2件依申请公开信息。', fire: true, said: [['new_received', 2], ['r7_total', 2]], why: 'the same against seed 002 (新收 1, 总计 1)' },
  { year: 2020, body: '平潭综合实验区苏平片区管理局', s: '2.对申请的办理情况：2件均已及时答复，其中同意公开信息数2件。', fire: false, said: [['r7_total', 2]], cells: C(2, { 'T3.r7_total.total': 2 }), why: 'holdout-full ptspp2020 (holdout6): the number before 均已及时答复' },
  { s: '全年收到政府信息公开申请3件，办结依申请3件。', fire: true, said: [['new_received', 3], ['r7_total', 3]], cells: C(3, { 'T3.r7_total.total': 2 }), why: '办结依申请 3 against a 总计 of 2' },
  { s: '全年依申请人要求办结补正2件。', fire: false, said: [], why: '依申请人 is the applicant, not 依申请公开' },
  { s: '截至年底，3件申请均已办结。', fire: true, said: [['r7_total', 3]] },
  // Real sentences of the held-out reports (test/accuracy/holdout*/), as printed; `cells` set the report's own table.
  {
    body: '上海市人民政府办公厅',
    s: '市政府办公厅代表市政府共受理政府信息公开申请859件,申请数量较去年回落12.3%;答复政府信息公开申请805件(含上年度结转申请18件,另有72件申请按照《条例》顺延到下年度答复),均在法定期限内予以答复。',
    fire: false, said: [['new_received', 859], ['carried_over', 18], ['r7_total', 805], ['carried_forward', 72]],
    cells: C(859, { 'T3.carried_over.total': 18, 'T3.r7_total.total': 805, 'T3.carried_forward.total': 72 }),
    why: 'holdout shanghai-bgt2019: a comparison with last year (较去年回落12.3%) and a quoted 《条例》 read as nothing'
  },
  {
    body: '沭阳县人民政府',
    s: '全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。',
    fire: false, said: [['new_received', 749], ['carried_forward', 31]], cells: C(713, { 'T3.carried_over.total': 36, 'T3.carried_forward.total': 31 }),
    why: 'holdout shuyang2025: 受理 749 = 新收 713 + 上年结转 36'
  },
  {
    body: '上海市人民政府办公厅',
    s: '市政府共受理政府信息公开申请 1295 件，办结 1191 件（含\n上年结转 189 件），均在法定期限内答复。',
    fire: false, said: [['new_received', 1295], ['r7_total', 1191], ['carried_over', 189]],
    cells: C(1295, { 'T3.r7_total.total': 1191, 'T3.carried_over.total': 189 }), why: 'holdout shoffice2025, wrapped as the PDF text has it'
  },
  {
    year: 2024, s: '2024年,前进街未接到书面方式申请的政府信息公开申请和网络方式申请的政府信息公开申请件,也未发生因政府信息公开申请行政复议、提起行政诉讼的情况。',
    fire: false, said: [['new_received', 0]], cells: C(0), why: 'holdout qianjinjie2024: a negation of two kinds of applications'
  },
  { year: 2024, s: '2024年收到依申请公开来信1件次,且所申请公开信息不属于本单位的公开范围。', fire: false, said: [['new_received', 1]], why: 'holdout dizhang2024: 件次' },
  { year: 2020, s: '2020年度我乡未接到提出公开政府信息的申请。', fire: true, said: [['new_received', 0]], why: 'holdout tuanjie2020 against a table with 1' },
  { year: 2023, s: '2023年新政镇未收到依申请公开信息。', fire: false, said: [['new_received', 0]], cells: C(0), why: 'holdout xinzheng2023' },
  { year: 2024, s: '2024年度,我街受理依申请公开政府信息0件,回复处理0件。', fire: true, said: [['new_received', 0], ['r7_total', 0]], why: 'holdout yongji2024 against a table with 1; 回复处理 = answered, the 总计' },
  {
    year: 2022, s: '2022年我镇全年共收到依申请公开0件,公开0件,不予公开0件,因政府信息依申请公开引起行政复议0件,行政诉讼0件',
    fire: false, said: [['new_received', 0]], cells: C(0), why: 'holdout songmutang2022: the appeals of the same sentence are not applications'
  },
  {
    s: '(二)依申请公开政府信息情况 2023年度我局共收到依申请信息公开26件,及时回复申请人,并将申请人所申请的信息通过电子邮箱发送给申请人',
    fire: false, said: [['new_received', 26]], cells: C(26), why: 'holdout syfgj2023'
  },
  { s: '全年受理网络问政182件。', fire: false, said: [], why: 'holdout syfgj2023: a count of other things (网络问政), no 申请' },
  {
    year: 2025, s: '依法做好相关行政复议、行政诉讼案件的应诉工作,全县共办理相关案件 74 件,有力维护了群众合法权益与政府公信力。',
    fire: false, said: [], why: 'holdout shuyang2025: appeals of every kind, not applications'
  },
  {
    year: 2025,
    s: '2025年度中仓街道政府信息公开工作主要涉及:综合办公室按要求主动公示了驻地迁移信息;综合办公室(财务科)按要求主动公示了中仓街道办事处2024年度部门决算和2025年度预算情况说明;综合办公室根据领导单位调整及分工调整对“领导介绍”模块进行更新两次;依申请公开3次,行政复议0次,行政诉讼0次;民生保障办公室(民政科)每月公示低保、特困户数及发放情况信息一条,每季度公示临时救助申请及发放情况信息一条。',
    fire: false, said: [], why: 'holdout zhongcang2025: 依申请公开3次 does not say received, answered or carried; 救助申请 is not an information request'
  },
  {
    year: 2021, s: '受理公民、法人和其他组织向市政府及市政府办公室提出的政府信息公开申请5件,均在法定时限内予以答复。',
    fire: false, said: [], why: 'holdout yingbinlu2021: applications to another body (市政府), copied into a 街道 report'
  },
  // Traps of the kinds the held-out reports show, worded as reports word them.
  { s: '截至2023年底，我镇累计受理政府信息公开申请15件。', fire: false, said: [], why: 'a cumulative figure over several years (截至…累计)' },
  { s: '全年接待群众查阅政府信息120人次。', fire: false, said: [], why: 'visits (人次), not applications' },
  { s: '全年共收到各类申请、咨询、投诉12件。', fire: false, said: [], why: 'a total across categories' },
  { s: '全年收到政府信息公开申请5件，同比增加2件。', fire: true, said: [['new_received', 5]], why: 'the 同比 number is not read; 5 against a table with 1' },
  { s: '申请办理时限由20个工作日压缩至10个工作日。', fire: false, said: [], why: 'a range of days' },
  { s: '今年以来，累计受理政府信息公开申请3件。', fire: true, said: [['new_received', 3]], why: '今年以来…累计 is this year' },
  { s: '全年累计收到政府信息公开申请1件。', fire: false, said: [['new_received', 1]], why: '全年累计 is this year' },
  // A PDF line break inside a word (公开 / 申请): holdout kewei2024 as printed.
  {
    year: 2024, s: '全年收到政府信息公开申请 34 件，上年结转政府信息公开\n申请 2 件，所有申请均已按要求办理完成。',
    fire: false, said: [['new_received', 34], ['carried_over', 2]], cells: C(34, { 'T3.carried_over.total': 2 }), why: 'holdout kewei2024'
  },
  { year: 2024, s: '全年收到政府信息公开申请 34 件，上年结转政府信息公开\n申请 2 件，所有申请均已按要求办理完成。', fire: true, said: [['new_received', 34], ['carried_over', 2]], cells: C(34), why: 'the same against a table with no carry-over' }
]
