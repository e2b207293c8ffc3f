// The 整改意见 sent to one township: the report reviewed, every finding the reviewer confirmed (where,
// what is wrong, what to correct, on what basis, the reviewer's comment), the reply deadline and the
// office's signature. Laid out like a 公文 on A4: 宋体 title, 仿宋 三号 body, fixed 28 pt lines.
// Over 400 lines: the letter is one document definition (styles, paragraphs, the findings table).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType
} from 'docx'
import type { Db } from '../db/open.ts'
import { ruleById } from '../checks/registry.ts'
import { adviceFor } from './advice.ts'
import { loadExportBatch, loadExportReport, type ExportFinding, type ExportReport, type ExportSettings } from './data.ts'
import { chineseDate, locate, replyDeadline, sidesText } from './labels.ts'

export const DEFAULT_OFFICE = '县政务公开办公室'

const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' }
const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' }
const HEI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' }
const KAI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体', cs: 'Times New Roman' }

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
const SIZE = { title: 44, body: 32, table: 24, footer: 28 }
/** A4 and the 公文 margins (GB/T 9704: 37 / 35 / 28 / 26 mm), in twips. */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474 }
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right
const LINE = { line: 560, lineRule: LineRuleType.EXACT }
const INDENT = { firstLine: 640 }

const DIGITS = '零一二三四五六七八九'
/** 1 → 一, 12 → 十二, 25 → 二十五 (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n)
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`
  return String(n)
}

function para(text: string, opts: { indent?: boolean; bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.BOTH,
    indent: opts.indent === false ? undefined : INDENT,
    children: [new TextRun({ text, bold: opts.bold })]
  })
}

/** 【label】text, the label in bold. */
function labelled(label: string, text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: INDENT,
    children: [new TextRun({ text: `${label}：`, bold: true, font: HEI }), new TextRun({ text })]
  })
}

function tableCell(text: string, width: number, opts: { bold?: boolean; shade?: boolean; center?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: opts.shade ? { fill: 'F2F2F2', type: 'clear', color: 'auto' } : undefined,
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 320, lineRule: LineRuleType.AUTO },
          children: [new TextRun({ text: line, bold: opts.bold, size: SIZE.table })]
        })
    )
  })
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER }

function grid(rows: string[][], widths: number[], header: boolean): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: rows.map(
      (cells, i) =>
        new TableRow({
          tableHeader: header && i === 0,
          cantSplit: true,
          children: cells.map((t, j) => tableCell(t, widths[j] ?? 2000, { bold: (header && i === 0) || (!header && j === 0), shade: (header && i === 0) || (!header && j === 0), center: header && i === 0 }))
        })
    )
  })
}

/** Small gap after a table, so that the next line does not stick to its border. */
const gap = (): Paragraph => new Paragraph({ spacing: { line: 200, lineRule: LineRuleType.EXACT }, children: [] })

const FORMAT_NAME: Record<string, string> = {
  '2021': '2021年格式（国办公开办函〔2021〕30号）',
  '2019': '2019年试行格式（国办公开办函〔2019〕60号）',
  mixed: '新旧格式混用',
  unknown: '未能识别'
}

function reportInfo(r: ExportReport): Table {
  const rows: string[][] = [
    ['报送单位', r.body ?? r.township ?? '（未识别）'],
    ['报告标题', r.title ?? '（未识别）'],
    ['报送文件', r.file ?? '（无）'],
    ['审核版本', `第 ${r.seq ?? 1} 版${r.versions > 1 ? `（共收到 ${r.versions} 版）` : ''}${r.importedAt ? `，${chineseDate(new Date(r.importedAt))}收到` : ''}`],
    ['适用格式', (r.formatRaw && FORMAT_NAME[r.formatRaw]) ?? '（未识别）'],
    ['落款日期', r.signDate ? chineseDate(r.signDate) : '未注明']
  ]
  return grid(rows, [1900, TEXT_WIDTH - 1900], false)
}

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 }

/** Findings the reviewer has not decided yet (errors and warnings; 提示 need no decision). */
export function pendingFindings(r: ExportReport): ExportFinding[] {
  return r.findings.filter((f) => f.decision === null && (f.severity === 'error' || f.severity === 'warning'))
}

