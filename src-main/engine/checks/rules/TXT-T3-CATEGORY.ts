import { t3DataRows, table } from '../../template.ts'
import { cellEvidence, textEvidence, usable } from '../evidence.ts'
import { quote } from '../lib/narrative.ts'
import { sentenceRanges } from '../lib/statements.ts'
import { fromFindings, na, pass, type Evidence, type Finding, type ReportRule } from '../types.ts'

/** Reasons given in the text, and the T3 outcome rows that count them (2021 ids; 2019 uses r6_other). */
const REASONS: { key: string; label: string; re: RegExp; rows: string[] }[] = [
  { key: 'not_gov_info', label: '不属于政府信息', re: /不属于(?:《?条例》?所[指称]的?)?政府信息|非政府信息/, rows: [] },
  { key: 'disclosed', label: '予以公开', re: /予以公开|同意公开|全部公开/, rows: ['r1_disclosed'] },
  { key: 'partial', label: '部分公开', re: /部分公开/, rows: ['r2_partial'] },
  { key: 'state_secret', label: '属于国家秘密', re: /国家秘密/, rows: ['r3_1_state_secret'] },
  { key: 'law_prohibited', label: '其他法律行政法规禁止公开', re: /法律(?:行政)?法规禁止公开/, rows: ['r3_2_law_prohibited'] },
  { key: 'security', label: '危及“三安全一稳定”', re: /三安全一稳定|危及(?:国家安全|公共安全|经济安全|社会稳定)/, rows: ['r3_3_security_stability'] },
  { key: 'third_party', label: '保护第三方合法权益', re: /第三方/, rows: ['r3_4_third_party'] },
  { key: 'internal', label: '属于三类内部事务信息', re: /内部事务|人事管理|后勤管理|内部工作流程/, rows: ['r3_5_internal_affairs'] },
  { key: 'process', label: '属于四类过程性信息', re: /过程性信息|讨论记录|过程稿|磋商信函|请示报告/, rows: ['r3_6_process_info'] },
  { key: 'enforcement', label: '属于行政执法案卷', re: /执法案卷/, rows: ['r3_7_enforcement_file'] },
  { key: 'query', label: '属于行政查询事项', re: /行政查询/, rows: ['r3_8_admin_query'] },
  { key: 'not_held', label: '本机关不掌握相关政府信息', re: /不掌握|信息不存在|不存在相关|没有相关信息|无相关信息/, rows: ['r4_1_not_held'] },
  { key: 'creation', label: '没有现成信息需要另行制作', re: /另行制作|加工分析|加工、分析/, rows: ['r4_2_needs_creation'] },
  { key: 'unclear', label: '补正后申请内容仍不明确', re: /仍不明确|申请内容不明确/, rows: ['r4_3_still_unclear'] },
  { key: 'petition', label: '信访举报投诉类申请', re: /信访|举报|投诉/, rows: ['r5_1_petition'] },
  { key: 'repeat', label: '重复申请', re: /重复申请/, rows: ['r5_2_repeat'] },
  { key: 'publication', label: '要求提供公开出版物', re: /出版物/, rows: ['r5_3_publication'] },
  { key: 'mass', label: '无正当理由大量反复申请', re: /大量反复/, rows: ['r5_4_mass_repeated'] },
  { key: 'reissue', label: '要求行政机关确认或重新出具已获取信息', re: /重新出具/, rows: ['r5_5_confirm_reissue'] },
  { key: 'no_correction', label: '逾期不补正', re: /逾期(?:未|不)补正|未补正/, rows: ['r6_1_no_correction', 'r6_other'] },
  { key: 'fee_unpaid', label: '逾期未缴纳费用', re: /逾期未(?:按收费通知要求)?缴纳|未缴纳(?:信息处理)?费用|未缴费/, rows: ['r6_2_fee_unpaid', 'r6_other'] }
]
const OUTSIDE = new Set(['new_received', 'carried_over', 'r7_total', 'carried_forward'])

