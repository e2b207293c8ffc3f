// `npm test`: checks the Node version, makes sure a Chromium-family browser and CJK fonts exist
// (installing Debian's chromium + fonts-noto-cjk when running as root on Debian), type-checks,
// then runs every vitest suite including the browser end-to-end tests.
import { spawnSync } from 'node:child_process'
import { ensureBrowser } from './browser.mjs'

const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  console.error(`需要 Node 22 以上（当前 ${process.version}）。请通过 npm test / npm run 运行，它们使用 node_modules 中的 Node 24。`)
  process.exit(1)
}

const browser = ensureBrowser()
if (browser) process.env.CHROME_PATH = browser
else console.warn('未找到 Chromium/Chrome/Edge：浏览器端到端测试将无法运行。')

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

// CI (.ci/run) has type-checked just before and sets XXGK_SKIP_TYPECHECK to not do it twice.
if (!process.env.XXGK_SKIP_TYPECHECK) run('npm', ['run', '--silent', 'typecheck'])
run('npx', ['--no', '--', 'vitest', 'run', ...process.argv.slice(2)])
