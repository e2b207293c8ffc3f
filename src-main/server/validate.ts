// The API boundary: every argument of every ReviewApi method is checked by type and range here,
// before the service sees it. Both transports (browser-mode HTTP, Electron IPC) call callApi, so a
// page, a script or a hostile file can reach the engine only with values the engine expects.
// A new API method needs one line in API_ARGS (the compiler refuses the table without it).
import { isApiMethod, type ApiMethod, type BatchSettingsDto, type ReviewApi } from '../shared/api.ts'
import { CELL_STATUSES, TABLE_IDS } from '../shared/vocabulary.ts'

/** A bad argument: the transports report it as a refused request, not as an engine failure. */
export class ApiArgError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ApiArgError'
  }
}

/** Checks one value; returns it (normalised) or throws ApiArgError naming where it is. */
export type Check<T = unknown> = (v: unknown, at: string) => T

/** Names the reviewer knows for the arguments a form fills in (path without list positions). */
const LABELS: Record<string, string> = {
  path: '文件夹路径',
  'settings.year': '年度',
  'settings.deadline': '公开截止日期',
  'settings.replyDeadline': '整改回复期限',
  'settings.roster': '乡镇名单',
  'settings.reviewer': '审核人',
  'settings.office': '审核单位',
  'finding.severity': '严重程度',
  'finding.message': '问题说明',
  'finding.comment': '备注',
  decision: '审核决定',
  comment: '备注',
  status: '审核状态'
}

function fail(at: string, what: string): never {
  const i = at.indexOf(' 的 ')
  const path = (i < 0 ? at : at.slice(i + 3)).replace(/\[\d+\]/g, '')
  const label = LABELS[path]
  throw new ApiArgError(label ? `参数无效：${label}（${at}）应为${what}` : `参数无效：${at}应为${what}`)
}

const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype

export function int(min: number, max: number): Check<number> {
  return (v, at) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) fail(at, `${min} 到 ${max} 之间的整数`)
    return v
  }
}

/** A database row id. */
export const id: Check<number> = (v, at) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) fail(at, '正整数编号')
  return v
}

export function num(): Check<number> {
  return (v, at) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(at, '数值')
    return v
  }
}

export function str(max: number, opts: { nonEmpty?: boolean } = {}): Check<string> {
  return (v, at) => {
    if (typeof v !== 'string') fail(at, '文字')
    if (v.length > max) fail(at, `不超过 ${max} 个字符的文字`)
    if (opts.nonEmpty && !v.trim()) fail(at, '非空文字')
    if (v.includes('\u0000')) fail(at, '不含空字符的文字')
    return v
  }
}

export function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (v, at) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) fail(at, values.map((x) => `“${x}”`).join('、') + '之一')
    return v as T
  }
}

/** Absent (undefined, or null as JSON writes an omitted value) becomes undefined. */
export function optional<T>(c: Check<T>): Check<T | undefined> {
  return (v, at) => (v === undefined || v === null ? undefined : c(v, at))
}

export function nullable<T>(c: Check<T>): Check<T | null> {
  return (v, at) => (v === null ? null : c(v, at))
}

export function arr<T>(c: Check<T>, max: number): Check<T[]> {
  return (v, at) => {
    if (!Array.isArray(v)) fail(at, '列表')
    if (v.length > max) fail(at, `不超过 ${max} 项的列表`)
    return v.map((x, i) => c(x, `${at}[${i}]`))
  }
}

/** An object with exactly these keys (unknown keys are refused, not ignored). */
export function obj<T>(shape: { [K in keyof T]-?: Check<T[K]> }): Check<T> {
  return (v, at) => {
    if (!plain(v)) fail(at, '对象')
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v)) if (!Object.hasOwn(shape, k)) throw new ApiArgError(`参数无效：${at}中有不认识的字段“${k.slice(0, 50)}”`)
    for (const k of Object.keys(shape) as (keyof T & string)[]) {
      const r = shape[k](v[k], `${at}.${k}`)
      if (r !== undefined) out[k] = r
    }
    return out as T
  }
}