/**
 * Whether a letter may be sent: only what the reviewer decided goes into it. Final when nothing is
 * pending and the status agrees with the decisions; a draft (marked 草稿, listing what is pending)
 * otherwise; none at all while nobody knows whom to address.
 */
export interface LetterState {
  kind: 'final' | 'draft' | 'none'
  /** Why it is not final, in Chinese, for the letter, the CLI and the UI. */
  reasons: string[]
  pending: ExportFinding[]
}

export function letterState(r: ExportReport): LetterState {
  if (!r.body?.trim() && !r.township?.trim()) return { kind: 'none', reasons: ['报送单位未识别，请在审核页填写单位名称后再导出'], pending: [] }
  const pending = pendingFindings(r)
  const confirmed = confirmedFindings(r)
  const reasons: string[] = []
  if (pending.length) reasons.push(`尚有 ${pending.length} 条发现未确认或排除`)
  if (r.reviewStatus === '待审核') reasons.push('审核状态仍为“待审核”')
  else if (r.reviewStatus === '已通过' && (confirmed.length || !r.parsed)) reasons.push('审核状态为“已通过”，但有已确认的问题或文件未能解析')
  else if (r.reviewStatus === '需整改' && !confirmed.length && r.parsed) reasons.push('审核状态为“需整改”，但没有已确认的问题')
  return { kind: reasons.length ? 'draft' : 'final', reasons, pending }
}

/** The addressee as a 公文 names it: 原州区头营镇 → 原州区头营镇人民政府, 某街道 → 某街道办事处. */
export function fullBodyName(body: string): string {
  const b = body.trim()
  if (/(人民政府|政府|办事处|委员会|管委会|管理委员会|办公室|局)$/.test(b)) return b
  if (/(镇|乡)$/.test(b)) return `${b}人民政府`
  if (/街道$/.test(b)) return `${b}办事处`
  return b
}

/** Findings to be corrected: confirmed by the reviewer and still open (manual ones included). */
export function confirmedFindings(r: ExportReport): ExportFinding[] {
  return r.findings
    .filter((f) => f.decision === 'confirmed')
    .sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) || a.id - b.id)
}

function findingHeading(f: ExportFinding): string {
  const rule = ruleById(f.rule)
  if (rule) return rule.title
  const m = f.message.replace(/\s+/g, '')
  return m.length <= 36 ? m.replace(/[。；;]$/, '') : '审核发现的其他问题'
}

function findingBlock(r: ExportReport, f: ExportFinding, n: number): (Paragraph | Table)[] {
  const rule = ruleById(f.rule)
  const loc = locate(r, f)
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_2, indent: INDENT, children: [new TextRun(`（${chineseNumber(n)}）${findingHeading(f)}`)] }),
    labelled('问题位置', loc.where)
  ]
  for (const q of loc.quotes) out.push(labelled('报告原文', q))
  if (loc.cells.length) {
    out.push(labelled('填报数据', loc.cells.length === 1 ? `${loc.cells[0]?.name}：${loc.cells[0]?.value}` : '见下表'))
    if (loc.cells.length > 1) {
      out.push(grid([['单元格', '填报内容'], ...loc.cells.map((c) => [c.name, c.value])], [TEXT_WIDTH - 2400, 2400], true), gap())
    }
  }
  const sides = sidesText(f.sides, f.outcome)
  if (sides) out.push(labelled('核对情况', sides))
  out.push(labelled('存在问题', f.message))
  out.push(labelled('整改要求', adviceFor(f)))
  if (rule?.source) out.push(labelled('依据', sourceText(rule.source)))
  if (f.comment?.trim()) out.push(labelled('审核意见', f.comment.trim()))
  return out
}

/** The title in two lines broken where a 公文 title would be (before 年度报告), when it is too long for one. */
function titleRuns(township: string, year: string, draft = false): TextRun[] {
  const first = `${draft ? '（草稿）' : ''}关于${township}${year}年政府信息公开工作`
  const second = '年度报告的整改意见'
  if ((first + second).length <= 20) return [new TextRun(first + second)]
  return [new TextRun(first), new TextRun({ text: second, break: 1 })]
}

