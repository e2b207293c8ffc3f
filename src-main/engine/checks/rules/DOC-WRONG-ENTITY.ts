import { townshipKey } from '../../parse/meta.ts'
import { labelKey } from '../../parse/normalize.ts'
import { textEvidence } from '../evidence.ts'
import { bodyKindName, kindOfName } from '../lib/body.ts'
import { fromFindings, type Finding, type ReportRule } from '../types.ts'

const TOWNSHIP = /(乡|镇|街道|苏木)$/

/** Name without 人民政府/办事处/党委 and without whitespace. */
function core(name: string): string {
  return labelKey(name).replace(/(人民政府|政府|办事处|党委)+$/, '')
}

function isTownship(name: string): boolean {
  return TOWNSHIP.test(core(name))
}

/**
 * The reviewer's roster names the county's township-level units; a unit on it is one, whatever its name says
 * (平潭's 片区管理局 took over the zone's towns in 2019 and report as they did).
 */
function onRoster(name: string, roster: string[] | undefined): boolean {
  if (!roster?.length) return false
  const key = townshipKey(name)
  if (key.length < 2) return false
  return roster.some((n) => {
    const k = townshipKey(n)
    // '海坛片区' on the roster names '平潭综合实验区海坛片区管理局'; two characters ('新区') name too much.
    return k.length >= 2 && (k === key || k.endsWith(key) || key.endsWith(k) || (k.length >= 3 && key.includes(k)))
  })
}

// 本工具审核乡镇（街道）的年报：标题或落款的机关若是局、委、办等部门，说明报送错了材料。
const rule: ReportRule = {
  id: 'DOC-WRONG-ENTITY',
  family: 'document',
  severity: 'warning',
  title: '报送主体是乡镇人民政府或街道办事处',
  source: '条例第四条第（三）项、第四十九条：各级人民政府（含乡镇）分别编制公布本机关年度报告；批次按乡镇（街道）审核',
  confidence: '-',
  formats: ['2021', '2019'],
  usesSettings: true,
  check(ctx) {
    const body = ctx.report.body
    const sign = ctx.report.signBody
    if (!body && !sign) return { outcome: 'UNVERIFIABLE', findings: [], note: '标题和落款中都未读出机关名称' }
    const findings: Finding[] = []
    for (const [who, loc, b] of [['标题', 'title.entity', body], ['落款', 'sign.entity', sign]] as const) {
      // A name without any Han character ('#', a markdown mark) is a reading slip, not a body.
      if (!b || isTownship(b.name) || kindOfName(b.name) === 'unknown' || onRoster(b.name, ctx.settings.roster)) continue
      const kind = kindOfName(b.name)
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc,
        evidence: [textEvidence(ctx, b.span.start, b.span.end, `${who}机关`)],
        message: `${who}中的机关“${b.name}”是${bodyKindName(kind)}，不是乡镇人民政府或街道办事处，请确认是否误报送了其他机关的年报。${
          kind === 'department' ? '只适用于乡镇或人民政府的规则（乡镇无权制定规章、条例第五十条的考核评议追责）对本报告不适用。' : '只适用于乡镇的规则（乡镇无权制定规章）对本报告不适用。'
        }`
      })
    }
    if (body && sign && isTownship(body.name) && isTownship(sign.name) && body.township !== core(sign.name) && !core(sign.name).endsWith(body.township) && !body.township.endsWith(core(sign.name))) {
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: 'sign.mismatch',
        evidence: [textEvidence(ctx, body.span.start, body.span.end, '标题机关'), textEvidence(ctx, sign.span.start, sign.span.end, '落款机关')],
        message: `标题机关“${body.name}”与落款机关“${sign.name}”不一致。`
      })
    }
    return fromFindings(findings)
  }
}

export default rule
