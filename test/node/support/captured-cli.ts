import { runCli, type CliIo } from '../../../src/cli/run'

/** What the command line printed, each stream as one text. */
export interface CliOutput {
  stdout: string
  stderr: string
}

export interface CapturedCliOptions {
  /** The environment the command line reads (LM_* settings), instead of the process's own. */
  env: Record<string, string>
  /** This PC's machine id, as the command line reads it. */
  machineId: string
  /** What it reads from stdin (`--password-stdin`, a piped request file); empty by default. */
  stdin?: string
  /** The network it uses; the real `fetch` by default. */
  fetch?: typeof fetch
}

/**
 * The command line's I/O for a run in this process: its output collected in `out`, stdin as
 * given, the real `fetch` unless another is given, no browser, no signals.
 */
export function capturedCli(options: CapturedCliOptions): { io: CliIo; out: CliOutput } {
  const out: CliOutput = { stdout: '', stderr: '' }
  const io: CliIo = {
    env: options.env,
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readStdin: async () => options.stdin ?? '',
    fetch: options.fetch ?? fetch,
    openExternal: async () => undefined,
    onInterrupt: () => () => undefined,
    machineId: () => options.machineId
  }
  return { io, out }
}

/** `runCli(argv)` in this process: its exit code and what it printed. */
export async function runCapturedCli(argv: string[], options: CapturedCliOptions): Promise<CliOutput & { code: number }> {
  const { io, out } = capturedCli(options)
  const code = await runCli(argv, io)
  return { code, ...out }
}
