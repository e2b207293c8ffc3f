// `npm run unused`: exports of src-main and src-renderer that no code uses, not even their own file
// (dead code), and, for information, exports only tests and scripts use. A plain word search over the
// sources, so a name that recurs as an unrelated word is taken as used: it can miss dead code, never
// report live code. Exits 1 when something is dead. A name meant to be unused (a compile-time check)
// goes in KEEP with its reason.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SOURCES = ['src-main', 'src-renderer/src']
const USERS = ['test', 'scripts']
/** Fails to compile when a ReviewApi method is missing from API_METHODS: it is never read. */
const KEEP = new Set(['API_METHODS_COMPLETE'])

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (name === 'node_modules') continue
    if (statSync(p).isDirectory()) walk(p, out)
    else if (/\.(ts|vue|mts|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(p)
  }
  return out
}

const text = (files) => new Map(files.map((f) => [relative(root, f), readFileSync(f, 'utf8')]))
const sources = text(SOURCES.flatMap((d) => walk(join(root, d), [])))
const users = text(USERS.flatMap((d) => walk(join(root, d), [])))
const EXPORT = /^export\s+(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z0-9_$]+)/gm

const dead = []
const testOnly = []
for (const [file, src] of sources) {
  for (const m of src.matchAll(EXPORT)) {
    const name = m[1]
    if (KEEP.has(name)) continue
    const pattern = `(?<![A-Za-z0-9_$])${name.replace(/\$/g, '\\$')}(?![A-Za-z0-9_$])`
    if ((src.match(new RegExp(pattern, 'g')) ?? []).length > 1) continue
    const word = new RegExp(pattern)
    let used = false
    for (const [other, t] of sources) if (other !== file && word.test(t)) used = true
    if (used) continue
    let tested = false
    for (const t of users.values()) if (word.test(t)) tested = true
    ;(tested ? testOnly : dead).push(`${file}: ${name}`)
  }
}
for (const d of testOnly) console.log(`used by tests only: ${d}`)
for (const d of dead) console.log(`unused: ${d}`)
console.log(dead.length ? `${dead.length} unused exports` : 'no unused exports')
process.exit(dead.length ? 1 : 0)
