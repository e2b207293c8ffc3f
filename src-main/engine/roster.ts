// The county's roster of townships: a .txt (one name per line) or the first column of an .xlsx.
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { decodeText } from './ingest/readers/text.ts'

export async function readRoster(file: string): Promise<string[]> {
  const names: string[] = []
  if (/\.xlsx$/i.test(file)) {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const ws = wb.worksheets[0]
    ws?.getColumn(1).eachCell((cell) => names.push(String(cell.text ?? '').trim()))
  } else {
    names.push(...decodeText(readFileSync(file)).text.split(/\r?\n/).map((s) => s.trim()))
  }
  return names.filter((n) => n && !/^(乡镇|名称|乡镇名称|序号)$/.test(n))
}
