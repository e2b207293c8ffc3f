// The packaged app's Electron fuses, as electron-builder 26 reads them (`electronFuses` in electron-builder.yml).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')

/** The `key: value` lines of one top-level block of a YAML file (enough for this flat block). */
function block(yaml: string, name: string): Record<string, string> {
  const out: Record<string, string> = {}
  let inside = false
  for (const line of yaml.split(/\r?\n/)) {
    if (/^\S/.test(line)) inside = line.trim() === `${name}:`
    else if (inside) {
      const m = /^\s+([A-Za-z0-9]+):\s*(\S+)\s*$/.exec(line)
      if (m) out[m[1]!] = m[2]!
    }
  }
  return out
}

describe('electron-builder.yml', () => {
  const yaml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')
  it('flips the security fuses', () => {
    expect(block(yaml, 'electronFuses')).toMatchObject({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false'
    })
  })
  it('packs the app into app.asar (onlyLoadAppFromAsar needs it)', () => {
    expect(yaml).not.toMatch(/^asar:\s*false/m)
  })
})
