// The folders of the scale bench (scripts/bench-scale.ts): the seeds copied under distinct township
// names, each copy with a small change of its own, so no two files are alike.
// Run alone to keep a folder for profiling: ./node_modules/.bin/node scripts/bench-scale-gen.ts <dir> <n> [r]
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
const SAMPLE = join(ROOT, 'resources', 'sample')
// The township of each seed as its text spells it (the fifth seed is in traditional characters).
const SEED_TOWNS: Record<string, string> = {
  '000': '裴城镇',
  '001': '官前乡',
  '002': '平安镇',
  '003': '头营镇',
  '004': '王官集鎮'
}

/** Synthetic names that are distinct by a number: 东山甲17镇. */
function numberedTown(i: number, suffix: string): string {
  return `${'东西南北中'[i % 5]}${'山河湖林田'[Math.floor(i / 5) % 5]}${'甲乙丙丁戊己庚辛'[Math.floor(i / 25) % 8]}${i}${suffix}`
}

// Realistic names: two or three characters drawn from those common in Chinese place names, no digits,
// each distinct. 120 × 119 two-character names and more with a third character: enough for 38,000.
const PLACE_CHARS =
  '安宝北碧长城川大德东丰凤福高古关广桂海河和红洪虎华怀黄会吉嘉江金锦靖九康兰乐黎利连良临灵龙隆鲁罗马茂梅明南宁平埔齐前青清庆秋仁荣瑞三沙山上石寿双水顺松太泰桃天田通万王旺文乌五西溪仙新兴秀阳杨永玉元云枣张正中竹庄'
function realisticTown(i: number, suffix: string): string {
  const n = PLACE_CHARS.length
  const a = PLACE_CHARS[i % n] as string
  const b = PLACE_CHARS[(Math.floor(i / n) + 1 + (i % n)) % n] as string
  const c = i >= n * n ? (PLACE_CHARS[Math.floor(i / (n * n)) % n] as string) : ''
  return `${a}${c}${b}${suffix}`
}

/** Writes n distinct text reports: the seeds under distinct townships, each with a small change of its own. */
export function generate(dir: string, n: number, realistic: boolean): void {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const seeds = readdirSync(SAMPLE).filter((f) => f.endsWith('.txt')).sort()
  const texts = seeds.map((s) => readFileSync(join(SAMPLE, s), 'utf8'))
  const used = new Set<string>()
  for (let i = 0; i < n; i++) {
    const k = i % seeds.length
    const seedTown = SEED_TOWNS[(seeds[k] as string).slice(0, 3)] as string
    const suffix = seedTown.slice(-1)
    let town = realistic ? realisticTown(i, suffix) : numberedTown(i, suffix)
    // A realistic name that repeats (or contains the seed's) gets the next free one.
    for (let j = n; used.has(town) || town.includes(seedTown.slice(0, -1)); j++) town = realistic ? realisticTown(j, suffix) : numberedTown(j, suffix)
    used.add(town)
    let t = (texts[k] as string).split(seedTown).join(town)
    // A small change of its own: one sentence of the first section names the file's place in the batch.
    const at = t.indexOf('。')
    if (at > 0) t = `${t.slice(0, at + 1)}本报告为第${i + 1}份。${t.slice(at + 1)}`
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}.txt`), t)
  }
}

if (import.meta.main) generate(process.argv[2] as string, Number(process.argv[3] ?? 1000), process.argv[4] === 'r')
