// `npm run test:stress`: the large versions of the hostile-input corpus and the kill tests.
import { spawnSync } from 'node:child_process'

const env = { ...process.env, CORPUS_N: process.env.CORPUS_N ?? '3000', KILL_RUNS: process.env.KILL_RUNS ?? '60' }
const r = spawnSync('npx', ['--no', '--', 'vitest', 'run', 'test/stress'], { stdio: 'inherit', env })
process.exit(r.status ?? 1)
