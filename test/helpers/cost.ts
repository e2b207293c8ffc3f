// The cost of one piece of work in this process: wall time, CPU time and peak memory. CPU time
// (process.cpuUsage) counts every thread of the process, so reader, check and OCR worker threads are
// in it; unlike wall time it is hardly inflated when other programs load the machine, which makes it
// the figure a limit can be asserted on (wall time is printed). Peak memory is the resident set,
// sampled while the work runs, or the process's high-water mark when that rose during the work
// (a busy event loop skips samples).
import { resourceUsage } from 'node:process'

export interface Cost<T> {
  value: T
  /** Seconds of wall-clock time. */
  wall: number
  /** Seconds of CPU time, user + system, every thread of the process. */
  cpu: number
  /** Bytes: the highest resident set seen during the work. */
  peak: number
}

export async function measure<T>(work: () => Promise<T>): Promise<Cost<T>> {
  const maxBefore = resourceUsage().maxRSS * 1024
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  try {
    const value = await work()
    const wall = (performance.now() - t0) / 1000
    const c = process.cpuUsage(cpu0)
    const maxAfter = resourceUsage().maxRSS * 1024
    if (maxAfter > maxBefore) peak = Math.max(peak, maxAfter)
    return { value, wall, cpu: (c.user + c.system) / 1e6, peak: Math.max(peak, process.memoryUsage().rss) }
  } finally {
    clearInterval(sampler)
  }
}

/** "CPU 1.2 秒，墙钟 0.9 秒，峰值内存 300 MB" */
export function costLine(c: Pick<Cost<unknown>, 'wall' | 'cpu' | 'peak'>): string {
  return `CPU ${c.cpu.toFixed(1)} 秒，墙钟 ${c.wall.toFixed(1)} 秒，峰值内存 ${(c.peak / 1048576).toFixed(0)} MB`
}

export const GB = 1024 * 1024 * 1024
