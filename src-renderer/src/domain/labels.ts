// Chinese names for everything the reviewer reads: rule families, severities, outcomes, statuses.
import type { FindingDto, ReviewStatus, Severity } from '../../../src-main/shared/api.ts'

export const FAMILY_ORDER = ['document', 'section', 'structure', 'arithmetic', 'text', 'cross', 'manual', 'parse'] as const

export const FAMILY_NAMES: Record<string, string> = {
  document: '文档',
  section: '章节',
  structure: '表格结构',
  arithmetic: '表内勾稽',
  text: '文表一致',
  cross: '跨文件',
  manual: '人工',
  parse: '解析存疑（本软件未能读准，不是乡镇的问题）'
}

export const SEVERITIES: Severity[] = ['error', 'warning', 'info']

export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示', parse: '解析存疑' }

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, parse: 0 }

export function maxSeverity(a: Severity | null, b: Severity): Severity {
  return a && SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b
}

export function outcomeName(f: Pick<FindingDto, 'outcome'>): string {
  return f.outcome === 'UNVERIFIABLE' ? '无法核实' : '不符合'
}

export const REVIEW_STATUSES: ReviewStatus[] = ['待审核', '需整改', '已通过']

export const PARSE_STATUS_NAMES: Record<string, string> = {
  ok: '已解析',
  'needs-ocr': '需 OCR',
  error: '读取失败',
  skipped: '已跳过',
  unchanged: '未变化'
}

export const KIND_NAMES: Record<string, string> = { txt: '文本', html: '网页', docx: 'Word', doc: 'Word 97', pdf: 'PDF' }

export function formatName(format: string | null | undefined): string {
  if (format === '2021') return '2021 格式'
  if (format === '2019') return '2019 试行格式'
  if (format === 'mixed') return '新旧格式混用'
  return '未识别'
}

export const CELL_STATUS_NAMES: Record<string, string> = {
  ok: '',
  blank: '空白',
  missing: '未找到',
  uncertain: '不确定',
  inferred: '推断值',
  invalid: '不是数字'
}

export const LABEL_MATCH_NAMES: Record<string, string> = {
  exact: '一致',
  variant: '写法不同',
  qualified: '带限定语',
  deviation: '有偏差',
  truncated: '被截断'
}

export const FILE_EVENT_NAMES: Record<string, string> = { error: '读取失败', skipped: '已跳过', 'needs-ocr': '需 OCR' }

export const DECISION_NAMES: Record<string, string> = { confirmed: '已确认', dismissed: '已排除' }
