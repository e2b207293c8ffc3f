// TXT-T3-CATEGORY. Base: seed 002 (表三 办理结果: only （四）1 本机关不掌握相关政府信息 = 1).
import type { SentenceCase } from './types.ts'

export const CASES: SentenceCase[] = [
  { s: '申请公开的信息本机关不掌握，已告知申请人。', fire: false, why: 'the reason matches the row' },
  { s: '经检索，该申请所涉信息不存在，已依法答复申请人。', fire: false },
  { s: '该申请已予以公开。', fire: true, why: '予以公开 = 0 in the table' },
  { s: '对1件申请，因涉及第三方合法权益，依法不予公开。', fire: true },
  { s: '申请公开事项不属于政府信息，已告知申请人。', fire: true, why: 'seed 002: no row for it, counted under （四）1' },
  {
    s: '2023年收到政府信息公开申请1件，申请公开事项不属于\n政府信息，不予提供，已按相关要求告知申请人。',
    fire: true,
    why: 'seed 002 as pdftotext prints it: the reason wrapped between 不属于 and 政府信息'
  },
  { s: '本年度收到的1件申请，经审查已予\n以公开。', fire: true, why: 'wrapped inside 予以公开, which the table has as 0' },
  { s: '涉及国家秘密的申请一律不予公开。', fire: false, why: 'a general rule, not this year’s case' },
  { s: '涉及国家秘密的申\n请一律不予公开。', fire: false, why: 'the general rule wrapped: still no application of the year' },
  { s: '严格执行依申请公开第三方意见征询制度。', fire: false, why: 'no application of the year' },
  { s: '本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1', fire: false, why: 'a table row' },
  { s: '3.危及“三安全一稳定”\n4.保护第三方合法权益\n5.属于三类内部事务信息', fire: false, why: 'table labels on their own lines' }
]
