// Opening the reviewer's browser on the browser-mode page. The address goes on the command line of
// another program, which every local user can read (ps, Task Manager): it must be BrowserServer.openUrl()
// (a one-time code), never the address with the token.
import { execFile } from 'node:child_process'

export function openerCommand(url: string, platform: NodeJS.Platform = process.platform): { cmd: string; args: string[] } {
  const cmd = platform === 'win32' ? 'explorer' : platform === 'darwin' ? 'open' : 'xdg-open'
  return { cmd, args: [url] }
}

export function openInBrowser(url: string): void {
  const { cmd, args } = openerCommand(url)
  execFile(cmd, args, () => undefined)
}
