// "What to correct" for each catalog rule (domain.md §8), as written to a township in the 整改意见.
// The finding's own message says what is wrong; this says what the township should do about it.
import type { ExportFinding } from './data.ts'

const ADVICE: Record<string, string> = {
  'DOC-FORMAT-DETECT': '请按报告年度适用的年度报告格式编制。',
  'DOC-FORMAT-YEAR': '请按报告年度适用的格式重新编制：2021年及以后年度的报告使用国办公开办函〔2021〕30号印发的格式。',
  'DOC-TITLE': '请规范报告标题，写明“××镇人民政府××××年政府信息公开工作年度报告”。',
  'DOC-TITLE-AGENCY': '标题中请使用机关全称（如“××县××镇人民政府”）。',
  'DOC-YEAR-CONSISTENT': '请统一标题、统计期限和正文数据所指的报告年度，落款日期应为报告年度的次年。',
  'DOC-TARGET-YEAR': '请核实报送的是否为本次要求的年度报告；报送有误的，请重新报送。',
  'DOC-STAT-PERIOD': '建议在报告开头写明“本报告中所列数据的统计期限自××××年1月1日起至××××年12月31日止”。',
  'DOC-DEADLINE': '年度报告应在规定时限内公开；请核实公开日期，今后按时公开。',
  'DOC-DECLARED-PARTS': '请使前言所述的组成部分与正文实际内容一致。',
  'DOC-CITATION': '请规范引用法规名称，写作《中华人民共和国政府信息公开条例》。',
  'DOC-TRAD': '请使用规范简体汉字。',
  'DOC-WRONG-ENTITY': '请核实报送的是否为本乡镇（街道）的年度报告。',
  'SEC-PRESENT': '请按格式补齐全部六个部分。',
  'SEC-ORDER': '请按格式规定的顺序排列六个部分。',
  'SEC-TITLE': '请按格式规范各部分标题，不得自行改写或删减。',
  'SEC-NUMBERING': '请规范标题层级序号（一、（一）1.），避免层级混乱。',
  'SEC1-ASPECTS': '请在“一、总体情况”中分别写明主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面的情况。',
  'SEC1-GOV-ASSESS': '请在“一、总体情况”中写明政府信息公开工作考核、社会评议和责任追究结果情况（未开展或未发生的也应写明）。',
  'SEC1-DATA': '建议在“一、总体情况”中用具体数据反映主动公开、依申请公开等工作情况。',
  'SEC5-BOTH': '请在“五、存在的主要问题及改进情况”中分别写明存在的主要问题和具体改进措施。',
  'SEC5-VAGUE': '请结合本单位实际具体查摆问题，写明问题的具体表现，避免泛泛而谈。',
  'SEC5-PREV': '请在“五、存在的主要问题及改进情况”中说明上一年度报告所列问题的整改落实情况。',
  'SEC6-EMPTY': '请在“六、其他需要报告的事项”中说明信息处理费收取情况（未收取的也应写明）、落实上级年度政务公开工作要点情况等事项。',
  'SEC6-FEE': '请按《政府信息公开信息处理费管理办法》说明本年度发出收费通知的件数和总金额、实际收取的总金额；未收取的应写明“未收取信息处理费”。',
  'SEC6-POINTS': '请说明落实上级年度政务公开工作要点的情况。',
  'SEC6-NPC': '请说明人大代表建议和政协提案办理结果公开情况；无相关事项的应予说明。',
  'SEC6-INNOV': '请说明本年度政务公开工作创新情况。',
  'TBL-PRESENT': '请按格式完整填报表二、表三、表四。',
  'TBL-LABEL': '请使用格式规定的表格行、列名称，不得自行改写。',
  'TBL-BLANK': '表格中数据为零的单元格应填写“0”，不得留空或填写“/”“—”“无”。',
  'TBL-SHAPE': '请按格式规定的行列填报表格，删除多出的列，补齐缺少的数据。',
  'TBL-NUMERIC': '数据单元格应填写非负数字，件数为整数。',
  'TBL-ALLZERO': '请核实表格数据全部为零是否属实，并与正文表述保持一致。',
  'T3-BALANCE': '请逐列核对表三，使“一、本年新收”与“二、上年结转”之和等于“（七）总计”与“四、结转下年度继续办理”之和。',
  'T3-OUTCOME-SUM': '请核对表三各项办理结果，使其合计等于“（七）总计”。',
  'T3-ROW-TOTAL': '请核对表三各行，使“总计”列等于各类申请人数量之和。',
  'T4-SUM': '请核对表四，使行政复议、未经复议直接起诉、复议后起诉各组的“总计”等于结果维持、结果纠正、其他结果、尚未审结之和。',
  'T2-RULES-TOWNSHIP': '乡镇人民政府无权制定规章，表二“规章”行应填写“0”。',
  'T2-INFORCE-FLOOR': '请核对表二“现行有效件数”与“本年制发件数”“本年废止件数”。',
  'T2-2019-PUB-LE-TOTAL': '请核对表二“本年新公开数量”与“对外公开总数量”。',
  'T2-FEE-UNIT': '“本年收费金额”的单位为万元，请核实换算后填写。',
  'T3-FEE-NOTICE': '表三填报了逾期未缴纳费用、不再处理的申请，请在“六、其他需要报告的事项”中说明发出收费通知的情况。',
  'TXT-T3-COUNT': '请核对正文所述政府信息公开申请件数与表三数据，使二者一致。',
  'TXT-T3-CATEGORY': '请核对正文所述办理结果与表三填报的行次，使二者一致。',
  'TXT-T4-COUNT': '请核对正文所述行政复议、行政诉讼件数与表四数据，使二者一致。',
  'TXT-T2-COUNT': '请核对正文所述规范性文件件数与表二数据，使二者一致。',
  'TXT-SUM': '请核对正文中的分项数字与合计数。',
  'TXT-FEE': '请核对正文与表格中关于收费情况的表述，使二者一致。',
  'XDOC-CARRY': '本年“二、上年结转政府信息公开申请数量”应与上年年报“四、结转下年度继续办理”一致，请核对；确需调整的请说明原因。',
  'XDOC-INFORCE': '请核对“现行有效件数”与上年年报数据的衔接。',
  'XDOC-2019-ITEMS': '请核对“上一年项目数量”与上年年报数据的衔接。',
  'XDOC-PREV-COPY': '请结合本年度工作实际撰写，不得照搬上年报告。',
  'XDOC-PEER-COPY': '请结合本单位实际撰写，避免与其他单位报告内容雷同。',
  'XDOC-OTHER-NAME': '报告中出现其他乡镇（街道）名称，请核实修改。',
  'XDOC-DUP-FILE': '请确认以哪一份报告为准，撤回重复报送的文件。',
  'XDOC-MISSING': '请尽快报送年度报告。',
  'XDOC-MIXED-YEAR': '请核实报送的报告年度。',
  'XDOC-YOY': '请核实与上年相比变化较大的数据，必要时说明原因。',
  'XDOC-IDENTICAL-TABLE': '请核实表格数据是否为本单位的实际数据。'
}

const FALLBACK = '请对照《中华人民共和国政府信息公开条例》和年度报告格式要求核实修改。'

/** The correction asked for a finding. Blank cells that made an identity uncheckable are named too. */
export function adviceFor(f: Pick<ExportFinding, 'rule' | 'outcome' | 'evidence' | 'manual'>): string {
  const base = ADVICE[f.rule] ?? (f.manual ? '请按审核意见核实修改。' : FALLBACK)
  const blank = f.evidence.some((e) => e.kind === 'cell' && (e.value === null || e.status === 'blank'))
  if (f.outcome === 'UNVERIFIABLE' && blank && f.rule !== 'TBL-BLANK') return `${base}表中空白的单元格请填写数字，数据为零的填写“0”。`
  return base
}
