import { fork, type ChildProcess, type SpawnSyncReturns } from 'node:child_process'
import { resolve } from 'node:path'

export const REPO_ROOT = resolve(__dirname, '..', '..')

/** Requests and answers over a child's IPC channel, matched by id. */
export interface RpcMessage {
  id?: number
  type: string
  [key: string]: unknown
}

const isRpcMessage = (message: unknown): message is RpcMessage =>
  typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string'

/** What a finished `spawnSync` printed, and why it could not start (its stdout and stderr are then null, whatever the types say). */
export function spawnedOutput(result: SpawnSyncReturns<string>): string {
  const { stdout, stderr } = result as { stdout: string | null; stderr: string | null }
  return `${stdout ?? ''}${stderr ?? ''}${result.error ? String(result.error) : ''}`
}

/** Forks a TypeScript file under `node --import tsx` with an IPC channel. */
export function forkTs(script: string, args: string[] = [], execArgv: string[] = [], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return fork(resolve(REPO_ROOT, script), args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
}

/** Waits for the first message of a given type (or the child's exit), bounded by a timeout. */
export function waitForMessage<T extends RpcMessage>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => finish(new Error(`child sent no "${type}" within ${timeoutMs} ms`)), timeoutMs)
    const onMessage = (message: unknown): void => {
      if (!isRpcMessage(message)) return
      if (message.type === 'error') finish(new Error(String(message.message)))
      else if (message.type === type) finish(null, message as T)
    }
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      finish(new Error(`child exited (code ${code}, signal ${signal}) before "${type}"`))
    function finish(error: Error | null, message?: T): void {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
      if (error) reject(error)
      else resolvePromise(message as T)
    }
    child.on('message', onMessage)
    child.on('exit', onExit)
  })
}

let nextId = 1

/** Sends a request and waits for the answer carrying the same id. */
export function rpc<T extends RpcMessage>(child: ChildProcess, message: RpcMessage, timeoutMs = 10_000): Promise<T> {
  const id = nextId++
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => finish(new Error(`no answer to "${message.type}" within ${timeoutMs} ms`)), timeoutMs)
    const onMessage = (answer: unknown): void => {
      if (!isRpcMessage(answer) || answer.id !== id) return
      if (answer.type === 'error') finish(new Error(String(answer.message)))
      else finish(null, answer as T)
    }
    const onExit = (): void => finish(new Error(`child exited before answering "${message.type}"`))
    function finish(error: Error | null, answer?: T): void {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
      if (error) reject(error)
      else resolvePromise(answer as T)
    }
    child.on('message', onMessage)
    child.on('exit', onExit)
    child.send({ ...message, id })
  })
}

/** Ends a child: polite request first, SIGKILL to its own pid after a grace period. */
export async function stopChild(child: ChildProcess, graceMs = 3_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()))
  if (child.connected) child.send({ type: 'close' })
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}
