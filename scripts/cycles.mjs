// `npm run cycles`: reports import cycles among the sources in src-main and src-renderer and exits 1 if
// there is any. Type-only imports count: a type cycle still ties two layers together (issue 18 found one
// of 77 files through checks/types.ts), and it turns into a runtime cycle the day someone imports a value.
// Dynamic import() and `import('x').T` annotations count too, for the same reason. Besides cycles of files
// it reports cycles of layers (the folders of src-main/engine, see moduleOf), which no file cycle shows.
// No dependencies: a plain scan of import/export statements, enough for this code base's style.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const ROOTS = ['src-main', 'src-renderer/src']
const EXTS = ['.ts', '.vue', '.mts', '.js', '.mjs']

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    const st = statSync(p)
    if (st.isDirectory()) walk(p, out)
    else if (EXTS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts')) out.push(p)
  }
  return out
}

/** The script part of a file: all <script> blocks of a .vue file, the whole file otherwise. */
function scriptOf(path) {
  const src = readFileSync(path, 'utf8')
  if (!path.endsWith('.vue')) return src
  const parts = []
  for (const m of src.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) parts.push(m[1])
  return parts.join('\n')
}

// Statements start a line; the specifier is the first quoted string after `from`.
const STATIC = /(?:^|\n)[ \t]*(import|export)(\s+type)?\b([^'"`;]*?)\bfrom\s*['"]([^'"\n]+)['"]/g
const BARE = /(?:^|\n)[ \t]*import\s*['"]([^'"\n]+)['"]/g
const DYNAMIC = /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g

/** Imports of one file: { spec, typeOnly, dynamic }. */
function importsOf(text) {
  const out = []
  for (const m of text.matchAll(STATIC)) {
    const clause = m[3] ?? ''
    // `import { type A, type B } from` is type-only as well: every named binding is a type.
    const names = /^\s*\{([^}]*)\}\s*$/.exec(clause)?.[1]
    const allTypes = names !== undefined && names.split(',').filter((s) => s.trim()).every((s) => /^\s*type\s/.test(s))
    out.push({ spec: m[4], typeOnly: Boolean(m[2]) || allTypes, dynamic: false })
  }
  for (const m of text.matchAll(BARE)) out.push({ spec: m[1], typeOnly: false, dynamic: false })
  for (const m of text.matchAll(DYNAMIC)) out.push({ spec: m[1], typeOnly: false, dynamic: true })
  return out
}

function resolveSpec(from, spec) {
  if (!spec.startsWith('.')) return null
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''))
  for (const cand of [base, ...EXTS.map((e) => base + e), ...EXTS.map((e) => join(base, 'index' + e))]) {
    if (existsSync(cand) && statSync(cand).isFile()) return cand
  }
  return null
}

const files = ROOTS.flatMap((r) => walk(join(root, r), []))
const known = new Set(files)
/** file -> Map(target -> edge kind) */
const graph = new Map()
for (const f of files) {
  const edges = new Map()
  for (const imp of importsOf(scriptOf(f))) {
    const to = resolveSpec(f, imp.spec)
    if (!to || !known.has(to)) continue
    const kind = imp.dynamic ? 'dynamic' : imp.typeOnly ? 'type' : 'value'
    // A value edge outranks a type edge between the same two files.
    const prev = edges.get(to)
    if (!prev || prev === 'type' || (prev === 'dynamic' && kind === 'value')) edges.set(to, kind)
  }
  graph.set(f, edges)
}

// Tarjan's strongly connected components, iterative so deep chains cannot overflow the stack.
function components() {
  let index = 0
  const idx = new Map()
  const low = new Map()
  const onStack = new Set()
  const stack = []
  const out = []
  for (const start of files) {
    if (idx.has(start)) continue
    const work = [[start, [...graph.get(start).keys()], 0]]
    idx.set(start, index)
    low.set(start, index++)
    stack.push(start)
    onStack.add(start)
    while (work.length) {
      const frame = work[work.length - 1]
      const [v, next] = frame
      if (frame[2] < next.length) {
        const w = next[frame[2]++]
        if (!idx.has(w)) {
          idx.set(w, index)
          low.set(w, index++)
          stack.push(w)
          onStack.add(w)
          work.push([w, [...graph.get(w).keys()], 0])
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)))
        continue
      }
      work.pop()
      if (work.length) {
        const u = work[work.length - 1][0]
        low.set(u, Math.min(low.get(u), low.get(v)))
      }
      if (low.get(v) === idx.get(v)) {
        const comp = []
        let w
        do {
          w = stack.pop()
          onStack.delete(w)
          comp.push(w)
        } while (w !== v)
        if (comp.length > 1 || graph.get(v).has(v)) out.push(comp)
      }
    }
  }
  return out
}

