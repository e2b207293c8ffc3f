// `npm start`: opens the desktop app when an Electron binary is installed; otherwise says so and
// serves the same interface in the browser (loopback only, random token).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

console.log('正在构建界面…')
run('npx', ['--no', '--', 'electron-vite', 'build', '--logLevel', 'warn'])

// Asking the electron package for its binary path: it throws (or tries to download) when the
// binary is missing, so ask in a child process with a time limit.
function electronBinary() {
  // Electron 42+ fetches its binary on first use; offline this fails at once, on a slow line it may take a while.
  console.log('正在查找 Electron 运行文件（首次使用时 Electron 会自行下载，可能需要几分钟）…')
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('electron')))"], { encoding: 'utf8', timeout: 180000, cwd: root })
  const p = (r.stdout || '').trim()
  return r.status === 0 && p && existsSync(p) ? p : null
}

const electron = process.env.XXGK_BROWSER ? null : electronBinary()
if (electron) {
  const child = spawn(electron, ['.'], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log('未找到 Electron 运行文件（本机没有安装或无法下载 Electron），改用浏览器模式。')
  const args = [join(root, 'src-main', 'server', 'main.ts'), ...(process.env.CI ? [] : ['--open']), ...process.argv.slice(2)]
  const child = spawn(process.execPath, args, { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}