/** One of several object shapes, chosen by its `kind`. */
export function byKind<T>(shapes: Record<string, Check<unknown>>): Check<T> {
  return (v, at) => {
    if (!plain(v)) fail(at, '对象')
    const k = v.kind
    if (typeof k !== 'string' || !Object.hasOwn(shapes, k)) fail(`${at}.kind`, Object.keys(shapes).map((x) => `“${x}”`).join('、') + '之一')
    return (shapes[k] as Check<unknown>)(v, at) as T
  }
}

/** A real calendar date written YYYY-MM-DD (2024-13-45 is refused). */
export const isoDate: Check<string> = (v, at) => {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null
  if (!m) fail(at, 'YYYY-MM-DD 格式的日期')
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  if (y < 1990 || y > 2100 || t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) fail(at, '真实存在的日期（YYYY-MM-DD）')
  return v as string
}

/** A date field of a form: empty means "not set". */
const dateOrEmpty: Check<string | undefined> = (v, at) => (v === undefined || v === null || v === '' ? undefined : isoDate(v, at))

const kindLit =
  <K extends string>(k: K): Check<K> =>
  (v, at) => (v === k ? k : fail(at, `“${k}”`))

const offset = int(0, 2 ** 31)
const span = obj<{ start: number; end: number; page: number | undefined; box: [number, number, number, number] | undefined }>({
  start: offset,
  end: offset,
  page: optional(int(0, 100_000)),
  box: optional((v, at) => {
    const b = arr(num(), 4)(v, at)
    if (b.length !== 4) fail(at, '四个数值')
    return b as [number, number, number, number]
  })
})

const evidence = byKind({
  cell: obj({
    kind: kindLit('cell'),
    table: oneOf(TABLE_IDS),
    row: str(100),
    col: str(100),
    value: nullable(num()),
    raw: str(2000),
    status: oneOf(CELL_STATUSES),
    span: optional(span)
  }),
  text: obj({ kind: kindLit('text'), start: offset, end: offset, text: str(5000), page: optional(int(0, 100_000)), note: optional(str(2000)) }),
  report: obj({
    kind: kindLit('report'),
    reportId: id,
    township: optional(str(200)),
    year: optional(int(1990, 2100)),
    file: optional(str(4096)),
    note: optional(str(2000)),
    start: optional(offset),
    end: optional(offset),
    text: optional(str(5000))
  }),
  note: obj({ kind: kindLit('note'), text: str(2000) })
})

const settings = obj<BatchSettingsDto>({
  year: optional(int(2008, 2100)),
  deadline: dateOrEmpty,
  replyDeadline: dateOrEmpty,
  roster: optional(arr(str(100), 500)),
  reviewer: optional(str(50)),
  office: optional(str(100))
})

/** One named, checked argument of a method; `optional` ones may be omitted at the end. */
export interface ArgSpec {
  name: string
  check: Check
  optional?: boolean
}
const a = (name: string, check: Check): ArgSpec => ({ name, check })
const opt = (name: string, check: Check): ArgSpec => ({ name, check: optional(check), optional: true })

