// The application's own settings (settings table: the reviewer's name, the office). Blank values read
// as absent, so a cleared field falls back to its default.
import type { Db } from '../db/open.ts'

export type SettingKey = 'reviewer' | 'office'

export function setting(db: Db, key: SettingKey): string | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  return row?.value?.trim() || undefined
}

export function putSetting(db: Db, key: SettingKey, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
}
