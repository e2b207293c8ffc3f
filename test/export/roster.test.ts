// Roster names matched to reports by township name, full body name, or — for a scan whose text names
// nobody — by the file name.
import { describe, expect, it } from 'vitest'
import { missingFromRoster, rosterMatches } from '../../src-main/engine/export/data.ts'

const r = (township: string | null, body: string | null, year: number | null, file: string) => ({ township, body, year, file })

describe('missingFromRoster', () => {
  it('matches by township, by full name, and a scan without text by its file name', () => {
    const reports = [r('头营镇', '原州区头营镇', 2023, '003.txt'), r(null, null, null, '扫描件/彭堡镇-2023年报.pdf'), r('官前乡', null, 2021, '001.txt')]
    expect(missingFromRoster(['头营镇', '原州区彭堡镇人民政府', '官前乡', '张易镇'], reports, 2023)).toEqual(['官前乡', '张易镇'])
  })

  it('does not take a report of another township for a roster name, nor a file name when the report names its body', () => {
    expect(rosterMatches('平安镇', r('头营镇', null, 2023, '平安镇.txt'))).toBe(false)
    expect(rosterMatches('平安', r(null, null, null, 'x.pdf'))).toBe(false)
    expect(rosterMatches('裴城镇', r(null, '裴城镇人民政府', 2023, 'a.pdf'))).toBe(true)
  })
})
