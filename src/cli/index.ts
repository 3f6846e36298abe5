import { hasNetworkAddress } from '../main/engine/network-check'
import { FIELD_LIMITS } from '../shared/request-fields'
import { EXIT_ON_SIGNAL, type StopSignal } from './exit-codes'
import { openBrowser } from './open-browser'
import { promptPassword } from './prompt-password'
import { runCli } from './run'

/*
 * `npm run cli -- …`: the engine from a terminal. Exit codes: see --help (src/cli/run.ts).
 * Ctrl+C and SIGTERM end it promptly in every step: the run says what was and was not done and
 * exits 130 / 143; a second signal, or a run that has not ended within STOP_GRACE_MS, ends the
 * process at once. Under `npm run cli`, npm passes SIGTERM to the shell it started, which ends
 * without passing it on: the CLI then finds itself without its parent and stops as on SIGTERM.
 */

/** After the first signal, the longest wait for the run to say what it did before the process ends anyway. */
const STOP_GRACE_MS = 3_000
/** After a normal end, the longest wait for what is still open (a sign-in page's last answer) before the process ends. */
const LINGER_MS = 2_000
/** A password is at most 1024 characters: stdin is read no further than a bound above it (`< /dev/zero` ends too). */
const MAX_STDIN_BYTES = FIELD_LIMITS.password * 4 + 2
/** How often the CLI looks whether the program that started it is still there. */
const PARENT_CHECK_MS = 250

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    chunks.push(bytes)
    size += bytes.length
    // More than any password: the request check refuses it as too long.
    if (size > MAX_STDIN_BYTES) break
  }
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

/** A password prompt leaves the terminal in raw mode if the process ends during it. */
function restoreTerminal(): void {
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false)
}

/** Ends the process with `code` once stdout and stderr have taken what was written to them. */
function exitAfterFlush(code: number): void {
  restoreTerminal()
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}

let stoppedBy: StopSignal | undefined
for (const signal of Object.keys(EXIT_ON_SIGNAL) as StopSignal[]) {
  process.on(signal, () => {
    if (stoppedBy !== undefined) {
      restoreTerminal()
      process.exit(EXIT_ON_SIGNAL[signal])
    }
    stoppedBy = signal
    setTimeout(() => exitAfterFlush(EXIT_ON_SIGNAL[signal]), STOP_GRACE_MS)
  })
}
process.on('exit', restoreTerminal)

// An orphan is adopted by another process (POSIX): whoever started the CLI has ended, so it stops as
// on SIGTERM. (Windows adopts no orphans, and has no SIGTERM to pass on either.)
const parent = process.ppid
const parentCheck = setInterval(() => {
  if (process.ppid === parent) return
  clearInterval(parentCheck)
  if (stoppedBy === undefined) process.emit('SIGTERM', 'SIGTERM')
}, PARENT_CHECK_MS)
parentCheck.unref()

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
    const listeners = (Object.keys(EXIT_ON_SIGNAL) as StopSignal[]).map((signal) => [signal, () => handler(signal)] as const)
    for (const [signal, listener] of listeners) process.on(signal, listener)
    return () => {
      for (const [signal, listener] of listeners) process.off(signal, listener)
    }
  }
}).then((code) => {
  process.exitCode = code
  if (stoppedBy !== undefined) exitAfterFlush(code)
  // Whatever is left open (a socket lingering, a read the OS has not finished) must not keep the command alive.
  else setTimeout(() => exitAfterFlush(code), LINGER_MS).unref()
})
