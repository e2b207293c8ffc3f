// Command line: npm run review -- <folder> [--json <file>] [--db <file>] …
// Node's compile cache goes on before the engine is loaded: the command line then starts from the cached
// type-stripped and compiled modules instead of compiling some hundred files again on every run (about half a
// second of CPU, before the first file is read). The reader workers already use the same cache (ingest/readerPool.ts).
import { enableCompileCache } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// NODE_COMPILE_CACHE set by the user wins; NODE_DISABLE_COMPILE_CACHE turns it off (Node's own rules).
enableCompileCache(process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache'))
await import('./reviewMain.ts')
