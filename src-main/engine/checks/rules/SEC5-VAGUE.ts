import { paragraphs, quote, sectionBody } from '../lib/narrative.ts'
import { textEvidence } from '../evidence.ts'
import { na, pass, type ReportRule } from '../types.ts'

/** Stock phrases of generic problem statements. */
const STOCK = [
  '意识有待提高', '意识不强', '意识还需', '意识需进一步', '不够及时', '不及时', '不够全面', '不够深入', '不够丰富', '不够规范', '不规范',
  '有待加强', '有待提高', '有待提升', '有待完善', '需进一步', '仍需', '还需', '队伍建设', '形式单一', '较为单一', '不够完善', '水平不高',
  '力度不够', '宣传不够', '深度不够', '广度不够', '认识不足', '认识尚有不足', '存在差距', '存在一定差距'
]
/** Something concrete: a figure, a named field, channel or kind of information. */
const CONCRETE =
  /\d|预决算|财政|网站|新媒体|公众号|微信|微博|公开栏|宣传栏|公示栏|栏目|专栏|目录|依申请|申请|规范性文件|政策解读|解读|重点领域|平台|村级|村务|村居|多媒体|答复|会议|数据|保密|审查|链接|错字/
/** Where the improvement part begins. */
const IMPROVE_HEAD = /^[-*#\s]{0,20}(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,3}\s{0,2}[、.．])?\s{0,4}(?:改进|整改|下一步|今后|工作计划|努力方向|措施)/

// 评估机构：问题部分“泛泛而谈”、只有套话是常见扣分点。启发式检查，仅作提示。
const rule: ReportRule = {
  id: 'SEC5-VAGUE',
  family: 'section',
  severity: 'info',
  title: '存在的问题写得具体（非套话）',
  source: '条例第五十条第（四）项；中国社会科学院法学研究所年报评估（问题部分“泛泛而谈”）',
  confidence: 'R',
  formats: ['2021', '2019'],
  check(ctx) {
    const s = sectionBody(ctx, 'S5')
    if (!s) return na('未找到第五部分')
    const paras = paragraphs(ctx, s.start, s.end)
    const cut = paras.findIndex((p, i) => i > 0 && IMPROVE_HEAD.test(p.norm))
    const probs = cut > 0 ? paras.slice(0, cut) : paras
    if (!probs.length) return na('第五部分没有问题段落')
    // Problem items: split the problem paragraphs at 一是/二是…, ；, 。 and list markers.
    const items: { text: string; start: number; end: number }[] = []
    for (const p of probs) {
      const re = /[^。；;]+/g
      let m: RegExpExecArray | null
      while ((m = re.exec(p.norm))) {
        const t = m[0].trim()
        if (t.length >= 4) items.push({ text: t, start: p.start + m.index, end: p.start + m.index + m[0].length })
      }
    }
    const concrete = items.filter((it) => CONCRETE.test(it.text.replace(/(?:19|20)\d{2}\s*年度?/g, '')))
    if (concrete.length) return pass(`有具体内容：“${concrete[0]!.text.slice(0, 30)}”`)
    const stock = [...new Set(STOCK.filter((w) => items.some((it) => it.text.includes(w))))]
    if (!stock.length) return pass('未发现套话')
    const start = probs[0]!.start
    const end = probs[probs.length - 1]!.end
    return {
      outcome: 'FAIL',
      findings: [
        {
          rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'S5.vague',
          evidence: [textEvidence(ctx, start, end, '问题部分')],
          message: `“五、存在的主要问题”只有概括性表述（${stock.slice(0, 5).map((w) => `“${w}”`).join('、')}），没有具体数字、事项或领域（如“${quote(ctx, start, end, 20)}”），建议写明具体问题。`
        }
      ]
    }
  }
}

export default rule
