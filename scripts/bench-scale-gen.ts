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

// Realistic names, made the way real ones are: a head (方位, 形容, 姓) and a landform part (山, 河, 桥, 庄…),
// as 东坝、白马桥、王家庄; no digits, no character the reader takes for a county (市区县旗州盟). The county
// names are made the same way, so a folder looks like a province's: about 15 townships per county.
const HEADS = '东西南北中上下大小新老高长白红青黄金石清双三五龙凤马桃柳杨古兴永安太平和顺'
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓'
const LANDFORMS = '山河桥湖坪坝岗庄集店口沟铺营寨塘湾溪岭林关城堡屯港滩洲渡坡园寺台泉井田洼'

/** The i-th distinct place name: two characters first, then 王家庄-like and 龙山口-like ones. */
function placeName(i: number): string {
  const h = HEADS.length
  const l = LANDFORMS.length
  const pick = (chars: string, k: number): string => chars[k % chars.length] as string
  if (i < h * l) return pick(HEADS, i) + pick(LANDFORMS, Math.floor(i / h) + i)
  i -= h * l
  if (i < SURNAMES.length * l) return `${pick(SURNAMES, i)}家${pick(LANDFORMS, Math.floor(i / SURNAMES.length) + i)}`
  i -= SURNAMES.length * l
  return pick(HEADS, i) + pick(LANDFORMS, Math.floor(i / h)) + pick(LANDFORMS, Math.floor(i / (h * l)) + i + 1)
}

/** The realistic township of a report: the seed's kind (乡, 镇; a quarter of the 镇 are 街道). */
function realisticTown(i: number, suffix: string): string {
  // A prime stride spreads consecutive reports over the name space, as townships of one folder are.
  const name = placeName((i * 7919) % 38_000)
  return `${name}${suffix === '镇' && i % 4 === 3 ? '街道' : suffix}`
}

/**
 * A seed's text under a realistic township: its name, its body (a 街道 is an 办事处, its own words
 * 我街道/本街道) and, for the simplified seeds, its county, as a real report of that township has them.
 */
function realisticText(text: string, seedTown: string, town: string, county: string | undefined, i: number): string {
  let t = text
  if (town.endsWith('街道')) {
    t = t.split(`${seedTown}人民政府`).join(`${town}办事处`)
    for (const w of ['我', '本', '全']) t = t.split(`${w}镇`).join(`${w}街道`)
  }
  t = t.split(seedTown).join(town)
  if (county) t = t.split(county).join(`${placeName((Math.floor(i / 15) * 104_729 + 17) % 38_000)}${Math.floor(i / 15) % 3 ? '县' : '区'}`)
  return t
}

// The county each seed names (not the traditional one: its county stays, written in its own script).
const SEED_COUNTIES: Record<string, string> = { '000': '郾城区', '001': '陕州区', '002': '云阳县', '003': '原州区' }

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
    // Distinct by the place name alone: 东坝镇 and 东坝街道 would read as one township named twice.
    const stem = (x: string): string => x.replace(/(?:街道|镇|乡|鎮)$/, '')
    for (let j = n; used.has(stem(town)) || town.includes(seedTown.slice(0, -1)); j++) town = realistic ? realisticTown(j, suffix) : numberedTown(j, suffix)
    used.add(stem(town))
    const seedId = (seeds[k] as string).slice(0, 3)
    let t = realistic ? realisticText(texts[k] as string, seedTown, town, SEED_COUNTIES[seedId], i) : (texts[k] as string).split(seedTown).join(town)
    // A small change of its own: one sentence of the first section names the file's place in the batch.
    const at = t.indexOf('。')
    if (at > 0) t = `${t.slice(0, at + 1)}本报告为第${i + 1}份。${t.slice(at + 1)}`
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}.txt`), t)
  }
}

if (import.meta.main) generate(process.argv[2] as string, Number(process.argv[3] ?? 1000), process.argv[4] === 'r')