/** Every method's arguments, in order. One line per method. */
export const API_ARGS: { readonly [M in ApiMethod]: readonly ArgSpec[] } = {
  appInfo: [],
  listBatches: [],
  openFolder: [a('path', str(4096, { nonEmpty: true }))],
  cancelTask: [a('taskId', str(100, { nonEmpty: true }))],
  getBatch: [a('batchId', id)],
  saveSettings: [a('batchId', id), a('settings', settings)],
  rerunChecks: [a('batchId', id)],
  getReport: [a('reportId', id), opt('versionId', id)],
  decide: [a('findingId', id), a('decision', nullable(oneOf(['confirmed', 'dismissed'] as const))), a('comment', nullable(str(2000)))],
  addFinding: [
    a('reportId', id),
    a('finding', obj({ severity: oneOf(['error', 'warning', 'info'] as const), message: str(2000, { nonEmpty: true }), comment: optional(str(2000)), evidence: arr(evidence, 20) }))
  ],
  setReviewStatus: [a('reportId', id), a('status', oneOf(['待审核', '需整改', '已通过'] as const))],
  undo: [opt('reportId', id)],
  diffVersions: [a('reportId', id), a('fromVersion', id), a('toVersion', id)],
  exportSummary: [a('batchId', id)],
  exportFeedback: [a('batchId', id), opt('reportId', id)],
  saveProfile: [a('profile', obj<{ reviewer: string; office: string }>({ reviewer: str(50, { nonEmpty: true }), office: str(100, { nonEmpty: true }) }))],
  setReportBody: [a('reportId', id), a('body', nullable(str(60)))],
  auditTrail: [a('batchId', id), opt('limit', int(1, 5000))],
  search: [a('batchId', id), a('query', str(100))],
  settleCells: [a('reportId', id), a('cells', arr(obj({ table: oneOf(['T2', 'T3', 'T4'] as const), row: str(100), col: str(100), value: nullable(num()) }), 200))],
  unsettleCells: [a('reportId', id), a('cells', arr(obj({ table: oneOf(['T2', 'T3', 'T4'] as const), row: str(100), col: str(100) }), 200))]
}

/** The checked argument list of a call, or ApiArgError. */
export function validateArgs(method: ApiMethod, args: unknown): unknown[] {
  const specs = API_ARGS[method]
  if (!specs) throw new ApiArgError(`参数无效：接口 ${method} 没有参数规则`)
  if (!Array.isArray(args)) throw new ApiArgError('参数无效：参数应为数组')
  if (args.length > specs.length) throw new ApiArgError(`参数无效：${method} 最多接受 ${specs.length} 个参数`)
  const out = specs.map((s, i) => {
    if (i >= args.length && !s.optional) throw new ApiArgError(`参数无效：${method} 缺少参数 ${s.name}`)
    return s.check(args[i], `${method} 的 ${s.name}`)
  })
  // Omitted optional arguments stay omitted (the service distinguishes "absent" by undefined).
  while (out.length && out[out.length - 1] === undefined) out.pop()
  return out
}

export class UnknownMethodError extends Error {}

/** The one door both transports use: method allow-list, argument checks, then the service. */
export async function callApi(service: ReviewApi, method: unknown, args: unknown): Promise<unknown> {
  if (!isApiMethod(method)) throw new UnknownMethodError(`未知的接口：${String(method).slice(0, 50)}`)
  const checked = validateArgs(method, args)
  const fn = service[method] as (...a: unknown[]) => Promise<unknown>
  return fn.apply(service, checked)
}

/**
 * Batch settings as stored: the checks above let through blanks and untrimmed names, which are dropped
 * here. The service also takes calls that did not pass the transport (tests, the CLI), so it checks the
 * ranges again rather than trust them.
 */
export function cleanSettings(settings: BatchSettingsDto): BatchSettingsDto {
  const clean: BatchSettingsDto = {}
  if (settings.year !== undefined && settings.year !== null) {
    if (!Number.isInteger(settings.year) || settings.year < 2008 || settings.year > 2100) throw new Error('年度应为四位年份')
    clean.year = settings.year
  }
  for (const k of ['deadline', 'replyDeadline'] as const) {
    const v = settings[k]
    if (v) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error('日期格式应为 YYYY-MM-DD')
      clean[k] = v
    }
  }
  if (settings.roster) clean.roster = settings.roster.map((s) => String(s).trim()).filter(Boolean).slice(0, 500)
  if (settings.office) clean.office = String(settings.office).slice(0, 100)
  return clean
}
