// Where the review database lives by default: the same per-user data folder the desktop app uses
// (Electron's app.getPath('userData') resolves to these locations for the app name).
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'xxgk-review'

export function dataDir(): string {
  if (process.env.XXGK_DATA_DIR) return process.env.XXGK_DATA_DIR
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}

export function defaultDbPath(): string {
  return join(dataDir(), 'review.db')
}
