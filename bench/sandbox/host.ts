/**
 * Child process that runs the License API sandbox for the bench, so the sandbox
 * has its own event loop (and core) and its memory is measured on its own.
 * Protocol over IPC: sends `ready` once listening; answers `stats`, `memory`,
 * `profile-start`, `profile-stop` (CPU profile to a file) and `close`.
 */
import { Session } from 'node:inspector'
import { writeFileSync } from 'node:fs'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/server'
import type { HostOptions } from './protocol'

type Message = { id?: number; type: string; [key: string]: unknown }

const send = (message: Message): void => {
  process.send?.(message)
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as HostOptions
  const sandbox: RunningSandbox = await startSandbox({
    host: '127.0.0.1',
    port: 0,
    quiet: true,
    sso: options.sso,
    seed: options.seed as SandboxOptions['seed']
  })
  let session: Session | null = null

  process.on('message', (message: Message) => {
    void handle(message).catch((error: unknown) =>
      send({ id: message.id, type: 'error', message: error instanceof Error ? error.message : String(error) })
    )
  })

  async function handle(message: Message): Promise<void> {
    switch (message.type) {
      case 'stats':
        send({ id: message.id, type: 'stats', stats: sandbox.stats() })
        return
      case 'memory': {
        const before = process.memoryUsage()
        globalThis.gc?.()
        const after = process.memoryUsage()
        send({ id: message.id, type: 'memory', beforeGc: before, afterGc: globalThis.gc ? after : null })
        return
      }
      case 'profile-start':
        session = new Session()
        session.connect()
        await post(session, 'Profiler.enable')
        await post(session, 'Profiler.setSamplingInterval', { interval: 200 })
        await post(session, 'Profiler.start')
        send({ id: message.id, type: 'profile-started' })
        return
      case 'profile-stop': {
        if (!session) throw new Error('profiler not started')
        const { profile } = (await post(session, 'Profiler.stop')) as { profile: unknown }
        writeFileSync(String(message.file), JSON.stringify(profile))
        session.disconnect()
        session = null
        send({ id: message.id, type: 'profile-stopped', file: message.file })
        return
      }
      case 'close':
        await sandbox.close()
        process.exit(0)
        return
      default:
        throw new Error(`unknown request ${message.type}`)
    }
  }

  send({
    type: 'ready',
    origin: sandbox.origin,
    apiUrl: sandbox.apiUrl,
    apiKey: sandbox.apiKey,
    sharedKey: sandbox.sharedKey,
    publicKey: sandbox.publicKey,
    oauth: sandbox.oauth,
    pid: process.pid
  })
}

function post(session: Session, method: string, params?: object): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolvePromise(result)))
  })
}

// The parent going away must not leave a listening sandbox behind.
process.on('disconnect', () => process.exit(0))

main().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  process.exit(1)
})
