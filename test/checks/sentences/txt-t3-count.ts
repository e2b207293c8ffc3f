// TXT-T3-COUNT. Base: seed 002 (表三 新收 1, 上年结转 0, 办结总计 1, 结转下年 0) unless `cells` says otherwise.
import type { SentenceCase } from './types.ts'

const C = (n: number, extra: Record<string, number> = {}): Record<string, number> => ({ 'T3.new_received.total': n, ...extra })

export const CASES: SentenceCase[] = [
  // Explicit statements that agree.
  { s: '2023年收到政府信息公开申请1件。', fire: false, said: [['new_received', 1]], why: 'seed 002' },
  { s: '本年度共收到政府信息公开申请一件。', fire: false, said: [['new_received', 1]] },
  { s: '全年共受理政府信息公开申请1件，已按时答复。', fire: false, said: [['new_received', 1]] },
  { s: '2023 年全区受理政府信息公开申请 21 件，均在法定期限答复。', fire: false, said: [['new_received', 21]], cells: C(21), why: 'hzq2023 (pdftotext)' },
  { s: '2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。', fire: false, said: [['new_received', 17]], cells: C(17), why: 'hzq2024' },
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
  { s: '2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。', fire: true, said: [['new_received', 3119], ['carried_over', 34]], cells: C(3119), why: 'szfgs2024: 上年结转 34 against a table with 0' },
  // Traps: must not fire.
  { s: '市政府共受理政府信息公开申请1295件，全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。', fire: false, said: [['new_received', 1295]], cells: C(1295), why: 'issue 13: 未发生…纠错 is not 0 applications' },
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
  { s: '2023年收到政府信息公开\n申请6件，已按时答复。', fire: true, said: [['new_received', 6]], why: 'a PDF line break inside the sentence' }
]
