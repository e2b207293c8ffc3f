// While files are read, V8's optimising tier (TurboFan) costs more than it gives: each reader worker is a
// fresh isolate that compiles the whole parser and the per-report rules again, and the rules' large
// check functions are recompiled each time a new report shape deoptimises them. Measured on 1,000 and
// 10,000 distinct text reports (2 cores, per-thread CPU from /proc): V8's background threads spent 4.6 s
// and 22.4 s compiling; with TurboFan off while reading, 1.7 s and 10.6 s, the reader threads as busy as
// before (30.9 vs 31.5 s at 10,000): import CPU per report 12.8 -> 9.7 ms and 9.6 -> 8.4 ms.
// V8 flags are per process, so the cap is held only while an import reads (counted, imports may
// overlap) and lifted after, for the batch check's long loops in the check worker.
import { setFlagsFromString } from 'node:v8'

// Maglev stays on. '--max-opt=2' would say the same but is not read after start-up (V8 derives
// --no-turbofan from it only then); --turbofan itself is read whenever a function is to be optimised.
const CAPPED = '--no-turbofan'
/** V8's default. */
const DEFAULT = '--turbofan'

let holders = 0

/**
 * Tiering chosen on the command line (node --max-opt=…, --jitless…) is the user's: left alone. Inside
 * Electron too: a V8 whose flags are frozen aborts the process (Check failed: !IsFrozen()) instead of
 * throwing, and no Electron binary could be run here to show that its flags stay writable.
 */
const userTiering = process.versions.electron !== undefined || /--(?:no-)?(?:turbofan|maglev|jitless|max-opt)\b/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`)

function set(flag: string): void {
  // Node, and Electron since 29 (--no-freeze-flags-after-init), keep V8's flags writable after start-up.
  try {
    setFlagsFromString(flag)
  } catch {
    // only speed differs
  }
}

/** Caps the JIT until the returned function is called; the reader workers must start after this. */
export function holdReaderTier(): () => void {
  if (userTiering) return () => undefined
  if (holders++ === 0) set(CAPPED)
  let released = false
  return () => {
    if (released) return
    released = true
    if (--holders === 0) set(DEFAULT)
  }
}