/** A rule's source as written to a township: without the catalogue's confidence marks ([R], [T], [V]). */
export function sourceText(source: string): string {
  return source
    .replace(/\s*\[[RTV]\]/g, '')
    .replace(/\s*§\s*/g, '')
    .trim()
}

function buildDocument(r: ExportReport, settings: ExportSettings, today: Date): Document {
  const state = letterState(r)
  const draft = state.kind !== 'final'
  const township = r.township ?? r.body ?? '（未识别单位）'
  const year = r.year !== null ? `${r.year}` : ''
  const title = `${draft ? '（草稿）' : ''}关于${township}${year}年政府信息公开工作年度报告的整改意见`
  const office = settings.office?.trim() || DEFAULT_OFFICE
  const confirmed = confirmedFindings(r)
  const reportName = r.title ? `《${r.title}》` : `年度报告（${r.file ?? ''}）`
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: titleRuns(township, year, draft) }),
    new Paragraph({ children: [] })
  ]
  if (draft) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.BOTH,
        children: [new TextRun({ text: `草稿：审核尚未完成，本意见不能发出（${state.reasons.join('；')}）。`, bold: true, font: HEI, color: 'C00000' })]
      })
    )
    state.pending.forEach((f, i) => children.push(para(`待决定 ${i + 1}：${findingHeading(f)}——${f.message}`)))
  }
  children.push(para(`${fullBodyName(r.body ?? township)}：`, { indent: false }))
  const needsWork = confirmed.length > 0 || !r.parsed
  if (!r.parsed) {
    const why = r.status === 'needs-ocr' ? '为扫描件，没有可识别的文字' : `无法读取${r.statusMessage ? `（${r.statusMessage}）` : ''}`
    children.push(
      para(
        `我办收到你单位报送的年度报告文件“${r.file ?? ''}”，该文件${why}，未能完成审核。请报送可编辑的文字版文件（.docx、.doc 或带文字层的 .pdf）。` +
          (confirmed.length ? '此外，审核中发现以下问题，请一并整改。' : '')
      )
    )
  } else if (confirmed.length) {
    children.push(
      para(
        `根据《中华人民共和国政府信息公开条例》和政府信息公开工作年度报告格式的有关要求，我办对你单位报送的${reportName}进行了审核，` +
          `发现需要整改的问题 ${confirmed.length} 项。现将审核意见反馈如下，请认真核实整改。`
      )
    )
  } else if (!draft) {
    children.push(
      para(
        `根据《中华人民共和国政府信息公开条例》和政府信息公开工作年度报告格式的有关要求，我办对你单位报送的${reportName}进行了审核，` +
          '未发现需要整改的问题，无需整改。请按规定做好年度报告的公开工作。'
      )
    )
  } else {
    children.push(para(`我办正在对你单位报送的${reportName}进行审核，审核意见待审核完成后另行反馈。`))
  }
  let h = 1
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, indent: INDENT, children: [new TextRun(`${chineseNumber(h++)}、审核的报告`)] }), reportInfo(r), gap())
  if (confirmed.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, indent: INDENT, children: [new TextRun(`${chineseNumber(h++)}、需要整改的问题`)] }))
    confirmed.forEach((f, i) => children.push(...findingBlock(r, f, i + 1)))
  }
  if (needsWork) {
    const deadline = replyDeadline(settings.replyDeadline, today)
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, indent: INDENT, children: [new TextRun(`${chineseNumber(h++)}、整改时限和要求`)] }),
      para(`请于${deadline}前完成整改，将修改后的年度报告和整改情况说明报送${office}。已在政府网站公开的年度报告，请同步更新公开版本。`)
    )
    if (settings.reviewer?.trim()) children.push(para(`联系人：${settings.reviewer.trim()}`))
  }
  children.push(
    new Paragraph({ children: [] }),
    new Paragraph({ children: [] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 640 }, children: [new TextRun(office)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 640 }, children: [new TextRun(chineseDate(today))] })
  )
  return new Document({
    creator: settings.reviewer ?? office,
    title,
    description: `${township}${year}年政府信息公开工作年度报告整改意见`,
    styles: {
      default: {
        document: {
          run: { font: FANGSONG, size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: LINE }
        },
        title: {
          run: { font: SONG, size: SIZE.title, bold: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT } }
        },
        heading1: {
          run: { font: HEI, size: SIZE.body, bold: false, color: '000000' },
          paragraph: { spacing: { ...LINE, before: 120 }, keepNext: true }
        },
        heading2: {
          run: { font: KAI, size: SIZE.body, bold: true, color: '000000' },
          paragraph: { spacing: { ...LINE, before: 120 }, keepNext: true }
        }
      }
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 851, footer: 992 }
          }
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: SIZE.footer })]
              })
            ]
          })
        },
        children
      }
    ]
  })
}

