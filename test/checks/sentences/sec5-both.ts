// SEC5-BOTH: the body of section 五 of seed 002 replaced by the text.
import type { SentenceCase } from './types.ts'

export const CASES: SentenceCase[] = [
  { s: '一是信息公开意识不强；二是公开内容不够丰富。针对上述问题，下一步，我镇将：一是加强培训；二是丰富公开内容。', fire: false, why: 'issue 13' },
  { s: '一是信息公开意识不强；二是公开内容不够丰富。\n针对上述问题，一是加强培训；二是丰富公开内容。', fire: false },
  { s: '2024 年，全区政府信息公开工作虽取得一定成绩，但仍存在一些不足，主要是答复文书规范性有待提升。针对存在问题，2025 年我们将切实抓好以下工作：一是扎实推进依申请公开工作。二是加强典型案例研究。', fire: false, why: 'hzq2024' },
  { s: '存在的问题：公开内容不够全面。\n改进措施：加强业务学习。', fire: false },
  { s: '主要问题是信息更新不及时。我镇将进一步\n加强信息更新。', fire: false, why: 'a PDF line break inside 将进一步' },
  { s: '主要问题是信息更新不及时，公开内容不够丰富，队伍业务能力有待提高。', fire: true, why: 'problems only' },
  { s: '一是主动公开意识需进一步加强；二是信息解读形式较为单一。', fire: true, why: '需进一步加强 describes the problem' },
  { s: '2024年将继续加强政务公开工作，丰富公开形式。', fire: true, why: 'a plan without problems' },
  { s: '无。', fire: true }
]
