import { spawn, type ChildProcess } from 'node:child_process'
import { ROOT } from './table'

/**
 * The CLI as a user runs it, as a child process a test can send real signals to: `node --import
 * tsx src/cli/index.ts …`, or `npm run cli -- …` (npm, its shell, then the CLI). Each child leads
 * its own process group (POSIX), so a test that fails can still end everything it started.
 */

export interface CliExit {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface CliChild {
  readonly pid: number
  stdout(): string
  stderr(): string
  /** Resolves with the first match of `pattern` in stderr (where the CLI's notes go). */
  waitForStderr(pattern: RegExp): Promise<RegExpExecArray>
  /** Sends a real signal to the process started (npm itself under `viaNpm`). */
  signal(signal: NodeJS.Signals): void
  readonly exited: Promise<CliExit>
}

export interface CliChildOptions {
  env: Record<string, string>
  /** Through `npm run cli --`, as the README shows. */
  viaNpm?: boolean
  /** Keeps stdin open and empty (a terminal nobody types into); otherwise it is closed at once. */
  keepStdinOpen?: boolean
  /** The whole group is killed (SIGKILL) after this long, and `exited` rejects. */
  timeoutMs?: number
}

/** The parent's environment without any LM_* setting, plus the given ones. */
export function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LM_') && !k.startsWith('npm_')) env[k] = v
  return { ...env, ...extra }
}

export function startCli(args: string[], options: CliChildOptions): CliChild {
  const [command, argv] = options.viaNpm ? ['npm', ['run', '-s', 'cli', '--', ...args]] : [process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args]]
  const child: ChildProcess = spawn(command, argv, {
    cwd: ROOT,
    env: cliEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: process.platform !== 'win32'
  })
  let out = ''
  let err = ''
  const waiters: Array<{ pattern: RegExp; resolve: (m: RegExpExecArray) => void }> = []
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')))
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString('utf8')
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(err)
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(match)
      }
    }
  })
  if (!options.keepStdinOpen) child.stdin?.end()
  const pid = child.pid ?? 0
  const killGroup = () => {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  const timeoutMs = options.timeoutMs ?? 30_000
  const exited = new Promise<CliExit>((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup()
      reject(new Error(`the CLI (${args.join(' ')}) did not end within ${timeoutMs} ms; stderr: ${err}`))
    }, timeoutMs)
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      // Output may still be in the pipes when the process has exited.
      setTimeout(() => resolve({ code, signal, stdout: out, stderr: err }), 50)
    })
  })
  return {
    pid,
    stdout: () => out,
    stderr: () => err,
    waitForStderr: (pattern) =>
      new Promise((resolve, reject) => {
        const match = pattern.exec(err)
        if (match) return resolve(match)
        waiters.push({ pattern, resolve })
        exited.then(
          () => reject(new Error(`the CLI ended before printing ${String(pattern)}; stderr: ${err}`)),
          (error: unknown) => reject(error instanceof Error ? error : new Error(String(error)))
        )
      }),
    signal: (signal) => child.kill(signal),
    exited
  }
}

/** Ends whatever is left of a child's process group (after a failed test). */
export function killGroup(child: CliChild): void {
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    // Nothing left.
  }
}
