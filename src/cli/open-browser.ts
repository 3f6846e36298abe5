import { spawn } from 'node:child_process'

/** The platform's "open this URL" command; the URL is one argument, never parsed by a shell. */
function openerFor(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] }
  // `start` is a cmd.exe built-in that re-parses `&` in URLs; rundll32 takes the URL verbatim.
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] }
  return { command: 'xdg-open', args: [url] }
}

/** Opens the system browser; rejects when no opener exists or it cannot start. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const { command, args } = openerFor(platform, url)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true })
    child.once('error', reject)
    child.once('spawn', () => {
      child.unref()
      resolve()
    })
  })
}
