// Finds a Chromium-family browser for the end-to-end tests and the browser mode.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/opt/google/chrome/chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
]

export function findBrowser() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH
  return CANDIDATES.find((p) => existsSync(p)) ?? null
}

function hasCjkFont() {
  try {
    return execSync('fc-list :lang=zh', { encoding: 'utf8' }).trim().length > 0
  } catch {
    return false
  }
}

/** On Debian as root, install chromium and fonts-noto-cjk when they are missing. */
export function ensureBrowser() {
  let browser = findBrowser()
  const canApt = process.platform === 'linux' && existsSync('/etc/debian_version') && process.getuid?.() === 0
  if ((!browser || !hasCjkFont()) && canApt) {
    console.log('正在用 apt 安装 chromium 和 fonts-noto-cjk（仅首次需要）…')
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit' })
    browser = findBrowser()
  }
  return browser
}
