import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** The seeds ship with the app as its sample folder (copies of ../shared/seeds). */
export const SEED_DIR = join(ROOT, 'resources', 'sample')
export const FIXTURES = join(ROOT, 'test', 'fixtures')

export const SEEDS = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()

export function seedPath(prefix: string): string {
  const f = SEEDS.find((s) => s.startsWith(prefix))
  if (!f) throw new Error(`no seed ${prefix}`)
  return join(SEED_DIR, f)
}

export function seedBytes(prefix: string): Buffer {
  return readFileSync(seedPath(prefix))
}