/** Writes the letter of one report; refuses while its addressee is unknown. */
export async function exportFeedbackDocx(db: Db, reportId: number, file: string, today: Date = new Date()): Promise<LetterState> {
  const { report, settings } = loadExportReport(db, reportId)
  const state = letterState(report)
  if (state.kind === 'none') throw new Error(state.reasons.join('；'))
  await writeDoc(report, settings, file, today)
  return state
}

/** The letter's file name for one report (marked 草稿 when it is not final). */
export function letterFileName(db: Db, reportId: number): string {
  const { report } = loadExportReport(db, reportId)
  return feedbackFileName(report, letterState(report).kind !== 'final')
}

async function writeDoc(report: ExportReport, settings: ExportSettings, file: string, today: Date): Promise<void> {
  const buf = await Packer.toBuffer(buildDocument(report, settings, today))
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, buf)
}

/** A file name safe on Windows: no reserved characters, no trailing dots or spaces. */
export function safeFileName(name: string): string {
  const s = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
  const base = s || '未命名'
  return /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(base) ? `_${base}` : base
}

export function feedbackFileName(r: Pick<ExportReport, 'township' | 'year' | 'file'>, draft = false): string {
  const who = r.township ?? (r.file ? basename(r.file).replace(/\.[^.]+$/, '') : '未识别单位')
  return `${safeFileName(`${who}-${r.year ?? '年度不明'}年报整改意见${draft ? '（草稿）' : ''}`)}.docx`
}

export interface LetterFile {
  file: string
  reportId: number
  draft: boolean
  reasons: string[]
}

export interface LettersResult {
  letters: LetterFile[]
  /** Reports that got no letter, with the reason (no addressee yet). */
  skipped: { reportId: number; name: string; reason: string }[]
}

/** One .docx per report whose addressee is known: final letters, or drafts marked 草稿. */
export async function exportLetters(db: Db, batchId: number, folder: string, today: Date = new Date()): Promise<LettersResult> {
  const batch = loadExportBatch(db, batchId)
  mkdirSync(folder, { recursive: true })
  const used = new Set<string>()
  const out: LettersResult = { letters: [], skipped: [] }
  for (const r of batch.reports) {
    const state = letterState(r)
    if (state.kind === 'none') {
      out.skipped.push({ reportId: r.id, name: r.file ?? `年报 ${r.id}`, reason: state.reasons.join('；') })
      continue
    }
    const draft = state.kind === 'draft'
    let name = feedbackFileName(r, draft)
    for (let i = 2; used.has(name.toLowerCase()); i++) name = feedbackFileName(r, draft).replace(/\.docx$/, `（${i}）.docx`)
    used.add(name.toLowerCase())
    const file = join(folder, name)
    await writeDoc(r, batch.settings, file, today)
    out.letters.push({ file, reportId: r.id, draft, reasons: state.reasons })
  }
  return out
}

/** The letters in one .zip, for a single download. */
export async function zipLetters(files: string[], zipFile: string): Promise<string> {
  const { default: JSZip } = await import('jszip')
  const zip = new JSZip()
  for (const f of files) zip.file(basename(f), readFileSync(f))
  mkdirSync(dirname(zipFile), { recursive: true })
  writeFileSync(zipFile, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
  return zipFile
}
