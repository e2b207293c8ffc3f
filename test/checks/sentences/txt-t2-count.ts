// TXT-T2-COUNT. Base: seed 002 (表二 规范性文件 row: 0 0 0) unless `cells` says otherwise.
import type { SentenceCase } from './types.ts'

export const CASES: SentenceCase[] = [
  { s: '本年度未制发行政规范性文件。', fire: false, said: [['issued', 0]] },
  { s: '全年制发行政规范性文件2件。', fire: true, said: [['issued', 2]] },
  { s: '全年共印发规范性文件3件，废止1件。', fire: true, said: [['issued', 3]] },
  { s: '制发2件规范性文件。', fire: true, said: [['issued', 2]] },
  { s: '废止行政规范性文件1件。', fire: true, said: [['repealed', 1]] },
  { s: '现行有效行政规范性文件5件。', fire: true, said: [['in_force', 5]] },
  { s: '全年制发行政规范性文件2件。', fire: false, said: [['issued', 2]], cells: { 'T2.A20_1.normative_docs.issued': 2 } },
  { s: '规范性文件3件。', fire: false, said: [], why: 'does not say issued, repealed or in force' },
  { s: '2022年制发规范性文件4件。', fire: false, said: [], why: 'another year' },
  {
    s: '(三) 政府信息管理情况 2022年,西柳镇人民政府办公室共制定规范性文件0件,废止规范性文件0件,现行有效的规范性文件0件。',
    fire: false,
    said: [],
    cells: { 'T2.A20_1.normative_docs.issued': 4, 'T2.A20_1.normative_docs.in_force': 32 },
    why: 'holdout xiliu2023: a sentence copied from the 2022 report, the year set off by a comma'
  },
  {
    s: '2023年,本镇共制定规范性文件0件,现行有效的规范性文件0件。',
    fire: true,
    said: [['issued', 0], ['in_force', 0]],
    cells: { 'T2.A20_1.normative_docs.issued': 4, 'T2.A20_1.normative_docs.in_force': 32 },
    why: 'the same sentence about the report year is checked'
  },
  { s: '全年共清理规范性文件12件，其中废止2件，修改3件。', fire: false, said: [], why: '清理 reviews documents; it repeals only some of them' },
  { s: '清理并废止规范性文件3件。', fire: true, said: [['repealed', 3]] },
  { s: '全年共梳理现行有效规范性文件目录1份。', fire: false, said: [], why: '目录 counts catalogues' },
  { s: '现行有效的规范性文件共计12件。', fire: true, said: [['in_force', 12]] },
  // A list of documents: an item takes the verb of the list's first item.
  { s: '2023年制发规章0件、行政规范性文件2件。', fire: true, said: [['issued', 2]], why: 'a list: 制发 governs both items' },
  { s: '2023年制发规章0件、行政规范性文件2件。', fire: false, said: [['issued', 2]], cells: { 'T2.A20_1.normative_docs.issued': 2 } },
  { s: '全年废止规章1件，规范性文件3件，其他文件2件。', fire: true, said: [['repealed', 3]], why: 'a list after a comma' },
  { s: '现行有效规章5件、其他文件12件、规范性文件30件。', fire: false, said: [['in_force', 30]], cells: { 'T2.A20_1.normative_docs.in_force': 30 } },
  { s: '主动公开规章13件，行政规范性文件60件。', fire: false, said: [], why: '2021 template: no column counts documents published' },
  { s: '全年受理申请5件，规范性文件3件。', fire: false, said: [], why: 'the item before names no document: not a list of documents' },
  { s: '刊登规章10件，规范性文件45件。', fire: false, said: [], why: 'a list without a verb of any column (刊登)' },
  { s: '印发和废止规章2件，规范性文件3件。', fire: false, said: [], why: 'two verbs of two columns: which one is unclear' },
  { s: '严格规范性文件合法性审核，确保规范性文件合法有效。', fire: false, said: [] },
  { s: '清理规章和规范性文件的工作持续推进。', fire: false, said: [] },
  { s: '对规范性文件进行解读2篇。', fire: false, said: [] },
  // Real sentences of the held-out reports (test/accuracy/holdout*/), as printed.
  {
    s: '(一)主动公开方面 2019年,通过“中国上海”门户网站、《上海市人民政府公报》等平台主动公开规章13件,行政规范性文件60件,市政府其他文件162件,人事任免文件141件。',
    fire: false, said: [], year: 2019, why: 'holdout shanghai-bgt2019: documents published, not issued, repealed or in force'
  },
  { year: 2025, s: '全年公开政策文件4件，对3件主动公开政策性文件进行意见征集并公开征集结果，让群众深度参与政策制定。', fire: false, said: [], why: 'holdout shuyang2025' },
  {
    year: 2024, s: '按时编辑出版《上海市人民政府公报》,全年共编发公报24期,刊登政府规章、规范性文件等112件,部门规范性文件45件,政策解读83件。',
    fire: false, said: [], why: 'holdout shanghai-bgt2019: documents printed in a gazette'
  }
]
