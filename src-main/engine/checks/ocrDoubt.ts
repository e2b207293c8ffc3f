// A finding whose quoted text lies where OCR was unsure of what it read is likelier a misreading than the
// township's mistake: it goes with the parse problems (severity 'parse', out of counts and letters), and
// says why, so the reviewer checks it against the scan.
import type { ParsedReport } from '../model.ts'
import type { Finding } from './types.ts'

export function ocrDoubtIsParse(report: ParsedReport, f: Finding): Finding {
  const doubt = report.ocrDoubt
  if (!doubt?.length || f.severity === 'parse') return f
  const hit = f.evidence.some((e) => e.kind === 'text' && doubt.some(([s, t]) => e.start < t && e.end > s))
  if (!hit) return f
  return { ...f, severity: 'parse', message: `扫描件识别没有把握，可能是识别错误，请对照原件核对：${f.message}` }
}