// 正文所述的办理结果（理由）应与表三计入的行一致；模板无“不属于政府信息”一行，计入哪一行是本地口径问题，只提示差异。
const rule: ReportRule = {
  id: 'TXT-T3-CATEGORY',
  family: 'text',
  severity: 'warning',
  title: '正文所述办理结果与表三所计行一致',
  source: '国办公开办函〔2021〕30号 表三办理结果各行（条例第十四条至第十六条、第三十六条等情形）；文字与表格一致',
  confidence: 'T',
  formats: ['2021', '2019'],
  check(ctx) {
    const rows = t3DataRows(ctx.format).filter((r) => !OUTSIDE.has(r.id))
    const rowIds = new Set(rows.map((r) => r.id))
    const all = table(ctx.format, 'T3').rows ?? []
    const label = (id: string): string => {
      const r = all.find((x) => x.id === id)
      if (!r) return id
      const parent = r.level === 2 ? all.find((x) => x.id === r.parent)?.label : undefined
      return parent ? `${parent}/${r.label}` : (r.label ?? id)
    }
    // Reasons stated in sentences about applications.
    const stated: { reason: (typeof REASONS)[number]; start: number; end: number; sen: { start: number; end: number } }[] = []
    // Sentences only: table rows and header cells are never read as statements. Each sentence is made once
    // with its line breaks taken out (a PDF wraps '不属于' / '政府信息'), offsets mapped back only where one was.
    const sens = sentenceRanges(ctx).map((sen) => {
      const raw = ctx.report.norm.slice(sen.start, sen.end)
      if (!/[\r\n]/.test(raw)) return { sen, text: raw, at: null as number[] | null }
      const at: number[] = []
      const chars: string[] = []
      for (let i = 0; i < raw.length; i++) {
        if (raw[i] === '\n' || raw[i] === '\r') continue
        chars.push(raw[i] as string)
        at.push(sen.start + i)
      }
      return { sen, text: chars.join(''), at }
    })
    for (const reason of REASONS) {
      for (const { sen, text, at } of sens) {
        const m = reason.re.exec(text)
        if (!m) continue
        const start = at ? (at[m.index] as number) : sen.start + m.index
        const end = at ? (at[m.index + m[0].length - 1] as number) + 1 : sen.start + m.index + m[0].length
        const said = text
        // About actual applications of the year (a count or a reply), not a general rule such as '涉密信息不予公开'.
        if (!/申请/.test(said) || !/\d\s*件|[一二两三四五六七八九十]件|告知|答复|该申请|上述申请|该件|其中/.test(said)) continue
        stated.push({ reason, start, end, sen })
        break
      }
    }
    if (!stated.length) return na('正文未写明申请的办理结果或理由')
    const total = ctx.cell('T3', 'r7_total', 'total')
    const cells = rows.map((r) => ctx.cell('T3', r.id, 'total'))
    if (!usable(total) || cells.some((c) => !usable(c))) {
      const bad = cells.filter((c) => !usable(c))
      const s = stated[0]!
      return fromFindings([
        {
          rule: rule.id, severity: rule.severity, outcome: 'UNVERIFIABLE', loc: 'T3.category',
          evidence: [textEvidence(ctx, s.sen.start, s.sen.end, '正文所述办理结果'), ...bad.slice(0, 5).map((c) => cellEvidence(c!))],
          message: `正文写“${quote(ctx, s.start, s.end)}”，但表三办理结果“总计”列有${bad.length || 1}个单元格空白或无法确定，无法核对。`
        }
      ])
    }
    if (total.value === 0) return pass('表三办理结果总计为0，正文所述理由无对应件数')
    const nonzero = rows.filter((r, i) => (cells[i]!.value ?? 0) > 0).map((r) => r.id)
    const explained = new Set(stated.flatMap((s) => s.reason.rows.filter((r) => rowIds.has(r))))
    const findings: Finding[] = []
    for (const s of stated) {
      const mine = s.reason.rows.filter((r) => rowIds.has(r))
      if (mine.some((r) => nonzero.includes(r))) continue
      const others = nonzero.filter((r) => !explained.has(r))
      if (!others.length) continue
      const val = (id: string): number => cells[rows.findIndex((r) => r.id === id)]!.value ?? 0
      const evidence: Evidence[] = [
        textEvidence(ctx, s.sen.start, s.sen.end, `正文理由：${s.reason.label}`),
        ...mine.map((r) => cellEvidence(ctx.cell('T3', r, 'total')!)),
        ...others.map((r) => cellEvidence(ctx.cell('T3', r, 'total')!))
      ]
      const where = others.map((r) => `“${label(r)}”（${val(r)}件）`).join('、')
      findings.push({
        rule: rule.id, severity: rule.severity, outcome: 'FAIL', loc: `T3.category.${s.reason.key}`, evidence,
        message: mine.length
          ? `正文称“${quote(ctx, s.start, s.end, 20)}”（${s.reason.label}），但表三“${mine.map(label).join('、')}”为0，件数计入了${where}，请核对。`
          : `正文称申请内容“${s.reason.label}”，表三模板没有对应的行，该件计入了${where}；请确认统计口径与正文表述是否一致。`
      })
    }
    return fromFindings(findings)
  }
}

export default rule
