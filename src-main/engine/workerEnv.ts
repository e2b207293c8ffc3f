// The environment every worker thread of the engine starts with: the process's, with Node's compile cache
// on unless the user set or disabled it. Each worker loads and compiles its whole code (the reader and the
// rules: about half a second of CPU, more than reading a hundred reports); from the cache the second and
// later workers, and every later import or check, start in half the time. The cache is Node's own (keyed
// by Node version and source hash); a worker only reads NODE_COMPILE_CACHE from the env it is given.
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function workerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  if (!env.NODE_COMPILE_CACHE && !env.NODE_DISABLE_COMPILE_CACHE) env.NODE_COMPILE_CACHE = join(tmpdir(), 'node-compile-cache')
  return env
}