/** A shortest cycle through `start` inside the component (breadth-first), as a list of files. */
function shortestCycle(start, members) {
  const prev = new Map([[start, null]])
  const queue = [start]
  while (queue.length) {
    const v = queue.shift()
    for (const w of graph.get(v).keys()) {
      if (!members.has(w)) continue
      if (w === start) {
        const path = [v]
        for (let p = prev.get(v); p; p = prev.get(p)) path.unshift(p)
        return [...path, start]
      }
      if (!prev.has(w)) {
        prev.set(w, v)
        queue.push(w)
      }
    }
  }
  return [start]
}

const rel = (f) => relative(root, f)

/**
 * The layer a file belongs to: each folder directly under src-main/engine (the readers under ingest/
 * are a layer of their own, below both the import pipeline and OCR), each file at the engine's root,
 * and the other folders of src-main and the renderer as wholes.
 */
function moduleOf(f) {
  const parts = rel(f).split('/')
  if (parts[0] === 'src-renderer') return 'src-renderer'
  if (parts[1] !== 'engine') return parts.slice(0, 2).join('/')
  if (parts.length === 3) return parts.join('/')
  if (parts[2] === 'ingest' && parts[3] === 'readers') return 'src-main/engine/ingest/readers'
  return parts.slice(0, 3).join('/')
}

/** Cycles between layers, e.g. ocr -> ingest/readers is fine but not with ingest -> ocr -> ingest. */
function moduleCycles() {
  const edges = new Map()
  for (const [f, to] of graph) {
    for (const t of to.keys()) {
      const a = moduleOf(f)
      const b = moduleOf(t)
      if (a === b) continue
      if (!edges.has(a)) edges.set(a, new Map())
      if (!edges.get(a).has(b)) edges.get(a).set(b, `${rel(f)} -> ${rel(t)}`)
    }
  }
  // Small graph (a few dozen layers): a depth-first search for back edges names each cycle once.
  const found = []
  const state = new Map()
  const path = []
  const visit = (m) => {
    state.set(m, 'open')
    path.push(m)
    for (const n of edges.get(m)?.keys() ?? []) {
      if (state.get(n) === 'open') found.push([...path.slice(path.indexOf(n)), n])
      else if (!state.has(n)) visit(n)
    }
    path.pop()
    state.set(m, 'done')
  }
  for (const m of [...edges.keys()].sort()) if (!state.has(m)) visit(m)
  return found.map((c) => c.slice(0, -1).map((m, i) => `${m} -> ${c[i + 1]}  (${edges.get(m).get(c[i + 1])})`))
}

const comps = components()
const layerCycles = moduleCycles()
if (comps.length === 0 && layerCycles.length === 0) {
  console.log(`no import cycles among ${files.length} files or their layers (type-only and dynamic imports included)`)
  process.exit(0)
}
for (const c of layerCycles) {
  console.log('cycle between layers:')
  for (const line of c) console.log(`  ${line}`)
}
for (const comp of comps.sort((a, b) => b.length - a.length)) {
  const members = new Set(comp)
  // Show the shortest cycle found from any member: that is the edge to look at first.
  let best = null
  for (const f of comp) {
    const c = shortestCycle(f, members)
    if (!best || c.length < best.length) best = c
  }
  console.log(`cycle among ${comp.length} file(s):`)
  for (let i = 0; i + 1 < best.length; i++) {
    const kind = graph.get(best[i]).get(best[i + 1])
    console.log(`  ${rel(best[i])} -> ${rel(best[i + 1])}${kind === 'value' ? '' : ` (${kind})`}`)
  }
  if (comp.length > best.length - 1) {
    console.log(`  members: ${comp.map(rel).sort().join(', ')}`)
  }
}
console.error(`${comps.length} file cycle(s), ${layerCycles.length} layer cycle(s) found`)
process.exit(1)
