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

void runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
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
