// `npm run test:stress`: the large versions of the hostile-input corpus, the kill tests, the resumed
// imports and the hostile files of issue 14 (test/stress/hostile.test.ts prints files tried, crashes,
// hangs, peak memory and decisions lost, and per file its CPU time, wall time and peak memory; it
// asserts at most 10 s of CPU and 1 GB per file). HOSTILE_TINY sets the number of tiny files (20,000).
import { spawnSync } from 'node:child_process'

const env = {
  ...process.env,
  STRESS: '1',
  CORPUS_N: process.env.CORPUS_N ?? '3000',
  KILL_RUNS: process.env.KILL_RUNS ?? '60',
  RESUME_COPIES: process.env.RESUME_COPIES ?? '8'
}
const r = spawnSync('npx', ['--no', '--', 'vitest', 'run', 'test/stress', 'test/hostile', 'test/ingest/import-safety.test.ts', 'test/db/open-failures.test.ts'], { stdio: 'inherit', env })
process.exit(r.status ?? 1)
