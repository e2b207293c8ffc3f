// A report the reader cannot fully read today: seed 002 (平安镇) with its 表三 row （七）总计 written as
// one glued digit run. Two splits satisfy the row's own total, so the whole row is uncertain and the
// identities through it are UNVERIFIABLE; every split breaks 本年新收+上年结转=办理结果总计+结转下年度,
// so the township's real error shows only once the reviewer settles the row from the original.
import { readFileSync } from 'node:fs'
import { seedPath } from './seeds.ts'

export const GLUED_RUN = '110000011'

export function gluedReport(run = GLUED_RUN): string {
  const seed = readFileSync(seedPath('002'), 'utf8')
  const out = seed.replace(/\t（七）总计\n\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1\n/, `\t（七）总计${run}\n`)
  if (out === seed) throw new Error('seed 002 no longer has the （七）总计 row this fixture rewrites')
  return out
}
