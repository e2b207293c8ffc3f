// The real-sentence corpus (test/checks/sentences/corpus/real.json): every sentence of the real texts in the
// repository (held-out reports, seeds, the three real PDFs as the app reads them) that states a count, with
// what it says written by hand. This measures the statement readers of the TXT-* rules on it:
//   precision = statements read that the sentence really makes / statements read
//   recall    = statements the sentences make that are read / statements they make
// Run: ./node_modules/.bin/node scripts/sentence-corpus.ts
import { readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeContext } from '../src-main/engine/checks/context.ts'
import { extract, sentences } from '../src-main/engine/checks/lib/statements.ts'
import { t2Topics } from '../src-main/engine/checks/rules/TXT-T2-COUNT.ts'
import { T3_TOPICS } from '../src-main/engine/checks/rules/TXT-T3-COUNT.ts'
import { T4_TOPICS } from '../src-main/engine/checks/rules/TXT-T4-COUNT.ts'
import { readDocument } from '../src-main/engine/ingest/read.ts'
import { parseReport } from '../src-main/engine/parse/index.ts'
import { ACC_DIR, ROOT } from './accuracy/corpus.ts'

export type Said = [string, number]
export interface CorpusSentence {
  /** 'holdout/x.txt', 'holdout-full/x.txt', 'real/x.pdf' (test/accuracy) or 'seeds/x.txt' (resources/sample). */
  file: string
  /** The sentence as printed, line breaks inside it taken out and runs of spaces made one. */
  s: string
  /** What the readers must read from it. */
  says: Said[]
  /** What it also says that the readers do not read (known gaps, counted against recall). */
  unread?: Said[]
  /** Cells it names that no text rule compares (outcome rows): recorded, not measured. */
  outside?: string
  why: string
}

export const CORPUS: CorpusSentence[] = JSON.parse(readFileSync(join(ROOT, 'test', 'checks', 'sentences', 'corpus', 'real.json'), 'utf8'))

/** The seeds as the app ships them (copies of ../shared/seeds). */
const SEEDS = join(ROOT, 'resources', 'sample')
const path = (file: string): string => (file.startsWith('seeds/') ? join(SEEDS, file.slice(6)) : join(ACC_DIR, file))
export const printed = (t: string): string => t.replace(/\s*\n\s*/g, '').replace(/\s+/g, ' ')

/** Every real text the corpus is taken from: the held-out reports, the three real PDFs and the seeds. */
export const FILES: string[] = [
  ...(['holdout', 'holdout-full', 'real'] as const).flatMap((d) =>
    readdirSync(join(ACC_DIR, d))
      .filter((f) => /\.(?:txt|html|pdf)$/.test(f))
      .map((f) => `${d}/${f}`)
  ),
  ...readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `seeds/${f}`)
].sort()

/**
 * A sentence that counts something (a numeral, then a unit the readers know): the corpus holds every such
 * sentence of the texts, labelled, so that recall is measured on all of them, not on the ones someone chose.
 */
export const COUNT_LIKE = /(?:\d|[一二两三四五六七八九十百千零])\s*[件条起宗份次个]/

/** Every sentence of the file with what the readers read from it. */
export async function readSentences(file: string): Promise<{ s: string; read: Said[] }[]> {
  const read = await readDocument(extname(file).toLowerCase(), readFileSync(path(file)))
  const parsed = parseReport(read)
  const ctx = makeContext(parsed, read.text, { year: parsed.year })
  const stmts = extract(ctx, [...T3_TOPICS, ...T4_TOPICS, ...t2Topics(ctx.format)]).stmts
  return sentences(ctx).map((sen) => ({
    s: printed(ctx.text.slice(sen.start, sen.end)),
    read: stmts.filter((x) => x.start >= sen.start && x.end <= sen.end).map((x): Said => [x.topic, x.value])
  }))
}

/** Sentences of the file that count something and are not in the corpus. */
export const unlisted = (file: string, sens: { s: string }[]): string[] => {
  const listed = new Set(CORPUS.filter((c) => c.file === file).map((c) => c.s))
  return sens.filter((x) => COUNT_LIKE.test(x.s) && !listed.has(x.s)).map((x) => x.s)
}

export interface Measure {
  read: number
  right: number
  said: number
  wrong: string[]
  missed: string[]
  /** Sentences that count something but are not labelled yet. */
  unlisted: string[]
}

const key = (x: Said): string => `${x[0]}=${x[1]}`

/** Precision and recall of the readers on the corpus; a count read from a sentence not in it is wrong. */
export async function measure(): Promise<Measure> {
  const m: Measure = { read: 0, right: 0, said: 0, wrong: [], missed: [], unlisted: [] }
  for (const file of FILES) {
    const sens = await readSentences(file)
    const mine = new Map(CORPUS.filter((c) => c.file === file).map((c) => [c.s, c]))
    m.unlisted.push(...unlisted(file, sens).map((s) => `${file}: “${s.slice(0, 40)}”`))
    for (const x of sens) {
      const c = mine.get(x.s)
      const t = new Set([...(c?.says ?? []), ...(c?.unread ?? [])].map(key))
      m.read += x.read.length
      for (const y of x.read) {
        if (t.has(key(y))) m.right++
        else m.wrong.push(`${file}: ${key(y)} in “${x.s.slice(0, 40)}”`)
      }
    }
    for (const c of mine.values()) {
      const got = new Set((sens.find((x) => x.s === c.s)?.read ?? []).map(key))
      const truth = [...c.says, ...(c.unread ?? [])]
      m.said += truth.length
      for (const x of truth) if (!got.has(key(x))) m.missed.push(`${file}: ${key(x)} in “${c.s.slice(0, 40)}”`)
    }
  }
  return m
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const m = await measure()
  const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '-')
  console.log(`files ${FILES.length}, sentences ${CORPUS.length}, statements said ${m.said}, read ${m.read}, right ${m.right}`)
  console.log(`precision ${pct(m.right, m.read)} (${m.read - m.right} wrong), recall ${pct(m.right, m.said)} (${m.said - m.right} missed)`)
  for (const w of m.wrong) console.log(`  wrong: ${w}`)
  for (const w of m.missed) console.log(`  missed: ${w}`)
  for (const w of m.unlisted) console.log(`  not labelled: ${w}`)
}
