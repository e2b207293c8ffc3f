// TXT-SUM: one breakdown of one total in one unit. Inserted into seed 002.
import type { SentenceCase } from './types.ts'

export const CASES: SentenceCase[] = [
  { s: '共受理749件，其中自然人741件，法人或其他组织8件；共办理718件，结转下一年31件。', fire: false, why: 'issue 13: 741+8=749; 718 and 31 belong to another statement' },
  { s: '共受理749件，其中自然人741件，法人或其他组织9件；共办理718件，结转下一年31件。', fire: true, why: 'the same with a wrong part' },
  { s: '发布政府信息393件，其中包括：行政规范性文件13件；规划计划文件2件；财政信息135件。', fire: false, why: 'issue 13: a partial list' },
  { s: '全年共发布信息120条，其中工作动态80条、通知公告30条、政策文件10条。', fire: false },
  { s: '全年共发布信息120条，其中工作动态80条、通知公告30条、政策文件20条。', fire: true },
  { s: '全年共发布信息120条，其中主要有工作动态80条、通知公告30条。', fire: false, why: '主要有: partial' },
  { s: '全年共发布信息120条，其中工作动态80条、通知公告30条等。', fire: false, why: '等: partial' },
  { s: '共公开信息50条，其中通知公告各20条。', fire: false, why: '各 over one name' },
  { s: '共公开信息40条，其中通知、公告各20条。', fire: false, why: '各 over two names' },
  { s: '共公开信息41条，其中通知、公告各20条。', fire: true },
  { s: '共收到申请5件，其中自然人3件。', fire: false, why: 'one part only' },
  { s: '全年发布信息100条，其中政府网站60条，微信公众号40条。', fire: false },
  { s: '全年发布信息100条，其中政府网站60条，微信公众号50条。', fire: true },
  { s: '全年发布信息100条，其中政府网站60条，占60%。', fire: false, why: 'a share is not a part' },
  { s: '全年发布信息100条，其中政府网站60条；召开新闻发布会2场。', fire: false, why: 'another unit after the semicolon' },
  { s: '共举办培训3期，其中专题培训2期，业务培训1期。', fire: false },
  { s: '共举办培训3期，其中专题培训2期，业务培训2期。', fire: true },
  { s: '共发布信息100条，其中政府网站60条。共办理申请5件，其中自然人5件。', fire: false, why: 'two sentences' },
  { s: '其中标注为主动公开的信息20条。', fire: false, why: '其中标 is not 其中' },
  { s: '共发布信息100条，政府网站发布60条；微信公众号发布30条。', fire: false, why: 'without 其中: noted only' },
  { s: '全年共发布信息120条，其中工作动态80条、通知公告30条，发布解读材料15篇。', fire: true, why: 'a part in the same unit class that does not add up' }
]
