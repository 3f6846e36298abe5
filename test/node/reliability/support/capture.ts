import { spawn } from 'node:child_process'
import { vi } from 'vitest'
import type { Capture } from './secret-scanner'

/**
 * Collects what a run writes: console calls, direct writes to stdout/stderr, and child
 * processes' output. Console and stream writes are swallowed while capturing.
 */
export class OutputCapture {
  readonly captures: Capture[] = []

  /** Runs `work` with console and process output captured under `where`. */
  async during<T>(where: string, work: () => Promise<T>): Promise<T> {
    const lines: string[] = []
    const keep = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.name}: ${a.message}\n${a.stack ?? ''}` : safeJson(a))).join(' '))
    }
    const spies = [
      vi.spyOn(console, 'log').mockImplementation(keep),
      vi.spyOn(console, 'info').mockImplementation(keep),
      vi.spyOn(console, 'warn').mockImplementation(keep),
      vi.spyOn(console, 'error').mockImplementation(keep),
      vi.spyOn(console, 'debug').mockImplementation(keep),
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (keep(String(chunk)), true)),
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (keep(String(chunk)), true))
    ]
    try {
      return await work()
    } finally {
      for (const spy of spies) spy.mockRestore()
      this.captures.push({ where: `console and process output of ${where}`, text: lines.join('\n') })
    }
  }

  /** Records any value a flow returned (outcomes, progress, pages) under `where`. */
  keep(where: string, value: unknown): void {
    this.captures.push({ where, text: typeof value === 'string' ? value : safeJson(value) })
  }
}

function safeJson(value: unknown): string {
  try {
    // JSON.stringify gives undefined for undefined, a function or a symbol.
    const text = JSON.stringify(value) as string | undefined
    return text ?? String(value)
  } catch {
    return String(value)
  }
}

export interface ChildResult {
  code: number | null
  stdout: string
  stderr: string
}

export interface ChildOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  stdin?: string
  timeoutMs?: number
  /** Called with each stderr chunk (e.g. to find a sign-in link). */
  onStderr?: (text: string) => void
  /** Called once the child runs; may stop it. */
  onSpawn?: (child: { kill(signal: NodeJS.Signals): void }) => void
  onStdout?: (text: string, child: { kill(signal: NodeJS.Signals): void }) => void
}

/** Runs `node --import tsx <script> …args`, killed (SIGKILL) if it outlives its timeout. */
export function runTsx(script: string, args: string[], options: ChildOptions): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8')
      options.onStdout?.(stdout, child)
    })
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8')
      options.onStderr?.(stderr)
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${script} ${args.join(' ')} did not finish within ${options.timeoutMs ?? 30_000} ms; stderr: ${stderr}`))
    }, options.timeoutMs ?? 30_000)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    options.onSpawn?.(child)
    child.stdin.end(options.stdin ?? '')
  })
}
