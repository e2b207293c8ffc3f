// A file with almost no text and nothing of a report in it (no title body, year, section or table
// value) is not stored as a report: thousands of such files (stray notes, test files) would each cost
// a full empty report model, its cells and findings (about 72 KB per 10-byte file).
import type { ParsedReport } from '../model.ts'

/** Below this many visible characters a file with nothing report-like is not a report. */
const MIN_CHARS = 300

/** The reason a parsed file is not a report, or null when it may be one. */
export function notAReport(text: string, parsed: ParsedReport): string | null {
  let visible = 0
  for (let i = 0; i < text.length && visible < MIN_CHARS; i++) if (text.charCodeAt(i) > 0x20) visible++
  if (visible >= MIN_CHARS) return null
  if (parsed.body || parsed.year !== undefined || parsed.title) return null
  if (parsed.sections.some((s) => s.found)) return null
  for (const t of Object.values(parsed.tables)) if (t.cells.some((c) => c.status !== 'missing')) return null
  return `不是年报：文件中只有 ${visible} 个字，没有读到年报的标题、年度、章节或表格，未导入`
}
