import { hasNetworkAddress } from '../main/engine/network-check'
import { openBrowser } from './open-browser'
import { promptPassword } from './prompt-password'
import { runCli } from './run'

/** `npm run cli -- …`: the engine from a terminal. Exit codes: see --help (src/cli/run.ts). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * A writer that survives its reader: when the reader goes away (`… | head -c1`, `… | true`),
 * the pipe's EPIPE error ends further writes quietly instead of crashing with a stack trace, so
 * the process still ends with the command's own exit code.
 */
function survivingReader(stream: NodeJS.WriteStream): (text: string) => void {
  let open = true
  stream.on('error', () => {
    open = false
  })
  return (text) => {
    if (open && !stream.destroyed) stream.write(text)
  }
}

void runCli(process.argv.slice(2), {
  env: process.env,
  stdout: survivingReader(process.stdout),
  stderr: survivingReader(process.stderr),
  readStdin,
  fetch: globalThis.fetch,
  isOnline: hasNetworkAddress(),
  openExternal: (url) => openBrowser(url),
  promptPassword: (question) => promptPassword(question, { input: process.stdin, output: process.stderr }),
  onInterrupt(handler) {
    process.on('SIGINT', handler)
    return () => process.off('SIGINT', handler)
  }
}).then((code) => {
  process.exitCode = code
})
