// Every rule id of the check catalog (domain.md §8) is implemented, or listed as deliberately not
// implemented with its reason; every implemented rule is in the catalog and follows the conventions.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ALL_RULES, NOT_IMPLEMENTED } from '../../src-main/engine/checks/registry.ts'
import { ROOT } from '../helpers/seeds.ts'

// The domain research lives in ../shared; the repo keeps a copy in docs/ for clones without it.
const shared = join(ROOT, '..', 'shared', 'domain', 'domain.md')
const domain = readFileSync(existsSync(shared) ? shared : join(ROOT, 'docs', 'domain.md'), 'utf8')
const section8 = domain.slice(domain.indexOf('## 8. Check catalog'), domain.indexOf('## 9.'))
const catalog = new Map<string, string>()
for (const line of section8.split('\n')) {
  const m = /^\| ([A-Z0-9]+(?:-[A-Z0-9]+)+) \|(?:[^|]*\|){2} ([^|]*?) \|/.exec(line)
  if (m) catalog.set(m[1] as string, (m[2] as string).trim())
}

describe('check catalog', () => {
  it('finds the catalog in domain.md §8', () => {
    expect(catalog.size).toBeGreaterThanOrEqual(59)
    expect(catalog.get('T3-BALANCE')).toBe('error')
  })

  it('implements every catalog rule or says why not', () => {
    const implemented = new Set(ALL_RULES.map((r) => r.id))
    const missing = [...catalog.keys()].filter((id) => !implemented.has(id) && !NOT_IMPLEMENTED[id])
    expect(missing).toEqual([])
    for (const [id, why] of Object.entries(NOT_IMPLEMENTED)) {
      expect(catalog.has(id), id).toBe(true)
      expect(why.length).toBeGreaterThan(10)
    }
  })

  it('has no rule outside the catalog, no duplicate ids, one file per rule named by its id', () => {
    const ids = ALL_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(catalog.has(id), id).toBe(true)
    const files = readdirSync(join(ROOT, 'src-main', 'engine', 'checks', 'rules')).filter((f) => !f.startsWith('_'))
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...ids].sort())
  })

  it('declares severity, a Chinese title and a source for each rule; [R]-based rules are never errors', () => {
    for (const r of ALL_RULES) {
      expect(['error', 'warning', 'info']).toContain(r.severity)
      expect(r.title, r.id).toMatch(/[\u4e00-\u9fff]/)
      expect(r.source.length, r.id).toBeGreaterThan(3)
      if (r.confidence === 'R') expect(r.severity, r.id).not.toBe('error')
      const declared = catalog.get(r.id) ?? ''
      expect(declared, r.id).toContain(r.severity)
    }
  })
})
